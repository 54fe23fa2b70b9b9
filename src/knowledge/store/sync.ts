import type { ImportDom } from '../import/dom';
import { importFiles } from './import';
import type { Source } from './model';
import type { RebuildRequest } from './rebuild';
import { DEFAULT_SYNC_HOURS } from './source-url';

/**
 * A knowledge source URL: a team-hosted file of articles in any format an import reads (JSONL, JSON, a
 * knowledge bundle from `npm run kb -- build`), fetched again on a schedule. The request asks only whether it
 * changed (ETag, Last-Modified); nothing about the agent or a ticket is sent. A fetch or an import that fails
 * is written on the source and leaves its last good articles in the knowledge base.
 */

/** Larger answers are refused before they are read: the device would not index them in reasonable time anyway. */
export const MAX_SOURCE_BYTES = 256 * 1024 * 1024;

export interface SyncDeps {
  fetch: typeof fetch;
  html: () => ImportDom | Promise<ImportDom>;
  /** Writes the change: the knowledge worker's rebuild, under its lock (jobs.ts). */
  rebuild: (request: RebuildRequest) => Promise<number | undefined>;
  now?: Date;
}

export type SyncOutcome = { kind: 'updated'; count: number } | { kind: 'unchanged' } | { kind: 'failed'; error: string };

/** The name notices give the fetched file: the last part of the URL's path. */
const fileName = (url: URL) => decodeURIComponent(url.pathname.split('/').pop() || url.hostname);

/** Fetches a knowledge source URL if it changed, imports it and rebuilds; records what happened on the source. */
export async function syncSource(source: Source, deps: SyncDeps): Promise<SyncOutcome> {
  const now = deps.now ?? new Date();
  // This fetch's state: checked now, and the last failure forgotten until this one says otherwise.
  const { error: _previous, ...sync } = { everyHours: DEFAULT_SYNC_HOURS, ...source.sync, checkedAt: now.toISOString() };
  const record = async (error?: string) => {
    await deps.rebuild({ type: 'put', source: { ...source, sync: { ...sync, ...(error !== undefined && { error }) } } });
  };
  try {
    const url = new URL(source.name);
    const headers: Record<string, string> = {};
    if (source.count > 0 && sync.etag) headers['If-None-Match'] = sync.etag;
    if (source.count > 0 && sync.lastModified) headers['If-Modified-Since'] = sync.lastModified;
    const response = await deps.fetch(url, { headers, credentials: 'omit', cache: 'no-cache', referrerPolicy: 'no-referrer' });
    if (response.status === 304) {
      await record();
      return { kind: 'unchanged' };
    }
    if (!response.ok) throw new Error(`${url.href}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_SOURCE_BYTES) throw new Error(`${url.href}: ${length} bytes, more than the ${MAX_SOURCE_BYTES} a source may have`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_SOURCE_BYTES) throw new Error(`${url.href}: more than the ${MAX_SOURCE_BYTES} bytes a source may have`);
    const imported = await importFiles([{ name: fileName(url), bytes }], { kind: 'url', name: source.name, html: deps.html, now });
    const validators = { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
    const updated: Source = { ...imported.source, addedAt: source.addedAt, sync: { ...sync, ...validators } };
    const count = await deps.rebuild({ type: 'put', source: updated, articles: imported.articles, ...(imported.index !== undefined && { index: imported.index }) });
    return { kind: 'updated', count: count ?? imported.articles.length };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record(message).catch(() => undefined);
    return { kind: 'failed', error: message };
  }
}
