import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Article } from '../model/article';
import { createHtmlCleaner } from './html';
import { type Imported, isKnowledgePath, isSkippedFolder, readSource, toArticles } from './import';
import { type ImportDom, localDom } from './import/dom';
import type { FieldMap, KnowledgeFile } from './import/types';
import { KnowledgeError } from './errors';

export interface LoadOptions {
  /** Article field to the CSV column or JSON key that holds it (`--map`). */
  map?: FieldMap;
}

async function knowledgeFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !isSkippedFolder(entry.name)) found.push(...(await knowledgeFiles(path)));
    else if (entry.isFile() && isKnowledgePath(entry.name)) found.push(path);
  }
  return found.sort();
}

let dom: Promise<ImportDom> | undefined;

/**
 * HTML is sanitised in jsdom in Node (DOMPurify is tested against it; simulated DOMs that let handlers through
 * are refused by the cleaner). Loaded only when a file carries HTML: jsdom takes a while to start.
 */
function nodeHtml(): Promise<ImportDom> {
  dom ??= import('jsdom').then(({ JSDOM }) => localDom(createHtmlCleaner(new JSDOM('').window as unknown as Parameters<typeof createHtmlCleaner>[0])));
  return dom;
}

/**
 * Reads a knowledge base without validating the articles: a folder (every knowledge file below it, see
 * `isKnowledgePath`) or a single file, each recognised by its content (import/index.ts). A file that cannot
 * be read as articles carries its error, so that lint can report every file. Paths are relative to the
 * current directory.
 */
export async function readKnowledge(path: string, options: LoadOptions = {}): Promise<KnowledgeFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new KnowledgeError(path, undefined, 'no such file or folder');
  }
  const paths = info.isDirectory() ? await knowledgeFiles(path) : [path];
  const files = await Promise.all(
    paths.map(async (file) => readSource(relative(process.cwd(), file) || file, new Uint8Array(await readFile(file)), { map: options.map, html: nodeHtml })),
  );
  return files.flat();
}

/** Loads and validates a knowledge base, with what the import fixed, flagged or skipped. */
export async function importKnowledge(path: string, options: LoadOptions = {}): Promise<Imported> {
  return toArticles(await readKnowledge(path, options));
}

/** Loads and validates a knowledge base. Throws a KnowledgeError at the first problem; duplicate ids name both places. */
export async function loadKnowledge(path: string, options: LoadOptions = {}): Promise<Article[]> {
  return (await importKnowledge(path, options)).articles;
}
