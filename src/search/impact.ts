import { RANKING } from './config';

/**
 * A term's weight in one document before its rarity (IDF) is applied: BM25+ per field (saturating term
 * frequency, normalised by the field's length against its average), summed over fields with their boosts.
 * It is computed once at build time and shipped as one byte per posting: a logarithmic scale keeps the
 * relative error under 1% across the range, so rankings match unquantised scores.
 */

export interface Bm25 {
  k: number;
  b: number;
  d: number;
}

export function bm25Frequency(tf: number, length: number, averageLength: number, { k, b, d }: Bm25): number {
  return d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / Math.max(averageLength, 1)));
}

/** Rarity of a term held by `df` of `n` documents (the BM25 form, never negative). */
export function inverseDocumentFrequency(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The largest impact the field boosts allow: every field saturated. */
export const MAX_IMPACT = Object.values(RANKING.fieldBoost).reduce((sum, boost) => sum + boost * (RANKING.bm25.k + 1 + RANKING.bm25.d), 0);
const LEVELS = 255;
const LOG_MAX = Math.log1p(MAX_IMPACT);

/** An impact as a byte 1-255 (0 is never written: every posting carries some weight). */
export function quantizeImpact(impact: number): number {
  return Math.min(LEVELS, Math.max(1, Math.round((LEVELS * Math.log1p(impact)) / LOG_MAX)));
}

/** Impact bytes back to weights, by table. */
export const IMPACTS: Float64Array = Float64Array.from({ length: LEVELS + 1 }, (_, level) => Math.expm1((level * LOG_MAX) / LEVELS));
