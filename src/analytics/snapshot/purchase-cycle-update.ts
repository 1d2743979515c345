/**
 * Each customer's purchase cycle (median days between purchase days, all
 * history up to the as-of date) into customer_scores.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit } from '../analysis-sql.js';

export function purchaseCycleUpdateSql(ctx: AnalysisContext, snapshotId: number): string {
  const id = Math.floor(snapshotId);
  return `UPDATE customer_scores SET purchase_cycle_days = c.cycle FROM (
  SELECT customer_id, median(gap) AS cycle FROM (
    SELECT customer_id, date_diff('day', lag(d) OVER (PARTITION BY customer_id ORDER BY d), d) AS gap
    FROM (SELECT DISTINCT customer_id, order_date AS d FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return AND order_date <= ${dateLit(ctx.period.asOf)})
  ) WHERE gap IS NOT NULL GROUP BY customer_id
) c WHERE customer_scores.snapshot_id = ${id} AND customer_scores.customer_id = c.customer_id`;
}
