import Papa from 'papaparse';
import type { ArticleDraft } from '../draft';
import { KnowledgeError } from '../errors';
import { recordDraft, slug } from './fields';
import { ARTICLE_FIELDS, type ArticleField, type ReadContext } from './types';

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of the header line: the candidate it holds most often outside quotes. Column names rarely
 * hold one, while sample rows do (a comma in an answer of a semicolon file), so the header alone decides.
 */
function headerDelimiter(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"(?:[^"]|"")*"/g, '');
  let best: string = DELIMITERS[0];
  let most = 0;
  for (const delimiter of DELIMITERS) {
    const n = header.split(delimiter).length - 1;
    if (n > most) [best, most] = [delimiter, n];
  }
  return best;
}

/** True when the text's first line is a header of two or more columns. */
export function looksLikeCsv(text: string): boolean {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"(?:[^"]|"")*"/g, '""');
  return DELIMITERS.some((delimiter) => header.split(delimiter).length >= 2) && !/^\s*[{[<]/.test(header);
}

/** Line number (1-based) of each offset asked for, in increasing order, counted once through the text. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (text.charCodeAt(at) === 10) line++;
    return line;
  };
}

/**
 * Reads a CSV of articles: a header row naming the columns, then one article a row. Columns are found by the
 * article field's name (`title`, `body`, `tags`, `locale`, `id`, `owner`, `verified`, `verify_every`, `url`),
 * case aside, or by the mapping (`title=Question,body=Answer`). Quoted fields may hold delimiters, quotes
 * ("") and line breaks; the delimiter (comma, semicolon, tab or bar) is read from the header. Without an
 * id column, ids are made from the titles.
 */
export function readCsv(text: string, ctx: ReadContext): ArticleDraft[] {
  const { file } = ctx;
  const lineAt = lineCounter(text);
  const rows: { cells: string[]; line: number }[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: headerDelimiter(text),
    skipEmptyLines: 'greedy',
    step: (result) => {
      const error = result.errors[0];
      if (error) {
        const line = lineAt(error.index ?? cursor);
        throw new KnowledgeError(file, line, error.code === 'MissingQuotes' ? 'a quoted field is not closed (a " is missing)' : `not valid CSV: ${error.message}`);
      }
      // The cursor is where the row ends: it starts after the previous row's line break.
      while (/[\r\n]/.test(text[cursor] ?? '')) cursor++;
      rows.push({ cells: result.data, line: lineAt(cursor) });
      cursor = result.meta.cursor;
    },
  });
  const [header, ...records] = rows;
  if (!header) throw new KnowledgeError(file, 1, 'empty CSV file: expected a header row (title, body, tags, locale)');
  const names = header.cells.map((name) => name.trim());
  const column = (field: ArticleField): number => {
    const wanted = (ctx.map[field] ?? field).toLowerCase();
    return names.findIndex((name) => name.toLowerCase() === wanted);
  };
  const columns = ARTICLE_FIELDS.map((field) => [field, column(field)] as const).filter(([, index]) => index >= 0);
  for (const field of ['title', 'body'] as const) {
    if (column(field) < 0) {
      const named = ctx.map[field] ? `no column "${ctx.map[field]}" for ${field}` : `no "${field}" column`;
      throw new KnowledgeError(file, header.line, `${named} (columns: ${names.join(', ')}): map one with --map ${field}=<column>`);
    }
  }
  const madeIds = column('id') < 0;
  if (madeIds && records.length) ctx.notices.push({ file, line: header.line, kind: 'fixed', message: 'no id column: ids made from the titles' });
  const taken = new Set<string>();
  return records.map(({ cells, line }) => {
    if (cells.length > names.length && cells.slice(names.length).some((cell) => cell.trim())) {
      throw new KnowledgeError(file, line, `${cells.length} fields where the header has ${names.length}: is a field with a "${headerDelimiter(text)}" not quoted?`);
    }
    const fields: Record<string, unknown> = Object.fromEntries(columns.map(([field, index]) => [field, cells[index] ?? '']));
    if (typeof fields.tags === 'string') fields.tags = fields.tags.split(/[,;|]/);
    if (madeIds) {
      const base = slug(String(fields.title ?? '')) || `row-${line}`;
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      taken.add(id);
      fields.id = id;
    }
    return recordDraft(ctx, { line }, fields);
  });
}
