/**
 * `npm run bench`: index build, size, load, memory and ranking figures of the project's search pipeline at
 * several corpus sizes, each next to MiniSearch with default options measured in the same run on the same
 * data (the ratio is what to compare across machines), search quality on the shared datasets against the
 * same baseline, and the size of the content scripts injected into helpdesk pages and their main-thread work
 * per mutation burst (in happy-dom and in Chromium), what the built extension costs a helpdesk page showing a
 * 5 MB conversation, the cost of importing a large knowledge base (JSONL and a Zendesk export), and of adding
 * one on the options page: how long its import holds the extension's pages, its rebuild and a sidebar's load.
 *
 * `npm run bench -- --sizes 1000,10000,100000` picks the corpus sizes (default 1,000 and 10,000);
 * `--no-quality` skips the shared datasets, `--no-content` the content scripts' work per burst, `--no-chromium`
 * its Chromium part;
 * `--import-size 100000` sets the import's corpus (default 10,000), `--no-import` skips it;
 * `--store-size 100000` sets the device knowledge store's corpus (options page import, worker rebuild, sidebar
 * load; default 10,000), `--no-store` skips it.
 */
import MiniSearch from 'minisearch';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { gzipSync } from 'node:zlib';
import { percentile, summarize, type Ranked } from '../../src/cli/metrics';
import { readQueries } from '../../src/cli/queries';
import { loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/model/article';
import { buildIndex, type KnowledgeIndex, loadIndex, searchText, serializeIndex, suggestForTicket } from '../../src/search/engine';
import { chromiumBurstCost } from './chromium';
import { contentScriptCost } from './content';
import { hostPageCost } from './host-page';
import { benchCorpus, benchTickets, type BenchTicket, benchTyped } from './corpus';
import { importCost } from './import';
import { storeCost } from './store';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    datasets: { type: 'string', default: resolve('..', 'shared', 'datasets') },
    'no-quality': { type: 'boolean', default: false },
    'no-content': { type: 'boolean', default: false },
    'import-size': { type: 'string', default: '10000' },
    'no-import': { type: 'boolean', default: false },
    'store-size': { type: 'string', default: '10000' },
    'no-store': { type: 'boolean', default: false },
    'no-chromium': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);

// MiniSearch with default options needs several GB of heap at 100,000 articles: above Node's default limit,
// the bench runs itself again with room for it.
const HEAP_MB_AT_SCALE = 12_288;
if (Math.max(...sizes) > 10_000 && getHeapStatistics().heap_size_limit < HEAP_MB_AT_SCALE * 1_048_576) {
  const args = [...process.execArgv, `--max-old-space-size=${HEAP_MB_AT_SCALE}`, ...process.argv.slice(1)];
  process.exit(spawnSync(process.execPath, args, { stdio: 'inherit' }).status ?? 1);
}
const QUERIES = 500;
const BASELINE_QUERIES_AT_SCALE = 50;
const LIMIT = 5;

const gc = (globalThis as { gc?: () => void }).gc;
/** JavaScript heap plus typed-array memory, which lives outside the heap. */
function heapMb(): number {
  gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1_048_576;
}

function time<T>(run: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = run();
  return { value, ms: performance.now() - start };
}

/** The median of a few runs, for one-off costs such as a load, which a stray collection can double. */
function median<T>(runs: number, run: () => T): { value: T; ms: number } {
  const timings = Array.from({ length: runs }, () => time(run));
  return timings.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)]!;
}

interface Latency {
  p50: number;
  p95: number;
  ms: number[];
}

function latencies<Q, R>(queries: readonly Q[], run: (query: Q) => R): { latency: Latency; results: R[] } {
  for (const query of queries.slice(0, Math.ceil(queries.length / 10))) run(query); // warm-up
  const ms: number[] = [];
  const results = queries.map((query) => {
    const { value, ms: elapsed } = time(() => run(query));
    ms.push(elapsed);
    return value;
  });
  return { latency: { p50: percentile(ms, 50), p95: percentile(ms, 95), ms }, results };
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
function ratio(ours: number, base: number): string {
  if (base <= 0) return '';
  const r = ours / base;
  return `${r >= 0.1 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

function recallAt1(tickets: readonly BenchTicket[], rankings: readonly (readonly string[])[]): number {
  return tickets.filter((t, i) => rankings[i]?.[0] === t.id).length / tickets.length;
}

interface Figures {
  build: number;
  sizeKb: number;
  gzipKb: number;
  load: number;
  heap: number;
  ticket: Latency;
  typed: Latency;
  recall: number;
}

/**
 * Builds and serialises in a function of its own, so that nothing of the built index is still referenced
 * from the caller's frame when the loaded index's heap is measured.
 */
function built(build: () => string): { ms: number; json: string } {
  const start = performance.now();
  const json = build();
  return { ms: performance.now() - start, json };
}

/**
 * What an index retains: the heap with it, after the queries (which decode lists as they need them),
 * less the heap once it is dropped. Measured this way, garbage left by earlier steps does not count.
 */
function retainedMb(box: { current?: unknown }): number {
  const held = heapMb();
  box.current = undefined;
  return held - heapMb();
}

function measureOurs(corpus: readonly Article[], tickets: readonly BenchTicket[], typed: readonly string[]): Figures {
  const { ms: buildMs, json } = built(() => serializeIndex(buildIndex(corpus)));
  const loaded = median(3, () => loadIndex(json, corpus));
  const box: { current?: KnowledgeIndex } = { current: loaded.value };
  loaded.value = undefined as never;
  const ticket = latencies(tickets, (t) => suggestForTicket(box.current!, t.ticket, { limit: LIMIT }).map((s) => s.id));
  const lookup = latencies(typed, (text) => searchText(box.current!, text, { limit: LIMIT }));
  const heap = retainedMb(box);
  return {
    build: buildMs,
    sizeKb: json.length / 1024,
    gzipKb: gzipSync(json).length / 1024,
    load: loaded.ms,
    heap,
    ticket: ticket.latency,
    typed: lookup.latency,
    recall: recallAt1(tickets, ticket.results),
  };
}

function measureDefaults(corpus: readonly Article[], tickets: readonly BenchTicket[], typed: readonly string[]): Figures {
  const { ms: buildMs, json } = built(() => {
    const mini = new MiniSearch(DEFAULTS);
    mini.addAll(corpus);
    return JSON.stringify(mini);
  });
  const loaded = median(3, () => MiniSearch.loadJSON(json, DEFAULTS));
  const box: { current?: MiniSearch } = { current: loaded.value };
  loaded.value = undefined as never;
  const ticket = latencies(tickets, (t) => box.current!.search(`${t.ticket.subject} ${t.ticket.latestMessage}`).slice(0, LIMIT).map((r) => String(r.id)));
  const lookup = latencies(typed, (text) => box.current!.search(text).slice(0, LIMIT));
  const heap = retainedMb(box);
  return {
    build: buildMs,
    sizeKb: json.length / 1024,
    gzipKb: gzipSync(json).length / 1024,
    load: loaded.ms,
    heap,
    ticket: ticket.latency,
    typed: lookup.latency,
    recall: recallAt1(tickets, ticket.results),
  };
}

function scale(source: Article[]) {
  console.log('\n## Scale (generated corpus: Zipf vocabulary from knowledge/ and generated terms, 150-600 words, en/ar/he)\n');
  console.log(row(['articles', 'measure', 'Deskmate', 'MiniSearch defaults', 'ratio']));
  console.log(row(['---', '---', '---', '---', '---']));
  const notes: string[] = [];
  for (const size of sizes) {
    const generated = time(() => benchCorpus(source, size));
    const corpus = generated.value;
    const tickets = benchTickets(corpus, QUERIES);
    const typed = benchTyped(corpus, QUERIES);
    const ours = measureOurs(corpus.articles, tickets, typed);
    // MiniSearch defaults take seconds per ticket at 100,000 articles: fewer queries keep the run to minutes.
    const baseQueries = size > 10_000 ? BASELINE_QUERIES_AT_SCALE : QUERIES;
    const base = measureDefaults(corpus.articles, tickets.slice(0, baseQueries), typed.slice(0, baseQueries));
    const lines: [string, number, number][] = [
      ['build and serialise ms', ours.build, base.build],
      ['index size MB', ours.sizeKb / 1024, base.sizeKb / 1024],
      ['index size MB (gzip)', ours.gzipKb / 1024, base.gzipKb / 1024],
      ['load ms', ours.load, base.load],
      ['memory of loaded index MB', ours.heap, base.heap],
      ['ticket ranking p50 ms', ours.ticket.p50, base.ticket.p50],
      ['ticket ranking p95 ms', ours.ticket.p95, base.ticket.p95],
      ['typed search p50 ms', ours.typed.p50, base.typed.p50],
      ['typed search p95 ms', ours.typed.p95, base.typed.p95],
      ['ticket recall@1', ours.recall, base.recall],
    ];
    for (const [name, a, b] of lines) console.log(row([size.toLocaleString('en'), name, a, b, ratio(a, b)]));
    const note = baseQueries < QUERIES ? `; MiniSearch defaults ranked the first ${baseQueries} of the ${QUERIES} queries` : '';
    notes.push(`${size.toLocaleString('en')} articles generated in ${fmt(generated.ms)} ms${note}.`);
  }
  console.log(`\n${notes.join('\n')}`);
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
  console.log('\n## Content scripts (budget 15 kB gzipped each; kB = 1,000 bytes, as the build test counts)\n');
  console.log(row(['script', 'kB', 'kB gzipped']));
  console.log(row(['---', '---', '---']));
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.js')).sort()) {
    const bytes = readFileSync(join(dir, name));
    console.log(row([name, bytes.length / 1000, gzipSync(bytes).length / 1000]));
  }
}

console.log(`# Deskmate bench: ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${gc ? '' : ' (run with --expose-gc for heap figures)'}`);
const source = await loadKnowledge(resolve('knowledge'));
scale(source);
if (!values['no-quality']) await quality();
if (!values['no-import']) importCost(source, Number(values['import-size']), row, ratio);
if (!values['no-store']) storeCost(Number(values['store-size']), row, ratio);
contentScripts();
if (!values['no-content']) {
  contentScriptCost(row, ratio);
  if (!values['no-chromium']) {
    await chromiumBurstCost(row, ratio);
    if (existsSync(resolve(process.env.OUTPUT_DIR ?? '.output', 'chrome-mv3/manifest.json'))) await hostPageCost(row, ratio);
    else console.log('\n(the extension is not built: the host page with a 5 MB conversation skipped; run npm run build first)');
  }
}
