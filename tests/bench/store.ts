import { spawnSync } from 'node:child_process';
import type { StoreFigures } from './store-child';

/**
 * The device knowledge store (issue 6): a generated Zendesk Help Center export imported as the options page
 * imports it, in a process of its own (store-child.ts): the page hands the file to the knowledge worker (a
 * worker thread running the extension's jobs.ts) and answers its DOM questions. The extension's pages share a
 * process, so the page's longest stretch is what a sidebar could feel: it is next to indexing the same
 * articles in one synchronous pass, what importing on the page would block. A sidebar's load is next to
 * JSON.parse of the same texts.
 */

const HEAP_MB = 12_288;

function child(size: number): StoreFigures {
  const run = spawnSync(process.execPath, ['--expose-gc', `--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'tests/bench/store-child.ts', String(size)], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`store bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as StoreFigures;
}

export function storeCost(size: number, row: (cells: (string | number)[]) => string, ratio: (ours: number, base: number) => string): void {
  const f = child(size);
  console.log(
    `\n## Device knowledge store (${size.toLocaleString('en')} generated articles, a ${f.fileMb.toFixed(0)} MB Zendesk export imported as the options page does: read, checked and indexed in the knowledge worker into fake-indexeddb, HTML sanitised by the page in jsdom)\n`,
  );
  const index = 'buildIndex + serialise, one pass';
  const parse = 'JSON.parse of the same text';
  console.log(row(['where', 'measure', 'Deskmate', 'baseline', 'baseline ms', 'ratio']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  const lines: [string, string, number, string?, number?][] = [
    ['page', 'longest stretch without a turn ms', f.page.longestMs, index, f.buildMs],
    ['page', `stretches over 50 ms (${f.page.over50} of ${f.page.turns.toLocaleString('en')} turns), time in them ms`, f.page.over50Ms, index, f.buildMs],
    ['page', `sanitising HTML for the worker (${f.domAsks} batches) ms`, f.domMs],
    ['worker', 'import and rebuild, total ms', f.jobMs, index, f.buildMs],
    ['worker', 'reading, waiting on the page’s sanitising included, ms', f.phases.reading],
    ['worker', 'checking (validate, lint) ms', f.phases.checking],
    ['worker', 'indexing and serialising ms', f.phases.indexing, index, f.buildMs],
    ['worker', 'saving (IndexedDB) ms', f.phases.saving],
    ['background', 'read what it sends a sidebar from IndexedDB ms', f.serveReadMs],
    ['sidebar', 'parse and validate the articles, a thousand a turn, ms', f.sidebarParseMs, parse, f.parseArticlesMs],
    ['sidebar', 'the same: longest stretch ms', f.sidebarParseLongestMs, parse, f.parseArticlesMs],
    ['sidebar', 'loadIndex (one stretch) ms', f.sidebarLoadIndexMs, parse, f.parseIndexMs],
    ['sidebar', 'load, total ms', f.sidebarParseMs + f.sidebarLoadIndexMs, index, f.buildMs],
  ];
  for (const [where, measure, ours, baseline = '', base] of lines) console.log(row([where, measure, ours, baseline, base ?? '', base === undefined ? '' : ratio(ours, base)]));
  console.log(
    `\nThe page's longest stretch was ${f.page.longestDuring}; jsdom sanitises far slower than a browser's own DOM, and fake-indexeddb is plain JavaScript where a browser's IndexedDB is not. ` +
      `A sidebar parses the articles a thousand at a time, then loads the index in one stretch, in its own frame. Peak resident memory of the process: ${f.peakMb.toFixed(0)} MB.`,
  );
}
