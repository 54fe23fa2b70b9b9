import * as z from 'zod/mini';
import { Article } from '../../model/article';
import { staleness } from '../freshness';

/**
 * The knowledge a user added on this device, beside the bundled knowledge base: each import or knowledge
 * source URL is a source, kept whole in IndexedDB (db.ts) and merged with the others into one index.
 */

/** The bundled knowledge base's place in the merge order; it is never stored, only switched on or off. */
export const BUNDLED = 'bundled';

export const SourceKind = z.enum(['file', 'url']);
export type SourceKind = z.infer<typeof SourceKind>;

/** What an import fixed, flagged or could not read, or a lint problem, as the options page lists it. */
export const SourceNotice = z.object({
  kind: z.enum(['fixed', 'flagged', 'skipped', 'lint']),
  place: z.string().check(z.maxLength(1_000)),
  message: z.string().check(z.maxLength(2_000)),
});
export type SourceNotice = z.infer<typeof SourceNotice>;

/** A knowledge source URL's schedule and what the last fetch said. */
export const SyncState = z.object({
  everyHours: z.number().check(z.gte(1), z.lte(24 * 30)),
  etag: z.optional(z.string().check(z.maxLength(500))),
  lastModified: z.optional(z.string().check(z.maxLength(200))),
  /** When it was last fetched, successfully or not (ISO time). */
  checkedAt: z.optional(z.string()),
  /** Why the last fetch or import failed; the articles of the last good one stay. */
  error: z.optional(z.string().check(z.maxLength(2_000))),
});
export type SyncState = z.infer<typeof SyncState>;

/** Notices kept per source: enough to act on, bounded however dirty an export is. */
export const MAX_NOTICES = 500;

export const Source = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(2_100)),
  kind: SourceKind,
  /** A file's name, or the URL. */
  name: z.string().check(z.minLength(1), z.maxLength(2_100)),
  /** When it was added (ISO time): sources merge in that order, a later one's article replacing an earlier one's of the same id. */
  addedAt: z.string(),
  /** When its articles were last replaced (ISO time). */
  updatedAt: z.string(),
  count: z.number(),
  locales: z.record(z.string(), z.number()),
  /** When each article's verification is due (YYYY-MM-DD; `0000-00-00` for one never verified that should be), for articles that have one. */
  dues: z.array(z.string()),
  notices: z.array(SourceNotice),
  /** How many notices there were before they were cut to MAX_NOTICES. */
  noticeCount: z.number(),
  sync: z.optional(SyncState),
});
export type Source = z.infer<typeof Source>;

/** The merged index as the sidebar loads it. */
export const Compiled = z.object({
  /** Source ids in merge order, BUNDLED among them when the bundled knowledge base is on. */
  order: z.array(z.string()),
  builtAt: z.string(),
  count: z.number(),
  /** serializeIndex of the merged articles. */
  index: z.string(),
});
export type Compiled = z.infer<typeof Compiled>;

/**
 * A source's articles as stored and sent to the sidebars: one JSON object a line (JSON escapes the line breaks
 * inside strings), so that a sidebar can read 100,000 of them a slice at a time (`parseArticleLines`).
 */
export function articleLines(articles: readonly Article[]): string {
  return articles.map((article) => JSON.stringify(article)).join('\n');
}

// Articles parsed and validated between two yields to the event loop when a sidebar loads.
const LINES_PER_TURN = 1_000;

/** Validates a source's stored articles, awaiting `turn` after every thousand when it is given. */
export async function parseArticleLines(text: string, turn?: () => Promise<unknown>): Promise<Article[]> {
  const articles: Article[] = [];
  let start = 0;
  for (let line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const json = text.slice(start, end === -1 ? text.length : end);
    start = end === -1 ? text.length : end + 1;
    const parsed = Article.safeParse(JSON.parse(json));
    if (!parsed.success) throw new Error(`stored article ${line} is not an article: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    articles.push(parsed.data);
    if (turn && line % LINES_PER_TURN === 0) await turn();
  }
  return articles;
}

/**
 * The articles of several sources as one knowledge base: in order, a later source's article replacing an
 * earlier one's of the same id in place (a team's own copy of a bundled answer wins, and removing it brings the
 * bundled one back).
 */
export function mergeSources(sources: readonly (readonly Article[])[]): Article[] {
  const byId = new Map<string, Article>();
  for (const articles of sources) for (const article of articles) byId.set(article.id, article);
  return [...byId.values()];
}

/** Counts by locale and the verification dates of a source's articles, computed once at import. */
export function summarise(articles: readonly Article[]): Pick<Source, 'count' | 'locales' | 'dues'> {
  const locales: Record<string, number> = {};
  const dues: string[] = [];
  const far = new Date(8.64e15);
  for (const article of articles) {
    const locale = article.locale ?? 'unknown';
    locales[locale] = (locales[locale] ?? 0) + 1;
    if (article.verified === undefined && article.verifyEvery === undefined) continue;
    const state = staleness(article, far);
    if (state.due) dues.push(state.due);
    else if (state.stale) dues.push('0000-00-00');
  }
  return { count: articles.length, locales, dues };
}

/** How many of a source's articles are past their verification on `today` (YYYY-MM-DD). */
export function staleCount(source: Pick<Source, 'dues'>, today: string): number {
  return source.dues.filter((due) => due <= today).length;
}
