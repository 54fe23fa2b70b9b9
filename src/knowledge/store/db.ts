import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Article } from '../../model/article';
import { articleLines, Compiled, parseArticleLines, Source } from './model';

/**
 * The device's knowledge in IndexedDB, which holds a 100,000-article knowledge base where storage.local's quota
 * would not, and keeps it across browser restarts and extension updates. Three stores: each source's
 * description, each source's articles (one record a source: loaded whole, written whole), and the merged
 * index. Only the extension's own pages and its background open it: a sidebar is a frame inside a helpdesk
 * page, where browsers partition or refuse storage, so it gets the knowledge from the background (serve.ts). Every write of a rebuild is one transaction, so a failed import or sync leaves the last good
 * knowledge base as it was. Everything read is validated: the database outlives the code that wrote it.
 */

const NAME = 'deskmate-knowledge';
const VERSION = 1;
const CURRENT = 'current';

interface KnowledgeDb extends DBSchema {
  sources: { key: string; value: Source };
  /** A source's articles, a JSON object a line (model.ts): the background hands them to the sidebars as they are, unparsed. */
  articles: { key: string; value: { id: string; lines: string; index?: string } };
  compiled: { key: string; value: Compiled & { id: string } };
}

export type Db = IDBPDatabase<KnowledgeDb>;

export function openKnowledgeDb(): Promise<Db> {
  return openDB<KnowledgeDb>(NAME, VERSION, {
    upgrade(db) {
      db.createObjectStore('sources', { keyPath: 'id' });
      db.createObjectStore('articles', { keyPath: 'id' });
      db.createObjectStore('compiled', { keyPath: 'id' });
    },
  });
}

/** The sources in merge order (the order they were added). Records that do not validate are left out. */
export async function readSources(db: Db): Promise<Source[]> {
  const sources = (await db.getAll('sources')).flatMap((record) => {
    const parsed = Source.safeParse(record);
    return parsed.success ? [parsed.data] : [];
  });
  return sources.sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

async function readRecord(db: Db, id: string): Promise<{ lines: string; index?: string }> {
  const record = await db.get('articles', id);
  if (typeof record?.lines !== 'string') throw new Error(`the articles of ${id} are missing from the browser's storage`);
  return record;
}

/** A source's articles as stored, unparsed. */
export async function readSourceText(db: Db, id: string): Promise<string> {
  return (await readRecord(db, id)).lines;
}

/** A source's articles, and the prebuilt index it came with if it did (a knowledge bundle). */
export async function readStoredSource(db: Db, id: string): Promise<{ articles: Article[]; index?: string }> {
  const { lines, index } = await readRecord(db, id);
  return { articles: await parseArticleLines(lines), ...(index !== undefined && { index }) };
}

export async function readSourceArticles(db: Db, id: string): Promise<Article[]> {
  return (await readStoredSource(db, id)).articles;
}

/** The merged index, or null when there is none (the bundled knowledge base alone) or it cannot be read. */
export async function readCompiled(db: Db): Promise<Compiled | null> {
  const parsed = Compiled.safeParse(await db.get('compiled', CURRENT));
  return parsed.success ? parsed.data : null;
}

/** What a rebuild writes, all at once. */
export interface Commit {
  /** `index`: the source's own prebuilt index, when it came with one (a knowledge bundle). */
  put?: { source: Source; articles?: Article[]; index?: string };
  remove?: string;
  /** The new merged index, null to fall back to the bundled knowledge base alone, undefined to keep it. */
  compiled?: Compiled | null;
}

export async function commit(db: Db, change: Commit): Promise<void> {
  const tx = db.transaction(['sources', 'articles', 'compiled'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  if (change.put) {
    writes.push(tx.objectStore('sources').put(change.put.source));
    const { source, articles, index } = change.put;
    if (articles) writes.push(tx.objectStore('articles').put({ id: source.id, lines: articleLines(articles), ...(index !== undefined && { index }) }));
  }
  if (change.remove !== undefined) {
    writes.push(tx.objectStore('sources').delete(change.remove), tx.objectStore('articles').delete(change.remove));
  }
  const compiled = tx.objectStore('compiled');
  if (change.compiled) writes.push(compiled.put({ id: CURRENT, ...change.compiled }));
  else if (change.compiled === null) writes.push(compiled.delete(CURRENT));
  await Promise.all([...writes, tx.done]);
}
