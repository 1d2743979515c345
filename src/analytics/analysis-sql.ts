/**
 * Relations every analysis starts from, as SQL text: purchase lines of
 * customers in scope up to the as-of date. Analyses compose these.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import type { AnalysisContext } from './analysis-context.js';

export const dateLit = (iso: string): string => `DATE ${lit(iso)}`;

/** Order lines of known customers (in scope), on or before the as-of date. */
export function customerLinesSql(ctx: AnalysisContext): string {
  return `(SELECT * FROM order_lines WHERE customer_id IS NOT NULL AND order_date <= ${dateLit(ctx.period.asOf)}${scopeFilter(ctx)})`;
}

/** All order lines (guest sales too) in scope within [from, to]: revenue counts anonymous sales. */
export function periodLinesSql(ctx: AnalysisContext, from: string, to: string): string {
  return `(SELECT * FROM order_lines WHERE order_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)})`;
}

/**
 * (customer_id, first_date): each customer's first purchase ever. A first
 * purchase inside a period is the first ever, so it serves any period's
 * "new customers" and acquisitions.
 */
export const firstPurchasesSql =
  'SELECT customer_id, min(order_date) AS first_date FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return GROUP BY customer_id';

/**
 * firstPurchasesSql as a relation, read from the analysis's purchase history
 * when it has one. That history stops at the as-of date and covers the
 * customers in scope, which changes nothing a period ending by the as-of
 * date asks: whether a customer in scope first bought within it. A period
 * reaching past the as-of date works it out from the lines.
 */
export function firstPurchasesFor(ctx: AnalysisContext): string {
  if (ctx.purchaseHistory === undefined || ctx.period.to > ctx.period.asOf) return `(${firstPurchasesSql})`;
  return `(SELECT customer_id, first_purchase AS first_date FROM ${q(ctx.purchaseHistory)})`;
}

/** ` AND <col> IN (customers in scope)`, or nothing for all customers. */
export function scopeFilter(ctx: AnalysisContext, col = 'customer_id'): string {
  return inScope(ctx.scope, col);
}

/** ` AND <col> IN (the customers of the relation scope)`, or nothing when scope is null. */
export function inScope(scope: string | null, col = 'customer_id'): string {
  return scope ? ` AND ${col} IN (SELECT customer_id FROM ${q(scope)})` : '';
}

/** LEFT JOIN of the tier relation as `alias` (customer_id, tier); tier NULL before tiers exist. */
export function tierJoin(ctx: AnalysisContext, alias: string, customerCol: string): string {
  const rel = ctx.tiers ? q(ctx.tiers) : '(SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS tier)';
  return `LEFT JOIN ${rel} ${alias} ON ${alias}.customer_id = ${customerCol}`;
}

/** Purchase lines (no returns) of known customers in scope within the period. */
export function periodPurchasesSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  return `(SELECT * FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return AND order_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)})`;
}

/** Grouping of customers by their tier or industry, for analyses shown "by tier" and "by industry". */
export type CustomerGroup = 'tier' | 'industry';
export const customerGroups: readonly CustomerGroup[] = ['tier', 'industry'];

/** Any attribute a customer can be grouped by. */
export type CustomerAttribute = CustomerGroup | 'region' | 'rep';

/**
 * FROM-clause tail joining to a relation aliased `x` what the group needs
 * (`t`, the tiers, or `c`, the customers), and the group expression. Only
 * that one: a million-row join nobody reads still costs its hash table.
 */
export function customerGroupJoin(ctx: AnalysisContext, group: CustomerAttribute): { readonly joins: string; readonly expr: string } {
  const customers = 'LEFT JOIN customers c ON c.customer_id = x.customer_id';
  switch (group) {
    case 'tier':
      return { joins: tierJoin(ctx, 't', 'x.customer_id'), expr: `coalesce(t.tier, 'unknown')` };
    case 'industry':
      return { joins: customers, expr: `coalesce(c.industry, 'unknown')` };
    case 'region':
      return { joins: customers, expr: `coalesce(c.region, 'unknown')` };
    case 'rep':
      return { joins: customers, expr: `coalesce(c.rep_id, 'unknown')` };
    default:
      throw new Error(`unknown group ${String(group satisfies never)}`);
  }
}

/**
 * Per customer of purchase days with their gaps (purchaseDaysSql; `from` is a
 * quoted table or an aliased subquery): the last purchase day, the number of
 * purchase days and the median gap, the purchase cycle (null with one day).
 */
export function purchaseHistorySql(from: string): string {
  return `SELECT customer_id, min(d) AS first_purchase, max(d) AS last_purchase, count(*) AS purchase_days, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS cycle_days
  FROM ${from} GROUP BY customer_id`;
}

/**
 * Each customer's purchase days up to `asOf`, with the gap in days since the
 * previous one and the day's purchase value `v`. A day's gap depends on no
 * later day, so the table made for the analysis date serves the purchase
 * cycles, every earlier date the churn model trains on and the P(alive)
 * yardstick's histories (clvSummarySql): made once, it spares each of them
 * the window and the grouping of order lines.
 */
export function purchaseDaysSql(asOf: string, scopeFilter: string, lines = 'order_lines'): string {
  return `SELECT customer_id, d, v, d - lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS gap
  FROM (${purchaseDayValuesSql(asOf, scopeFilter, lines)}) AS days`;
}

/**
 * Each customer's purchase days up to `asOf` (d) with the day's purchase
 * value (v): returns are not purchases. `lines`: order_lines, or a table
 * of some of them with its customer_id, order_date, amount and is_return.
 */
export function purchaseDayValuesSql(asOf: string, filter: string, lines = 'order_lines'): string {
  return `SELECT customer_id, order_date AS d, sum(amount) AS v FROM ${lines}
    WHERE customer_id IS NOT NULL AND NOT is_return AND order_date <= ${dateLit(asOf)}${filter} GROUP BY customer_id, order_date`;
}
