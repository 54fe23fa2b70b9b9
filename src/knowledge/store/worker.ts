import * as z from 'zod/mini';
import { Article } from '../../model/article';
import { openKnowledgeDb } from './db';
import { withRebuildLock } from './lock';
import { rebuild, RebuildRequest, type RebuildEvent } from './rebuild';

/**
 * The rebuild worker: one change to the device's knowledge a run (rebuild.ts), its progress and outcome
 * posted back, one at a time across the extension (withRebuildLock).
 */

const post = (event: RebuildEvent) => postMessage(event);

async function bundled(): Promise<Article[]> {
  const response = await fetch(new URL('/kb/articles.json', location.origin));
  if (!response.ok) throw new Error(`kb/articles.json: ${response.status}`);
  return z.array(Article).parse(await response.json());
}

addEventListener('message', (event: MessageEvent<unknown>) => {
  const request = RebuildRequest.safeParse(event.data);
  if (!request.success) {
    post({ type: 'failed', message: 'not a knowledge change this worker knows' });
    return;
  }
  void withRebuildLock(async () => {
    let db;
    try {
      db = await openKnowledgeDb();
      const count = await rebuild(request.data, { db, bundled, progress: (phase, done, total) => post({ type: 'progress', phase, done, total }) });
      post({ type: 'done', count });
    } catch (error) {
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      db?.close();
    }
  });
});
