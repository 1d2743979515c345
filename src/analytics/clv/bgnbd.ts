/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 * while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase they drop out with probability p ~ Beta(a, b).
 */
import type { Summary } from './customer-summary.js';
import { summaryLevels, type SummaryLevels } from './customer-summary.js';
import { hyp2f1, lnBeta, lnGamma } from './special-functions.js';

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Σ weight × log-likelihood over the summary rows. */
export function bgnbdLogLik(p: BgNbdParams, s: Summary, lv: SummaryLevels = summaryLevels(s)): number {
  const { r, alpha, a, b } = p;
  const lb = lnBeta(a, b);
  const head = r * Math.log(alpha) - lnGamma(r) - lb;
  // Terms in x alone: ln Γ(r+x) + ln B(a, b+x) (+ the constants), and ln(a / (b+x−1)).
  const cx = Float64Array.from(lv.x.levels, (x) => lnGamma(r + x) + lnBeta(a, b + x) + head);
  const dx = Float64Array.from(lv.x.levels, (x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity));
  // ln(α + T) and ln(α + t_x) per distinct time.
  const lT = Float64Array.from(lv.T.levels, (T) => Math.log(alpha + T));
  const lTx = Float64Array.from(lv.tx.levels, (t) => Math.log(alpha + t));
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const k = lv.x.of[i]!;
    const rx = r + x;
    const t1 = -rx * lT[lv.T.of[i]!]!;
    let ll = t1;
    if (x > 0) {
      const t2 = dx[k]! - rx * lTx[lv.tx.of[i]!]!;
      ll = t1 > t2 ? t1 + Math.log1p(Math.exp(t2 - t1)) : t2 + Math.log1p(Math.exp(t1 - t2));
    }
    total += s.weight[i]! * (cx[k]! + ll);
  }
  return total;
}

/** Probability the customer is still alive at T. */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x));
}

/** Expected transactions in the next t time units of a customer with (x, t_x, T). */
export function bgnbdConditional(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, a, b } = p;
  const z = t / (alpha + T + t);
  const head = (a + b + x - 1) / (a - 1);
  const tail = 1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z);
  return head * tail * bgnbdPAlive(p, x, tx, T);
}

/** Expected transactions of a new customer in their first t time units, E[X(t)]. */
export function bgnbdExpected(p: BgNbdParams, t: number): number {
  const { r, alpha, a, b } = p;
  return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
}

/** P(X(t) = x): the probability a new customer makes exactly x purchases in their first t time units (FHL 2005, eq. 8). */
export function bgnbdPmf(p: BgNbdParams, t: number, x: number): number {
  const { r, alpha, a, b } = p;
  const lb = lnBeta(a, b);
  const lnRatio = Math.log(alpha / (alpha + t));
  const lnShare = Math.log(t / (alpha + t));
  const nb = (j: number) => Math.exp(lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnRatio + j * lnShare);
  const first = Math.exp(lnBeta(a, b + x) - lb) * nb(x);
  if (x === 0) return first;
  let cumulative = 0;
  for (let j = 0; j < x; j++) cumulative += nb(j);
  return first + Math.exp(lnBeta(a + 1, b + x - 1) - lb) * (1 - cumulative);
}
