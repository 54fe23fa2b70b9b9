/**
 * The knowledge worker of the store bench (store-child.ts), in a thread of its own as in the extension: it
 * runs the import job (jobs.ts) into fake-indexeddb, asking the parent thread, the page, for its DOM work over
 * the same bridge the extension's worker uses; then what the background and a sidebar do with the result.
 * Posts `{ type: 'figures', figures: JobFigures }` when done.
 */
import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import { openKnowledgeDb, readCompiled, readSourceText } from '../../src/knowledge/store/db';
import { remoteDom } from '../../src/knowledge/store/dom-bridge';
import { runJob } from '../../src/knowledge/store/jobs';
import { BUNDLED, mergeSources, parseArticleLines } from '../../src/knowledge/store/model';
import type { ImportRequest, WorkerEvent } from '../../src/knowledge/store/protocol';
import type { Article } from '../../src/model/article';
import { buildIndex, loadIndex, serializeIndex } from '../../src/search/engine';
import { probeEventLoop } from './probe';

export interface JobFigures {
  /** The job in the worker, by what it was doing: reading (waiting on the page's DOM included), checking, then the rebuild's phases. */
  jobMs: number;
  phases: Record<'reading' | 'checking' | 'loading' | 'indexing' | 'saving', number>;
  serveReadMs: number;
  /** A sidebar's parse of the articles, a thousand a turn: in all, and its longest stretch. */
  sidebarParseMs: number;
  sidebarParseLongestMs: number;
  sidebarLoadIndexMs: number;
  buildMs: number;
  parseArticlesMs: number;
  parseIndexMs: number;
  count: number;
}

const port = parentPort;
if (!port) throw new Error('store-job.ts runs as a worker thread');
const { bundled } = workerData as { bundled: Article[] };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
// Node has no Web Locks (Node 20 no navigator at all); this thread runs one job.
const locks = { request: (_name: string, work: () => Promise<unknown>) => work() };
Object.defineProperty(globalThis, 'navigator', { value: { ...(globalThis as { navigator?: object }).navigator, locks }, configurable: true });

const bridge = remoteDom((event: WorkerEvent) => port.postMessage(event));
// The first message is the job, its files' bytes transferred, not copied; the rest answer DOM questions.
const request = await new Promise<ImportRequest>((resolve) => port.once('message', resolve));
port.on('message', (message: unknown) => bridge.answer(message));

const phases: JobFigures['phases'] = { reading: 0, checking: 0, loading: 0, indexing: 0, saving: 0 };
let phase: keyof JobFigures['phases'] = 'reading';
let since = performance.now();
const start = since;
const result = await runJob(request, {
  openDb: openKnowledgeDb,
  bundled: async () => bundled,
  dom: () => bridge.dom,
  fetch: () => Promise.reject(new Error('no network in the bench')),
  progress: (progress) => {
    const next = progress.step === 'rebuild' ? (progress.phase === 'reading' ? 'loading' : progress.phase) : progress.step;
    if (next === phase) return;
    const now = performance.now();
    phases[phase] += now - since;
    phase = next;
    since = now;
  },
});
const end = performance.now();
phases[phase] += end - since;
if (result.kind !== 'imported') throw new Error(result.kind);

function time<T>(run: () => T): { value: T; ms: number } {
  const begin = performance.now();
  const value = run();
  return { value, ms: performance.now() - begin };
}
/** The median of three runs: a stray collection can double one. */
function median<T>(run: () => T): { value: T; ms: number } {
  const timings = [0, 1, 2].map(() => {
    gc();
    return time(run);
  });
  return timings.sort((a, b) => a.ms - b.ms)[1]!;
}

// What the background reads to send a sidebar, and what the sidebar does with it (loadSearch, installed.ts).
const db = await openKnowledgeDb();
const serveStart = performance.now();
const [compiled, text] = await Promise.all([readCompiled(db), readSourceText(db, result.source.id)]);
const serveReadMs = performance.now() - serveStart;
db.close();
if (!compiled) throw new Error('the rebuild left no index');
gc();
const probe = probeEventLoop();
const parseStart = performance.now();
const lists = [];
for (const id of compiled.order) lists.push(id === BUNDLED ? bundled : await parseArticleLines(text, () => new Promise((next) => setTimeout(next, 0))));
const articles = mergeSources(lists);
const sidebarParseMs = performance.now() - parseStart;
const sidebarParseLongestMs = probe.stop().longestMs;
const loaded = median(() => loadIndex(compiled.index, articles));
if (loaded.value.articles.length !== compiled.count) throw new Error('the sidebar loaded another knowledge base');
const asArray = `[${text.replaceAll('\n', ',')}]`;

const figures: JobFigures = {
  jobMs: end - start,
  phases,
  serveReadMs,
  sidebarParseMs,
  sidebarParseLongestMs,
  sidebarLoadIndexMs: loaded.ms,
  // Baselines: JSON.parse of the same texts, and indexing the same articles in one synchronous pass.
  parseArticlesMs: median(() => JSON.parse(asArray) as unknown).ms,
  parseIndexMs: median(() => JSON.parse(compiled.index) as unknown).ms,
  buildMs: time(() => serializeIndex(buildIndex(articles))).ms,
  count: compiled.count,
};
port.postMessage({ type: 'figures', figures });
