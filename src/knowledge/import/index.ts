import { unzipSync } from 'fflate';
import type { Article } from '../../model/article';
import { type ArticleDraft, draftId, toArticle } from '../draft';
import { KnowledgeError } from '../errors';
import { looksLikeJsonl, readJsonl } from '../jsonl';
import { readMarkdown, renderMarkdown } from '../markdown';
import { repairText } from '../repair';
import { nextTurn } from '../turn';
import { isOverviewPage, readHtmlPage } from './confluence';
import type { ImportDom } from './dom';
import { looksLikeCsv, readCsv } from './csv';
import { decodeText } from './decode';
import { idOf } from './fields';
import { itemDraft, readJson } from './json';
import { ARTICLE_FIELDS, type ArticleField, type FieldMap, type ImportNotice, type ImportOptions, type KnowledgeFile, type KnowledgeFormat, type ReadContext } from './types';

/**
 * Reading a knowledge base from its files, wherever they come from: the CLI and the build read them from
 * disk (load.ts), the options page from the files a user drops. Nothing here touches the file system, and
 * HTML is sanitised in the DOM the caller gives.
 */

const KNOWLEDGE_FILE = /\.(?:md|markdown|jsonl|ndjson|json|csv|tsv|html?|zip)$/i;

/** Folders never read: hidden ones, packages, and the attachments of an HTML export. */
export function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules' || name === 'attachments';
}

/** Files of a folder or zip that are read as knowledge: articles and exports, not READMEs, overviews or attachments. */
export function isKnowledgePath(path: string): boolean {
  const parts = path.split('/');
  const name = parts.pop() ?? '';
  if (parts.some(isSkippedFolder) || name.startsWith('.')) return false;
  return KNOWLEDGE_FILE.test(name) && name.toLowerCase() !== 'readme.md' && !isOverviewPage(name);
}

const EXPECTED =
  'expected a folder of Markdown articles with front matter, a .jsonl or JSON file of articles, a CSV with a header row, a Zendesk or Freshdesk JSON export, or a Confluence HTML export (zip)';

// A first line that is one object holding a list of objects is a page of an export (`{"articles": [...]}`), not a JSONL record.
const isPage = (line: string) => /:\s*\[\s*\{/.test(line);

function detect(file: string, text: string): KnowledgeFormat | undefined {
  if (/^---\s*$/m.test(text.slice(0, 10))) return 'markdown';
  if (/\.(?:jsonl|ndjson)$/i.test(file)) return 'jsonl';
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) {
    return looksLikeJsonl(text) && !isPage(start.split('\n', 1)[0] ?? '') ? 'jsonl' : 'json';
  }
  if (/^<\?xml/i.test(start)) throw new KnowledgeError(file, 1, 'XML exports are not read: export the articles as JSON (the Help Center or Freshdesk API) or CSV');
  if (start.startsWith('<')) return 'html';
  return looksLikeCsv(text) ? 'csv' : undefined;
}

// Bodies may be HTML only where there is markup, or JSON's escaped form of it.
const MAY_HOLD_HTML = /<|\\u003c/i;

// HTML bodies sanitised between two yields to the event loop: the page that sanitises for the import worker
// answers a batch a task, and DOM objects that only weak references hold (jsdom's node iterators) are
// collected, which they are not within one long synchronous run.
const SANITISED_PER_TURN = 20;

async function sanitise(html: ImportDom, ctx: ReadContext): Promise<void> {
  for (let start = 0; start < ctx.jobs.length; start += SANITISED_PER_TURN) {
    const batch = ctx.jobs.slice(start, start + SANITISED_PER_TURN);
    const cleaned = await html.clean(batch.map((job) => job.html));
    for (const [i, job] of batch.entries()) {
      const clean = cleaned[i];
      if (!clean) throw new KnowledgeError(ctx.file, job.draft.line, 'the HTML was not sanitised', idOf(job.draft.fields));
      job.draft.body = clean.text;
      job.draft.html = clean.html;
      const id = idOf(job.draft.fields);
      for (const message of clean.fixes) ctx.notices.push({ file: ctx.file, line: job.draft.line, id, kind: 'fixed', message });
      job.then?.(job.draft);
    }
    await nextTurn();
  }
}

async function readText(file: string, raw: string, options: ImportOptions, notices: ImportNotice[]): Promise<KnowledgeFile> {
  let format: KnowledgeFormat | undefined;
  try {
    const text = raw.replace(/^\ufeff/, '');
    format = detect(file, text);
    if (format === undefined) throw new KnowledgeError(file, 1, `unrecognised knowledge format: ${EXPECTED}`);
    const html = format !== 'markdown' && MAY_HOLD_HTML.test(text) ? await options.html?.() : undefined;
    const ctx: ReadContext = { file, map: options.map ?? {}, html, notices, jobs: [] };
    let drafts: ArticleDraft[];
    let index: string | undefined;
    if (format === 'markdown') drafts = [readMarkdown(raw, file)];
    else if (format === 'jsonl') drafts = readJsonl(text, file).flatMap((draft) => itemDraft(ctx, { line: draft.line }, draft.fields) ?? []);
    else if (format === 'csv') drafts = readCsv(text, ctx);
    else if (format === 'html') drafts = [await readHtmlPage(text, ctx)];
    else ({ drafts, format, index } = readJson(text, ctx));
    if (html) await sanitise(html, ctx);
    // A large export's text is not kept once read: lint needs a Markdown file's only.
    return { file, raw: format === 'markdown' ? raw : '', format, drafts, notices, ...(index !== undefined && { index }) };
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    return { file, raw: format === 'markdown' ? raw : '', format, drafts: [], notices, error };
  }
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A zip is read like a folder: each knowledge file in it, named `<zip>/<path in the zip>`. */
async function readZip(file: string, bytes: Uint8Array, options: ImportOptions): Promise<KnowledgeFile[]> {
  let entries;
  try {
    // Attachments and images are never decompressed.
    entries = unzipSync(bytes, { filter: (entry) => isKnowledgePath(entry.name) });
  } catch (error) {
    const problem = new KnowledgeError(file, undefined, `not a readable zip archive (${error instanceof Error ? error.message : 'unzip failed'})`);
    return [{ file, raw: '', drafts: [], notices: [], error: problem }];
  }
  const names = Object.keys(entries).sort();
  if (names.length === 0) {
    return [{ file, raw: '', drafts: [], notices: [], error: new KnowledgeError(file, undefined, `no knowledge files in the archive: ${EXPECTED}`) }];
  }
  const files: KnowledgeFile[] = [];
  for (const name of names) files.push(...(await readSource(`${file}/${name}`, entries[name] ?? new Uint8Array(), options)));
  return files;
}

/**
 * Reads one file of a knowledge base without validating its articles, recognised by its content: Markdown
 * with front matter, JSONL, JSON (the project's fields, Zendesk or Freshdesk), CSV, an HTML page, or a zip
 * of any of these (a Confluence space export). A file that cannot be read carries its error, so that lint
 * reports every file; a zip gives one file per entry.
 */
export async function readSource(file: string, content: Uint8Array | string, options: ImportOptions = {}): Promise<KnowledgeFile[]> {
  if (typeof content !== 'string' && isZip(content)) return readZip(file, content, options);
  const notices: ImportNotice[] = [];
  const raw = typeof content === 'string' ? content : decodeText(content, file, notices);
  return [await readText(file, raw, options, notices)];
}

/** Articles that share an id, with where each was found. */
export function duplicateIds(files: readonly KnowledgeFile[]): Map<string, ArticleDraft[]> {
  const byId = new Map<string, ArticleDraft[]>();
  for (const draft of files.flatMap((f) => f.drafts)) {
    const id = draftId(draft);
    if (id !== undefined) byId.set(id, [...(byId.get(id) ?? []), draft]);
  }
  return new Map([...byId].filter(([, drafts]) => drafts.length > 1));
}

const REPAIRED = ['title', 'owner'] as const;

/** A draft with its dirty text repaired (repair.ts), each repair and each flag a notice. */
function repairDraft(draft: ArticleDraft, notices: ImportNotice[]): ArticleDraft {
  const id = draftId(draft);
  const note = (field: string, repair: { fixed: string[]; flagged: string[] }) => {
    for (const message of repair.fixed) notices.push({ file: draft.file, line: draft.line, id, kind: 'fixed', message: `${field}: ${message}` });
    for (const message of repair.flagged) notices.push({ file: draft.file, line: draft.line, id, kind: 'flagged', message: `${field}: ${message}` });
  };
  const fields = { ...draft.fields };
  for (const field of REPAIRED) {
    const value = fields[field];
    if (typeof value !== 'string') continue;
    const repair = repairText(value);
    note(field, repair);
    fields[field] = repair.text;
  }
  if (Array.isArray(fields.tags)) fields.tags = fields.tags.map((tag: unknown) => (typeof tag === 'string' ? repairText(tag).text : tag));
  const body = repairText(draft.body);
  note('body', body);
  const repaired: ArticleDraft = { ...draft, fields, body: body.text };
  if (draft.html !== undefined) repaired.html = repairText(draft.html, true).text;
  return repaired;
}

/** Everything an import of these files would fix, flag or skip, without validating the articles (for lint). */
export function importNotices(files: readonly KnowledgeFile[]): ImportNotice[] {
  const notices = files.flatMap((f) => f.notices);
  for (const draft of files.flatMap((f) => f.drafts)) repairDraft(draft, notices);
  return notices;
}

/** Validated articles and what the import did to them. */
export interface Imported {
  articles: Article[];
  notices: ImportNotice[];
}

/** The first file that could not be read, or the second place of a duplicate id, as the error to stop at. */
function firstProblem(files: readonly KnowledgeFile[]): KnowledgeError | undefined {
  const broken = files.find((f) => f.error);
  if (broken?.error) return broken.error;
  const [duplicate] = duplicateIds(files);
  if (duplicate) {
    const [id, [first, second]] = [duplicate[0], duplicate[1]];
    if (first && second) return new KnowledgeError(second.file, second.line, `duplicate id, also in ${first.file}:${first.line}`, id);
  }
  return undefined;
}

function draftArticle(draft: ArticleDraft, notices: ImportNotice[]): Article {
  const repaired = repairDraft(draft, notices);
  const article = toArticle(repaired);
  return { ...article, html: repaired.html ?? renderMarkdown(article.body) };
}

/**
 * Validates what `readSource` read into articles, repairing dirty text on the way. Throws a KnowledgeError
 * at the first file that could not be read or article that is not valid; duplicate ids name both places.
 */
export function toArticles(files: readonly KnowledgeFile[]): Imported {
  const problem = firstProblem(files);
  if (problem) throw problem;
  const notices = files.flatMap((f) => f.notices);
  const articles = files.flatMap((f) => f.drafts).map((draft) => draftArticle(draft, notices));
  return { articles, notices };
}

// Articles validated and rendered between two yields to the event loop when a page imports.
const VALIDATED_PER_TURN = 250;

/**
 * `toArticles` for a page of the extension: it yields to the event loop every few hundred articles, so a
 * 100,000-article import never holds the pages of the extension (which share one process) for long, and says
 * how many articles are done.
 */
export async function toArticlesInTurns(files: readonly KnowledgeFile[], onProgress: (done: number, total: number) => void = () => undefined): Promise<Imported> {
  const problem = firstProblem(files);
  if (problem) throw problem;
  const notices = files.flatMap((f) => f.notices);
  const drafts = files.flatMap((f) => f.drafts);
  const articles: Article[] = [];
  for (const [i, draft] of drafts.entries()) {
    articles.push(draftArticle(draft, notices));
    if (i % VALIDATED_PER_TURN === VALIDATED_PER_TURN - 1) {
      onProgress(i + 1, drafts.length);
      await nextTurn();
    }
  }
  return { articles, notices };
}

/** `--map title=Question,body=Answer`: article field to the column or key that holds it. */
export function parseFieldMap(text: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of text.split(',')) {
    if (!pair.trim()) continue;
    const [field, column] = pair.split('=').map((part) => part.trim());
    if (!field || !column) throw new Error(`"${pair.trim()}" is not field=column`);
    if (!(ARTICLE_FIELDS as readonly string[]).includes(field)) throw new Error(`"${field}" is not an article field (${ARTICLE_FIELDS.join(', ')})`);
    map[field as ArticleField] = column;
  }
  return map;
}
