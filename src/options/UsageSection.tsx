import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n/messages';
import { formatDateRange, formatNumber } from '../i18n/ui';
import { saveSettings, useSettings } from '../settings/settings';
import { emptyUsage, type Usage, weekStart } from '../usage/model';
import { byArticle, byWeek, gapRows, gapsCsv, usageCsv, usedCount } from '../usage/report';
import { requestClearUsage } from '../usage/channel';
import { readUsage, watchUsage } from '../usage/store';
import { loadArticleTitles } from './articles';
import { downloadFile } from './download';

const ALL_WEEKS = '';

/** "2026-W47 (16–22 Nov)": the ISO key, which the CSV carries too, and the days it spans. */
function weekLabel(week: string): string {
  const start = weekStart(week);
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 6);
  return `${week} (${formatDateRange(start, end)})`;
}

const Num = ({ value }: { value: number }) => <td class="num">{formatNumber(value)}</td>;

function Table(props: { caption: string; columns: readonly MessageKey[]; testId: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll">
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

/**
 * What was counted on this device: each answer's use, each week's totals and the content gaps, with CSV export,
 * the switch that turns counting off and the button that forgets it all.
 */
export function UsageSection() {
  const settings = useSettings();
  const [usage, setUsage] = useState<Usage>(emptyUsage);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [week, setWeek] = useState(ALL_WEEKS);
  const [message, setMessage] = useState('');

  useEffect(() => {
    void readUsage().then(setUsage, () => setUsage(emptyUsage()));
    void loadArticleTitles().then(setTitles, () => undefined);
    return watchUsage(setUsage);
  }, []);

  const weeks = useMemo(() => byWeek(usage), [usage]);
  const chosen = week === ALL_WEEKS || usage.weeks[week] ? week : ALL_WEEKS;
  const articles = useMemo(() => byArticle(usage, chosen || undefined), [usage, chosen]);
  const gaps = useMemo(() => gapRows(usage, chosen || undefined), [usage, chosen]);
  const stamp = weeks[0]?.week ?? 'empty';

  const clear = () => {
    if (!confirm(t('optionsClearConfirm'))) return;
    void requestClearUsage().then(() => {
      setUsage(emptyUsage());
      setMessage(t('optionsCleared'));
    });
  };

  return (
    <div class="usage" data-testid="options-usage">
      <p class="muted">{t('optionsUsageIntro')}</p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="options-count-usage"
          checked={settings?.countUsage ?? false}
          disabled={!settings}
          onChange={(event) => void saveSettings({ countUsage: (event.target as HTMLInputElement).checked })}
        />{' '}
        {t('optionsCountUsage')}
      </label>
      <div class="toolbar">
        <button type="button" data-testid="options-export-usage" disabled={weeks.length === 0} onClick={() => downloadFile(`deskmate-usage-${stamp}.csv`, usageCsv(usage, titles))}>
          {t('optionsExportUsage')}
        </button>
        <button type="button" data-testid="options-export-gaps" disabled={weeks.length === 0} onClick={() => downloadFile(`deskmate-content-gaps-${stamp}.csv`, gapsCsv(usage))}>
          {t('optionsExportGaps')}
        </button>
        <button type="button" data-testid="options-clear-usage" disabled={weeks.length === 0} onClick={clear}>
          {t('optionsClearUsage')}
        </button>
      </div>
      <p role="status" class="muted">
        {message}
      </p>
      {weeks.length === 0 ? (
        <p data-testid="options-usage-empty">{t('optionsUsageEmpty')}</p>
      ) : (
        <>
          <Table caption={t('optionsByWeek')} testId="options-by-week" columns={['optionsColWeek', 'optionsColShown', 'optionsColOpened', 'optionsColUsed', 'optionsColUp', 'optionsColDown', 'optionsColGaps']}>
            {weeks.map((row) => (
              <tr key={row.week}>
                <th scope="row">{weekLabel(row.week)}</th>
                <Num value={row.counts.shown} />
                <Num value={row.counts.opened} />
                <Num value={usedCount(row.counts)} />
                <Num value={row.counts.up} />
                <Num value={row.counts.down} />
                <Num value={row.gaps} />
              </tr>
            ))}
          </Table>
          <label class="field inline">
            {t('optionsColWeek')}{' '}
            <select data-testid="options-week" value={chosen} onChange={(event) => setWeek((event.target as HTMLSelectElement).value)}>
              <option value={ALL_WEEKS}>{t('optionsAllWeeks')}</option>
              {weeks.map((row) => (
                <option key={row.week} value={row.week}>
                  {weekLabel(row.week)}
                </option>
              ))}
            </select>
          </label>
          <Table
            caption={t('optionsByArticle')}
            testId="options-by-article"
            columns={['optionsColArticle', 'optionsColShown', 'optionsColOpened', 'optionsColInserted', 'optionsColCopied', 'optionsColLinked', 'optionsColUp', 'optionsColDown']}
          >
            {articles.map(({ articleId, counts }) => (
              <tr key={articleId} data-article-id={articleId}>
                <th scope="row" dir="auto">
                  {titles.get(articleId) ?? articleId}
                  {titles.has(articleId) && <span class="muted article-id"> ({articleId})</span>}
                </th>
                <Num value={counts.shown} />
                <Num value={counts.opened} />
                <Num value={counts.inserted} />
                <Num value={counts.copied} />
                <Num value={counts.linked} />
                <Num value={counts.up} />
                <Num value={counts.down} />
              </tr>
            ))}
          </Table>
          {gaps.length === 0 ? (
            <p>{t('optionsNoGaps')}</p>
          ) : (
            <Table caption={t('optionsGaps')} testId="options-gaps" columns={['optionsColWords', 'optionsColSource', 'optionsColTimes', 'optionsColWeek']}>
              {gaps.map((gap) => (
                <tr key={`${gap.week}|${gap.source}|${gap.words}`}>
                  <th scope="row" dir="auto">
                    {gap.words}
                  </th>
                  <td>{t(gap.source === 'ticket' ? 'optionsSourceTicket' : 'optionsSourceSearch')}</td>
                  <Num value={gap.count} />
                  <td>{gap.week}</td>
                </tr>
              ))}
            </Table>
          )}
        </>
      )}
    </div>
  );
}
