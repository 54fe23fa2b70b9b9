import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as build } from '../../src/cli/build';
import { run as evaluate } from '../../src/cli/eval';
import { crossValidationFolds } from '../../src/cli/folds';
import { main } from '../../src/cli/kb';
import { run as lint } from '../../src/cli/lint';
import { percentile, summarize } from '../../src/cli/metrics';
import { run as search } from '../../src/cli/search';

const KB = 'tests/fixtures/kb';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

const lastJson = (lines: string[]): unknown => JSON.parse(lines.at(-1) ?? 'null');

describe('kb search', () => {
  it('prints [{"id", "title", "score"}, ...] best first with --json', async () => {
    const { io, out } = capture();
    expect(await search(['--kb', `${KB}/basic`, '--json', 'SSO error E-1021'], io)).toBe(0);
    const results = lastJson(out) as { id: string; title: string; score: number }[];
    expect(results[0]).toEqual({ id: 'sso-saml-error', title: 'SSO sign-in fails with "SAML response is invalid"', score: expect.any(Number) });
    expect(Object.keys(results[0] ?? {})).toEqual(['id', 'title', 'score']);
    const scores = results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('prints a readable table without --json', async () => {
    const { io, out } = capture();
    expect(await search(['--kb', `${KB}/articles.jsonl`, 'lost card'], io)).toBe(0);
    expect(out[0]).toMatch(/^#\s+score\s+id\s+title$/);
    expect(out[1]).toMatch(/^1\s+\d+\.\d\d\s+card-lost\s+Lost or stolen card$/);
  });

  it('reports a broken knowledge base on stderr with file and line', async () => {
    const { io, out, err } = capture();
    expect(await search(['--kb', `${KB}/bad.jsonl`, 'x'], io)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/bad\.jsonl:2: not valid JSON/);
  });

  it('explains usage mistakes', async () => {
    const { io, err } = capture();
    expect(await search(['--kb', `${KB}/basic`], io)).toBe(2);
    expect(err.join('\n')).toMatch(/text to search for is missing[\s\S]*usage: npm run kb -- search/);
    expect(await search(['--kbb', 'x', 'y'], capture().io)).toBe(2);
  });
});

describe('kb eval', () => {
  it('scores the queries through the ticket pipeline', async () => {
    const { io, out } = capture();
    expect(await evaluate(['--kb', `${KB}/articles.jsonl`, '--queries', `${KB}/queries.jsonl`, '--json'], io)).toBe(0);
    const report = lastJson(out) as Record<string, number>;
    expect(Object.keys(report)).toEqual(['n', 'recall@1', 'recall@5', 'mrr@10', 'p50_ms', 'p95_ms']);
    expect(report).toMatchObject({ n: 3, 'recall@1': 1, 'recall@5': 1, 'mrr@10': 1 });
    expect(report.p95_ms).toBeGreaterThanOrEqual(report.p50_ms ?? 0);
  });

  it('replays feedback before scoring', async () => {
    const { io, out } = capture();
    expect(await evaluate(['--kb', `${KB}/articles.jsonl`, '--queries', `${KB}/queries.jsonl`, '--feedback', `${KB}/feedback.jsonl`, '--json'], io)).toBe(0);
    expect(lastJson(out)).toMatchObject({ n: 3, 'recall@1': 1 });
  });

  it('names the line of a malformed query and warns about unknown articles', async () => {
    const bad = capture();
    expect(await evaluate(['--kb', `${KB}/articles.jsonl`, '--queries', `${KB}/bad.jsonl`], bad.io)).toBe(1);
    expect(bad.err[0]).toMatch(/bad\.jsonl:1: expected \{"query"/);
    const unknown = capture();
    expect(await evaluate(['--kb', `${KB}/articles.jsonl`, '--queries', `${KB}/feedback.jsonl`, '--feedback', `${KB}/queries.jsonl`], unknown.io)).toBe(0);
    expect(unknown.out.join('\n')).toMatch(/recall@1\s+1/);
  });
});

describe('kb eval --folds', () => {
  it('cross-validates on the lines of the articles themselves', async () => {
    const { io, out } = capture();
    expect(await evaluate(['--kb', `${KB}/folds.jsonl`, '--folds', '3', '--json'], io)).toBe(0);
    const report = lastJson(out) as Record<string, number>;
    // Two articles of three lines each: every line is held out once.
    expect(report).toMatchObject({ n: 6 });
    expect(report['recall@1']).toBeGreaterThanOrEqual(5 / 6);
  });

  it('refuses a fold count that is not a number of at least 2, or test queries beside it', async () => {
    expect(await evaluate(['--kb', `${KB}/folds.jsonl`, '--folds', '1'], capture().io)).toBe(2);
    expect(await evaluate(['--kb', `${KB}/folds.jsonl`, '--folds', 'x'], capture().io)).toBe(2);
    expect(await evaluate(['--kb', `${KB}/folds.jsonl`, '--folds', '3', '--queries', `${KB}/queries.jsonl`], capture().io)).toBe(2);
  });
});

describe('crossValidationFolds', () => {
  it('holds out every n-th line of each article and keeps the rest', () => {
    const article = { id: 'a', title: 'A', body: '- one\n- two\n- three\n- four', tags: [] };
    const single = { id: 'b', title: 'B', body: 'only line', tags: [] };
    const folds = crossValidationFolds([article, single], 2);
    expect(folds[0]?.queries.map((q) => q.ticket.latestMessage)).toEqual(['one', 'three']);
    expect(folds[0]?.articles[0]?.body).toBe('- two\n- four');
    expect(folds[1]?.queries.map((q) => q.relevant)).toEqual([['a'], ['a']]);
    // An article of one line is never emptied.
    expect(folds.every((fold) => fold.articles[1] === single)).toBe(true);
  });
});

describe('kb lint', () => {
  it('prints one line per problem and exits 1', async () => {
    const { io, out, err } = capture();
    expect(await lint(['--kb', `${KB}/dirty`], io)).toBe(1);
    expect(out.length).toBeGreaterThanOrEqual(9);
    for (const line of out) expect(line).toMatch(/^[^:\s]+: .+/);
    expect(out).toContain('empty: empty body (tests/fixtures/kb/dirty/empty.md:1)');
    expect(err.at(-1)).toMatch(/problem\(s\) in 6 article\(s\)/);
  });

  it('prints one JSON value last with --json and exits 0 when clean', async () => {
    const { io, out } = capture();
    expect(await lint(['--kb', `${KB}/basic`, '--json'], io)).toBe(0);
    expect(lastJson(out)).toEqual({ articles: 6, problems: [], notices: [] });
  });
});

describe('kb build', () => {
  it('writes the articles and their index as one bundle, and says how many', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'deskmate-kb-')), 'bundle.json');
    const { io, out: printed } = capture();
    expect(await build(['--kb', `${KB}/basic`, '--out', out, '--json'], io)).toBe(0);
    expect(lastJson(printed)).toEqual({ articles: 6, out, notices: [] });
    const bundle = JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(bundle).toMatchObject({ format: 'deskmate-knowledge', version: 1 });
    expect(bundle.articles).toHaveLength(6);
    expect(JSON.parse(bundle.index as string)).toMatchObject({ format: 'deskmate-index' });
  });

  it('asks for --out', async () => {
    const { io, err } = capture();
    expect(await build(['--kb', `${KB}/basic`], io)).toBe(2);
    expect(err.join('\n')).toMatch(/--out <path> is required/);
  });
});

describe('kb dispatcher', () => {
  it('runs a command by name and rejects unknown ones', async () => {
    const ok = capture();
    expect(await main(['search', '--kb', `${KB}/articles.jsonl`, '--json', 'exchange rate'], ok.io)).toBe(0);
    expect((lastJson(ok.out) as { id: string }[])[0]?.id).toBe('exchange-rate');
    const unknown = capture();
    expect(await main(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err[0]).toBe('unknown command "frobnicate"');
    const none = capture();
    expect(await main([], none.io)).toBe(2);
    expect(none.err.join('\n')).toMatch(/usage: npm run kb/);
  });
});

describe('metrics', () => {
  it('computes recall, MRR and nearest-rank percentiles', () => {
    const report = summarize([
      { ranking: ['a', 'b'], relevant: ['a'], ms: 1 },
      { ranking: ['b', 'c', 'a'], relevant: ['a'], ms: 3 },
      { ranking: ['x'], relevant: ['a', 'b'], ms: 2 },
    ]);
    expect(report).toEqual({ n: 3, 'recall@1': 0.3333, 'recall@5': 0.6667, 'mrr@10': 0.4444, p50_ms: 2, p95_ms: 3 });
    expect(percentile([], 50)).toBe(0);
  });
});
