import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArticle } from '../../src/knowledge/draft';
import { KnowledgeError } from '../../src/knowledge/errors';
import { readJsonl } from '../../src/knowledge/jsonl';
import { parseMarkdownArticle } from '../../src/knowledge/markdown';
import { Article } from '../../src/model/article';
import { hostileText, hugeText } from '../support/hostile-text';

const FILE = 'kb/random.md';

function lineCount(source: string): number {
  return source.replace(/^\ufeff/, '').split(/\r?\n/).length;
}

/** Runs an importer: its result, or the KnowledgeError it threw; any other exception fails the property. */
function attempt<T>(run: () => T): { value: T } | { error: KnowledgeError } {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof KnowledgeError) return { error };
    throw error;
  }
}

function expectLocated(error: KnowledgeError, file: string, lines: number): void {
  expect(error.file).toBe(file);
  expect(error.line).toBeGreaterThanOrEqual(1);
  expect(error.line).toBeLessThanOrEqual(lines);
  expect(error.message.startsWith(`${file}:${error.line}: `)).toBe(true);
}

function expectArticle(article: Article): void {
  const parsed = Article.safeParse(article);
  expect(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues)).toBe(true);
}

const KEYS = ['id', 'title', 'tags', 'locale', 'owner', 'verified', 'url', 'escalation', 'body', '__proto__', 'constructor'];

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9._:/-]{0,24}$/);

// YAML a writer (or an attacker) can put in front matter: anchors and aliases, tags, flow and block collections.
const yamlValue = fc.oneof(
  hostileText(30),
  slug,
  fc.constantFrom('2026-10-01', '2026-13-45T99:00', '~', 'null', 'true', '1e309', '0x1F', '[sso, saml]', '{a: 1}', '"quoted \\u202e"', "'single'"),
  fc.constantFrom('&a [x, x, x]', '*a', '*missing', '!!binary ZZZ', '!!timestamp nope', '!!js/function "x"', '!!set {a, b}', '<<: *a', '|\n  block\n  text'),
  fc.array(hostileText(10), { maxLength: 4 }).map((items) => `\n${items.map((item) => `  - ${item}`).join('\n')}`),
);

const frontMatterLine = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...KEYS), hostileText(8)), yamlValue).map(([key, value]) => `${key}: ${value}`) },
  { weight: 1, arbitrary: hostileText(30) },
  { weight: 1, arbitrary: fc.constantFrom('---', '...', '%YAML 1.2', '? [a]', ': b', '\t- x', '  nested: 1') },
);

const markdownSource = fc.oneof(
  { weight: 1, arbitrary: hugeText(50_000) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '\ufeff'),
        fc.constantFrom('---', '--- ', '-- -', ''),
        fc.array(frontMatterLine, { maxLength: 8 }),
        fc.constantFrom('---', '...', ''),
        hugeText(20_000),
        fc.constantFrom('\n', '\r\n'),
      )
      .map(([bom, open, lines, close, body, eol]) => bom + [open, ...lines, close, body].join(eol)),
  },
);

const jsonlField = fc.oneof(hostileText(30), slug, fc.array(hostileText(10), { maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string()));

const jsonlLine = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...KEYS), jsonlField).map((fields) => JSON.stringify(fields)) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: hostileText(30) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '{', '{"id": "a"', '[]', 'null', '{"__proto__": {"id": "x"}}') },
);

const jsonlSource = fc
  .tuple(fc.constantFrom('', '\ufeff'), fc.array(jsonlLine, { maxLength: 10 }), fc.constantFrom('\n', '\r\n'))
  .map(([bom, lines, eol]) => bom + lines.join(eol));

describe('importers on random input', () => {
  it('read a Markdown article into a valid article, or name the file and a line of it', () => {
    fc.assert(
      fc.property(markdownSource, (source) => {
        const result = attempt(() => parseMarkdownArticle(source, FILE));
        if ('error' in result) expectLocated(result.error, FILE, lineCount(source));
        else expectArticle(result.value);
      }),
      { numRuns: 400 },
    );
  });

  it('read JSONL into drafts that become valid articles, or name the file and the line at fault', () => {
    const file = 'kb/random.jsonl';
    fc.assert(
      fc.property(jsonlSource, (source) => {
        const read = attempt(() => readJsonl(source, file));
        if ('error' in read) {
          expectLocated(read.error, file, lineCount(source));
          return;
        }
        for (const draft of read.value) {
          expect(draft.line).toBeLessThanOrEqual(lineCount(source));
          const article = attempt(() => toArticle(draft));
          if ('error' in article) {
            expectLocated(article.error, file, lineCount(source));
            expect(article.error.line).toBe(draft.line);
          } else expectArticle(article.value);
        }
      }),
      { numRuns: 400 },
    );
  });
});
