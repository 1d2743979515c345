/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader &
 * Hardie's 2005 note): Poisson purchases with rate λ ~ Gamma(r, α) and an
 * exponential lifetime with rate μ ~ Gamma(s, β).
 */
import type { Summary } from './customer-summary.js';
import { xLevels } from './customer-summary.js';
import { hyp2f1, lnGamma, logAddExp } from './special-functions.js';

export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** ln A0 of the likelihood, where A0 ≥ 0 is a difference of two 2F1 terms (−∞ when t_x = T). */
function lnA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, bParam] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const gap = Math.abs(alpha - beta);
  const term = (t: number) => Math.log(hyp2f1(rsx, bParam, rsx + 1, gap / (big + t))) - rsx * Math.log(big + t);
  const a = term(tx);
  const b = term(T);
  if (!(a > b)) return -Infinity;
  return a + Math.log1p(-Math.exp(b - a));
}

export function paretoNbdLogLik(p: ParetoNbdParams, sm: Summary, levels = xLevels(sm)): number {
  const { r, alpha, s, beta } = p;
  const base = r * Math.log(alpha) + s * Math.log(beta) - lnGamma(r);
  const gx = Float64Array.from(levels.levels, (x) => lnGamma(r + x));
  let total = 0;
  for (let i = 0; i < sm.x.length; i++) {
    const x = sm.x[i]!;
    const T = sm.T[i]!;
    const first = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const second = Math.log(s / (r + s + x)) + lnA0(p, x, sm.tx[i]!, T);
    total += sm.weight[i]! * (gx[levels.of[i]!]! + base + logAddExp(first, second));
  }
  return total;
}

export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const ratio = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + lnA0(p, x, tx, T);
  return 1 / (1 + Math.exp(ratio));
}

export function paretoNbdConditional(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const lifetime = ((r + x) * (beta + T)) / ((alpha + T) * (s - 1)) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1));
  return lifetime * paretoNbdPAlive(p, x, tx, T);
}

export function paretoNbdExpected(p: ParetoNbdParams, t: number): number {
  const { r, alpha, s, beta } = p;
  return ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1));
}
