import { RANKING } from './config';
import { IMPACTS, inverseDocumentFrequency } from './impact';
import { type Learned, scoreLearned } from './learned';
import { documentFrequency, ensureList, findTerm, type Postings } from './postings';

/** One term to look up, with its weight in the query and the query word (slot) it stands for; letter n-grams have no slot (-1). */
export interface SearchTerm {
  term: string;
  weight: number;
  slot: number;
}

/** A ranked document: its score, which query words it matched (bit per slot) and their share of the query's words. */
export interface Hit {
  doc: number;
  score: number;
  mask: number;
  wordCoverage: number;
}

export interface Query {
  terms: readonly SearchTerm[];
  /** Weight of each slot (query word); bit `i` of a hit's mask is slot `i`. At most 32 slots. */
  slotWeights: readonly number[];
  /** The query's whole weight (words and letter n-grams), including terms not searched, against which coverage is measured. */
  totalWeight: number;
  /** The same for its words alone. */
  wordWeight: number;
}

interface Scratch {
  scores: Float64Array;
  /** Weight of the letter n-grams matched, which count towards coverage like words. */
  grams: Float64Array;
  masks: Uint32Array;
  touched: Int32Array;
}

// Per-document accumulators, allocated once per index and cleared after each query for the documents it touched:
// a query costs what its terms' lists hold, not what the index holds.
const scratches = new WeakMap<Postings, Scratch>();

function scratchFor(postings: Postings, documentCount: number): Scratch {
  let scratch = scratches.get(postings);
  if (!scratch || scratch.scores.length < documentCount) {
    scratch = {
      scores: new Float64Array(documentCount),
      grams: new Float64Array(documentCount),
      masks: new Uint32Array(documentCount),
      touched: new Int32Array(documentCount),
    };
    scratches.set(postings, scratch);
  }
  return scratch;
}

/** Matched word weight by mask, a byte at a time: four tables of 256 sums instead of a loop over 32 bits. */
function maskWeights(slotWeights: readonly number[]): Float64Array {
  const tables = new Float64Array(4 * 256);
  for (let part = 0; part < 4; part++) {
    for (let byte = 1; byte < 256; byte++) {
      const low = byte & -byte;
      const slot = part * 8 + Math.log2(low);
      tables[part * 256 + byte] = (tables[part * 256 + (byte ^ low)] as number) + (slotWeights[slot] ?? 0);
    }
  }
  return tables;
}

/** Inserts into a list kept sorted best first and at most `limit` long. */
function keepBest(best: Hit[], hit: Hit, limit: number): void {
  let at = best.length;
  while (at > 0 && (best[at - 1] as Hit).score < hit.score) at--;
  best.splice(at, 0, hit);
  if (best.length > limit) best.pop();
}

/**
 * Term-at-a-time BM25 over the shipped lists and the learned words, then each document's sum times the
 * share of the query it covers raised to `RANKING.coordination`; the best `limit`, best first.
 * Lists are decoded and added up in one pass, straight from their bytes.
 */
export function rankDocuments(postings: Postings, learned: Learned, documentCount: number, query: Query, limit: number): Hit[] {
  const { scores, grams, masks, touched } = scratchFor(postings, documentCount);
  const { bytes, starts } = postings;
  // A document is touched once its score is non-zero: every posting and learned weight is positive.
  let touchedCount = 0;
  for (const { term, weight, slot } of query.terms) {
    const bit = slot < 0 ? 0 : 1 << slot;
    const gram = slot < 0 ? weight : 0;
    const t = findTerm(postings, term);
    if (t >= 0) {
      ensureList(postings, t);
      const factor = weight * inverseDocumentFrequency(documentFrequency(postings, t), documentCount);
      let pos = starts[t] as number;
      let byte: number;
      let count = 0;
      let shift = 0;
      do {
        byte = bytes[pos++] as number;
        count |= (byte & 127) << shift;
        shift += 7;
      } while (byte >= 128);
      let doc = 0;
      for (let i = 0; i < count; i++) {
        byte = bytes[pos++] as number;
        let gap = byte & 127;
        for (shift = 7; byte >= 128; shift += 7) {
          byte = bytes[pos++] as number;
          gap |= (byte & 127) << shift;
        }
        doc += gap;
        const score = scores[doc] as number;
        if (score === 0) touched[touchedCount++] = doc;
        scores[doc] = score + factor * (IMPACTS[bytes[pos++] as number] as number);
        masks[doc] = (masks[doc] as number) | bit;
        grams[doc] = (grams[doc] as number) + gram;
      }
    }
    scoreLearned(learned, term, documentCount, (doc, w) => {
      if (scores[doc] === 0) touched[touchedCount++] = doc;
      scores[doc] = (scores[doc] as number) + weight * w;
      masks[doc] = (masks[doc] as number) | bit;
    });
  }

  const tables = maskWeights(query.slotWeights);
  const best: Hit[] = [];
  let threshold = -1;
  for (let i = 0; i < touchedCount; i++) {
    const doc = touched[i] as number;
    const raw = scores[doc] as number;
    const mask = masks[doc] as number;
    const gramWeight = grams[doc] as number;
    scores[doc] = 0;
    grams[doc] = 0;
    masks[doc] = 0;
    // Coverage is at most 1, so a raw score at or below the current last place cannot enter the list.
    if (raw <= threshold) continue;
    const words =
      (tables[mask & 255] as number) + (tables[256 + ((mask >>> 8) & 255)] as number) + (tables[512 + ((mask >>> 16) & 255)] as number) + (tables[768 + (mask >>> 24)] as number);
    const coverage = query.totalWeight > 0 ? (words + gramWeight) / query.totalWeight : 0;
    const score = raw * coverage ** RANKING.coordination;
    if (best.length < limit || score > (best[limit - 1] as Hit).score) {
      keepBest(best, { doc, score, mask, wordCoverage: query.wordWeight > 0 ? words / query.wordWeight : 0 }, limit);
      if (best.length === limit) threshold = (best[limit - 1] as Hit).score;
    }
  }
  return best;
}
