/**
 * Each customer's purchase cycle: median days between purchase days, all
 * history up to the as-of date. (customer_id, cycle); customers with one
 * purchase day have no row.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { quoteIdent as q } from '../../store/engine.js';
import { purchaseDaysSql, purchaseHistorySql, scopeFilter } from '../analysis-sql.js';

export function purchaseCyclesSql(ctx: AnalysisContext): string {
  const days = ctx.purchaseDays !== undefined ? q(ctx.purchaseDays) : `(${purchaseDaysSql(ctx.period.asOf, scopeFilter(ctx))}) AS days`;
  const history = ctx.purchaseHistory !== undefined ? q(ctx.purchaseHistory) : `(${purchaseHistorySql(days)}) AS history`;
  return `SELECT customer_id, cycle_days AS cycle FROM ${history} WHERE cycle_days IS NOT NULL`;
}
