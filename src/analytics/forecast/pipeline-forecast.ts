/**
 * Revenue the open pipeline should bring: each open opportunity's expected
 * amount × the win rate of deals that reached its stage (learned from the
 * closed history: of the closed deals whose furthest stage was at least
 * that one, the share won), by expected close month.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateText } from '../../store/sql-dialect.js';
import { dateLit } from '../analysis-sql.js';
import { reachedCtes, stageIndexSql } from '../funnel/funnel-sql.js';

export interface StageWinRate {
  readonly stage: string;
  readonly closed: number;
  readonly winRate: number | null;
}

export interface PipelineForecast {
  readonly stageWinRates: readonly StageWinRate[];
  readonly openOpportunities: number;
  readonly openAmount: number;
  readonly weightedAmount: number;
  /** By expected close month; 'undated' for opportunities without one, 'overdue' for dates before the as-of date. */
  readonly byMonth: readonly { readonly month: string; readonly opportunities: number; readonly amount: number; readonly weighted: number }[];
}

export function stageWinRatesSql(ctx: AnalysisContext): string {
  const n = ctx.config.funnel.stages.length;
  const everything = { from: '0001-01-01', to: ctx.period.asOf };
  return `WITH ${reachedCtes(ctx, everything)}, idx AS ${stageIndexSql(n)}
SELECT idx.i AS stage, count(r.opportunity_id) AS closed, count(r.opportunity_id) FILTER (WHERE r.status = 'won') AS won
FROM idx LEFT JOIN r ON r.reached >= idx.i AND r.status IN ('won', 'lost') AND r.close_date <= ${dateLit(ctx.period.asOf)}
GROUP BY idx.i ORDER BY idx.i`;
}

export function openPipelineSql(ctx: AnalysisContext): string {
  const everything = { from: '0001-01-01', to: ctx.period.asOf };
  const asOf = dateLit(ctx.period.asOf);
  return `WITH ${reachedCtes(ctx, everything)}
SELECT reached AS stage, CASE WHEN expected_close_date IS NULL THEN 'undated' WHEN expected_close_date < ${asOf} THEN 'overdue'
    ELSE ${dateText(ctx.db.dialect, 'expected_close_date', 'month')} END AS month,
  count(*) AS opportunities, CAST(coalesce(sum(expected_amount), 0) AS FLOAT8) AS amount
FROM r WHERE status = 'open' GROUP BY 1, 2`;
}

export async function pipelineForecast(ctx: AnalysisContext): Promise<PipelineForecast> {
  const names = ctx.config.funnel.stages;
  const rates = (await ctx.db.query<{ stage: number; closed: number; won: number }>(stageWinRatesSql(ctx))).map((r) => ({
    stage: names[r.stage] ?? String(r.stage),
    closed: r.closed,
    winRate: r.closed > 0 ? r.won / r.closed : null,
  }));
  const open = await ctx.db.query<{ stage: number; month: string; opportunities: number; amount: number }>(openPipelineSql(ctx));
  const byMonth = new Map<string, { opportunities: number; amount: number; weighted: number }>();
  for (const o of open) {
    const m = byMonth.get(o.month) ?? { opportunities: 0, amount: 0, weighted: 0 };
    m.opportunities += o.opportunities;
    m.amount += o.amount;
    m.weighted += o.amount * (rates[o.stage]?.winRate ?? 0);
    byMonth.set(o.month, m);
  }
  const rows = [...byMonth].map(([month, v]) => ({ month, ...v })).sort((a, b) => (a.month < b.month ? -1 : 1));
  return {
    stageWinRates: rates,
    openOpportunities: rows.reduce((s, r) => s + r.opportunities, 0),
    openAmount: rows.reduce((s, r) => s + r.amount, 0),
    weightedAmount: rows.reduce((s, r) => s + r.weighted, 0),
    byMonth: rows,
  };
}
