import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/article';
import { benchCorpus, prng } from './corpus';

/**
 * Importing a large knowledge base: the generated corpus as JSONL and as a Zendesk Help Center export
 * (`{"articles": [...]}` with HTML bodies holding the usual noise: a script, a handler, a tracking pixel),
 * each imported the way the CLI and the build do (read, recognise, sanitise, repair, validate), next to
 * JSON.parse of the same file in the same run. Each runs in a process of its own, for its peak memory.
 */

const HEAP_MB = 8_192;

interface ChildResult {
  ms: number;
  peakMb: number;
  articles: number;
}

function child(mode: string, file: string): ChildResult {
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', 'tests/bench/import-child.ts', mode, file], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`import bench (${mode}) failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '') as ChildResult;
}

/** An article as the Help Center API lists it: paragraphs, a list, a link, and what exports carry besides. */
export function zendeskArticle(article: Article, i: number, random: () => number): Record<string, unknown> {
  const paragraphs = article.body.split(/\n+/).filter(Boolean);
  const html = [
    `<h2>${article.title}</h2>`,
    ...paragraphs.map((p, j) => (j === 1 ? `<ul>${p.split('. ').map((item) => `<li>${item}</li>`).join('')}</ul>` : `<p>${p}</p>`)),
    `<p onclick="track(${i})">See <a href="https://help.example.com/hc/en-us/articles/${1_000_000 + Math.floor(random() * 100_000)}">a related article</a>.</p>`,
    random() < 0.2 ? '<script>window.analytics && analytics.page()</script><img src="https://pixel.example/o.gif" width="1" height="1">' : '',
  ].join('');
  return {
    id: 1_000_000 + i,
    html_url: `https://help.example.com/hc/${article.locale}/articles/${1_000_000 + i}`,
    author_id: 42,
    draft: false,
    section_id: 7000 + (i % 40),
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    title: article.title,
    locale: article.locale,
    label_names: article.tags,
    body: html,
  };
}

export function importCost(source: readonly Article[], size: number, row: (cells: (string | number)[]) => string, ratio: (ours: number, base: number) => string): void {
  console.log(`\n## Import (${size.toLocaleString('en')} generated articles; each in a process of its own: time and peak resident memory, vs JSON.parse of the same file)\n`);
  console.log(row(['source', 'file MB', 'measure', 'import', 'JSON.parse', 'ratio']));
  console.log(row(['---', '---', '---', '---', '---', '---']));
  const dir = mkdtempSync(join(tmpdir(), 'deskmate-import-bench-'));
  try {
    const articles = benchCorpus(source, size).articles.map(({ id, title, body, tags, locale }) => ({ id, title, body, tags, locale }));
    const jsonl = join(dir, 'articles.jsonl');
    writeFileSync(jsonl, `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const random = prng(11);
    const zendesk = join(dir, 'help-center.json');
    writeFileSync(zendesk, JSON.stringify({ articles: articles.map((a, i) => zendeskArticle(a, i, random)), next_page: null, count: size }));
    for (const [name, file, baseline] of [
      ['JSONL', jsonl, 'parse-jsonl'],
      ['Zendesk JSON (HTML)', zendesk, 'parse-json'],
    ] as const) {
      const mb = statSync(file).size / 1_048_576;
      const ours = child('import', file);
      const base = child(baseline, file);
      if (ours.articles !== size) throw new Error(`${name}: imported ${ours.articles} of ${size} articles`);
      console.log(row([name, mb, 'time s', ours.ms / 1000, base.ms / 1000, ratio(ours.ms, base.ms)]));
      console.log(row([name, mb, 'peak memory MB', ours.peakMb, base.peakMb, ratio(ours.peakMb, base.peakMb)]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
