/**
 * Net revenue (returns deducted) per customer, per customer and year, and per
 * rep and month, computed once from the order lines: targets, share of wallet
 * and the truths all need it.
 */
import type { OrderLineRow } from './demo-company.js';

export interface RevenueLedger {
  readonly byCustomer: ReadonlyMap<string, number>;
  readonly byCustomerYear: ReadonlyMap<string, ReadonlyMap<number, number>>;
  /** rep name → 'YYYY-MM' → revenue */
  readonly byRepMonth: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly byMonth: ReadonlyMap<string, number>;
  readonly total: number;
}

export function revenueLedger(lines: readonly OrderLineRow[]): RevenueLedger {
  const byCustomer = new Map<string, number>();
  const byCustomerYear = new Map<string, Map<number, number>>();
  const byRepMonth = new Map<string, Map<string, number>>();
  const byMonth = new Map<string, number>();
  let total = 0;
  for (const l of lines) {
    const month = l.date.slice(0, 7);
    const year = Number(l.date.slice(0, 4));
    byCustomer.set(l.customerId, (byCustomer.get(l.customerId) ?? 0) + l.amount);
    let years = byCustomerYear.get(l.customerId);
    if (years === undefined) byCustomerYear.set(l.customerId, (years = new Map()));
    years.set(year, (years.get(year) ?? 0) + l.amount);
    let months = byRepMonth.get(l.repName);
    if (months === undefined) byRepMonth.set(l.repName, (months = new Map()));
    months.set(month, (months.get(month) ?? 0) + l.amount);
    byMonth.set(month, (byMonth.get(month) ?? 0) + l.amount);
    total += l.amount;
  }
  return { byCustomer, byCustomerYear, byRepMonth, byMonth, total };
}
