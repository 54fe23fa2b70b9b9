import { processTerm } from '../text/analyze';
import { bm25Frequency, inverseDocumentFrequency } from './impact';
import { RANKING } from './config';

/**
 * The words of earlier tickets each article answered (feedback.ts), kept beside the shipped index as one
 * more field that changes on the device: a small in-memory inverted index, scored with the same BM25 as
 * the shipped fields when a query runs.
 */
export interface Learned {
  /** Per article id, the words as stored on the device (oldest first). */
  readonly words: Map<string, string[]>;
  /** Per term, the documents (by number) holding it and how often. */
  readonly postings: Map<string, Map<number, number>>;
  /** Per document number, how many terms its learned field holds. */
  readonly lengths: Map<number, number>;
  total: number;
}

export function emptyLearned(): Learned {
  return { words: new Map(), postings: new Map(), lengths: new Map(), total: 0 };
}

function termsOf(words: readonly string[]): string[] {
  return words.flatMap((word) => processTerm(word) ?? []);
}

/** Replaces one document's learned words. */
export function setLearnedWords(learned: Learned, doc: number, id: string, words: readonly string[]): void {
  for (const term of termsOf(learned.words.get(id) ?? [])) {
    const docs = learned.postings.get(term);
    docs?.delete(doc);
    if (docs?.size === 0) learned.postings.delete(term);
  }
  learned.total -= learned.lengths.get(doc) ?? 0;
  learned.lengths.delete(doc);
  learned.words.delete(id);
  if (words.length === 0) return;

  const terms = termsOf(words);
  learned.words.set(id, [...words]);
  learned.lengths.set(doc, terms.length);
  learned.total += terms.length;
  for (const term of terms) {
    let docs = learned.postings.get(term);
    if (!docs) learned.postings.set(term, (docs = new Map()));
    docs.set(doc, (docs.get(doc) ?? 0) + 1);
  }
}

/** How many documents' learned words hold the term. */
export function learnedFrequency(learned: Learned, term: string): number {
  return learned.postings.get(term)?.size ?? 0;
}

/** Calls `add(doc, weight)` for each document whose learned words hold the term, `weight` before the query's. */
export function scoreLearned(learned: Learned, term: string, documentCount: number, add: (doc: number, weight: number) => void): void {
  const docs = learned.postings.get(term);
  if (!docs) return;
  const idf = inverseDocumentFrequency(docs.size, documentCount);
  const average = learned.total / Math.max(1, documentCount);
  for (const [doc, tf] of docs) add(doc, RANKING.learnedBoost * idf * bm25Frequency(tf, learned.lengths.get(doc) ?? 0, average, RANKING.bm25));
}
