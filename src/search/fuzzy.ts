import SearchableMap from 'minisearch/SearchableMap';
import { isGram } from '../text/analyze';
import { documentFrequency, type Postings } from './postings';

/** A dictionary word near a misspelt one. */
export interface Correction {
  term: string;
  distance: number;
}

// Codes and numbers are exact (E-1021 is not E-1022), and short words have too many neighbours to guess from.
const DIGIT = /\p{N}/u;
const MIN_LENGTH = 4;
const ONE_EDIT_BELOW = 8;

/** The edit distance tolerated for a word of this many letters: none below 4, one below 8, two from 8. */
export function editsFor(term: string): number {
  if (DIGIT.test(term) || isGram(term)) return 0;
  const length = [...term].length;
  return length < MIN_LENGTH ? 0 : length < ONE_EDIT_BELOW ? 1 : 2;
}

// MiniSearch's radix tree over an index's words (term -> term number), made the first time a word is not in
// the dictionary, and kept while the index is: a ticket without typos never pays for it.
const trees = new WeakMap<Postings, SearchableMap<number>>();

function treeOf(postings: Postings): SearchableMap<number> {
  let tree = trees.get(postings);
  if (!tree) {
    const made = new SearchableMap<number>();
    postings.terms.forEach((term, t) => {
      if (!isGram(term) && !DIGIT.test(term)) made.set(term, t);
    });
    trees.set(postings, (tree = made));
  }
  return tree;
}

/**
 * The dictionary words within `editsFor(term)` edits of a word the dictionary lacks ("pasword", "refnud"),
 * nearest first and, at the same distance, in the most documents: at most `max`.
 */
export function corrections(postings: Postings, term: string, max: number): Correction[] {
  const edits = editsFor(term);
  if (edits === 0 || max <= 0) return [];
  const found: (Correction & { frequency: number })[] = [];
  for (const [word, [t, distance]] of treeOf(postings).fuzzyGet(term, edits)) {
    found.push({ term: word, distance, frequency: documentFrequency(postings, t) });
  }
  return found
    .sort((a, b) => a.distance - b.distance || b.frequency - a.frequency)
    .slice(0, max)
    .map(({ term: word, distance }) => ({ term: word, distance }));
}
