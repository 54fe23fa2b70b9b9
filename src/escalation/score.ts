/** Agreement of the rules' "escalate" with a labelled file's, as precision, recall and F1 of "escalate". */
export interface Scores {
  n: number;
  /** Tickets the file says escalate. */
  positives: number;
  /** Tickets the rules escalate. */
  predicted: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Outcome {
  label: boolean;
  predicted: boolean;
}

const round = (value: number) => Number(value.toFixed(4));

/** Precision and recall are 0 when nothing was predicted or nothing was to be found: no division by zero. */
export function score(outcomes: readonly Outcome[]): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { label, predicted } of outcomes) {
    if (label && predicted) tp++;
    else if (predicted) fp++;
    else if (label) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    n: outcomes.length,
    positives: tp + fn,
    predicted: tp + fp,
    tp,
    fp,
    fn,
    tn,
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
  };
}

/** Scores per group, groups by name. */
export function scoreBy<T extends Outcome>(outcomes: readonly T[], group: (outcome: T) => string): Record<string, Scores> {
  const groups = new Map<string, T[]>();
  for (const outcome of outcomes) {
    const key = group(outcome);
    const members = groups.get(key);
    if (members) members.push(outcome);
    else groups.set(key, [outcome]);
  }
  return Object.fromEntries([...groups.keys()].sort().map((key) => [key, score(groups.get(key) ?? [])]));
}
