import type { Article } from '../../model/article';
import { KnowledgeError } from '../errors';
import type { ImportDom } from '../import/dom';
import { isKnowledgePath, readSource, toArticlesInTurns } from '../import';
import type { FieldMap, ImportNotice, KnowledgeFile } from '../import/types';
import { lintKnowledge } from '../lint';
import { MAX_NOTICES, type Source, type SourceKind, type SourceNotice, summarise } from './model';

/**
 * Files a user gives the options page (or a knowledge source URL's text), read into one source: the same
 * readers, repairs and lint as `npm run kb`, in a page of the extension. Nothing is stored here: the caller
 * hands the result to the rebuild worker, so a file that fails leaves the knowledge base as it was.
 */

export interface InputFile {
  /** Its name, or its path within a dropped folder. */
  name: string;
  bytes: Uint8Array | string;
}

export type ImportStep = { step: 'reading'; file: string; done: number; total: number } | { step: 'checking'; done: number; total: number };

export interface ImportFilesOptions {
  kind: SourceKind;
  /** The source's name: a file's name, a folder's, or the URL. */
  name: string;
  map?: FieldMap;
  html: () => ImportDom | Promise<ImportDom>;
  onStep?: (step: ImportStep) => void;
  now?: Date;
}

export interface ImportedSource {
  source: Source;
  articles: Article[];
  /** The prebuilt index of a knowledge bundle (`npm run kb -- build`), read alone. */
  index?: string;
}

/** The id a source has: importing a file of the same name again, or syncing the same URL, replaces it. */
export const sourceId = (kind: SourceKind, name: string) => `${kind}:${name}`;

const place = (file: string, line: number | undefined, id?: string) => `${file}${line === undefined ? '' : `:${line}`}${id ? ` (${id})` : ''}`;

function toNotices(notices: readonly ImportNotice[], lint: ReturnType<typeof lintKnowledge>): SourceNotice[] {
  return [
    ...notices.map((notice) => ({ kind: notice.kind, place: place(notice.file, notice.line, notice.id), message: notice.message })),
    ...lint.map((problem) => ({ kind: 'lint' as const, place: place(problem.file, problem.line, problem.id), message: problem.problem })),
  ];
}

/** Reads, repairs, validates and lints the files as one source. Throws a KnowledgeError naming the place at fault. */
export async function importFiles(files: readonly InputFile[], options: ImportFilesOptions): Promise<ImportedSource> {
  const now = options.now ?? new Date();
  const read: KnowledgeFile[] = [];
  // A folder is read as the CLI reads one: its articles and exports, not its README, styles or attachments.
  const wanted = files.length === 1 ? files : files.filter((file) => isKnowledgePath(file.name));
  for (const [i, file] of wanted.entries()) {
    options.onStep?.({ step: 'reading', file: file.name, done: i, total: wanted.length });
    read.push(...(await readSource(file.name, file.bytes, { map: options.map, html: options.html })));
  }
  const lint = lintKnowledge(read, now);
  const { articles, notices } = await toArticlesInTurns(read, (done, total) => options.onStep?.({ step: 'checking', done, total }));
  if (articles.length === 0) throw new KnowledgeError(options.name, undefined, 'no articles in it');
  const all = toNotices(notices, lint);
  const at = now.toISOString();
  const source: Source = {
    id: sourceId(options.kind, options.name),
    kind: options.kind,
    name: options.name,
    addedAt: at,
    updatedAt: at,
    ...summarise(articles),
    notices: all.slice(0, MAX_NOTICES),
    noticeCount: all.length,
  };
  const index = read.length === 1 ? read[0]?.index : undefined;
  return { source, articles, ...(index !== undefined && { index }) };
}
