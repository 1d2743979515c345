/**
 * Each customer's purchase cycle: median days between purchase days, all
 * history up to the as-of date. (customer_id, cycle); customers with one
 * purchase day have no row.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { quoteIdent as q } from '../../store/engine.js';
import { purchaseDaysSql, scopeFilter } from '../analysis-sql.js';

export function purchaseCyclesSql(ctx: AnalysisContext): string {
  if (ctx.purchaseHistory !== undefined) return `SELECT customer_id, cycle_days AS cycle FROM ${q(ctx.purchaseHistory)} WHERE cycle_days IS NOT NULL`;
  const days = ctx.purchaseDays !== undefined ? q(ctx.purchaseDays) : `(${purchaseDaysSql(ctx.period.asOf, scopeFilter(ctx))})`;
  return `SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS cycle FROM ${days} AS gaps WHERE gap IS NOT NULL GROUP BY customer_id`;
}
