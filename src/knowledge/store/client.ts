import { createHtmlCleaner } from '../html';
import { type ImportDom, localDom } from '../import/dom';
import { answerDom } from './dom-bridge';
import type { InputFile } from './import';
import type { Source } from './model';
import type { ImportRequest, JobResult, Progress, WorkerEvent, WorkerRequest } from './protocol';
import type { RebuildRequest } from './rebuild';
import type { SyncOutcome } from './sync';
import { announceKnowledgeChange } from './version';

/**
 * A page's side of the knowledge worker (worker.ts): starts one for a job, answers its DOM questions with this
 * page's DOM, passes its progress on. `changeKnowledge`, `importKnowledge` and `syncKnowledge` then tell every
 * sidebar and popup (version.ts), so they load the new index; a page without the storage API (the offscreen
 * document a scheduled sync runs in) calls `runJob` and leaves the telling to the background.
 */

export type { Progress };

export function runJob(request: WorkerRequest, onProgress: (progress: Progress) => void = () => undefined, transfer: Transferable[] = []): Promise<JobResult> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let dom: ImportDom | undefined;
  // The page's DOM: DOMPurify over this window, made at the first question.
  const pageDom = () => (dom ??= localDom(createHtmlCleaner(window)));
  return new Promise<JobResult>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerEvent>) => {
      const message = event.data;
      if (message.type === 'dom') void answerDom(message, pageDom).then((answer) => worker.postMessage(answer));
      else if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the knowledge worker stopped')));
    worker.postMessage(request, transfer);
  }).finally(() => worker.terminate());
}

function expect<K extends JobResult['kind']>(result: JobResult, kind: K): Extract<JobResult, { kind: K }> {
  if (result.kind !== kind) throw new Error(`the knowledge worker answered ${result.kind}, not ${kind}`);
  return result as Extract<JobResult, { kind: K }>;
}

/** A rebuild for a change (remove a source, switch the bundled knowledge base); the article count after it, undefined when unchanged. */
export async function changeKnowledge(request: RebuildRequest, onProgress?: (progress: Progress) => void): Promise<number | undefined> {
  const { count } = expect(await runJob(request, onProgress), 'rebuilt');
  if (count !== undefined) await announceKnowledgeChange();
  return count;
}

/** Imports files as one source (their bytes move to the worker); throws the KnowledgeError that names the place at fault. */
export async function importKnowledge(files: readonly InputFile[], options: Omit<ImportRequest, 'type' | 'files'>, onProgress?: (progress: Progress) => void): Promise<{ source: Source; count: number }> {
  const bytes = files.map(({ name, bytes }) => ({ name, bytes: (typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes) as Uint8Array<ArrayBuffer> }));
  const result = expect(await runJob({ type: 'import', files: bytes, ...options }, onProgress, [...new Set(bytes.map((file) => file.bytes.buffer))]), 'imported');
  await announceKnowledgeChange();
  return result;
}

/** Fetches the knowledge source URLs that changed, one after the other. */
export async function syncKnowledge(sources: Source[], onProgress?: (progress: Progress) => void, announce = true): Promise<SyncOutcome[]> {
  const { outcomes } = expect(await runJob({ type: 'sync', sources }, onProgress), 'synced');
  if (announce && outcomes.some((outcome) => outcome.kind === 'updated')) await announceKnowledgeChange();
  return outcomes;
}
