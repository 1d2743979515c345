/**
 * How hard customers are to sell to: customers by decision complexity, with
 * their average order value in the period and the median days their won
 * deals took from creation to close.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, periodPurchasesSql, scopeFilter } from '../analysis-sql.js';

export interface ComplexityRow {
  readonly complexity: string;
  readonly customers: number;
  readonly share: number;
  readonly averageOrderValue: number | null;
  readonly medianDealDays: number | null;
}

export function decisionComplexitySql(ctx: AnalysisContext): string {
  return `WITH c AS (SELECT customer_id, coalesce(decision_complexity, 'unknown') AS complexity FROM customers WHERE TRUE${scopeFilter(ctx)}),
-- Per customer, not per order: the period's purchases and its orders, counted by their heads as everywhere else.
o AS (SELECT customer_id, sum(amount) AS v, count(*) FILTER (WHERE opens_order) AS orders FROM ${periodPurchasesSql(ctx)} AS p GROUP BY customer_id),
d AS (SELECT customer_id, close_date - created_date AS days FROM opportunities WHERE status = 'won' AND close_date <= ${dateLit(ctx.period.asOf)} AND created_date IS NOT NULL),
cnt AS (SELECT complexity, count(*) AS customers FROM c GROUP BY complexity),
aov AS (SELECT c.complexity, CAST(sum(o.v) / nullif(sum(o.orders), 0) AS FLOAT8) AS aov FROM o JOIN c USING (customer_id) GROUP BY 1),
dd AS (SELECT c.complexity, percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS days FROM d JOIN c USING (customer_id) GROUP BY 1)
SELECT complexity, customers, CAST(customers AS FLOAT8) / sum(customers) OVER () AS share, aov.aov AS "averageOrderValue", dd.days AS "medianDealDays"
FROM cnt LEFT JOIN aov USING (complexity) LEFT JOIN dd USING (complexity)
ORDER BY customers DESC, complexity`;
}

export async function decisionComplexity(ctx: AnalysisContext): Promise<ComplexityRow[]> {
  return ctx.db.query<ComplexityRow>(decisionComplexitySql(ctx));
}
