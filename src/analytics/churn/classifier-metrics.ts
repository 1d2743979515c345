/**
 * How well a score ranks churners: ROC AUC (the probability a random
 * churner scores above a random non-churner, ties counting half), precision
 * among the top share of scores, and a calibration table by score decile.
 */

export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  const pos = labels.filter((l) => l === 1).length;
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  // Mann–Whitney U with average ranks for ties.
  let rankSum = 0;
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1]!] === scores[idx[i]!]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (labels[idx[k]!] === 1) rankSum += avgRank;
    i = j + 1;
  }
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of positives among the ceil(share × n) highest scores (ties broken by position). */
export function precisionAtTop(scores: readonly number[], labels: readonly number[], share: number): number | null {
  if (scores.length === 0) return null;
  const k = Math.max(1, Math.ceil(share * scores.length));
  const top = scores.map((s, i) => [s, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k);
  return top.filter(([, i]) => labels[i] === 1).length / k;
}

export interface CalibrationBin {
  readonly bin: number;
  readonly customers: number;
  readonly meanPredicted: number;
  readonly observed: number;
}

/** Customers in `bins` equal-count groups by predicted probability: mean prediction against the observed rate. */
export function calibrationTable(probs: readonly number[], labels: readonly number[], bins = 10): CalibrationBin[] {
  const order = probs.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    if (part.length === 0) continue;
    out.push({
      bin: b + 1,
      customers: part.length,
      meanPredicted: part.reduce((s, [p]) => s + p, 0) / part.length,
      observed: part.filter(([, i]) => labels[i] === 1).length / part.length,
    });
  }
  return out;
}
