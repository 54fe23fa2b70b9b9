import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/knowledge/draft';
import { KnowledgeError } from '../../src/knowledge/errors';
import { looksLikeJsonl, readJsonl } from '../../src/knowledge/jsonl';
import { parseMarkdownArticle, readMarkdown } from '../../src/knowledge/markdown';

const article = (frontMatter: string, body = 'The answer.') => `---\n${frontMatter}\n---\n${body}\n`;

function errorOf(fn: () => unknown): KnowledgeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof KnowledgeError) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

describe('parseMarkdownArticle', () => {
  it('reads front matter, keeps the body as Markdown and renders safe HTML', () => {
    const source = article(
      'id: sso-error\ntitle: "SSO\u200b fails"\ntags: [sso, saml]\nlocale: EN\nowner: identity\nverified: 2026-10-01\nurl: https://help.example.test/sso\nescalation: Escalate to Identity',
      '**Bold** <script>alert(1)</script> [x](javascript:alert(1))',
    );
    const parsed = parseMarkdownArticle(source, 'kb/sso.md');
    expect(parsed).toMatchObject({
      id: 'sso-error',
      title: 'SSO fails',
      tags: ['sso', 'saml'],
      locale: 'en',
      owner: 'identity',
      verified: '2026-10-01',
      url: 'https://help.example.test/sso',
      escalation: 'Escalate to Identity',
      body: '**Bold** <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(parsed.html).toContain('<strong>Bold</strong>');
    expect(parsed.html).not.toContain('<script>');
    expect(parsed.html).not.toContain('javascript:');
  });

  it('stores dates given as Date objects or timestamps as YYYY-MM-DD', () => {
    const draft = readMarkdown(article('id: a\ntitle: A'), 'a.md');
    expect(toArticle({ ...draft, fields: { ...draft.fields, verified: new Date('2026-03-04T10:00:00Z') } }).verified).toBe('2026-03-04');
    expect(parseMarkdownArticle(article('id: a\ntitle: A\nverified: 2026-03-04T10:00:00Z'), 'a.md').verified).toBe('2026-03-04');
  });

  it('accepts numeric ids and comma-separated tags', () => {
    expect(parseMarkdownArticle(article('id: 1042\ntitle: A\ntags: billing, refund'), 'a.md')).toMatchObject({ id: '1042', tags: ['billing', 'refund'] });
  });

  it('names the file and line of a YAML error', () => {
    const error = errorOf(() => parseMarkdownArticle(article('id: a\ntitle: A\ntags: [one, two\nlocale: en'), 'kb/broken.md'));
    expect(error.file).toBe('kb/broken.md');
    expect(error.line).toBeGreaterThanOrEqual(4);
    expect(error.message).toMatch(/^kb\/broken\.md:\d+: front matter: /);
  });

  it('names the line of an alias that names no anchor or expands without end', () => {
    expect(errorOf(() => readMarkdown(article('id: a\ntitle: *missing'), 'kb/a.md')).message).toMatch(/^kb\/a\.md:3: front matter: Unresolved alias/);
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]'];
    expect(errorOf(() => readMarkdown(article(laughs.join('\n')), 'kb/a.md')).message).toMatch(/^kb\/a\.md:3: front matter: Excessive alias count/);
  });

  it('names the file and the front matter line when the id is missing', () => {
    const error = errorOf(() => parseMarkdownArticle(article('title: No id'), 'kb/no-id.md'));
    expect(error.message).toBe('kb/no-id.md:1: missing id');
  });

  it('names the article and the line of a bad field', () => {
    expect(errorOf(() => parseMarkdownArticle(article('id: a\nlocale: en'), 'a.md')).message).toBe('a.md:1: a: missing title');
    expect(errorOf(() => parseMarkdownArticle(article('title: T\nid: "bad id!"'), 'a.md')).message).toMatch(/^a\.md:3: invalid id "bad id!"/);
  });

  it('rejects files without front matter or with an unclosed one', () => {
    expect(errorOf(() => parseMarkdownArticle('# Just Markdown', 'a.md')).message).toMatch(/^a\.md:1: no front matter/);
    expect(errorOf(() => parseMarkdownArticle('---\nid: a\n', 'a.md')).message).toMatch(/^a\.md:1: front matter is not closed/);
    expect(errorOf(() => parseMarkdownArticle('---\n- a\n- b\n---\n', 'a.md')).message).toMatch(/key: value/);
  });
});

describe('readJsonl', () => {
  it('reads one article a line, skipping blank lines, with line numbers', () => {
    const drafts = readJsonl('{"id":"a","title":"A","body":"x"}\n\n{"id":"b","title":"B","body":"y","tags":["t"],"locale":"ar"}\n', 'kb.jsonl');
    expect(drafts.map((d) => [d.line, toArticle(d).id])).toEqual([
      [1, 'a'],
      [3, 'b'],
    ]);
    expect(toArticle(drafts[1]!)).toMatchObject({ tags: ['t'], locale: 'ar', body: 'y' });
  });

  it('names the file and line of a broken line', () => {
    expect(errorOf(() => readJsonl('{"id":"a","title":"A","body":"x"}\n{oops}', 'kb.jsonl')).message).toMatch(/^kb\.jsonl:2: not valid JSON/);
    expect(errorOf(() => readJsonl('[1]', 'kb.jsonl')).message).toMatch(/^kb\.jsonl:1: each line must be one JSON object/);
    expect(errorOf(() => toArticle(readJsonl('{"title":"A","body":"x"}', 'kb.jsonl')[0]!)).message).toBe('kb.jsonl:1: missing id');
  });

  it('recognises JSONL by content', () => {
    expect(looksLikeJsonl('\n{"id":"a"}\n')).toBe(true);
    expect(looksLikeJsonl('---\nid: a\n---\n')).toBe(false);
    expect(looksLikeJsonl('{not json')).toBe(false);
  });
});
