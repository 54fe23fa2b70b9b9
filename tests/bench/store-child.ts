/**
 * The device knowledge store measured in a process of its own (`node --expose-gc --import tsx
 * tests/bench/store-child.ts <size>`, printing one JSON line of `StoreFigures`): a generated Zendesk export
 * imported as the options page imports it. This thread is the page: it hands the file to the knowledge
 * worker (store-job.ts, a worker thread running the extension's jobs.ts) and answers its DOM questions
 * with jsdom's DOM, under a probe that records how long its event loop went without a turn. What the
 * extension's pages share a process for, and so what a sidebar could feel, is this thread's longest stretch.
 */
import { JSDOM } from 'jsdom';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createHtmlCleaner } from '../../src/knowledge/html';
import { type ImportDom, localDom } from '../../src/knowledge/import/dom';
import { loadKnowledge } from '../../src/knowledge/load';
import { answerDom } from '../../src/knowledge/store/dom-bridge';
import type { ImportRequest, WorkerEvent } from '../../src/knowledge/store/protocol';
import { benchCorpus, prng } from './corpus';
import { zendeskArticle } from './import';
import { probeEventLoop, type Stretches } from './probe';
import type { JobFigures } from './store-job';

export interface StoreFigures extends JobFigures {
  articles: number;
  fileMb: number;
  /** The page's event loop while the job ran. */
  page: Stretches;
  /** The page's time answering DOM questions, and how many it answered. */
  domMs: number;
  domAsks: number;
  peakMb: number;
}

const size = Number(process.argv[2]);
if (!(size > 0)) throw new Error('usage: store-child.ts <articles>');

const bundled = await loadKnowledge(resolve('knowledge'));
const random = prng(11);
const generated = benchCorpus(bundled, size).articles.map(({ id, title, body, tags, locale }, i) => zendeskArticle({ id, title, body, tags, locale }, i, random));
// The options page reads a dropped file as bytes.
const bytes = new TextEncoder().encode(JSON.stringify({ articles: generated, next_page: null, count: size }));
const fileMb = bytes.length / 1_048_576;
generated.length = 0;
const dom: ImportDom = localDom(createHtmlCleaner(new JSDOM('').window as unknown as Parameters<typeof createHtmlCleaner>[0]));
(globalThis as { gc?: () => void }).gc?.();

// tsx's loader does not reach a worker thread by execArgv on Node 20: the thread loads it itself.
const job = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./store-job.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`;
const worker = new Worker(job, { eval: true, workerData: { bundled } });
let step = 'handing the file over';
let domMs = 0;
let domAsks = 0;
const probe = probeEventLoop(() => step);
const figures = await new Promise<JobFigures>((resolveFigures, reject) => {
  worker.on('error', reject);
  worker.on('message', (message: WorkerEvent | { type: 'figures'; figures: JobFigures }) => {
    if (message.type === 'figures') resolveFigures(message.figures);
    else if (message.type === 'failed') reject(new Error(message.message));
    else if (message.type === 'progress') step = `waiting (the worker is ${message.progress.step === 'rebuild' ? message.progress.phase : message.progress.step})`;
    else if (message.type === 'dom') {
      step = message.op === 'clean' ? `sanitising ${message.htmls.length} HTML bodies` : 'taking an HTML page apart';
      const begin = performance.now();
      void answerDom(message, () => dom).then((answer) => {
        domMs += performance.now() - begin;
        domAsks++;
        worker.postMessage(answer);
      });
    }
  });
  const request: ImportRequest = { type: 'import', kind: 'file', name: 'help-center.json', files: [{ name: 'help-center.json', bytes }] };
  worker.postMessage(request, [bytes.buffer]);
});
const page = probe.stop();
await worker.terminate();
if (figures.count < size) throw new Error(`the knowledge base has ${figures.count} articles, not ${size} and the bundled ones`);

const result: StoreFigures = { ...figures, articles: size, fileMb, page, domMs, domAsks, peakMb: process.resourceUsage().maxRSS / 1024 };
console.log(JSON.stringify(result));
