/**
 * Discounted customer lifetime value: expected purchases in each time unit
 * of the horizon (BG/NBD conditional expectation, differenced) times the
 * expected value per purchase (Gamma-Gamma), discounted at the yearly rate
 * converted to the time unit:
 *   CLV = spend × Σ_{k=1..H} (E[Y(k)] − E[Y(k−1)]) / (1 + d)^k,  d = (1 + R)^(unit days / 365.25) − 1
 * A fractional horizon's last step is its remainder.
 */
import { bgnbdConditional, type BgNbdParams } from './bgnbd.js';

export function periodRate(yearlyRate: number, unitDays: number): number {
  return Math.pow(1 + yearlyRate, unitDays / 365.25) - 1;
}

/** Σ discounted expected purchases over the horizon, for one (x, t_x, T). */
export function discountedPurchases(p: BgNbdParams, x: number, tx: number, T: number, horizon: number, rate: number): number {
  let total = 0;
  let before = 0;
  const steps = Math.ceil(horizon);
  for (let k = 1; k <= steps; k++) {
    const t = Math.min(k, horizon);
    const cumulative = bgnbdConditional(p, t, x, tx, T);
    total += (cumulative - before) / Math.pow(1 + rate, k);
    before = cumulative;
  }
  return total;
}
