import { isGram, tokenTerms, tokenize } from '../text/analyze';
import { RANKING } from './config';
import type { QueryPart } from './query';

/** One analysed query term, its weight in the query, and the word it came from (for "matched: ..."). */
export interface QueryTerm {
  term: string;
  weight: number;
  word: string;
}

/**
 * Weighted query terms from weighted text parts. A term takes the weight of the strongest part it occurs in
 * (counting repeats measured no better). Letter n-grams count `RANKING.gramWeight` of a word.
 */
export function analyzeQuery(parts: readonly QueryPart[]): QueryTerm[] {
  const byTerm = new Map<string, QueryTerm>();
  for (const part of parts) {
    for (const token of tokenize(part.text)) {
      for (const term of tokenTerms(token)) {
        const weight = isGram(term) ? part.weight * RANKING.gramWeight : part.weight;
        const seen = byTerm.get(term);
        if (!seen) byTerm.set(term, { term, weight, word: token });
        else if (weight > seen.weight) seen.weight = weight;
      }
    }
  }
  return [...byTerm.values()];
}

/** The analysed terms of a piece of text, for matching snippets against query terms. */
export function textTerms(text: string): string[] {
  return tokenize(text).flatMap(tokenTerms);
}
