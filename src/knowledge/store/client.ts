import type { RebuildEvent, RebuildPhase, RebuildRequest } from './rebuild';
import { announceKnowledgeChange } from './version';

/**
 * Asks the rebuild worker for a change to the device's knowledge (`runRebuild`), and tells every sidebar and
 * popup once it is written (`changeKnowledge`, version.ts) so they load the new index. A page without the
 * storage API (the offscreen document a scheduled sync runs in) leaves the telling to the background.
 */

export interface Progress {
  phase: RebuildPhase;
  done: number;
  total: number;
}

export function runRebuild(request: RebuildRequest, onProgress: (progress: Progress) => void = () => undefined): Promise<number | undefined> {
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
  }).finally(() => worker.terminate());
}

export async function changeKnowledge(request: RebuildRequest, onProgress?: (progress: Progress) => void): Promise<number | undefined> {
  const count = await runRebuild(request, onProgress);
  if (count !== undefined) await announceKnowledgeChange();
  return count;
}
