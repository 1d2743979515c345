/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a
 * customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ);
 * fitted on customers with at least one repeat transaction, on their mean
 * repeat transaction value m_x over x transactions.
 */

import { digamma, lnGamma, trigamma } from './special-functions.js';

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface SpendSummary {
  readonly x: Float64Array;
  readonly mx: Float64Array;
}

/**
 * The rows that enter the fit (x > 0, m_x > 0), reduced to what the
 * parameters meet: per row, x and x·m_x (in ln(x·m_x + γ), the one term
 * that needs a pass over the rows); per distinct x, its count (the
 * log-gamma terms); and two sums that do not depend on the parameters.
 */
export interface PreparedSpend {
  readonly x: Float64Array;
  readonly xm: Float64Array;
  readonly levels: Float64Array;
  readonly counts: Float64Array;
  /** Σ x ln(x·m_x) and Σ ln m_x. */
  readonly xLnXm: number;
  readonly lnM: number;
}

/** With `unit`, m_x is taken in units of it (the fit's scaling, without a copy of the amounts). */
export function prepareSpend(s: SpendSummary, unit = 1): PreparedSpend {
  let n = 0;
  for (let i = 0; i < s.x.length; i++) if (s.x[i]! > 0 && s.mx[i]! > 0) n++;
  const [x, xm] = [new Float64Array(n), new Float64Array(n)];
  const counts = new Map<number, number>();
  let [xLnM, lnM] = [0, 0];
  for (let i = 0, k = 0; i < s.x.length; i++) {
    const xi = s.x[i]!;
    const m = s.mx[i]! / unit;
    if (!(xi > 0 && m > 0)) continue;
    const lm = Math.log(m);
    x[k] = xi;
    xm[k++] = xi * m;
    xLnM += xi * lm;
    lnM += lm;
    counts.set(xi, (counts.get(xi) ?? 0) + 1);
  }
  const levels = Float64Array.from(counts.keys()).sort();
  const c = levels.map((l) => counts.get(l)!);
  // Σ x ln(x·m_x) = Σ x ln m_x + Σ x ln x, the latter per distinct x.
  const xLnXm = levels.reduce((sum, l, i) => sum + c[i]! * l * Math.log(l), xLnM);
  return { x, xm, levels, counts: c, xLnXm, lnM };
}

/**
 * Per customer, ln L = ln Γ(px + q) − ln Γ(px) − ln Γ(q) + q ln γ
 * + (px − 1) ln m_x + px ln x − (px + q) ln(x·m_x + γ); summed, only
 * Σ ln(x·m_x + γ) and Σ x ln(x·m_x + γ) need the rows.
 */
export function gammaGammaLogLik(g: GammaGammaParams, s: SpendSummary | PreparedSpend): number {
  const d = 'xm' in s ? s : prepareSpend(s);
  const [s0, s1] = rowSums(d, g.v, false);
  return logLikFrom(g, d, s0, s1);
}

function logLikFrom(g: GammaGammaParams, d: PreparedSpend, s0: number, s1: number): number {
  const { p, q, v } = g;
  let total = d.x.length * (q * Math.log(v) - lnGamma(q)) + p * d.xLnXm - d.lnM - p * s1 - q * s0;
  for (let l = 0; l < d.levels.length; l++) {
    const px = p * d.levels[l]!;
    total += d.counts[l]! * (lnGamma(px + q) - lnGamma(px));
  }
  return total;
}

export interface LogLikDerivatives {
  readonly logLik: number;
  /** In the order p, q, γ. */
  readonly gradient: readonly [number, number, number];
  readonly hessian: readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];
}

/** The log-likelihood with its gradient and Hessian in (p, q, γ), from the same one pass over the rows. */
export function gammaGammaDerivatives(g: GammaGammaParams, d: PreparedSpend): LogLikDerivatives {
  const { p, q, v } = g;
  const n = d.x.length;
  const [s0, s1, t0, t1, u0, u1] = rowSums(d, v, true);
  let [gp, gq] = [d.xLnXm - s1, n * (Math.log(v) - digamma(q)) - s0];
  let [hpp, hpq, hqq] = [0, 0, -n * trigamma(q)];
  for (let l = 0; l < d.levels.length; l++) {
    const [x, c] = [d.levels[l]!, d.counts[l]!];
    const px = p * x;
    const [dg, tg] = [digamma(px + q), trigamma(px + q)];
    gp += c * x * (dg - digamma(px));
    gq += c * dg;
    hpp += c * x * x * (tg - trigamma(px));
    hpq += c * x * tg;
    hqq += c * tg;
  }
  const [gv, hpv, hqv, hvv] = [(n * q) / v - p * t1 - q * t0, -t1, n / v - t0, (-n * q) / (v * v) + p * u1 + q * u0];
  return { logLik: logLikFrom(g, d, s0, s1), gradient: [gp, gq, gv], hessian: [[hpp, hpq, hpv], [hpq, hqq, hqv], [hpv, hqv, hvv]] };
}

/**
 * Σ ln(x·m_x + γ) and Σ x ln(x·m_x + γ); with derivatives, also Σ 1/(x·m_x + γ),
 * Σ x/(x·m_x + γ) and the same over (x·m_x + γ)². One logarithm per row is
 * most of a fit's time, so the loop does nothing else.
 */
function rowSums(d: PreparedSpend, v: number, derivatives: boolean): [number, number, number, number, number, number] {
  const { x, xm } = d;
  let [s0, s1, t0, t1, u0, u1] = [0, 0, 0, 0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const a = xm[i]! + v;
    const l = Math.log(a);
    s0 += l;
    s1 += xi * l;
    if (derivatives) {
      const r = 1 / a;
      t0 += r;
      t1 += xi * r;
      u0 += r * r;
      u1 += xi * r * r;
    }
  }
  return [s0, s1, t0, t1, u0, u1];
}

/** E[Z | x, m_x]: the customer's expected mean transaction value (the population mean pν/(q−1) when x = 0). */
export function gammaGammaSpend(g: GammaGammaParams, x: number, mx: number): number {
  const { p, q, v } = g;
  if (!(x > 0)) return (p * v) / (q - 1);
  return (p * (v + x * mx)) / (p * x + q - 1);
}
