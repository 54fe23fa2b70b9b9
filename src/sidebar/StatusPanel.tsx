import { useState } from 'preact/hooks';
import { t } from '../i18n/messages';
import { copyToClipboard } from './clipboard';

interface Props {
  title: string;
  detail?: string;
  /** Text a user can paste into a bug report: never ticket text. */
  diagnostic?: string;
}

export function StatusPanel({ title, detail, diagnostic }: Props) {
  const [copied, setCopied] = useState(false);
  return (
    <section class="card status" role="status">
      <h2>{title}</h2>
      {detail && <p>{detail}</p>}
      {diagnostic && (
        <button
          type="button"
          onClick={() => void copyToClipboard(diagnostic).then(() => setCopied(true))}
        >
          {t(copied ? 'diagnosticCopied' : 'copyDiagnostic')}
        </button>
      )}
    </section>
  );
}
