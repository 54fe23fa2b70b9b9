import { micromark } from 'micromark';
import { type Document, isMap, isScalar, LineCounter, parseDocument, visit } from 'yaml';
import type { Article } from '../model/article';
import { type ArticleDraft, toArticle } from './draft';
import { KnowledgeError } from './errors';

const FENCE = /^---\s*$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)\s*$/;

/**
 * The front matter as plain values. Aliases are resolved only here, so an alias naming no anchor or one that
 * expands without end (a billion laughs) fails here: reported at the first alias, the usual culprit.
 */
function frontMatterFields(doc: Document, lineCounter: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 10 }) as unknown;
  } catch (error) {
    let line = 2;
    visit(doc, {
      Alias(_key, node) {
        if (!node.range) return undefined;
        line = lineCounter.linePos(node.range[0]).line + 1;
        return visit.BREAK;
      },
    });
    throw new KnowledgeError(file, line, `front matter: ${error instanceof Error ? error.message : 'cannot be read'}`);
  }
}

/**
 * Reads one Markdown article: YAML front matter between `---` lines, then the body.
 * Throws a KnowledgeError with the file and line when there is no front matter or the YAML is broken.
 */
export function readMarkdown(source: string, file: string): ArticleDraft {
  const lines = source.replace(/^\ufeff/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) throw new KnowledgeError(file, 1, 'no front matter: the file must start with a line "---"');
  const end = lines.findIndex((line, i) => i > 0 && CLOSING_FENCE.test(line));
  if (end < 0) throw new KnowledgeError(file, 1, 'front matter is not closed by a line "---"');

  const lineCounter = new LineCounter();
  // Front matter starts on the file's second line: YAML positions are offset by one.
  const doc = parseDocument(lines.slice(1, end).join('\n'), { lineCounter });
  const error = doc.errors[0];
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    // The message's own position counts from the front matter, not the file: drop it.
    const message = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    throw new KnowledgeError(file, line, `front matter: ${message}`);
  }
  const fields = frontMatterFields(doc, lineCounter, file);
  if (fields !== null && (typeof fields !== 'object' || Array.isArray(fields))) {
    throw new KnowledgeError(file, 2, 'front matter must be "key: value" lines');
  }
  const fieldLines: Partial<Record<string, number>> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) fieldLines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + 1;
    }
  }
  return {
    file,
    line: 1,
    fields: (fields ?? {}) as Record<string, unknown>,
    fieldLines,
    body: lines.slice(end + 1).join('\n'),
  };
}

// Text in which no Markdown construct can start: no markup characters, entities or escapes; no line that
// opens a list, quote, heading, code block or setext underline; no spaces a line could begin or end with;
// no control characters but line feeds.
const MARKUP = /[\\`*_[\]<>&#~|]|[^\P{Cc}\n]|^ | $|^(?:[-+=]|\d{1,9}[.)])/mu;

/**
 * Markdown to HTML. micromark escapes raw HTML and drops dangerous link protocols unless told otherwise.
 * Plain paragraphs, most of an imported knowledge base, are written directly, as micromark writes them:
 * micromark costs milliseconds an article, the bulk of importing 100,000 articles.
 */
export function renderMarkdown(markdown: string): string {
  if (MARKUP.test(markdown)) return micromark(markdown);
  const paragraphs = markdown.split(/\n{2,}/).flatMap((paragraph) => paragraph.replace(/^\n+|\n+$/g, '') || []);
  // micromark keeps a line ending that follows the last block.
  const end = paragraphs.length && markdown.endsWith('\n') ? '\n' : '';
  return paragraphs.map((paragraph) => `<p>${paragraph.replace(/"/g, '&quot;')}</p>`).join('\n') + end;
}

/** Parses one Markdown article file into a validated article with its HTML rendering. */
export function parseMarkdownArticle(source: string, file: string): Article {
  const article = toArticle(readMarkdown(source, file));
  return { ...article, html: renderMarkdown(article.body) };
}
