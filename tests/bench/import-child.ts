/**
 * One import measured in a process of its own, so that its peak memory (the process's maximum resident set)
 * is its own: `node --import tsx tests/bench/import-child.ts <parse-jsonl|parse-json|import> <file>` prints
 * `{"ms", "peakMb", "articles"}`. `parse-*` is the baseline: the same file read and given to JSON.parse.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { importKnowledge } from '../../src/knowledge/load';

const [mode, file] = process.argv.slice(2);
if (!file) throw new Error('usage: import-child.ts <parse-jsonl|parse-json|import> <file>');

const start = performance.now();
let articles: number;
if (mode === 'parse-jsonl') {
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  articles = lines.map((line) => JSON.parse(line) as unknown).length;
} else if (mode === 'parse-json') {
  articles = (JSON.parse(await readFile(file, 'utf8')) as { articles: unknown[] }).articles.length;
} else {
  articles = (await importKnowledge(file)).articles.length;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, articles }));
