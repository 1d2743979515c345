/**
 * Splitting a target across reps (or teams, regions, months) in proportion
 * to weights, in whole units, so the parts add up to the total exactly:
 * the largest-remainder (Hamilton) method. Pure, so the app's target editor
 * and the analysis use the same arithmetic.
 */

export interface TargetShare {
  readonly key: string;
  readonly weight: number;
}

export interface TargetPart {
  readonly key: string;
  readonly amount: number;
}

/**
 * Each part gets floor(quota) units, quota = units × weight ÷ Σ weights; the
 * units left go one each to the largest remainders (ties: larger weight,
 * then the earlier key in the list). All-zero weights split evenly.
 */
export function decomposeTarget(total: number, shares: readonly TargetShare[], unit = 1): TargetPart[] {
  if (!(unit > 0) || !Number.isFinite(total)) throw new RangeError('decomposeTarget needs a finite total and a positive unit');
  if (shares.some((s) => !(s.weight >= 0))) throw new RangeError('decomposeTarget weights must be ≥ 0');
  if (shares.length === 0) return [];
  const units = Math.round(total / unit);
  const sum = shares.reduce((s, x) => s + x.weight, 0);
  const weights = sum > 0 ? shares.map((s) => s.weight / sum) : shares.map(() => 1 / shares.length);
  const quotas = weights.map((w) => units * w);
  const parts = quotas.map((q) => Math.floor(q));
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = quotas.map((_q, i) => i).sort((a, b) => quotas[b]! - Math.floor(quotas[b]!) - (quotas[a]! - Math.floor(quotas[a]!)) || weights[b]! - weights[a]! || a - b);
  for (const i of order) {
    if (left <= 0) break;
    parts[i]!++;
    left--;
  }
  return shares.map((s, i) => ({ key: s.key, amount: parts[i]! * unit }));
}
