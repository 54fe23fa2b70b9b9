/**
 * `npm run bench`: index build, size, load and ranking figures of the project's search pipeline at several
 * corpus sizes, each next to MiniSearch with default options measured in the same run on the same data
 * (the ratio is what to compare across machines), search quality on the shared datasets against the same
 * baseline, and the size of the content script injected into helpdesk pages.
 *
 * `npm run bench -- --sizes 1000,10000,100000` picks the corpus sizes (default 1,000 and 10,000).
 */
import MiniSearch from 'minisearch';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { percentile, summarize, type Ranked } from '../../src/cli/metrics';
import { readQueries } from '../../src/cli/queries';
import { loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/model/article';
import { buildIndex, loadIndex, searchText, serializeIndex, suggestForTicket } from '../../src/search/engine';
import { syntheticCorpus, syntheticTickets } from './corpus';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    datasets: { type: 'string', default: resolve('..', 'shared', 'datasets') },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
const QUERIES = 300;

const gc = (globalThis as { gc?: () => void }).gc;
function heapMb(): number {
  gc?.();
  return process.memoryUsage().heapUsed / 1_048_576;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

function latencies(run: (i: number) => unknown, count: number): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(20, count); i++) run(i); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < count; i++) samples.push(time(() => run(i)).ms);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const DEFAULTS = { fields: ['title', 'body'], storeFields: ['title'] };

function row(cells: (string | number)[]): string {
  return `| ${cells.map((c) => (typeof c === 'number' ? fmt(c) : c)).join(' | ')} |`;
}
function fmt(n: number): string {
  if (n >= 100) return n.toFixed(0);
  if (n >= 10) return n.toFixed(1);
  return n.toFixed(2);
}
const ratio = (ours: number, base: number) => `${(ours / base).toFixed(2)}×`;

async function scale(source: Article[]) {
  console.log('\n## Scale (synthetic corpus from knowledge/)\n');
  console.log(row(['articles', 'measure', 'Deskmate', 'MiniSearch defaults', 'ratio']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const size of sizes) {
    const corpus = syntheticCorpus(source, size);
    const tickets = syntheticTickets(corpus, QUERIES);

    const heap0 = heapMb();
    const built = time(() => buildIndex(corpus));
    const json = serializeIndex(built.value);
    const heapBuilt = heapMb() - heap0;
    const loaded = time(() => loadIndex(json, corpus));
    const ranked = latencies((i) => suggestForTicket(loaded.value, tickets[i % tickets.length]!, { limit: 5 }), QUERIES);
    const typed = latencies((i) => searchText(loaded.value, tickets[i % tickets.length]!.subject, { limit: 5 }), QUERIES);

    const baseHeap0 = heapMb();
    const baseBuilt = time(() => {
      const mini = new MiniSearch(DEFAULTS);
      mini.addAll(corpus);
      return mini;
    });
    const baseJson = JSON.stringify(baseBuilt.value);
    const baseHeap = heapMb() - baseHeap0;
    const baseLoaded = time(() => MiniSearch.loadJSON(baseJson, DEFAULTS));
    const baseRanked = latencies((i) => {
      const t = tickets[i % tickets.length]!;
      return baseLoaded.value.search(`${t.subject} ${t.latestMessage}`).slice(0, 5);
    }, QUERIES);

    const lines: [string, number, number][] = [
      ['build ms', built.ms, baseBuilt.ms],
      ['index size kB (gzip)', gzipSync(json).length / 1024, gzipSync(baseJson).length / 1024],
      ['load ms', loaded.ms, baseLoaded.ms],
      ['heap after build MB', heapBuilt, baseHeap],
      ['ticket ranking p50 ms', ranked.p50, baseRanked.p50],
      ['ticket ranking p95 ms', ranked.p95, baseRanked.p95],
    ];
    for (const [name, ours, base] of lines) console.log(row([size.toLocaleString('en'), name, ours, base, ratio(ours, base)]));
    console.log(row([size.toLocaleString('en'), 'typed search p95 ms', typed.p95, '', '']));
  }
}

async function quality() {
  const pairs = ['banking77-en', 'banking77-ar'].filter((name) => existsSync(resolve(values.datasets, name, 'kb.jsonl')));
  if (!pairs.length) {
    console.log(`\n(no shared datasets under ${values.datasets}: search quality skipped)`);
    return;
  }
  console.log('\n## Search quality (shared datasets, test queries)\n');
  console.log(row(['dataset', 'measure', 'Deskmate', 'MiniSearch defaults', 'ratio']));
  console.log(row(['---', '---', '---', '---', '---']));
  for (const name of pairs) {
    const articles = await loadKnowledge(resolve(values.datasets, name, 'kb.jsonl'));
    const queries = await readQueries(resolve(values.datasets, name, 'queries.jsonl'));
    const index = buildIndex(articles);
    const mini = new MiniSearch(DEFAULTS);
    mini.addAll(articles);
    const ours: Ranked[] = queries.map((q) => {
      const { value, ms } = time(() => suggestForTicket(index, q.ticket, { limit: 10 }));
      return { ranking: value.map((s) => s.id), relevant: q.relevant, ms };
    });
    const base: Ranked[] = queries.map((q) => {
      const text = [q.ticket.subject, q.ticket.latestMessage].filter(Boolean).join(' ');
      const { value, ms } = time(() => mini.search(text).slice(0, 10));
      return { ranking: value.map((r) => String(r.id)), relevant: q.relevant, ms };
    });
    const a = summarize(ours);
    const b = summarize(base);
    for (const key of ['recall@1', 'recall@5', 'mrr@10', 'p95_ms'] as const) {
      console.log(row([name, key, a[key], b[key], ratio(a[key], b[key])]));
    }
  }
}

function contentScripts() {
  const dir = resolve(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3/content-scripts');
  if (!existsSync(dir)) {
    console.log('\n(the extension is not built: content script sizes skipped; run npm run build first)');
    return;
  }
  console.log('\n## Content scripts (budget 15 kB gzipped each)\n');
  console.log(row(['script', 'kB', 'kB gzipped']));
  console.log(row(['---', '---', '---']));
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js')).sort()) {
    const bytes = readFileSync(join(dir, name));
    console.log(row([name, bytes.length / 1024, gzipSync(bytes, { level: 9 }).length / 1024]));
  }
}

console.log(`# Deskmate bench: ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${gc ? '' : ' (run with --expose-gc for heap figures)'}`);
const source = await loadKnowledge(resolve('knowledge'));
await scale(source);
await quality();
contentScripts();
