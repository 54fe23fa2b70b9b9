import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../i18n/messages';
import { plural } from '../i18n/ui';
import { syncKnowledge } from '../knowledge/store/client';
import { setKnowledgeHost } from '../knowledge/store/hosts';
import { sourceId } from '../knowledge/store/import';
import type { Source } from '../knowledge/store/model';
import { checkSourceUrl, DEFAULT_SYNC_HOURS, originPattern, SYNC_CHOICES_HOURS } from '../knowledge/store/source-url';

/**
 * Fetches a knowledge source URL now, asking for its host first when it is not granted: straight from the
 * click, since browsers show the permission prompt only during a user gesture. Returns what to tell the user.
 */
export async function syncNow(source: Source): Promise<string> {
  const pattern = originPattern(source.name);
  if (!(await browser.permissions.request({ origins: [pattern] }))) throw new Error(t('knowledgeUrlDenied', new URL(source.name).host));
  await setKnowledgeHost(pattern, true);
  const [outcome] = await syncKnowledge([source]);
  if (!outcome) throw new Error(t('knowledgeUrlInvalid', source.name));
  if (outcome.kind === 'failed') throw new Error(outcome.error);
  return outcome.kind === 'unchanged' ? t('knowledgeUrlUnchanged', source.name) : `${t('knowledgeImported', source.name)} ${plural('knowledgeTotal', outcome.count)}`;
}

/** The form that adds a knowledge source URL: the address, how often it is fetched, fetched once at once. */
export function KnowledgeUrlForm(props: { disabled: boolean; run: (work: () => Promise<string>) => void; sources: readonly Source[] }) {
  const [address, setAddress] = useState('');
  const [hours, setHours] = useState<number>(DEFAULT_SYNC_HOURS);
  const [problem, setProblem] = useState('');

  const add = () => {
    const url = checkSourceUrl(address);
    if (typeof url === 'string') {
      setProblem(t('knowledgeUrlInvalid', url));
      return;
    }
    setProblem('');
    const now = new Date().toISOString();
    const earlier = props.sources.find((source) => source.id === sourceId('url', url.href));
    const source: Source = earlier
      ? { ...earlier, sync: { ...earlier.sync, everyHours: hours } }
      : { id: sourceId('url', url.href), kind: 'url', name: url.href, addedAt: now, updatedAt: now, count: 0, locales: {}, dues: [], notices: [], noticeCount: 0, sync: { everyHours: hours } };
    props.run(() => syncNow(source));
  };

  return (
    <form
      class="url-form"
      data-testid="options-knowledge-url-form"
      onSubmit={(event) => {
        event.preventDefault();
        add();
      }}
    >
      <h3>{t('knowledgeUrlTitle')}</h3>
      <p class="muted" id="knowledge-url-hint">
        {t('knowledgeUrlHint')}
      </p>
      <div class="field">
        <label for="knowledge-url">{t('knowledgeUrlLabel')}</label>
        <input
          id="knowledge-url"
          type="url"
          dir="ltr"
          required
          data-testid="options-knowledge-url"
          placeholder="https://kb.example.com/articles.jsonl"
          maxLength={2_000}
          aria-describedby="knowledge-url-hint"
          aria-invalid={problem ? 'true' : undefined}
          value={address}
          onInput={(event) => setAddress((event.target as HTMLInputElement).value)}
        />
        {problem && <p class="notice error">{problem}</p>}
      </div>
      <div class="field inline">
        <label for="knowledge-url-every">{t('knowledgeUrlEvery')}</label>
        <select id="knowledge-url-every" data-testid="options-knowledge-url-every" value={String(hours)} onChange={(event) => setHours(Number((event.target as HTMLSelectElement).value))}>
          {SYNC_CHOICES_HOURS.map((choice) => (
            <option key={choice} value={String(choice)}>
              {plural('knowledgeUrlHours', choice)}
            </option>
          ))}
        </select>
        <button type="submit" class="primary" data-testid="options-knowledge-url-add" disabled={props.disabled}>
          {t('knowledgeUrlAdd')}
        </button>
      </div>
    </form>
  );
}
