/**
 * NPS and CSAT over the period's months and by tier: is satisfaction
 * improving, and which tiers are unhappy.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateText } from '../../store/sql-dialect.js';
import { customerGroupJoin, dateLit, scopeFilter } from '../analysis-sql.js';

export interface SatisfactionPoint {
  readonly group: string;
  readonly npsResponses: number;
  readonly nps: number | null;
  readonly surveyResponses: number;
  readonly csat: number | null;
  readonly meanScore: number | null;
}

type By = 'month' | 'tier';

function groupExpr(ctx: AnalysisContext, by: By, dateCol: string): { joins: string; expr: string } {
  if (by === 'tier') return customerGroupJoin(ctx, 'tier');
  return { joins: '', expr: dateText(ctx.db.dialect, `x.${dateCol}`, 'month') };
}

export function satisfactionTrendSql(ctx: AnalysisContext, by: By): string {
  const { from, to } = ctx.period;
  const inPeriod = (col: string) => `x.${col} BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx, 'x.customer_id')}`;
  const n = groupExpr(ctx, by, 'response_date');
  const s = groupExpr(ctx, by, 'survey_date');
  const satisfied = Number(ctx.config.satisfaction.csatSatisfied);
  return `WITH n AS (SELECT ${n.expr} AS grp, count(*) AS responses,
    CAST(100 * (count(*) FILTER (WHERE x.score >= 9) - count(*) FILTER (WHERE x.score <= 6)) AS FLOAT8) / count(*) AS nps
  FROM nps_responses x ${n.joins} WHERE x.score IS NOT NULL AND ${inPeriod('response_date')} GROUP BY 1),
s AS (SELECT ${s.expr} AS grp, count(*) AS responses, CAST(count(*) FILTER (WHERE x.score >= ${satisfied}) AS FLOAT8) / count(*) AS csat, avg(x.score) AS mean
  FROM survey_responses x ${s.joins} WHERE x.score IS NOT NULL AND ${inPeriod('survey_date')} GROUP BY 1)
SELECT coalesce(n.grp, s.grp) AS "group", coalesce(n.responses, 0) AS "npsResponses", n.nps,
  coalesce(s.responses, 0) AS "surveyResponses", s.csat, s.mean AS "meanScore"
FROM n FULL JOIN s ON n.grp = s.grp ORDER BY 1`;
}

export async function satisfactionTrend(ctx: AnalysisContext, by: By): Promise<SatisfactionPoint[]> {
  return ctx.db.query<SatisfactionPoint>(satisfactionTrendSql(ctx, by));
}
