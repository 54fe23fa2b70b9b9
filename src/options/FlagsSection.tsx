import { useEffect, useMemo, useState } from 'preact/hooks';
import { requestClearFlags, requestRemoveFlag } from '../flags/channel';
import { flagsCsv } from '../flags/csv';
import { type Flag, flagOwners, ownedBy } from '../flags/model';
import { readFlags, watchFlags } from '../flags/store';
import { type MessageKey, t } from '../i18n/messages';
import { formatDateTime, plural } from '../i18n/ui';
import { downloadFile } from './download';

/** The owner filter's value for every flag; an owner's is `owner:` and the name (nothing after it for no owner). */
const ALL = 'all';
const ownerValue = (owner: string) => `owner:${owner}`;

const COLUMNS: readonly MessageKey[] = ['optionsColArticle', 'optionsColOwner', 'optionsColReason', 'optionsColComment', 'optionsColFlagged', 'optionsColTicket'];

/** A file name that names the owner and the day: `deskmate-flags-payments-team-2026-11-18.csv`. */
function fileName(owner: string | null, now: Date): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const who = owner === null ? '' : `${owner.replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'no-owner'}-`;
  return `deskmate-flags-${who}${day}.csv`;
}

/**
 * The answers the agent flagged as wrong or outdated (src/flags/), newest first, by owner if chosen: each one
 * removable, all of them (or one owner's) exported as CSV for the owners, and a button that forgets them all.
 */
export function FlagsSection() {
  const [flags, setFlags] = useState<Flag[]>([]);
  const [filter, setFilter] = useState(ALL);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void readFlags().then(setFlags, () => setMessage(t('optionsFlagsFailed')));
    return watchFlags(setFlags);
  }, []);

  const owners = useMemo(() => flagOwners(flags), [flags]);
  const owner = owners.find((name) => ownerValue(name) === filter) ?? null;
  const shown = useMemo(() => (owner === null ? flags : ownedBy(flags, owner)), [flags, owner]);

  const change = (request: Promise<void>, done: MessageKey) =>
    void request.then(
      () => setMessage(t(done)),
      () => setMessage(t('optionsFlagsFailed')),
    );

  const clear = () => {
    if (confirm(t('optionsClearFlagsConfirm'))) change(requestClearFlags(), 'optionsFlagsCleared');
  };

  return (
    <div class="flags" data-testid="options-flags">
      <p class="muted">{t('optionsFlagsIntro')}</p>
      {owners.length > 1 && (
        <label class="field inline">
          {t('optionsColOwner')}{' '}
          <select data-testid="options-flags-owner" value={owner === null ? ALL : filter} onChange={(event) => setFilter((event.target as HTMLSelectElement).value)}>
            <option value={ALL}>{t('optionsAllOwners')}</option>
            {owners.map((name) => (
              <option key={name} value={ownerValue(name)}>
                {name || t('optionsNoOwner')}
              </option>
            ))}
          </select>
        </label>
      )}
      <div class="toolbar">
        <button type="button" data-testid="options-export-flags" disabled={shown.length === 0} onClick={() => downloadFile(fileName(owner, new Date()), flagsCsv(shown))}>
          {t('optionsExportFlags')}
        </button>
        <button type="button" data-testid="options-clear-flags" disabled={flags.length === 0} onClick={clear}>
          {t('optionsClearFlags')}
        </button>
      </div>
      <p role="status" class="muted">
        {message}
      </p>
      {flags.length === 0 ? (
        <p data-testid="options-flags-empty">{t('optionsFlagsEmpty')}</p>
      ) : (
        <div class="table-scroll">
          <table data-testid="options-flags-table">
            <caption>{plural('optionsFlagsCount', shown.length)}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th key={column} scope="col">
                    {t(column)}
                  </th>
                ))}
                <th scope="col">
                  <span class="sr-only">{t('optionsRemoveFlag')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((flag) => (
                <tr key={flag.id} data-article-id={flag.articleId}>
                  <th scope="row" dir="auto">
                    {flag.title}
                    <span class="muted article-id"> ({flag.articleId})</span>
                  </th>
                  <td dir="auto">{flag.owner ?? ''}</td>
                  <td>{t(flag.reason === 'wrong' ? 'flagWrong' : 'flagOutdated')}</td>
                  <td dir="auto">{flag.comment}</td>
                  <td>
                    <time dateTime={flag.at}>{formatDateTime(flag.at)}</time>
                  </td>
                  <td>{flag.ticketId && `${flag.helpdesk ?? ''} ${flag.ticketId}`.trim()}</td>
                  <td>
                    <button type="button" data-testid="options-remove-flag" aria-label={t('optionsRemoveFlagLabel', flag.title)} onClick={() => change(requestRemoveFlag(flag.id), 'optionsFlagRemoved')}>
                      {t('optionsRemoveFlag')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
