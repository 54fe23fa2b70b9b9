import type { ArticleDraft } from '../draft';
import { KnowledgeError } from '../errors';
import { type Place, recordDraft } from './fields';
import { freshdeskDraft, isFreshdeskArticle } from './freshdesk';
import type { FieldMap, KnowledgeFormat, ReadContext } from './types';
import { isZendeskArticle, zendeskDraft } from './zendesk';

type Item = Record<string, unknown>;

const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The format of one article record: a Zendesk or Freshdesk article, or the project's own fields. */
export function itemFormat(item: Item): KnowledgeFormat {
  if (isZendeskArticle(item)) return 'zendesk';
  if (isFreshdeskArticle(item)) return 'freshdesk';
  return 'json';
}

/** A record's fields under the names of `map` (article field to the key that holds it). */
export function mapFields(item: Item, map: FieldMap): Item {
  const entries = Object.entries(map);
  if (entries.length === 0) return item;
  const fields = { ...item };
  for (const [field, key] of entries) fields[field] = item[key];
  return fields;
}

/** One article record as a draft, read as the format its fields show; undefined when it is not imported. */
export function itemDraft(ctx: ReadContext, at: Place, item: Item): ArticleDraft | undefined {
  const format = itemFormat(item);
  if (format === 'zendesk') return zendeskDraft(ctx, at, item);
  if (format === 'freshdesk') return freshdeskDraft(ctx, at, item);
  return recordDraft(ctx, at, mapFields(item, ctx.map));
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const WHITESPACE = /\s/;

interface Scan {
  /** Each top-level value: pages of an API listing are often saved one after the other in one file. */
  values: { start: number; end: number; line: number }[];
  /** Line and depth of each object that is an element of an array, in document order. */
  lines: number[];
  depths: number[];
}

/**
 * One pass over the structure, skipping strings: where each top-level value starts and ends, and the line of
 * each object in an array (the articles), which JSON.parse does not tell. JSON strings hold no raw line
 * breaks, so every line break seen is a line of the file.
 */
function scan(text: string, file: string): Scan {
  const values: Scan['values'] = [];
  const lines: number[] = [];
  const depths: number[] = [];
  const arrays: boolean[] = [];
  let depth = 0;
  let line = 1;
  let start = 0;
  let startLine = 1;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      let end = text.indexOf('"', i + 1);
      for (;;) {
        if (end < 0) break;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      i = end < 0 ? n : end;
    } else if (c === NEWLINE) {
      line++;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === 0) {
        start = i;
        startLine = line;
      } else if (c === OPEN_OBJECT && arrays[depth - 1]) {
        lines.push(line);
        depths.push(depth);
      }
      arrays[depth++] = c === OPEN_ARRAY;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth === 0) throw new KnowledgeError(file, line, `not valid JSON: unexpected "${text[i]}"`);
      if (--depth === 0) values.push({ start, end: i + 1, line: startLine });
    } else if (depth === 0 && !WHITESPACE.test(text[i] ?? '')) {
      throw new KnowledgeError(file, line, `not valid JSON: expected an array or object, found "${text.slice(i, i + 20)}"`);
    }
  }
  // An unclosed value: JSON.parse says what is missing.
  if (depth > 0) values.push({ start, end: n, line: startLine });
  return { values, lines, depths };
}

const TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_$][\w$]*|[^\s{}[\],:]/g;
const VALID_TOKEN = /^(?:-?\d[\d.eE+-]*|true|false|null)$/;

/** Where a token JSON.parse rejected without saying where is: the first bare word that is not a literal. */
function unexpectedAt(slice: string): number | undefined {
  const outside = slice.replace(/"(?:[^"\\\n]|\\.)*"/g, (string) => ' '.repeat(string.length));
  for (const match of outside.matchAll(TOKEN)) if (!VALID_TOKEN.test(match[0])) return match.index;
  return undefined;
}

function parseValue(text: string, value: Scan['values'][number], file: string): unknown {
  const slice = text.slice(value.start, value.end);
  try {
    return JSON.parse(slice);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'parse error';
    const position = /at position (\d+)/.exec(message);
    const offset = (position ? Number(position[1]) : unexpectedAt(slice)) ?? slice.length;
    const before = slice.slice(0, offset);
    const line = value.line + (before.match(/\n/g)?.length ?? 0);
    const column = offset - before.lastIndexOf('\n');
    // V8 quotes the whole input after the reason: the place is given as line and column instead.
    const reason = message.replace(/ in JSON at position \d+[\s\S]*$/, '').replace(/, (?:\.\.\.)?"[\s\S]*$/, '');
    throw new KnowledgeError(file, line, `not valid JSON: ${reason} (column ${column})`);
  }
}

/**
 * Reads JSON articles: an array of them, `{"articles": [...]}`, a Zendesk or Freshdesk export, several
 * such pages one after the other, or nested in categories and folders. An article is any object with a
 * title (or the key mapped to `title`); it is read as Zendesk, Freshdesk or the project's own fields.
 */
/** What `npm run kb -- build` writes: the articles and their index, which a knowledge source URL may serve. */
export const BUNDLE_FORMAT = 'deskmate-knowledge';

export function readJson(text: string, ctx: ReadContext): { drafts: ArticleDraft[]; format: KnowledgeFormat; index?: string } {
  const { values, lines, depths } = scan(text, ctx.file);
  const titleKey = ctx.map.title ?? 'title';
  const drafts: ArticleDraft[] = [];
  let format: KnowledgeFormat | undefined;
  let found = 0;
  let listed = false;
  let element = 0;
  // Lines are matched to objects by their order; a depth that does not match (an object whose keys JavaScript
  // reorders) stops the matching rather than give a wrong line.
  let aligned = true;
  const visit = (value: unknown, depth: number, line: number, inArticle: boolean): void => {
    if (Array.isArray(value)) {
      listed = true;
      for (const child of value) {
        let childLine = line;
        if (isItem(child)) {
          aligned &&= depths[element] === depth + 1;
          childLine = aligned ? (lines[element] ?? line) : line;
          element++;
        }
        visit(child, depth + 1, childLine, inArticle);
      }
      return;
    }
    if (!isItem(value)) return;
    const article = !inArticle && typeof value[titleKey] === 'string';
    if (article) {
      found++;
      format ??= itemFormat(value);
      const draft = itemDraft(ctx, { line, place: `article ${found}` }, value);
      if (draft) drafts.push(draft);
    }
    for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) visit(child, depth + 1, line, inArticle || article);
  };
  let index: string | undefined;
  for (const value of values) {
    const parsed = parseValue(text, value, ctx.file);
    if (values.length === 1 && isItem(parsed) && parsed.format === BUNDLE_FORMAT && typeof parsed.index === 'string') index = parsed.index;
    visit(parsed, 0, value.line, false);
  }
  if (found === 0 && !listed) {
    throw new KnowledgeError(ctx.file, 1, `no articles found: expected an array of articles with a "${titleKey}", {"articles": [...]}, or a Zendesk or Freshdesk export`);
  }
  return { drafts, format: format ?? 'json', ...(index !== undefined && { index }) };
}
