import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../src/knowledge/compile';
import { lintKnowledge } from '../../src/knowledge/lint';
import { loadKnowledge, readKnowledge } from '../../src/knowledge/load';
import { Article } from '../../src/model/article';
import { loadIndex, searchText } from '../../src/search/engine';
import { rejection } from '../support/knowledge-error';

const KB = 'tests/fixtures/kb';

describe('loadKnowledge', () => {
  it('reads every Markdown article below a folder, skipping README.md', async () => {
    const articles = await loadKnowledge(`${KB}/basic`);
    expect(articles.map((a) => a.id).sort()).toEqual(
      ['api-rate-limit', 'charged-twice', 'password-reset-ar', 'password-reset-he', 'refund-request', 'sso-saml-error'].sort(),
    );
    for (const article of articles) expect(Article.safeParse(article).success).toBe(true);
    expect(articles.find((a) => a.id === 'refund-request')?.html).toContain('<ol>');
  });

  it('reads a JSONL file', async () => {
    expect((await loadKnowledge(`${KB}/articles.jsonl`)).map((a) => a.id)).toEqual(['card-lost', 'card-arrival', 'exchange-rate']);
  });

  it('recognises JSONL by content whatever the file is called', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'));
    try {
      await writeFile(join(dir, 'export.txt'), '{"id":"a","title":"A","body":"b"}\n');
      expect((await loadKnowledge(join(dir, 'export.txt'))).map((a) => a.id)).toEqual(['a']);
      await writeFile(join(dir, 'notes.txt'), 'just text');
      expect((await rejection(loadKnowledge(join(dir, 'notes.txt')))).detail).toMatch(/unrecognised knowledge format/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });

  it('fails naming the file and line', async () => {
    expect((await rejection(loadKnowledge(`${KB}/broken-yaml`))).message).toMatch(/broken-yaml\/broken\.md:\d+: front matter:/);
    expect((await rejection(loadKnowledge(`${KB}/missing-id`))).message).toMatch(/missing-id\/no-id\.md:1: missing id$/);
    expect((await rejection(loadKnowledge(`${KB}/bad.jsonl`))).message).toMatch(/bad\.jsonl:2: not valid JSON/);
    expect((await rejection(loadKnowledge(`${KB}/nowhere`))).message).toMatch(/nowhere: no such file or folder/);
  });

  it('names both files of a duplicate id', async () => {
    const error = await rejection(loadKnowledge(`${KB}/duplicate`));
    expect(error.message).toMatch(/duplicate\/b\/two\.md:1: same: duplicate id, also in .*duplicate\/a\/one\.md:1/);
  });
});

describe('compileKnowledge', () => {
  it('gives the articles and an index that loads without re-indexing', async () => {
    const compiled = await compileKnowledge(`${KB}/basic`);
    expect(compiled.count).toBe(6);
    const articles = (JSON.parse(compiled.articlesJson) as unknown[]).map((a) => Article.parse(a));
    const index = loadIndex(compiled.indexJson, articles);
    expect(searchText(index, 'E-1021')[0]?.id).toBe('sso-saml-error');
  });
});

describe('lintKnowledge', () => {
  it('reports each problem once with the article id', async () => {
    const problems = lintKnowledge(await readKnowledge(`${KB}/dirty`), new Date('2026-11-01T00:00:00Z'));
    const lines = problems.map((p) => `${p.id}: ${p.problem}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'empty: empty body',
        'no-title: missing title',
        'stale: missing locale',
        'stale: verified 2020-01-15 is more than a year ago',
        'zero-width: invisible character U+200B (zero-width or bidi control)',
        'zero-width: literal escape sequence "\\u200b" in the text',
        'mojibake: replacement character U+FFFD: the text was decoded with the wrong encoding',
        'mojibake: garbled encoding ("Ã©"): UTF-8 text read as Latin-1 or Windows-1252',
      ]),
    );
    expect(lines.some((line) => /^stale: duplicate id \(.*duplicate\.md:1, .*stale\.md:1\)$/.test(line))).toBe(true);
    expect(problems.find((p) => p.problem.startsWith('verified'))?.line).toBe(4);
  });

  it('finds nothing in a clean knowledge base', async () => {
    expect(lintKnowledge(await readKnowledge(`${KB}/basic`), new Date('2026-11-01T00:00:00Z'))).toEqual([]);
  });

  it('reports unreadable files and articles without an id by file and line', async () => {
    const broken = lintKnowledge(await readKnowledge(`${KB}/broken-yaml`), new Date());
    expect(broken).toHaveLength(1);
    expect(broken[0]?.problem).toMatch(/^front matter: /);
    const noId = lintKnowledge(await readKnowledge(`${KB}/missing-id`), new Date());
    expect(noId.map((p) => `${p.id}: ${p.problem}`)).toEqual(['tests/fixtures/kb/missing-id/no-id.md:1: missing id']);
  });

  it('checks the decoded text of JSONL articles, where JSON escapes are legitimate', () => {
    const raw = '{"id":"a","title":"Caf\\u00e9","body":"x\\u200by","locale":"en"}\n';
    const problems = lintKnowledge([{ file: 'kb.jsonl', raw, format: 'jsonl', notices: [], drafts: [{ file: 'kb.jsonl', line: 1, fields: JSON.parse(raw) as Record<string, unknown>, fieldLines: {}, body: 'x\u200by' }] }], new Date());
    expect(problems.map((p) => p.problem)).toEqual(['invisible character U+200B (zero-width or bidi control)']);
  });
});
