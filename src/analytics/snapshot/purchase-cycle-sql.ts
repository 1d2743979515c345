/**
 * Each customer's purchase cycle: median days between purchase days, all
 * history up to the as-of date. (customer_id, cycle); customers with one
 * purchase day have no row.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit } from '../analysis-sql.js';

export function purchaseCyclesSql(ctx: AnalysisContext): string {
  return `SELECT customer_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS cycle FROM (
    SELECT customer_id, d - lag(d) OVER (PARTITION BY customer_id ORDER BY d) AS gap
    FROM (SELECT DISTINCT customer_id, order_date AS d FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return AND order_date <= ${dateLit(ctx.period.asOf)}) AS days
  ) AS gaps WHERE gap IS NOT NULL GROUP BY customer_id`;
}
