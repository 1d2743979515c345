/**
 * Relations every analysis starts from, as SQL text: purchase lines of
 * customers in scope up to the as-of date. Analyses compose these.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import type { AnalysisContext } from './analysis-context.js';

export const dateLit = (iso: string): string => `DATE ${lit(iso)}`;

/** Order lines of known customers (in scope), on or before the as-of date. */
export function customerLinesSql(ctx: AnalysisContext): string {
  const scope = ctx.scope ? ` AND customer_id IN (SELECT customer_id FROM ${q(ctx.scope)})` : '';
  return `(SELECT * FROM order_lines WHERE customer_id IS NOT NULL AND order_date <= ${dateLit(ctx.period.asOf)}${scope})`;
}

/** All order lines (guest sales too) in scope within [from, to]: revenue counts anonymous sales. */
export function periodLinesSql(ctx: AnalysisContext, from: string, to: string): string {
  const scope = ctx.scope ? ` AND customer_id IN (SELECT customer_id FROM ${q(ctx.scope)})` : '';
  return `(SELECT * FROM order_lines WHERE order_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scope})`;
}
