/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) on
 * standardised features. Chosen over gradient-boosted trees for the churn
 * model because a sales manager can read it (one signed weight per
 * feature), its probabilities come out calibrated, and the features are a
 * dozen: trees would add variance, not insight, at this size.
 */

export interface LogisticModel {
  readonly intercept: number;
  /** Weights on standardised features. */
  readonly weights: readonly number[];
  readonly means: readonly number[];
  readonly sds: readonly number[];
  readonly iterations: number;
}

function solve(a: number[][], b: number[]): number[] {
  // Gaussian elimination with partial pivoting; the matrix is small and positive definite.
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], lambda = 1): LogisticModel {
  const n = rows.length;
  const p = rows[0]?.length ?? 0;
  const means = Array.from({ length: p }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / (n || 1));
  const sds = Array.from({ length: p }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - means[j]!) ** 2, 0) / (n || 1)) || 1);
  const z = rows.map((r) => [1, ...r.map((v, j) => (v - means[j]!) / sds[j]!)]);
  let beta = new Array<number>(p + 1).fill(0);
  let it = 0;
  for (; it < 50; it++) {
    const grad = new Array<number>(p + 1).fill(0);
    const hess = Array.from({ length: p + 1 }, () => new Array<number>(p + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const x = z[i]!;
      const mu = sigmoid(x.reduce((s, v, j) => s + v * beta[j]!, 0));
      const w = Math.max(mu * (1 - mu), 1e-12);
      for (let j = 0; j <= p; j++) {
        grad[j]! += (labels[i]! - mu) * x[j]!;
        for (let k = 0; k <= j; k++) hess[j]![k]! += w * x[j]! * x[k]!;
      }
    }
    // The intercept is not penalised.
    for (let j = 1; j <= p; j++) {
      grad[j]! -= lambda * beta[j]!;
      hess[j]![j]! += lambda;
    }
    for (let j = 0; j <= p; j++) for (let k = j + 1; k <= p; k++) hess[j]![k] = hess[k]![j]!;
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { intercept: beta[0]!, weights: beta.slice(1), means, sds, iterations: it + 1 };
}

export function predictLogistic(m: LogisticModel, row: readonly number[]): number {
  return sigmoid(m.intercept + row.reduce((s, v, j) => s + m.weights[j]! * ((v - m.means[j]!) / m.sds[j]!), 0));
}
