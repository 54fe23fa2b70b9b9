import { staleness } from '../knowledge/freshness';
import type { Article } from '../model/article';
import type { Ticket } from '../model/ticket';
import { isGram, processTerm, tokenize } from '../text/analyze';
import { RANKING } from './config';
import { inverseDocumentFrequency } from './impact';
import { corrections } from './fuzzy';
import { emptyLearned, type Learned, learnedFrequency } from './learned';
import { markdownToPlain } from './plain';
import { buildPostingsFor } from './build';
import { deserializePostings, documentFrequency, findTerm, type Postings, prefixRange, serializePostings, type SerializedPostings } from './postings';
import { ticketQuery } from './query';
import { type Hit, type Query, rankDocuments, type SearchTerm } from './rank';
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
  /** Past its verification (knowledge/freshness.ts): shown as needing review, and ranked a little lower. */
  stale: boolean;
  /** When its owner last verified it (YYYY-MM-DD), and who that is, where the knowledge base says. */
  verified?: string;
  owner?: string;
}

export interface SearchOptions {
  limit?: number;
  /** The time freshness is judged at: now, unless a test or the CLI says otherwise. */
  now?: Date;
}

/** The searchable knowledge base: the shipped inverted index, the articles it was built from, and what was learned on the device. */
export interface KnowledgeIndex {
  readonly postings: Postings;
  /** Articles by document number. */
  readonly articles: readonly Article[];
  /** Document number by article id. */
  readonly docs: ReadonlyMap<string, number>;
  /** Words of earlier tickets each article answered (feedback.ts), scored as one more field. */
  readonly learned: Learned;
  /** Article bodies as plain text, made when an article is first shown with a snippet (at most `PLAIN_CACHE`). */
  readonly plain: Map<number, string>;
}

const FORMAT = 'deskmate-index';
// Bump when tokenising, stemming, impacts or the serialised shape change: an older index is then rebuilt.
const VERSION = 4;
const DEFAULT_LIMIT = 10;
// Shorter prefixes match too many words to say anything.
const MIN_PREFIX = 3;
// Plain texts kept for snippets: the articles of the last few dozen queries, bounded however long the sidebar stays open.
const PLAIN_CACHE = 500;

function indexOf(postings: Postings, articles: readonly Article[]): KnowledgeIndex {
  return { postings, articles, docs: new Map(articles.map((article, doc) => [article.id, doc])), learned: emptyLearned(), plain: new Map() };
}

/**
 * Indexes the articles. Ids must be unique (the knowledge loaders guarantee it). `onProgress` hears how many
 * articles are read, every few hundred, for a rebuild that shows its progress.
 */
export function buildIndex(articles: readonly Article[], onProgress?: (indexed: number) => void): KnowledgeIndex {
  return indexOf(buildPostingsFor(articles, onProgress), articles);
}

interface Serialized extends SerializedPostings {
  format: typeof FORMAT;
  version: typeof VERSION;
  ids: string[];
}

/** The index as JSON, to ship beside the articles and load with `loadIndex` without re-indexing. */
export function serializeIndex(index: KnowledgeIndex): string {
  const serialized: Serialized = { format: FORMAT, version: VERSION, ids: index.articles.map((a) => a.id), ...serializePostings(index.postings) };
  return JSON.stringify(serialized);
}

function parseSerialized(json: string): Serialized | undefined {
  try {
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) return undefined;
    const { format, version, ids, terms, lengths, lists } = data as Record<string, unknown>;
    if (format !== FORMAT || version !== VERSION || !Array.isArray(ids)) return undefined;
    if (typeof terms !== 'string' || typeof lengths !== 'string' || typeof lists !== 'string') return undefined;
    return data as Serialized;
  } catch {
    return undefined;
  }
}

const holds = (serialized: Serialized, articles: readonly Article[]) =>
  serialized.ids.length === articles.length && articles.every((article, i) => serialized.ids[i] === article.id);

/** Whether a serialised index is of this version and holds exactly these articles, in order: what loadIndex loads as it is. */
export function indexFits(json: string, articles: readonly Article[]): boolean {
  const serialized = parseSerialized(json);
  return serialized !== undefined && holds(serialized, articles);
}

/**
 * Loads a serialised index for these articles. An index from another version, a damaged one, or one that
 * does not hold exactly these articles (in order) is rebuilt from the articles, which are the source of truth.
 */
export function loadIndex(json: string, articles: readonly Article[]): KnowledgeIndex {
  const serialized = parseSerialized(json);
  if (!serialized || !holds(serialized, articles)) return buildIndex(articles);
  const postings = deserializePostings(serialized);
  return postings ? indexOf(postings, articles) : buildIndex(articles);
}

function frequency(index: KnowledgeIndex, term: string): number {
  const t = findTerm(index.postings, term);
  return (t < 0 ? 0 : documentFrequency(index.postings, t)) + learnedFrequency(index.learned, term);
}

/** A query word and the terms searched for it (itself and, for the word being typed, its completions). */
interface Slot {
  word: QueryTerm;
  terms: string[];
}

interface Plan {
  query: Query;
  slots: Slot[];
}

/** A query word with the terms searched for it besides itself, and how many documents the best of them is in. */
interface Candidate {
  word: QueryTerm;
  frequency: number;
  alternates: { term: string; weight: number }[];
}

/** The `max` most informative (weight times rarity) candidates. */
function mostInformative(index: KnowledgeIndex, candidates: readonly Candidate[], max: number): Candidate[] {
  const n = index.articles.length;
  return candidates
    .map((candidate) => ({ candidate, informative: candidate.word.weight * inverseDocumentFrequency(candidate.frequency, n) }))
    .sort((a, b) => b.informative - a.informative)
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/**
 * A query word as searched: itself, and for the word being typed its completions; a word the index does not
 * hold and nothing completes (a typo) is searched by its nearest spellings instead. Words with nothing to
 * search are dropped.
 */
function candidate(index: KnowledgeIndex, word: QueryTerm, typing: string | undefined, budget: { corrections: number }): Candidate | undefined {
  const own = frequency(index, word.term);
  const typed = word.term === typing ? completions(index, word) : [];
  if (own > 0 || typed.length > 0) return { word, frequency: own, alternates: typed };
  if (budget.corrections <= 0) return undefined;
  budget.corrections -= 1;
  const alternates = corrections(index.postings, word.term, RANKING.fuzzy.max).map(({ term, distance }) => ({
    term,
    weight: word.weight * (RANKING.fuzzy.weight[distance - 1] ?? 0),
  }));
  if (alternates.length === 0) return undefined;
  return { word, frequency: Math.max(...alternates.map((a) => frequency(index, a.term))), alternates };
}

/**
 * What to search: the `RANKING.maxQueryWords` most informative words and `RANKING.maxQueryGrams` letter
 * trigrams, each word with its alternates (`candidate`). Every term counts towards the coverage a result
 * is measured against, searched or not: long tickets cost fewer lookups without their matches looking complete.
 */
function plan(index: KnowledgeIndex, terms: readonly QueryTerm[], typing?: string): Plan {
  const words = terms.filter((term) => !isGram(term.term));
  const grams = terms.filter((term) => isGram(term.term));
  const slots: Slot[] = [];
  const searched: SearchTerm[] = [];
  // Names, signatures and product words a knowledge base never mentions are unknown too: only the strongest
  // few unknown words are looked up as typos, which bounds the cost of a long ticket.
  const budget = { corrections: RANKING.fuzzy.words };
  const strongestFirst = [...words].sort((a, b) => b.weight - a.weight);
  const candidates = strongestFirst.flatMap((word) => candidate(index, word, typing, budget) ?? []);
  for (const { word, alternates } of mostInformative(index, candidates, RANKING.maxQueryWords)) {
    const slot = slots.length;
    const own: SearchTerm[] = [{ term: word.term, weight: word.weight, slot }, ...alternates.map((a) => ({ ...a, slot }))];
    slots.push({ word, terms: own.map((s) => s.term) });
    searched.push(...own);
  }
  const gramCandidates = grams.map((gram) => ({ word: gram, frequency: frequency(index, gram.term), alternates: [] })).filter((c) => c.frequency > 0);
  for (const { word: gram } of mostInformative(index, gramCandidates, RANKING.maxQueryGrams)) searched.push({ term: gram.term, weight: gram.weight, slot: -1 });
  const weight = (list: readonly QueryTerm[]) => list.reduce((sum, term) => sum + term.weight, 0);
  return {
    query: { terms: searched, slotWeights: slots.map((s) => s.word.weight), totalWeight: weight(terms), wordWeight: weight(words) },
    slots,
  };
}

/** The most frequent dictionary words that start with the word being typed, weighted below a whole word. */
function completions(index: KnowledgeIndex, word: QueryTerm): { term: string; weight: number }[] {
  const [from, to] = prefixRange(index.postings, word.term);
  const found: { term: string; frequency: number }[] = [];
  for (let t = from; t < to; t++) {
    const term = index.postings.terms[t] as string;
    if (term !== word.term) found.push({ term, frequency: documentFrequency(index.postings, t) });
  }
  return found
    .sort((a, b) => b.frequency - a.frequency)
    .slice(0, RANKING.prefix.max)
    .map(({ term }) => ({ term, weight: word.weight * RANKING.prefix.weight * Math.min(1, word.term.length / term.length + 0.3) }));
}

function plainOf(index: KnowledgeIndex, doc: number): string {
  let plain = index.plain.get(doc);
  if (plain === undefined) {
    plain = markdownToPlain(index.articles[doc]?.body ?? '');
    if (index.plain.size >= PLAIN_CACHE) index.plain.clear();
    index.plain.set(doc, plain);
  }
  return plain;
}

function toSuggestion(index: KnowledgeIndex, hit: Hit, slots: readonly Slot[], stale: boolean): Suggestion[] {
  const article = index.articles[hit.doc];
  if (!article) return [];
  const matched = slots.filter((_, slot) => hit.mask & (1 << slot));
  const suggestion: Suggestion = {
    id: article.id,
    title: article.title,
    score: hit.score,
    terms: [...new Set(matched.map((slot) => slot.word.word))],
    snippet: makeSnippet(plainOf(index, hit.doc), new Set(matched.flatMap((slot) => slot.terms))),
    confident: hit.wordCoverage >= RANKING.confidentCoverage,
    stale,
  };
  if (article.locale) suggestion.locale = article.locale;
  if (article.verified) suggestion.verified = article.verified;
  if (article.owner) suggestion.owner = article.owner;
  return [suggestion];
}

/**
 * The best `limit` hits once stale articles lose `RANKING.stalePenalty` of their score. The penalty only
 * lowers scores, so the ranking without it is right whenever none of its hits is stale; otherwise more hits
 * are ranked until the last place taken is above the best score an article not ranked could have.
 */
function freshHits(index: KnowledgeIndex, query: Query, limit: number, now: Date): { hit: Hit; stale: boolean }[] {
  const count = index.articles.length;
  for (let wanted = limit; ; wanted *= 2) {
    const hits = rankDocuments(index.postings, index.learned, count, query, wanted);
    const judged = hits.map((hit) => {
      const article = index.articles[hit.doc];
      const stale = article !== undefined && staleness(article, now).stale;
      return { hit: stale ? { ...hit, score: hit.score * RANKING.stalePenalty } : hit, stale };
    });
    if (!judged.some((j) => j.stale)) return judged.slice(0, limit);
    const best = judged.sort((a, b) => b.hit.score - a.hit.score).slice(0, limit);
    if (hits.length < wanted || wanted >= count) return best;
    // No article left out scores above the last one ranked, before any penalty.
    if ((best[limit - 1]?.hit.score ?? 0) >= (hits[wanted - 1]?.score ?? 0)) return best;
  }
}

function rank(index: KnowledgeIndex, terms: readonly QueryTerm[], limit: number, now: Date, typing?: string): Suggestion[] {
  if (terms.length === 0 || limit <= 0) return [];
  const { query, slots } = plan(index, terms, typing);
  if (query.terms.length === 0) return [];
  return freshHits(index, query, limit, now).flatMap(({ hit, stale }) => toSuggestion(index, hit, slots, stale));
}

/** The lookup box: text typed by the agent, the last word matched as a prefix while it is being typed. */
export function searchText(index: KnowledgeIndex, text: string, options: SearchOptions = {}): Suggestion[] {
  const terms = analyzeQuery([{ text, weight: 1 }]);
  const last = /[\p{L}\p{N}]$/u.test(text) ? tokenize(text).at(-1) : undefined;
  const processed = last === undefined ? null : processTerm(last);
  const typing = typeof processed === 'string' && [...processed].length >= MIN_PREFIX ? processed : undefined;
  return rank(index, terms, options.limit ?? DEFAULT_LIMIT, options.now ?? new Date(), typing);
}

/** Suggested answers for a ticket, from its weighted query: subject above latest message above older thread. */
export function suggestForTicket(index: KnowledgeIndex, ticket: Pick<Ticket, 'subject' | 'latestMessage' | 'thread'>, options: SearchOptions = {}): Suggestion[] {
  return rank(index, analyzeQuery(ticketQuery(ticket)), options.limit ?? DEFAULT_LIMIT, options.now ?? new Date());
}
