/**
 * The special functions the buy-till-you-die models need, in plain
 * TypeScript: log-gamma (Lanczos, g = 7, about 15 significant digits) and
 * its first two derivatives, the Gauss hypergeometric series 2F1 for
 * |z| < 1, and a stable log(e^a + e^b).
 */

const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const halfLog2Pi = 0.5 * Math.log(2 * Math.PI);

export function lnGamma(x: number): number {
  if (!(x > 0)) {
    if (Number.isInteger(x)) return Infinity;
    // Reflection: Γ(x)Γ(1 − x) = π / sin(πx); only the magnitude matters here.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < 9; i++) sum += lanczos[i]! / (y + i);
  const t = y + 7.5;
  return halfLog2Pi + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/**
 * The recurrences ψ(x) = ψ(x + 1) − 1/x and ψ′(x) = ψ′(x + 1) + 1/x² carry
 * x to at least 10, where the asymptotic series' first omitted term is below
 * 1e-13: the same precision as lnGamma, so a gradient built on them vanishes
 * where lnGamma's likelihood peaks.
 */
const asymptoticFrom = 10;

/** ψ(x) = d ln Γ(x) / dx, for x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  for (; x < asymptoticFrom; x++) shift -= 1 / x;
  const r = 1 / (x * x);
  return shift + Math.log(x) - 0.5 / x - r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r / 132))));
}

/** ψ′(x) = d² ln Γ(x) / dx², for x > 0. */
export function trigamma(x: number): number {
  let shift = 0;
  for (; x < asymptoticFrom; x++) shift += 1 / (x * x);
  const r = 1 / (x * x);
  return shift + 1 / x + r / 2 + (r / x) * (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - (5 / 66) * r))));
}

export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** log(e^a + e^b) without overflow; −∞ terms drop out. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * 2F1(a, b; c; z) = Σ (a)_k (b)_k / ((c)_k k!) z^k for 0 ≤ z < 1, summed
 * until a term no longer changes the sum. The models only call it with
 * positive parameters and z in [0, 1), where every term is positive.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new RangeError(`hyp2f1 needs 0 ≤ z < 1, got ${z}`);
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 200_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) return sum;
  }
  throw new Error(`hyp2f1(${a}, ${b}; ${c}; ${z}) did not converge`);
}

/**
 * ln 2F1(a, b; a + 1; z) for a, b > 0 and 0 ≤ z < 1, the form the Pareto/NBD
 * likelihood needs. Near z = 1 the plain series needs k ~ b / (1 − z) terms
 * before they shrink, so there Euler's transformation is used:
 * 2F1(a, b; a+1; z) = (1 − z)^(1−b) 2F1(1, a+1−b; a+1; z), whose terms never grow.
 * NaN when even that does not converge.
 */
export function lnHyp2f1NextC(a: number, b: number, z: number): number {
  try {
    if (z < 0.5 || a + 1 - b <= 0) return Math.log(hyp2f1(a, b, a + 1, z));
    return (1 - b) * Math.log1p(-z) + Math.log(hyp2f1(1, a + 1 - b, a + 1, z));
  } catch {
    // Only at absurd parameters (z within ~10⁻⁵ of 1), where an optimiser may
    // wander: NaN tells it to step back.
    return NaN;
  }
}
