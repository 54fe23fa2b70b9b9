/**
 * Ranking settings. Each was chosen by measurement, leaving one example question out at a time from the
 * shared Banking77 knowledge bases (English and Arabic) and searching for it, never on their test queries;
 * the feedback boost on a four-fold split of the feedback pairs; the confidence line against out-of-domain
 * support tickets. Where several values measured alike, the plainer one was kept.
 */
export const RANKING = {
  /** BM25+ term-frequency saturation, length normalisation and lower bound: flat near the defaults. */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /**
   * Field weights. A title boost above 1 cost recall (titles are short labels that many questions share
   * words with); `learned` holds the words of earlier tickets the article answered (feedback.ts).
   */
  boost: { title: 1, tags: 1, body: 1, learned: 1.5 } as Record<string, number>,
  /** Exponent on the share of the query's weight a result matches: 0.5 beat 0 (plain BM25) and 1. */
  coordination: 0.5,
  /** Weight of an Arabic or Hebrew letter trigram relative to a whole word. */
  gramWeight: 0.1,
  /** Below this share of the query's words matched, a suggestion is marked not confident. */
  confidentCoverage: 0.3,
};
