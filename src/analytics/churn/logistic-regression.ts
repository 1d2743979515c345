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

/*
 * Each loop over the rows is a small function of its own. V8 optimises a
 * long loop in place, but in one large function the code after it has never
 * run, so the optimised code bails out there and the next loop starts again
 * in the interpreter: the first fit of a process took ≈ 2.5× a warm one.
 */

/** Rows standardised into columns, column 0 all ones for the intercept. */
function designMatrix(rows: readonly (readonly number[])[], p: number) {
  const n = rows.length;
  const means = columnMeans(rows, p, null);
  const sds = columnMeans(rows, p, means).map((v) => Math.sqrt(v) || 1);
  const cols = Array.from({ length: p + 1 }, () => new Float64Array(n));
  cols[0]!.fill(1);
  for (let j = 0; j < p; j++) standardColumn(rows, j, means[j]!, sds[j]!, cols[j + 1]!);
  return { cols, means, sds };
}

/** Each column's mean, or with `around` its mean squared deviation from it. */
function columnMeans(rows: readonly (readonly number[])[], p: number, around: readonly number[] | null): number[] {
  const n = rows.length || 1;
  const out = new Array<number>(p).fill(0);
  for (const r of rows) {
    for (let j = 0; j < p; j++) out[j]! += around === null ? r[j]! / n : (r[j]! - around[j]!) ** 2 / n;
  }
  return out;
}

function standardColumn(rows: readonly (readonly number[])[], j: number, mean: number, sd: number, out: Float64Array): void {
  for (let i = 0; i < rows.length; i++) out[i] = (rows[i]![j]! - mean) / sd;
}

/** eta += c · b, column by column. */
function addColumn(eta: Float64Array, c: Float64Array, b: number, n: number): void {
  for (let i = 0; i < n; i++) eta[i]! += c[i]! * b;
}

/** IRLS weights μ(1 − μ) and residuals y − μ at the linear predictor eta. */
function weightsAndResiduals(eta: Float64Array, labels: readonly number[], w: Float64Array, r: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const mu = sigmoid(eta[i]!);
    w[i] = Math.max(mu * (1 - mu), 1e-12);
    r[i] = labels[i]! - mu;
  }
}

/** The gradient's sum r · c, and w·c into wc for the Hessian. */
function gradientAndWeighted(r: Float64Array, w: Float64Array, c: Float64Array, wc: Float64Array, n: number): number {
  let g = 0;
  for (let i = 0; i < n; i++) {
    g += r[i]! * c[i]!;
    wc[i] = w[i]! * c[i]!;
  }
  return g;
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let h = 0;
  for (let i = 0; i < n; i++) h += a[i]! * b[i]!;
  return h;
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
  for (let j = 0; j < d; j++) addColumn(eta, cols[j]!, beta[j]!, n);
  const w = new Float64Array(n);
  const r = new Float64Array(n);
  weightsAndResiduals(eta, labels, w, r, n);
  const grad = new Array<number>(d).fill(0);
  const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const wc = new Float64Array(n);
  const sums = new Float64Array(4);
  for (let j = 0; j < d; j++) {
    const cj = cols[j]!;
    grad[j] = gradientAndWeighted(r, w, cj, wc, n) - (j > 0 ? lambda * beta[j]! : 0);
    // Four Hessian entries per pass over the rows: the weighted column is read once for four.
    let k = 0;
    for (; k + 3 <= j; k += 4) {
      dot4(wc, cols[k]!, cols[k + 1]!, cols[k + 2]!, cols[k + 3]!, n, sums);
      for (let u = 0; u < 4; u++) setHess(hess, j, k + u, sums[u]!, lambda);
    }
    for (; k <= j; k++) setHess(hess, j, k, dot(wc, cols[k]!, n), lambda);
  }
  return { grad, hess };
}

/** Four dot products of v, with a, b, c and e, into out (written, not returned: see the note on loops above). */
function dot4(v: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array, e: Float64Array, n: number, out: Float64Array): void {
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
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
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
