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

/** The last day of the month an ISO date falls in. */
function monthEnd(iso: string): string {
  return addDays(addMonths(`${iso.slice(0, 7)}-01`, 1), -1);
}

/**
 * How a period is made of whole months, if it is: calendar months (the 1st
 * to a month's last day: March, a quarter, a year) or months ending on its
 * last day (the default 12 months to the as-of date); null for any other
 * run of days.
 */
export function wholeMonths(p: Pick<AnalysisPeriod, 'from' | 'to'>): { readonly kind: 'calendar' | 'ending'; readonly months: number } | null {
  const span = (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 + Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7));
  if (p.from.endsWith('-01') && p.to === monthEnd(p.to) && span >= 0) return { kind: 'calendar', months: span + 1 };
  for (const months of [span, span + 1]) if (months >= 1 && addDays(addMonths(p.to, -months), 1) === p.from) return { kind: 'ending', months };
  return null;
}

/**
 * The period just before (环比): as many whole months before a period of
 * whole months (February before March, 2024 before 2025, leap days
 * included), else as many days.
 */
export function previousPeriod(p: AnalysisPeriod): AnalysisPeriod {
  const to = addDays(p.from, -1);
  const shape = wholeMonths(p);
  if (shape === null) return { asOf: to, from: addDays(to, -daysBetween(p.from, p.to)), to };
  const from = shape.kind === 'calendar' ? addMonths(p.from, -shape.months) : addDays(addMonths(to, -shape.months), 1);
  return { asOf: to, from, to };
}

/** The same period a year earlier (同比): for whole months the same months (February 2024 ends on the 29th), else the same dates. */
export function yearEarlier(p: AnalysisPeriod): AnalysisPeriod {
  const shape = wholeMonths(p);
  const asOf = addMonths(p.asOf, -12);
  if (shape === null) return { asOf, from: addMonths(p.from, -12), to: addMonths(p.to, -12) };
  if (shape.kind === 'calendar') return { asOf, from: addMonths(p.from, -12), to: monthEnd(addMonths(p.to, -12)) };
  const to = addMonths(p.to, -12);
  return { asOf, from: addDays(addMonths(to, -shape.months), 1), to };
}

/** The last order date in the store, the default as-of date; never the wall clock. */
export async function lastOrderDate(db: Queryable): Promise<string> {
  const [row] = await db.query<{ d: string | null }>('SELECT CAST(max(order_date) AS VARCHAR) AS d FROM order_lines');
  if (!row?.d) throw new NoDataError('orders');
  return row.d;
}

/** A period that starts after it ends once its defaults are filled in (a `from` after the last order, say). */
export class PeriodOrderError extends Error {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(`the period starts (${from}) after it ends (${to})`);
    this.name = 'PeriodOrderError';
  }
}

/** An as-of date or period end before the first order: there is nothing yet to analyse. */
export class PeriodBeforeDataError extends Error {
  constructor(
    readonly date: string,
    readonly firstOrder: string,
  ) {
    super(`${date} is before the first order (${firstOrder})`);
    this.name = 'PeriodBeforeDataError';
  }
}

export async function resolvePeriod(db: Queryable, given: { asOf?: string; from?: string; to?: string }): Promise<AnalysisPeriod> {
  const asOf = given.asOf ?? given.to ?? (await lastOrderDate(db));
  const base = defaultPeriod(asOf);
  const period = { asOf, from: given.from ?? base.from, to: given.to ?? base.to };
  if (period.from > period.to) throw new PeriodOrderError(period.from, period.to);
  return period;
}

/**
 * Before an analysis of a date the caller chose (the default is the last
 * order, never before it): one read of the orders, made only when an
 * analysis is about to run, not each time a stored one is looked up.
 */
export async function assertAfterFirstOrder(db: Queryable, period: AnalysisPeriod): Promise<void> {
  const [row] = await db.query<{ d: string | null }>('SELECT CAST(min(order_date) AS VARCHAR) AS d FROM order_lines');
  const first = row?.d;
  if (!first) throw new NoDataError('orders');
  const early = [period.asOf, period.to].find((d) => d < first);
  if (early !== undefined) throw new PeriodBeforeDataError(early, first);
}
