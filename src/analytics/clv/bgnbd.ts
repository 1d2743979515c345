/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"):
 * while alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α);
 * after each purchase they drop out with probability p ~ Beta(a, b).
 */
import type { Summary } from './customer-summary.js';
import { xLevels } from './customer-summary.js';
import { hyp2f1, lnBeta, lnGamma, logAddExp } from './special-functions.js';

export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Σ weight × log-likelihood over the summary rows. */
export function bgnbdLogLik(p: BgNbdParams, s: Summary, levels = xLevels(s)): number {
  const { r, alpha, a, b } = p;
  const lb = lnBeta(a, b);
  const lnA = Math.log(alpha);
  // Terms in x alone: ln Γ(r+x) − ln Γ(r) + ln B(a, b+x) − ln B(a, b), and ln(a / (b+x−1)).
  const cx = Float64Array.from(levels.levels, (x) => lnGamma(r + x) - lnGamma(r) + lnBeta(a, b + x) - lb);
  const dx = Float64Array.from(levels.levels, (x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity));
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const k = levels.of[i]!;
    const t1 = -(r + x) * Math.log(alpha + s.T[i]!);
    const t2 = x > 0 ? dx[k]! - (r + x) * Math.log(alpha + s.tx[i]!) : -Infinity;
    total += s.weight[i]! * (cx[k]! + r * lnA + logAddExp(t1, t2));
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
