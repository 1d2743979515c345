/**
 * What customers complain about (complaints in the period by category,
 * with how many are still open and how long resolution takes) and why
 * customers were recorded as lost (churn records in the period by reason).
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';

export interface ComplaintCategoryRow {
  readonly category: string;
  readonly complaints: number;
  readonly share: number;
  readonly unresolved: number;
  readonly medianResolutionDays: number | null;
}

export interface ChurnReasonRow {
  readonly reason: string;
  readonly customers: number;
  readonly share: number;
}

const resolved = `(resolved_date IS NOT NULL OR lower(coalesce(status, '')) IN ('resolved', 'closed', '已解决', '已关闭', '解决', '关闭'))`;

export function complaintCategoriesSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  return `SELECT coalesce(nullif(trim(category), ''), 'unknown') AS category, count(*) AS complaints, CAST(count(*) AS FLOAT8) / sum(count(*)) OVER () AS share,
  count(*) FILTER (WHERE NOT ${resolved}) AS unresolved,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_date - complaint_date) AS "medianResolutionDays"
FROM complaints WHERE complaint_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)}
GROUP BY 1 ORDER BY complaints DESC, category`;
}

export function churnReasonsSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  return `SELECT coalesce(nullif(trim(reason_category), ''), 'unknown') AS reason, count(DISTINCT customer_id) AS customers,
  CAST(count(DISTINCT customer_id) AS FLOAT8) / sum(count(DISTINCT customer_id)) OVER () AS share
FROM churn_records WHERE churn_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)}
GROUP BY 1 ORDER BY customers DESC, reason`;
}

export async function complaintCategories(ctx: AnalysisContext): Promise<ComplaintCategoryRow[]> {
  return ctx.db.query<ComplaintCategoryRow>(complaintCategoriesSql(ctx));
}

export async function churnReasons(ctx: AnalysisContext): Promise<ChurnReasonRow[]> {
  return ctx.db.query<ChurnReasonRow>(churnReasonsSql(ctx));
}
