/** Retrieval figures over labelled queries, as `eval` reports them (shared/contracts.md section 3). */
export interface EvalReport {
  n: number;
  'recall@1': number;
  'recall@5': number;
  'mrr@10': number;
  p50_ms: number;
  p95_ms: number;
}

export interface Ranked {
  /** Article ids, best first. */
  ranking: readonly string[];
  relevant: readonly string[];
  ms: number;
}

function recallAt(k: number, { ranking, relevant }: Ranked): number {
  if (relevant.length === 0) return 0;
  const top = new Set(ranking.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

function reciprocalRank(k: number, { ranking, relevant }: Ranked): number {
  const wanted = new Set(relevant);
  const at = ranking.slice(0, k).findIndex((id) => wanted.has(id));
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function summarize(results: readonly Ranked[]): EvalReport {
  const n = results.length;
  const mean = (f: (r: Ranked) => number) => (n ? results.reduce((sum, r) => sum + f(r), 0) / n : 0);
  const ms = results.map((r) => r.ms);
  return {
    n,
    'recall@1': round(mean((r) => recallAt(1, r)), 4),
    'recall@5': round(mean((r) => recallAt(5, r)), 4),
    'mrr@10': round(mean((r) => reciprocalRank(10, r)), 4),
    p50_ms: round(percentile(ms, 50), 3),
    p95_ms: round(percentile(ms, 95), 3),
  };
}
