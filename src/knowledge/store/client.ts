import type { RebuildEvent, RebuildPhase, RebuildRequest } from './rebuild';
import { announceKnowledgeChange } from './version';

/**
 * Asks the rebuild worker for a change to the device's knowledge, and tells every sidebar and popup once it
 * is written (version.ts) so they load the new index.
 */

export interface Progress {
  phase: RebuildPhase;
  done: number;
  total: number;
}

export function changeKnowledge(request: RebuildRequest, onProgress: (progress: Progress) => void = () => undefined): Promise<number | undefined> {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  return new Promise<number | undefined>((resolve, reject) => {
    worker.addEventListener('message', (event: MessageEvent<RebuildEvent>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message);
      else if (message.type === 'done') resolve(message.count);
      else reject(new Error(message.message));
    });
    worker.addEventListener('error', (event) => reject(new Error(event.message || 'the knowledge worker stopped')));
    worker.postMessage(request);
  })
    .then(async (count) => {
      if (count !== undefined) await announceKnowledgeChange();
      return count;
    })
    .finally(() => worker.terminate());
}
