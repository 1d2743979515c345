/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader &
 * Hardie's 2005 note): Poisson purchases with rate λ ~ Gamma(r, α) and an
 * exponential lifetime with rate μ ~ Gamma(s, β).
 */
import type { Summary } from './customer-summary.js';
import { summaryLevels, type Levels, type SummaryLevels } from './customer-summary.js';
import { lnGamma, lnHyp2f1NextC, logAddExp } from './special-functions.js';

export interface ParetoNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** ln of one hypergeometric term of A0: ln 2F1(…; gap/(big+t)) − (r+s+x) ln(big+t). */
function a0Term(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const rsx = r + s + x;
  const [big, bParam] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  return lnHyp2f1NextC(rsx, bParam, Math.abs(alpha - beta) / (big + t)) - rsx * Math.log(big + t);
}

/** ln A0, where A0 ≥ 0 is the difference of the terms at t_x and at T (−∞ when t_x = T). */
function lnA0From(a: number, b: number): number {
  if (!(a > b)) return -Infinity;
  return a + Math.log1p(-Math.exp(b - a));
}

function lnA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  return lnA0From(a0Term(p, x, tx), a0Term(p, x, T));
}

/** a0Term memoised per (x level, time level): with daily data far fewer pairs than rows. */
function termCache(p: ParetoNbdParams, x: Levels, t: Levels): (row: number) => number {
  const n = t.levels.length;
  const memo = new Float64Array(x.levels.length * n).fill(NaN);
  return (row) => {
    const key = x.of[row]! * n + t.of[row]!;
    let v = memo[key]!;
    if (Number.isNaN(v)) memo[key] = v = a0Term(p, x.levels[x.of[row]!]!, t.levels[t.of[row]!]!);
    return v;
  };
}

export function paretoNbdLogLik(p: ParetoNbdParams, sm: Summary, lv: SummaryLevels = summaryLevels(sm)): number {
  const { r, alpha, s, beta } = p;
  const base = r * Math.log(alpha) + s * Math.log(beta) - lnGamma(r);
  const gx = Float64Array.from(lv.x.levels, (x) => lnGamma(r + x) + base);
  const sx = Float64Array.from(lv.x.levels, (x) => Math.log(s / (r + s + x)));
  const lA = Float64Array.from(lv.T.levels, (T) => Math.log(alpha + T));
  const lB = Float64Array.from(lv.T.levels, (T) => s * Math.log(beta + T));
  const atTx = termCache(p, lv.x, lv.tx);
  const atT = termCache(p, lv.x, lv.T);
  let total = 0;
  for (let i = 0; i < sm.x.length; i++) {
    const x = sm.x[i]!;
    const j = lv.T.of[i]!;
    const k = lv.x.of[i]!;
    const first = -(r + x) * lA[j]! - lB[j]!;
    const second = sx[k]! + lnA0From(atTx(i), atT(i));
    total += sm.weight[i]! * (gx[k]! + logAddExp(first, second));
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
