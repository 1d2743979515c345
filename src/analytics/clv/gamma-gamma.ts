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

export function gammaGammaLogLik(g: GammaGammaParams, s: SpendSummary): number {
  const { p, q, v } = g;
  const base = q * Math.log(v) - lnGamma(q);
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const m = s.mx[i]!;
    if (!(x > 0) || !(m > 0)) continue;
    const px = p * x;
    total += lnGamma(px + q) - lnGamma(px) + base + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(x * m + v);
  }
  return total;
}

/** E[Z | x, m_x]: the customer's expected mean transaction value (the population mean pν/(q−1) when x = 0). */
export function gammaGammaSpend(g: GammaGammaParams, x: number, mx: number): number {
  const { p, q, v } = g;
  if (!(x > 0)) return (p * v) / (q - 1);
  return (p * (v + x * mx)) / (p * x + q - 1);
}
