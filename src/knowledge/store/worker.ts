import * as z from 'zod/mini';
import { Article } from '../../model/article';
import { openKnowledgeDb } from './db';
import { remoteDom } from './dom-bridge';
import { runJob } from './jobs';
import { WorkerRequest, type WorkerEvent } from './protocol';

/**
 * The knowledge worker: one job a run (jobs.ts), its progress and outcome posted back; what needs a DOM is
 * asked of the page that started it (dom-bridge.ts).
 */

const post = (event: WorkerEvent) => postMessage(event);
const bridge = remoteDom(post);

async function bundled(): Promise<Article[]> {
  const response = await fetch(new URL('/kb/articles.json', location.origin));
  if (!response.ok) throw new Error(`kb/articles.json: ${response.status}`);
  return z.array(Article).parse(await response.json());
}

let started = false;

addEventListener('message', (event: MessageEvent<unknown>) => {
  if (bridge.answer(event.data)) return;
  const request = WorkerRequest.safeParse(event.data);
  if (started || !request.success) {
    post({ type: 'failed', message: 'not a knowledge job this worker knows' });
    return;
  }
  started = true;
  runJob(request.data, { openDb: openKnowledgeDb, bundled, dom: () => bridge.dom, fetch: (...args) => fetch(...args), progress: (progress) => post({ type: 'progress', progress }) }).then(
    (result) => post({ type: 'done', result }),
    (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
  );
});
