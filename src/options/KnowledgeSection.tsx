import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../i18n/messages';
import { formatDateTime, formatList, formatNumber, plural } from '../i18n/ui';
import { readBundledArticles } from '../knowledge/bundled';
import { parseFieldMap } from '../knowledge/import';
import type { FieldMap } from '../knowledge/import/types';
import { changeKnowledge, importKnowledge, type Progress } from '../knowledge/store/client';
import { openKnowledgeDb, readCompiled, readSources } from '../knowledge/store/db';
import { sourceId } from '../knowledge/store/import';
import { setKnowledgeHost } from '../knowledge/store/hosts';
import { type Source, type SourceNotice, staleCount } from '../knowledge/store/model';
import { bundledEnabled } from '../knowledge/store/rebuild';
import { whileKnowledgeChanges } from '../knowledge/store/version';
import { originPattern } from '../knowledge/store/source-url';
import { LIMITS } from '../model/limits';
import { droppedFiles, type PickedFile, pickedFiles, readFiles, sourceName } from './files';
import { KnowledgeUrlForm, syncNow } from './KnowledgeUrlForm';

/** What the section shows of the knowledge base: the sources added on this device and the bundled one. */
interface Overview {
  sources: Source[];
  bundled: { enabled: boolean; count: number };
  /** Articles the sidebar searches now (an article in two sources counts once). */
  total: number;
}

async function readOverview(): Promise<Overview> {
  const db = await openKnowledgeDb();
  try {
    const [sources, compiled, bundled] = await Promise.all([readSources(db), readCompiled(db), readBundledArticles()]);
    return { sources, bundled: { enabled: bundledEnabled(compiled), count: bundled.length }, total: compiled?.count ?? bundled.length };
  } finally {
    db.close();
  }
}

/** Work under way: what it is doing and how far it is. */
interface Busy {
  label: string;
  done: number;
  total: number;
}

const progressBusy = (progress: Progress): Busy => {
  const { done, total } = progress;
  if (progress.step === 'reading') return { label: t('knowledgeStepReading', progress.file), done, total };
  if (progress.step === 'checking') return { label: t('knowledgeStepChecking'), done, total };
  const { phase } = progress;
  return { label: t(phase === 'reading' ? 'knowledgeStepLoading' : phase === 'indexing' ? 'knowledgeStepIndexing' : 'knowledgeStepSaving'), done, total };
};

const describeError = (error: unknown) => (error instanceof Error ? error.message : String(error));

const today = () => new Date().toISOString().slice(0, 10);

function Locales({ locales }: { locales: Readonly<Record<string, number>> }) {
  const parts = Object.entries(locales)
    .sort((a, b) => b[1] - a[1])
    .map(([locale, count]) => `${locale === 'unknown' ? t('knowledgeLocaleUnknown') : locale} ${formatNumber(count)}`);
  return <>{formatList(parts, 'unit')}</>;
}

const NOTICE_KIND: Readonly<Record<SourceNotice['kind'], MessageKey>> = {
  fixed: 'knowledgeNoticeFixed',
  flagged: 'knowledgeNoticeFlagged',
  skipped: 'knowledgeNoticeSkipped',
  lint: 'knowledgeNoticeLint',
};

/** When a knowledge source URL was last fetched, how often it is, and what failed last time. */
function SyncStatus({ source }: { source: Source }) {
  const sync = source.sync;
  if (!sync) return null;
  return (
    <p class="muted sync-status" data-testid="options-knowledge-sync-status">
      {plural('knowledgeUrlHours', sync.everyHours)}
      {sync.checkedAt && ` · ${t('knowledgeUrlChecked', formatDateTime(sync.checkedAt))}`}
      {sync.error && (
        <span class="notice error" data-testid="options-knowledge-sync-error">
          {' '}
          {t('knowledgeUrlFailed', sync.error)}
        </span>
      )}
    </p>
  );
}

/** Gives a removed knowledge source URL's host permission back, unless another source still uses the host. */
async function releaseHost(removed: Source, sources: readonly Source[]): Promise<void> {
  const pattern = originPattern(removed.name);
  if (sources.some((source) => source.id !== removed.id && source.kind === 'url' && originPattern(source.name) === pattern)) return;
  await setKnowledgeHost(pattern, false);
  await browser.permissions.remove({ origins: [pattern] });
}

function Notices({ source }: { source: Source }) {
  if (source.noticeCount === 0) return null;
  return (
    <details class="notices" data-testid="options-knowledge-notices">
      <summary>{plural('knowledgeNotices', source.noticeCount)}</summary>
      <ul>
        {source.notices.map((notice, i) => (
          <li key={i} data-kind={notice.kind}>
            <span class={`notice-kind ${notice.kind}`}>{t(NOTICE_KIND[notice.kind])}</span> <bdi class="article-id">{notice.place}</bdi>: <bdi>{notice.message}</bdi>
          </li>
        ))}
      </ul>
      {source.noticeCount > source.notices.length && <p class="muted">{t('knowledgeNoticesCut', formatNumber(source.notices.length))}</p>}
    </details>
  );
}

const ACCEPTED = '.md,.markdown,.json,.jsonl,.ndjson,.csv,.tsv,.html,.htm,.zip';

/** A file picker drawn as a button; `folder` picks a whole folder (of Markdown, say). */
function FilePicker(props: { label: string; testId: string; folder?: boolean; disabled: boolean; onPick: (files: PickedFile[]) => void }) {
  return (
    <label class="button">
      {props.label}
      <input
        type="file"
        class="sr-only"
        data-testid={props.testId}
        {...(props.folder ? { webkitdirectory: true } : { multiple: true, accept: ACCEPTED })}
        disabled={props.disabled}
        onChange={(event) => {
          const input = event.target as HTMLInputElement;
          props.onPick(pickedFiles(input.files));
          input.value = '';
        }}
      />
    </label>
  );
}

/**
 * The knowledge base on this device: import files (dropped, or picked one by one or as a folder), the sources
 * with their articles by language and how many need review, what each import fixed and flagged, remove a
 * source, switch the bundled knowledge base off. Imports are read here and indexed in a worker; a file that
 * fails names the place at fault and leaves the knowledge base as it was.
 */
export function KnowledgeSection() {
  const [overview, setOverview] = useState<Overview | null>(null);
  const [loadFailure, setLoadFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [mapping, setMapping] = useState('');
  const [dragging, setDragging] = useState(false);

  const refresh = () =>
    readOverview().then(
      (next) => {
        setOverview(next);
        setLoadFailure(null);
      },
      (error: unknown) => setLoadFailure(describeError(error)),
    );
  useEffect(() => void refresh(), []);

  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setResult(null);
    setBusy({ label: t('knowledgeStepStarting'), done: 0, total: 0 });
    let outcome: { ok: boolean; text: string };
    try {
      // Open sidebars say their answers are about to change until the work ends.
      outcome = { ok: true, text: await whileKnowledgeChanges(work) };
    } catch (error) {
      // A KnowledgeError's message starts with the file and line at fault.
      outcome = { ok: false, text: t('knowledgeFailed', describeError(error)) };
    }
    // The table is current by the time the outcome is said.
    await refresh();
    setBusy(null);
    setResult(outcome);
  };

  const importPicked = (picked: PickedFile[]) => {
    if (picked.length === 0) return;
    void run(async () => {
      let map: FieldMap;
      try {
        map = parseFieldMap(mapping);
      } catch (error) {
        throw new Error(t('knowledgeBadMapping', describeError(error)));
      }
      const name = sourceName(picked);
      const files = await readFiles(picked, (read, total) => setBusy({ label: t('knowledgeStepBytes'), done: read, total }));
      const earlier = overview?.sources.some((known) => known.id === sourceId('file', name));
      const { source } = await importKnowledge(files, { kind: 'file', name, map }, (progress) => setBusy(progressBusy(progress)));
      const fixed = source.notices.filter((notice) => notice.kind === 'fixed').length;
      const flagged = source.noticeCount - fixed;
      return [t('knowledgeImported', name), plural('knowledgeArticleCount', source.count), earlier ? t('knowledgeReplaced') : '', fixed || flagged ? t('knowledgeImportNotices', formatNumber(fixed), formatNumber(flagged)) : '']
        .filter(Boolean)
        .join(' ');
    });
  };

  const remove = (source: Source) => {
    if (!confirm(t('knowledgeRemoveConfirm', source.name))) return;
    void run(async () => {
      await changeKnowledge({ type: 'remove', id: source.id }, (progress) => setBusy(progressBusy(progress)));
      if (source.kind === 'url') await releaseHost(source, overview?.sources ?? []);
      return t('knowledgeRemoved', source.name);
    });
  };

  const setBundled = (enabled: boolean) =>
    void run(async () => {
      await changeKnowledge({ type: 'bundled', enabled }, (progress) => setBusy(progressBusy(progress)));
      return t(enabled ? 'knowledgeBundledOn' : 'knowledgeBundledOff');
    });

  const day = today();
  return (
    <div class="knowledge" data-testid="options-knowledge">
      <p class="muted">{t('knowledgeIntro')}</p>
      <div
        class={`drop${dragging ? ' dragging' : ''}`}
        data-testid="options-knowledge-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          if (event.dataTransfer) void droppedFiles(event.dataTransfer).then(importPicked);
        }}
      >
        <p>{t('knowledgeDrop')}</p>
        <div class="toolbar">
          <FilePicker label={t('knowledgePickFiles')} testId="options-knowledge-file" disabled={busy !== null} onPick={importPicked} />
          <FilePicker label={t('knowledgePickFolder')} testId="options-knowledge-folder" folder disabled={busy !== null} onPick={importPicked} />
        </div>
        <p class="muted">{t('knowledgeFormats')}</p>
      </div>
      <div class="field">
        <label for="knowledge-map">{t('knowledgeMapping')}</label>
        <input
          id="knowledge-map"
          type="text"
          dir="ltr"
          data-testid="options-knowledge-map"
          placeholder="title=Question,body=Answer"
          maxLength={LIMITS.short}
          aria-describedby="knowledge-map-hint"
          value={mapping}
          onInput={(event) => setMapping((event.target as HTMLInputElement).value)}
        />
        <p id="knowledge-map-hint" class="muted">
          {t('knowledgeMappingHint')}
        </p>
      </div>
      <KnowledgeUrlForm disabled={busy !== null} run={(work) => void run(work)} sources={overview?.sources ?? []} />
      <div role="status" aria-live="polite" class="knowledge-status">
        {busy && (
          <div data-testid="options-knowledge-progress">
            <label for="knowledge-progress">{busy.label}</label>{' '}
            <progress id="knowledge-progress" max={busy.total || undefined} value={busy.total ? busy.done : undefined} />
          </div>
        )}
        {result && (
          <p class={result.ok ? 'notice' : 'notice error'} data-testid="options-knowledge-result" data-ok={String(result.ok)}>
            {result.text}
          </p>
        )}
      </div>
      {loadFailure !== null && (
        <p class="notice error" data-testid="options-knowledge-unavailable">
          {t('knowledgeUnavailable', loadFailure)}
        </p>
      )}
      {overview && (
        <>
          <p data-testid="options-knowledge-total">{plural('knowledgeTotal', overview.total)}</p>
          <div class="table-scroll">
            <table data-testid="options-knowledge-sources">
              <caption>{t('knowledgeSources')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('knowledgeColSource')}</th>
                  <th scope="col">{t('knowledgeColArticles')}</th>
                  <th scope="col">{t('knowledgeColLanguages')}</th>
                  <th scope="col">{t('knowledgeColStale')}</th>
                  <th scope="col">{t('knowledgeColUpdated')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('knowledgeColActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <tr data-testid="options-knowledge-source" data-source-id="bundled">
                  <th scope="row">{t('knowledgeBundled')}</th>
                  <td class="num">{formatNumber(overview.bundled.count)}</td>
                  <td />
                  <td />
                  <td />
                  <td>
                    <label class="switch">
                      <input
                        type="checkbox"
                        data-testid="options-knowledge-bundled"
                        checked={overview.bundled.enabled}
                        disabled={busy !== null}
                        onChange={(event) => setBundled((event.target as HTMLInputElement).checked)}
                      />
                      {t('knowledgeBundledUse')}
                    </label>
                  </td>
                </tr>
                {overview.sources.map((source) => (
                  <tr key={source.id} data-testid="options-knowledge-source" data-source-id={source.id}>
                    <th scope="row">
                      <bdi>{source.name}</bdi>
                      {source.sync && <SyncStatus source={source} />}
                      <Notices source={source} />
                    </th>
                    <td class="num">{formatNumber(source.count)}</td>
                    <td>
                      <Locales locales={source.locales} />
                    </td>
                    <td class="num" data-testid="options-knowledge-stale">
                      {formatNumber(staleCount(source, day))}
                    </td>
                    <td>{formatDateTime(source.updatedAt)}</td>
                    <td class="actions">
                      {source.kind === 'url' && (
                        <button type="button" data-testid="options-knowledge-sync" disabled={busy !== null} onClick={() => void run(() => syncNow(source))}>
                          {t('knowledgeUrlSyncNow')}
                        </button>
                      )}
                      <button
                        type="button"
                        data-testid="options-knowledge-remove"
                        aria-label={t('knowledgeRemoveLabel', source.name)}
                        disabled={busy !== null}
                        onClick={() => remove(source)}
                      >
                        {t('knowledgeRemove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
