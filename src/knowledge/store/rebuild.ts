import * as z from 'zod/mini';
import { Article } from '../../model/article';
import { buildIndex, indexFits, serializeIndex } from '../../search/engine';
import { commit, type Db, readCompiled, readSources, readStoredSource } from './db';
import { BUNDLED, type Compiled, mergeSources, Source } from './model';

/**
 * A change to the device's knowledge and the rebuild of the merged index it needs, run in a worker
 * (worker.ts) so that indexing 100,000 articles never holds up a page of the extension. The change and the
 * new index are written in one transaction: a rebuild that fails leaves the last good knowledge base.
 */

export const RebuildRequest = z.discriminatedUnion('type', [
  /** Adds or replaces a source; without articles only its description changes (a sync that found nothing new, or failed). */
  z.object({ type: z.literal('put'), source: Source, articles: z.optional(z.array(Article)), index: z.optional(z.string()) }),
  z.object({ type: z.literal('remove'), id: z.string() }),
  z.object({ type: z.literal('bundled'), enabled: z.boolean() }),
]);
export type RebuildRequest = z.infer<typeof RebuildRequest>;

export type RebuildPhase = 'reading' | 'indexing' | 'saving';

export type RebuildEvent =
  | { type: 'progress'; phase: RebuildPhase; done: number; total: number }
  | { type: 'done'; count: number | undefined }
  | { type: 'failed'; message: string };

export interface RebuildContext {
  db: Db;
  /** The articles shipped with the extension. */
  bundled: () => Promise<Article[]>;
  progress: (phase: RebuildPhase, done: number, total: number) => void;
  now?: Date;
}

/** Whether the bundled knowledge base is in the merge, as the last rebuild left it (on when there was none). */
export const bundledEnabled = (compiled: Compiled | null) => compiled?.order.includes(BUNDLED) ?? true;

/**
 * A knowledge bundle's own index, when that source is the whole knowledge base (the bundled answers off) and
 * the index holds exactly its articles: indexing 100,000 articles is then skipped.
 */
function prebuilt(order: readonly string[], indexes: ReadonlyMap<string, string>, articles: readonly Article[]): string | undefined {
  const [only, ...others] = order;
  const index = only === undefined || others.length > 0 ? undefined : indexes.get(only);
  return index !== undefined && indexFits(index, articles) ? index : undefined;
}

/** Applies the change and rebuilds; returns how many articles the knowledge base now has, undefined when they did not change. */
export async function rebuild(request: RebuildRequest, ctx: RebuildContext): Promise<number | undefined> {
  const { db } = ctx;
  const previous = await readCompiled(db);
  let sources = await readSources(db);
  let put: { source: Source; articles?: Article[]; index?: string } | undefined;
  if (request.type === 'put') {
    const known = sources.find((source) => source.id === request.source.id);
    // A source imported again keeps its place in the merge order.
    const changed = known ? { ...request.source, addedAt: known.addedAt } : request.source;
    sources = known ? sources.map((source) => (source === known ? changed : source)) : [...sources, changed];
    if (!request.articles) {
      await commit(db, { put: { source: changed } });
      return undefined;
    }
    put = { source: changed, articles: request.articles, ...(request.index !== undefined && { index: request.index }) };
  } else if (request.type === 'remove') {
    sources = sources.filter((source) => source.id !== request.id);
  }
  const withBundled = request.type === 'bundled' ? request.enabled : bundledEnabled(previous);
  // A knowledge source URL never fetched yet has no articles to merge.
  const merged = sources.filter((source) => source.count > 0);
  const order = [...(withBundled ? [BUNDLED] : []), ...merged.map((source) => source.id)];
  const remove = request.type === 'remove' ? request.id : undefined;

  if (withBundled && merged.length === 0) {
    await commit(db, { put, remove, compiled: null });
    return (await ctx.bundled()).length;
  }
  const lists: Article[][] = [];
  // The prebuilt indexes that came with the sources (knowledge bundles), read with their articles.
  const indexes = new Map<string, string>();
  for (const [i, id] of order.entries()) {
    ctx.progress('reading', i, order.length);
    if (id === BUNDLED) {
      lists.push(await ctx.bundled());
      continue;
    }
    const stored = put?.articles && id === put.source.id ? { articles: put.articles, index: put.index } : await readStoredSource(db, id);
    lists.push(stored.articles);
    if (stored.index !== undefined) indexes.set(id, stored.index);
  }
  const articles = mergeSources(lists);
  ctx.progress('indexing', 0, articles.length);
  const index = prebuilt(order, indexes, articles) ?? serializeIndex(buildIndex(articles, (done) => ctx.progress('indexing', done, articles.length)));
  ctx.progress('saving', articles.length, articles.length);
  const compiled: Compiled = { order, builtAt: (ctx.now ?? new Date()).toISOString(), count: articles.length, index };
  await commit(db, { put, remove, compiled });
  return articles.length;
}
