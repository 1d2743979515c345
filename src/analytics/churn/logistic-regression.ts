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

/** Rows standardised into columns, column 0 all ones for the intercept. */
function designMatrix(rows: readonly (readonly number[])[], p: number) {
  const n = rows.length;
  const means = new Array<number>(p).fill(0);
  const sds = new Array<number>(p).fill(0);
  for (const r of rows) for (let j = 0; j < p; j++) means[j]! += r[j]! / (n || 1);
  for (const r of rows) for (let j = 0; j < p; j++) sds[j]! += (r[j]! - means[j]!) ** 2 / (n || 1);
  for (let j = 0; j < p; j++) sds[j] = Math.sqrt(sds[j]!) || 1;
  const cols = Array.from({ length: p + 1 }, () => new Float64Array(n));
  cols[0]!.fill(1);
  rows.forEach((r, i) => {
    for (let j = 0; j < p; j++) cols[j + 1]![i] = (r[j]! - means[j]!) / sds[j]!;
  });
  return { cols, means, sds };
}

/**
 * Gradient and Hessian of the penalised log-likelihood at beta (the intercept
 * is not penalised). Column by column: each Hessian entry is one tight sum
 * over the rows, several times faster than adding each row's outer product;
 * the weighted column w·x_j is formed once and summed against four columns
 * at a time.
 */
function newtonTerms(cols: readonly Float64Array[], labels: readonly number[], beta: readonly number[], lambda: number) {
  const d = beta.length;
  const n = labels.length;
  const eta = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    const c = cols[j]!;
    const b = beta[j]!;
    for (let i = 0; i < n; i++) eta[i]! += c[i]! * b;
  }
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const mu = sigmoid(eta[i]!);
    w[i] = Math.max(mu * (1 - mu), 1e-12);
    r[i] = labels[i]! - mu;
  }
  const grad = new Array<number>(d).fill(0);
  const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const wc = new Float64Array(n);
  for (let j = 0; j < d; j++) {
    const cj = cols[j]!;
    let g = 0;
    for (let i = 0; i < n; i++) {
      g += r[i]! * cj[i]!;
      wc[i] = w[i]! * cj[i]!;
    }
    grad[j] = g - (j > 0 ? lambda * beta[j]! : 0);
    // Four Hessian entries per pass over the rows: the weighted column is read once for four.
    let k = 0;
    for (; k + 3 <= j; k += 4) {
      const sums = dot4(wc, cols[k]!, cols[k + 1]!, cols[k + 2]!, cols[k + 3]!, n);
      for (let u = 0; u < 4; u++) setHess(hess, j, k + u, sums[u]!, lambda);
    }
    for (; k <= j; k++) {
      const ck = cols[k]!;
      let h = 0;
      for (let i = 0; i < n; i++) h += wc[i]! * ck[i]!;
      setHess(hess, j, k, h, lambda);
    }
  }
  return { grad, hess };
}

function dot4(v: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array, e: Float64Array, n: number): [number, number, number, number] {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    s0 += x * a[i]!;
    s1 += x * b[i]!;
    s2 += x * c[i]!;
    s3 += x * e[i]!;
  }
  return [s0, s1, s2, s3];
}

/** Entry (j, k) and its mirror; the diagonal takes the penalty, except the intercept's. */
function setHess(hess: number[][], j: number, k: number, sum: number, lambda: number): void {
  const value = sum + (j === k && j > 0 ? lambda : 0);
  hess[j]![k] = value;
  hess[k]![j] = value;
}

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], lambda = 1): LogisticModel {
  const p = rows[0]?.length ?? 0;
  const { cols, means, sds } = designMatrix(rows, p);
  let beta = new Array<number>(p + 1).fill(0);
  let it = 0;
  for (; it < 50; it++) {
    const { grad, hess } = newtonTerms(cols, labels, beta, lambda);
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { intercept: beta[0]!, weights: beta.slice(1), means, sds, iterations: it + 1 };
}

export function predictLogistic(m: LogisticModel, row: readonly number[]): number {
  return sigmoid(m.intercept + row.reduce((s, v, j) => s + m.weights[j]! * ((v - m.means[j]!) / m.sds[j]!), 0));
}
