import MiniSearch, { type Options, type SearchResult } from 'minisearch';
import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';
import { isGram, processTerm, tokenize } from '../text/analyze';
import { RANKING } from './config';
import { markdownToPlain } from './plain';
import { ticketQuery } from './query';
import { makeSnippet } from './snippet';
import { analyzeQuery, type QueryTerm } from './terms';

/** One suggested article, best first in a list. */
export interface Suggestion {
  id: string;
  title: string;
  score: number;
  /** Query words that matched, as the customer or agent wrote them (normalised), for "why this answer". */
  terms: string[];
  /** A short plain-text passage of the body around the matched words. */
  snippet: string;
  locale?: string;
  /** False when the match is weak: the sidebar then says it found no good answer. */
  confident: boolean;
}

export interface SearchOptions {
  limit?: number;
}

interface IndexedDoc {
  id: string;
  title: string;
  tags: string;
  body: string;
  learned: string;
}

interface Entry {
  article: Article;
  /** The body as plain text, for snippets. */
  plain: string;
}

/** The searchable knowledge base: one MiniSearch index and the articles it was built from. */
export interface KnowledgeIndex {
  readonly search: MiniSearch<IndexedDoc>;
  readonly entries: ReadonlyMap<string, Entry>;
  /** Words of earlier tickets each article answered (feedback.ts), indexed in the `learned` field. */
  readonly learned: Map<string, string[]>;
}

const FORMAT = 'deskmate-index';
// Bump when tokenising, stemming or the document shape changes: an older serialised index is then rebuilt.
const VERSION = 1;
const DEFAULT_LIMIT = 10;
// Shorter prefixes match too many words to say anything.
const MIN_PREFIX = 3;

// Queries are analysed by `analyzeQuery` before they reach MiniSearch, so its own query pipeline is a pass-through.
const TERM_SEPARATOR = ' ';

function miniSearchOptions(): Options<IndexedDoc> {
  return {
    fields: ['title', 'tags', 'body', 'learned'],
    storeFields: [],
    tokenize,
    processTerm,
    searchOptions: {
      tokenize: (text) => text.split(TERM_SEPARATOR),
      processTerm: (term) => term,
    },
  };
}

function toDoc(entry: Entry, learned: readonly string[] | undefined): IndexedDoc {
  const { article } = entry;
  return {
    id: article.id,
    title: article.title,
    tags: article.tags.join(' '),
    body: entry.plain,
    learned: learned?.join(' ') ?? '',
  };
}

function entriesOf(articles: readonly Article[]): Map<string, Entry> {
  return new Map(articles.map((article) => [article.id, { article, plain: markdownToPlain(article.body) }]));
}

/** Indexes the articles. Ids must be unique (the knowledge loaders guarantee it). */
export function buildIndex(articles: readonly Article[]): KnowledgeIndex {
  const entries = entriesOf(articles);
  const search = new MiniSearch<IndexedDoc>(miniSearchOptions());
  search.addAll([...entries.values()].map((entry) => toDoc(entry, undefined)));
  return { search, entries, learned: new Map() };
}

/** The index as JSON, to ship beside the articles and load with `loadIndex` without re-indexing. */
export function serializeIndex(index: KnowledgeIndex): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, search: index.search });
}

function parseSerialized(json: string): unknown {
  try {
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) return undefined;
    const { format, version, search } = data as Record<string, unknown>;
    return format === FORMAT && version === VERSION ? search : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a serialised index for these articles. An index from another version, a damaged one, or one that
 * does not hold exactly these articles is rebuilt from the articles, which are the source of truth.
 */
export function loadIndex(json: string, articles: readonly Article[]): KnowledgeIndex {
  const serialized = parseSerialized(json);
  if (serialized === undefined) return buildIndex(articles);
  let search: MiniSearch<IndexedDoc>;
  try {
    search = MiniSearch.loadJS(serialized as Parameters<typeof MiniSearch.loadJS>[0], miniSearchOptions());
  } catch {
    return buildIndex(articles);
  }
  if (search.documentCount !== articles.length || !articles.every((article) => search.has(article.id))) {
    return buildIndex(articles);
  }
  return { search, entries: entriesOf(articles), learned: new Map() };
}

/**
 * Replaces an article's learned words and re-indexes it. The document is removed with exactly the fields it
 * was indexed with, which frees its terms at once instead of leaving them for a background clean-up.
 */
export function setLearned(index: KnowledgeIndex, id: string, words: readonly string[]): void {
  const entry = index.entries.get(id);
  if (!entry) return;
  if (index.search.has(id)) index.search.remove(toDoc(entry, index.learned.get(id)));
  if (words.length) index.learned.set(id, [...words]);
  else index.learned.delete(id);
  index.search.add(toDoc(entry, words));
}

interface RankOptions {
  limit: number;
  /** A term also matched as a prefix: the word the agent is still typing in the lookup box. */
  prefix?: string;
}

interface Scored {
  result: SearchResult;
  score: number;
  /** Share of the query's whole-word weight that the article matched. */
  wordCoverage: number;
}

/**
 * MiniSearch's BM25+ sum, divided back by its matched-term count (it multiplies by it), times the share of
 * the query weight matched raised to `RANKING.coordination`: a softer reward for covering the whole question.
 */
function scoreResult(result: SearchResult, query: ReadonlyMap<string, QueryTerm>, totals: { all: number; words: number }): Scored {
  let matched = 0;
  let words = 0;
  for (const term of result.queryTerms as string[]) {
    const q = query.get(term);
    if (!q) continue;
    matched += q.weight;
    if (!isGram(term)) words += q.weight;
  }
  const raw = result.score / Math.max(1, result.queryTerms.length);
  const coverage = totals.all > 0 ? matched / totals.all : 0;
  return { result, score: raw * coverage ** RANKING.coordination, wordCoverage: totals.words > 0 ? words / totals.words : 0 };
}

function toSuggestion(index: KnowledgeIndex, { result, score, wordCoverage }: Scored, query: ReadonlyMap<string, QueryTerm>): Suggestion[] {
  const entry = index.entries.get(result.id as string);
  if (!entry) return [];
  const words = (result.queryTerms as string[]).filter((term) => !isGram(term)).flatMap((term) => query.get(term)?.word ?? []);
  const suggestion: Suggestion = {
    id: entry.article.id,
    title: entry.article.title,
    score,
    terms: [...new Set(words)],
    snippet: makeSnippet(entry.plain, new Set<string>(result.terms)),
    confident: wordCoverage >= RANKING.confidentCoverage,
  };
  if (entry.article.locale) suggestion.locale = entry.article.locale;
  return [suggestion];
}

function rank(index: KnowledgeIndex, terms: readonly QueryTerm[], options: RankOptions): Suggestion[] {
  if (terms.length === 0 || options.limit <= 0) return [];
  const query = new Map(terms.map((q) => [q.term, q]));
  const totals = {
    all: terms.reduce((sum, q) => sum + q.weight, 0),
    words: terms.reduce((sum, q) => sum + (isGram(q.term) ? 0 : q.weight), 0),
  };
  const results = index.search.search(terms.map((q) => q.term).join(TERM_SEPARATOR), {
    boost: RANKING.boost,
    bm25: RANKING.bm25,
    boostTerm: (term) => query.get(term)?.weight ?? 1,
    prefix: (term) => term === options.prefix,
  });
  return results
    .map((result) => scoreResult(result, query, totals))
    .sort((a, b) => b.score - a.score)
    .slice(0, options.limit)
    .flatMap((scored) => toSuggestion(index, scored, query));
}

/** The lookup box: text typed by the agent, the last word matched as a prefix while it is being typed. */
export function searchText(index: KnowledgeIndex, text: string, options: SearchOptions = {}): Suggestion[] {
  const typing = /[\p{L}\p{N}]$/u.test(text) ? tokenize(text).at(-1) : undefined;
  const prefix = typing === undefined ? undefined : analyzeQuery([{ text: typing, weight: 1 }]).find((q) => !isGram(q.term))?.term;
  const rankOptions: RankOptions = { limit: options.limit ?? DEFAULT_LIMIT };
  if (prefix !== undefined && [...prefix].length >= MIN_PREFIX) rankOptions.prefix = prefix;
  return rank(index, analyzeQuery([{ text, weight: 1 }]), rankOptions);
}

/** Suggested answers for a ticket, from its weighted query: subject above latest message above older thread. */
export function suggestForTicket(index: KnowledgeIndex, ticket: Pick<Ticket, 'subject' | 'latestMessage' | 'thread'>, options: SearchOptions = {}): Suggestion[] {
  return rank(index, analyzeQuery(ticketQuery(ticket)), { limit: options.limit ?? DEFAULT_LIMIT });
}
