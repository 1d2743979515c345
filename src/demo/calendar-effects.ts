/**
 * When customers buy: a strong fourth quarter (budgets spent before year end),
 * a weak February (Spring Festival shuts factories) with a March rebound, and
 * the named promotions A公司 runs every year.
 */
import { dayOfYmd, monthOf, yearOf, type Day } from './day.js';

/** Order value multiplier by month (index 0 = January). */
export const monthAmountFactor: readonly number[] = [0.95, 0.8, 1.1, 1, 1, 1.05, 0.95, 0.95, 1.05, 1.05, 1.15, 1.3];

/** Multiplier on the order rate by month; February is handled by postponing orders to March. */
export const monthRateFactor: readonly number[] = [1, 1, 1.1, 1, 1, 1.05, 0.95, 0.95, 1, 1.05, 1.15, 1.25];

/** Share of the orders that would fall in February which wait until March. */
export const februaryPostponed = 0.5;

export function amountFactor(day: Day): number {
  return monthAmountFactor[monthOf(day) - 1] ?? 1;
}

export function rateFactor(day: Day): number {
  return monthRateFactor[monthOf(day) - 1] ?? 1;
}

export interface Promotion {
  readonly name: string;
  readonly start: Day;
  readonly end: Day;
}

const yearly: readonly [string, number, number, number, number][] = [
  ['春季开工采购节', 3, 1, 3, 31],
  ['618工业品年中促', 6, 1, 6, 20],
  ['金秋备货季', 9, 10, 10, 10],
  ['双11工业品节', 11, 1, 11, 15],
  ['年终冲量返利', 12, 1, 12, 25],
];

export function promotionsIn(start: Day, end: Day): Promotion[] {
  const out: Promotion[] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) {
    for (const [name, m1, d1, m2, d2] of yearly) {
      const p = { name: `${y}${name}`, start: dayOfYmd(y, m1, d1), end: dayOfYmd(y, m2, d2) };
      if (p.start >= start && p.end <= end) out.push(p);
    }
  }
  return out;
}

export function promotionOn(promotions: readonly Promotion[], day: Day): Promotion | null {
  for (const p of promotions) if (day >= p.start && day <= p.end) return p;
  return null;
}

/** The next promotion starting within `horizon` days after `day`, if any. */
export function promotionAhead(promotions: readonly Promotion[], day: Day, horizon: number): Promotion | null {
  for (const p of promotions) if (p.start > day && p.start - day <= horizon) return p;
  return null;
}
