import type { Queryable } from '../store/engine.js';
import type { AnalysisPeriod } from './analysis-context.js';

export class NoDataError extends Error {
  constructor(readonly what: 'orders') {
    super(`no ${what} in the store`);
    this.name = 'NoDataError';
  }
}

/** Adds calendar months to an ISO date, clamping the day (Mar 31 − 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The 12 months ending at asOf: from the day after asOf − 12 months, to asOf. */
export function defaultPeriod(asOf: string): AnalysisPeriod {
  return { asOf, from: addDays(addMonths(asOf, -12), 1), to: asOf };
}

/** The period of equal length just before (环比), and the same period a year earlier (同比). */
export function previousPeriod(p: AnalysisPeriod): AnalysisPeriod {
  const days = daysBetween(p.from, p.to) + 1;
  const to = addDays(p.from, -1);
  return { asOf: to, from: addDays(to, -(days - 1)), to };
}

export function yearEarlier(p: AnalysisPeriod): AnalysisPeriod {
  return { asOf: addMonths(p.asOf, -12), from: addMonths(p.from, -12), to: addMonths(p.to, -12) };
}

/** The last order date in the store, the default as-of date; never the wall clock. */
export async function lastOrderDate(db: Queryable): Promise<string> {
  const [row] = await db.query<{ d: string | null }>('SELECT CAST(max(order_date) AS VARCHAR) AS d FROM order_lines');
  if (!row?.d) throw new NoDataError('orders');
  return row.d;
}

export async function resolvePeriod(db: Queryable, given: { asOf?: string; from?: string; to?: string }): Promise<AnalysisPeriod> {
  const asOf = given.asOf ?? given.to ?? (await lastOrderDate(db));
  const base = defaultPeriod(asOf);
  return { asOf, from: given.from ?? base.from, to: given.to ?? base.to };
}
