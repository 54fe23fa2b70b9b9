import type { Article } from '../../model/article';
import type { ImportDom } from '../import/dom';
import type { Db } from './db';
import { importFiles } from './import';
import { withRebuildLock } from './lock';
import type { JobResult, Progress, WorkerRequest } from './protocol';
import { rebuild } from './rebuild';
import { syncSource, type SyncOutcome } from './sync';

/**
 * The knowledge worker's jobs (worker.ts), apart from the worker so they can be run and measured anywhere:
 * a rebuild; an import of files, read and checked here and then rebuilt; a sync of knowledge source URLs, each
 * fetched, imported and rebuilt in turn. Only the rebuilds hold the lock: reading a large export does not keep
 * another page from changing the knowledge base meanwhile.
 */

export interface JobContext {
  openDb: () => Promise<Db>;
  bundled: () => Promise<Article[]>;
  dom: () => ImportDom;
  fetch: typeof fetch;
  progress: (progress: Progress) => void;
  now?: () => Date;
}

async function locked(request: Parameters<typeof rebuild>[0], ctx: JobContext): Promise<number | undefined> {
  return withRebuildLock(async () => {
    const db = await ctx.openDb();
    try {
      return await rebuild(request, { db, bundled: ctx.bundled, progress: (phase, done, total) => ctx.progress({ step: 'rebuild', phase, done, total }), now: ctx.now?.() });
    } finally {
      db.close();
    }
  });
}

export async function runJob(request: WorkerRequest, ctx: JobContext): Promise<JobResult> {
  if (request.type === 'import') {
    const { source, articles, index } = await importFiles(request.files, {
      kind: request.kind,
      name: request.name,
      map: request.map,
      html: ctx.dom,
      onStep: ctx.progress,
      now: ctx.now?.(),
    });
    const count = await locked({ type: 'put', source, articles, ...(index !== undefined && { index }) }, ctx);
    return { kind: 'imported', source, count: count ?? articles.length };
  }
  if (request.type === 'sync') {
    const outcomes: SyncOutcome[] = [];
    for (const source of request.sources) {
      outcomes.push(await syncSource(source, { fetch: ctx.fetch, html: ctx.dom, rebuild: (change) => locked(change, ctx), now: ctx.now?.() }));
    }
    return { kind: 'synced', outcomes };
  }
  return { kind: 'rebuilt', count: await locked(request, ctx) };
}
