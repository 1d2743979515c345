/**
 * Expected cumulative repeat purchases of a cohort over time (the tracking
 * plot of Fader, Hardie & Lee and BTYD): customers join at different times,
 * each contributes E[X(t − its start)] once started. Start times are taken
 * relative to the earliest customer, from each one's time observed to the
 * calibration end.
 */
import { bgnbdExpected, type BgNbdParams } from './bgnbd.js';
import { paretoNbdExpected, type ParetoNbdParams } from './pareto-nbd.js';

export function expectedCumulative(expected: (t: number) => number, tCal: readonly number[], periods: readonly number[]): number[] {
  const latest = Math.max(...tCal);
  const starts = tCal.map((t) => latest - t);
  return periods.map((p) => starts.reduce((sum, s) => (p > s ? sum + expected(p - s) : sum), 0));
}

export const bgnbdCumulative = (params: BgNbdParams, tCal: readonly number[], periods: readonly number[]) =>
  expectedCumulative((t) => bgnbdExpected(params, t), tCal, periods);

export const paretoNbdCumulative = (params: ParetoNbdParams, tCal: readonly number[], periods: readonly number[]) =>
  expectedCumulative((t) => paretoNbdExpected(params, t), tCal, periods);
