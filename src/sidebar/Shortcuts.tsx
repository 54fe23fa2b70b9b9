import { type MessageKey, t } from '../i18n/messages';

// Key names stay as printed on the keyboard in every language, and read left to right (`dir` below).
const SHORTCUTS: readonly [string, MessageKey][] = [
  ['/', 'searchLabel'],
  ['↓ ↑', 'shortcutMove'],
  ['Enter', 'shortcutOpen'],
  ['i', 'shortcutInsert'],
  ['c', 'shortcutCopy'],
  ['l', 'shortcutCopyLink'],
  ['Esc', 'shortcutEscape'],
  ['?', 'shortcutHelp'],
];

export function Shortcuts({ onClose }: { onClose(): void }) {
  return (
    <section class="card shortcuts" role="dialog" aria-label={t('shortcutsTitle')}>
      <h2>{t('shortcutsTitle')}</h2>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd dir="ltr">{keys}</kbd>
            </dt>
            <dd>{t(what)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('close')}
      </button>
    </section>
  );
}
