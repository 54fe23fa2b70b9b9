import type { Article } from '../model/article';
import { tokenize, tokenTerms } from '../text/analyze';
import { RANKING } from './config';
import { bm25Frequency, quantizeImpact } from './impact';
import { markdownToPlain } from './plain';
import { encodePostings, type Postings } from './postings';

/**
 * Index build in three passes over compact typed arrays, so that 100,000 articles (tens of millions of
 * postings with the Arabic and Hebrew letter trigrams) build in a few hundred megabytes:
 * 1. analyse every field of every article into (term number, field, count) entries and field lengths;
 * 2. with the average field lengths known, turn each article's entries into one impact byte per term;
 * 3. sort the terms and lay the postings out term by term (a counting sort: documents stay in order).
 */

type Field = keyof typeof RANKING.fieldBoost;
const FIELDS = Object.keys(RANKING.fieldBoost) as Field[];

function fieldTexts(article: Article): string[] {
  const texts: Record<Field, string> = { title: article.title, tags: article.tags.join(' '), body: markdownToPlain(article.body) };
  return FIELDS.map((field) => texts[field]);
}

/** A growable typed array. */
class Column<T extends Int32Array | Uint16Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
}

const int32 = (size: number) => new Int32Array(size);
const uint16 = (size: number) => new Uint16Array(size);
const uint8 = (size: number) => new Uint8Array(size);
const MAX_COUNT = 0xffff;

// Reading and stemming the articles is most of a build: how many are done is said every this many.
const PROGRESS_EVERY = 500;

export function buildPostingsFor(articles: readonly Article[], onProgress?: (indexed: number) => void): Postings {
  const termIds = new Map<string, number>();
  const termsOfToken = new Map<string, number[]>();
  const idsOf = (token: string): number[] => {
    let ids = termsOfToken.get(token);
    if (!ids) {
      ids = tokenTerms(token).map((term) => {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        return id;
      });
      termsOfToken.set(token, ids);
    }
    return ids;
  };

  // Pass 1: entries of (term, field, count), grouped per article; field lengths.
  const entryTerm = new Column(new Int32Array(1 << 16), int32);
  const entryField = new Column(new Uint8Array(1 << 16), uint8);
  const entryCount = new Column(new Uint16Array(1 << 16), uint16);
  const articleStart = new Int32Array(articles.length + 1);
  const lengths = FIELDS.map(() => new Float64Array(articles.length));
  const counts = new Map<number, number>();
  articles.forEach((article, doc) => {
    if (onProgress && doc % PROGRESS_EVERY === 0) onProgress(doc);
    articleStart[doc] = entryTerm.length;
    fieldTexts(article).forEach((text, field) => {
      counts.clear();
      let length = 0;
      for (const token of tokenize(text)) {
        for (const id of idsOf(token)) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
          length++;
        }
      }
      (lengths[field] as Float64Array)[doc] = length;
      for (const [id, count] of counts) {
        entryTerm.push(id);
        entryField.push(field);
        entryCount.push(Math.min(count, MAX_COUNT));
      }
    });
  });
  articleStart[articles.length] = entryTerm.length;
  termsOfToken.clear();

  // Pass 2: one impact byte per (article, term), and each term's document count.
  const average = lengths.map((values) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, articles.length));
  const boosts = FIELDS.map((field) => RANKING.fieldBoost[field]);
  const postingTerm = new Column(new Int32Array(1 << 16), int32);
  const postingImpact = new Column(new Uint8Array(1 << 16), uint8);
  const postingStart = new Int32Array(articles.length + 1);
  const frequency = new Int32Array(termIds.size);
  const weights = new Map<number, number>();
  for (let doc = 0; doc < articles.length; doc++) {
    postingStart[doc] = postingTerm.length;
    weights.clear();
    for (let e = articleStart[doc] as number; e < (articleStart[doc + 1] as number); e++) {
      const field = entryField.data[e] as number;
      const id = entryTerm.data[e] as number;
      const weight = (boosts[field] as number) * bm25Frequency(entryCount.data[e] as number, (lengths[field] as Float64Array)[doc] as number, average[field] as number, RANKING.bm25);
      weights.set(id, (weights.get(id) ?? 0) + weight);
    }
    for (const [id, weight] of weights) {
      postingTerm.push(id);
      postingImpact.push(quantizeImpact(weight));
      frequency[id] = (frequency[id] as number) + 1;
    }
  }
  postingStart[articles.length] = postingTerm.length;

  // Pass 3: terms sorted; each term's postings in document order.
  const terms = [...termIds.keys()].sort();
  const rank = new Int32Array(termIds.size);
  terms.forEach((term, r) => (rank[termIds.get(term) as number] = r));
  const listStart = new Int32Array(terms.length + 1);
  for (let r = 0; r < terms.length; r++) listStart[r + 1] = (listStart[r] as number) + (frequency[termIds.get(terms[r] as string) as number] as number);
  const fill = listStart.slice(0, terms.length);
  const docs = new Int32Array(postingTerm.length);
  const impacts = new Uint8Array(postingTerm.length);
  for (let doc = 0; doc < articles.length; doc++) {
    for (let p = postingStart[doc] as number; p < (postingStart[doc + 1] as number); p++) {
      const r = rank[postingTerm.data[p] as number] as number;
      const at = fill[r] as number;
      fill[r] = at + 1;
      docs[at] = doc;
      impacts[at] = postingImpact.data[p] as number;
    }
  }
  return encodePostings(terms, listStart, docs, impacts);
}
