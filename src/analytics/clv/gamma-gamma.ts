/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a
 * customer's transaction values are Gamma(p, ν) with ν ~ Gamma(q, γ);
 * fitted on customers with at least one repeat transaction, on their mean
 * repeat transaction value m_x over x transactions.
 */

import { lnGamma } from './special-functions.js';

export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface SpendSummary {
  readonly x: Float64Array;
  readonly mx: Float64Array;
}

/** The rows that enter the fit (x > 0, m_x > 0) with the logarithms that do not depend on the parameters. */
export interface PreparedSpend {
  readonly x: Float64Array;
  readonly mx: Float64Array;
  readonly lnM: Float64Array;
  readonly lnX: Float64Array;
  /** Distinct x and each row's index into them: the log-gamma terms are per x, not per customer. */
  readonly levels: Float64Array;
  readonly of: Int32Array;
}

export function prepareSpend(s: SpendSummary): PreparedSpend {
  const keep: number[] = [];
  for (let i = 0; i < s.x.length; i++) if (s.x[i]! > 0 && s.mx[i]! > 0) keep.push(i);
  const x = Float64Array.from(keep, (i) => s.x[i]!);
  const mx = Float64Array.from(keep, (i) => s.mx[i]!);
  const levels = Float64Array.from(new Set(x)).sort();
  const pos = new Map<number, number>();
  levels.forEach((v, i) => pos.set(v, i));
  return { x, mx, lnM: mx.map(Math.log), lnX: x.map(Math.log), levels, of: Int32Array.from(x, (v) => pos.get(v)!) };
}

export function gammaGammaLogLik(g: GammaGammaParams, s: SpendSummary | PreparedSpend): number {
  const d = 'lnM' in s ? s : prepareSpend(s);
  const { p, q, v } = g;
  const base = q * Math.log(v) - lnGamma(q);
  const gx = Float64Array.from(d.levels, (x) => lnGamma(p * x + q) - lnGamma(p * x) + base);
  let total = 0;
  for (let i = 0; i < d.x.length; i++) {
    const x = d.x[i]!;
    const px = p * x;
    total += gx[d.of[i]!]! + (px - 1) * d.lnM[i]! + px * d.lnX[i]! - (px + q) * Math.log(x * d.mx[i]! + v);
  }
  return total;
}

/** E[Z | x, m_x]: the customer's expected mean transaction value (the population mean pν/(q−1) when x = 0). */
export function gammaGammaSpend(g: GammaGammaParams, x: number, mx: number): number {
  const { p, q, v } = g;
  if (!(x > 0)) return (p * v) / (q - 1);
  return (p * (v + x * mx)) / (p * x + q - 1);
}
