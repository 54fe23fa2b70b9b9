import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Article } from '../model/article';
import { type ArticleDraft, draftId, toArticle } from './draft';
import { KnowledgeError } from './errors';
import { looksLikeJsonl, readJsonl } from './jsonl';
import { readMarkdown, renderMarkdown } from './markdown';

/** One file of a knowledge base: its raw text (for lint), the drafts read from it, or why it could not be read. */
export interface KnowledgeFile {
  file: string;
  raw: string;
  drafts: ArticleDraft[];
  error?: KnowledgeError;
}

const SKIPPED_DIRS = new Set(['node_modules']);

async function markdownFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await markdownFiles(path)));
    else if (entry.isFile() && /\.md$/i.test(entry.name) && entry.name.toLowerCase() !== 'readme.md') found.push(path);
  }
  return found.sort();
}

function readSource(raw: string, file: string): ArticleDraft[] {
  if (/\.jsonl$/i.test(file) || looksLikeJsonl(raw)) return readJsonl(raw, file);
  if (/^\ufeff?---\s*$/m.test(raw.slice(0, 10))) return [readMarkdown(raw, file)];
  throw new KnowledgeError(file, 1, 'unrecognised knowledge format: expected a folder of Markdown articles with front matter, or a .jsonl file');
}

/**
 * Reads a knowledge base without validating the articles: a folder (every `*.md` below it except README.md)
 * or a single file (JSONL, or one Markdown article), recognised by its content. A file that cannot be read
 * as articles carries its error, so that lint can report every file. Paths are relative to the current directory.
 */
export async function readKnowledge(path: string): Promise<KnowledgeFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new KnowledgeError(path, undefined, 'no such file or folder');
  }
  const files = info.isDirectory() ? await markdownFiles(path) : [path];
  return Promise.all(
    files.map(async (file) => {
      const name = relative(process.cwd(), file) || file;
      const raw = await readFile(file, 'utf8');
      try {
        return { file: name, raw, drafts: readSource(raw, name) };
      } catch (error) {
        if (!(error instanceof KnowledgeError)) throw error;
        return { file: name, raw, drafts: [], error };
      }
    }),
  );
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

/** Loads and validates a knowledge base. Throws a KnowledgeError at the first problem; duplicate ids name both places. */
export async function loadKnowledge(path: string): Promise<Article[]> {
  const files = await readKnowledge(path);
  const broken = files.find((f) => f.error);
  if (broken?.error) throw broken.error;
  const [duplicate] = duplicateIds(files);
  if (duplicate) {
    const [id, [first, second]] = [duplicate[0], duplicate[1]];
    if (first && second) {
      throw new KnowledgeError(second.file, second.line, `duplicate id, also in ${first.file}:${first.line}`, id);
    }
  }
  return files.flatMap((f) => f.drafts).map((draft) => {
    const article = toArticle(draft);
    return { ...article, html: renderMarkdown(article.body) };
  });
}
