/**
 * Ranking settings. Each was chosen by measurement, leaving one example question out at a time from the
 * shared Banking77 knowledge bases (English and Arabic: ten folds, each holding out one example of every
 * article) and searching for it, never on their test queries; the feedback boost on a four-fold split of
 * the feedback pairs; the confidence line against out-of-domain support tickets. Where several values
 * measured alike, the one in the middle of the flat region was kept. Changing a BM25 or field setting
 * changes the impacts shipped in the index: bump the index version in engine.ts.
 */
export const RANKING = {
  /**
   * BM25+ term-frequency saturation, length normalisation and lower bound. k 1.6-2.5, b 0.7-0.9 and d 0-0.25
   * measured alike (recall@1 within a point); all beat MiniSearch's 1.2 / 0.7 / 0.5 by about one point in
   * English and three in Arabic.
   */
  bm25: { k: 2, b: 0.8, d: 0.25 },
  /**
   * Field weights. A title boost of 0.7 or 1.5 cost recall (titles are short labels that many questions
   * share words with).
   */
  fieldBoost: { title: 1, tags: 1, body: 1 },
  /** Words of earlier tickets an article answered (feedback.ts), scored as one more field. */
  learnedBoost: 1.5,
  /** Exponent on the share of the query's weight a result matches: 0.5 beat 0.3 and 0.7 (and 0, plain BM25, and 1). */
  coordination: 0.5,
  /** Below this share of the query's words matched, a suggestion is marked not confident. */
  confidentCoverage: 0.3,
  /**
   * The most query words searched: long tickets yield dozens, and the least informative (lowest weight
   * times rarity) add cost, not ranking. Bounded by the 32 bits of the per-document match mask.
   */
  maxQueryWords: 24,
  /**
   * Weight of an Arabic or Hebrew letter trigram relative to a whole word: 0.2 beat 0.1 by two points in
   * Arabic. Searching similar dictionary words instead of trigrams (cheaper) measured two points worse.
   */
  gramWeight: 0.2,
  /** The most letter trigrams searched, the most informative first (a ticket of 60 Arabic words has 300). */
  maxQueryGrams: 64,
  /**
   * A word the index does not hold is searched by its nearest dictionary words (MiniSearch's radix tree, one
   * edit below 8 letters, two from 8): how many, and their weight by distance; at most `words` words a query.
   */
  fuzzy: { max: 3, weight: [0.5, 0.3], words: 4 },
  /** Completions of the word being typed in the lookup box: how many (the most frequent), and their weight. */
  prefix: { max: 20, weight: 0.4 },
  /**
   * Score kept by an answer past its verification (knowledge/freshness.ts): a stale answer still comes first
   * when it is clearly the better match, and gives way to a fresh one of about the same score. Not tuned: no
   * shared dataset has verification dates (their figures are unchanged by it).
   */
  stalePenalty: 0.85,
};
