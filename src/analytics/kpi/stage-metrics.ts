/**
 * The sales process in three stages, as Chinese sales teams review it:
 * 售前 (pre-sale: leads, visits, quotes and how fast they go out), 售中
 * (in-sale: deals won and lost, deal size, cycle length, pipeline) and 售后
 * (after-sale: service tickets, resolution time, complaints). Definitions in
 * kpi-metrics.ts.
 */
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';
import type { PeriodRange } from './kpi-sql.js';

export interface StageMetrics {
  readonly preSale: {
    readonly leads: number;
    readonly visits: number;
    readonly calls: number;
    readonly quotes: number;
    readonly meanQuoteResponseHours: number | null;
    readonly leadWinRate: number | null;
  };
  readonly inSale: {
    readonly won: number;
    readonly lost: number;
    readonly winRate: number | null;
    readonly wonAmount: number;
    readonly averageDealSize: number | null;
    readonly medianCycleDays: number | null;
    readonly openPipelineAmount: number;
    readonly openOpportunities: number;
  };
  readonly afterSale: {
    readonly tickets: number;
    readonly medianResolutionDays: number | null;
    readonly ticketSatisfaction: number | null;
    readonly complaints: number;
    readonly complaintResolutionRate: number | null;
  };
}

export function stageMetricsSql(ctx: AnalysisContext, p: PeriodRange): string {
  const inPeriod = (col: string) => `${col} BETWEEN ${dateLit(p.from)} AND ${dateLit(p.to)}`;
  const s = scopeFilter(ctx);
  const won = `lower(status) = 'won'`;
  const lost = `lower(status) = 'lost'`;
  return `WITH opp AS (SELECT * FROM opportunities WHERE TRUE${s}),
act AS (SELECT * FROM interactions WHERE ${inPeriod('interaction_date')}${s}),
tk AS (SELECT * FROM service_tickets WHERE ${inPeriod('opened_date')}${s}),
cp AS (SELECT * FROM complaints WHERE ${inPeriod('complaint_date')}${s})
SELECT
  (SELECT count(*) FROM opp WHERE ${inPeriod('created_date')}) AS leads,
  (SELECT count(*) FILTER (WHERE ${won} AND close_date <= ${dateLit(ctx.period.asOf)}) FROM opp WHERE ${inPeriod('created_date')}) AS leads_won,
  (SELECT count(*) FILTER (WHERE lower(type) = 'visit') FROM act) AS visits,
  (SELECT count(*) FILTER (WHERE lower(type) = 'call') FROM act) AS calls,
  (SELECT count(*) FILTER (WHERE lower(type) = 'quote') FROM act) AS quotes,
  (SELECT avg(response_hours) FILTER (WHERE lower(type) = 'quote') FROM act) AS quote_hours,
  (SELECT count(*) FILTER (WHERE ${won}) FROM opp WHERE ${inPeriod('close_date')}) AS won,
  (SELECT count(*) FILTER (WHERE ${lost}) FROM opp WHERE ${inPeriod('close_date')}) AS lost,
  (SELECT coalesce(CAST(sum(coalesce(won_amount, expected_amount)) FILTER (WHERE ${won}) AS FLOAT8), 0) FROM opp WHERE ${inPeriod('close_date')}) AS won_amount,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY close_date - created_date) FILTER (WHERE ${won}) FROM opp WHERE ${inPeriod('close_date')}) AS cycle_days,
  (SELECT count(*) FROM opp WHERE NOT (${won} OR ${lost}) AND created_date <= ${dateLit(p.to)}) AS open_opps,
  (SELECT coalesce(CAST(sum(expected_amount) AS FLOAT8), 0) FROM opp WHERE NOT (${won} OR ${lost}) AND created_date <= ${dateLit(p.to)}) AS open_amount,
  (SELECT count(*) FROM tk) AS tickets,
  (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY closed_date - opened_date) FROM tk WHERE closed_date IS NOT NULL) AS resolution_days,
  (SELECT avg(satisfaction) FROM tk) AS ticket_satisfaction,
  (SELECT count(*) FROM cp) AS complaints,
  (SELECT count(*) FILTER (WHERE resolved_date IS NOT NULL OR lower(status) IN ('resolved', 'closed', '已解决', '已关闭')) FROM cp) AS complaints_resolved`;
}

export async function stageMetrics(ctx: AnalysisContext, p: PeriodRange = ctx.period): Promise<StageMetrics> {
  const [r = {}] = await ctx.db.query<Record<string, number | null>>(stageMetricsSql(ctx, p));
  const n = (k: string) => Number(r[k] ?? 0);
  const orNull = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  return {
    preSale: {
      leads: n('leads'),
      visits: n('visits'),
      calls: n('calls'),
      quotes: n('quotes'),
      meanQuoteResponseHours: orNull('quote_hours'),
      leadWinRate: ratio(n('leads_won'), n('leads')),
    },
    inSale: {
      won: n('won'),
      lost: n('lost'),
      winRate: ratio(n('won'), n('won') + n('lost')),
      wonAmount: n('won_amount'),
      averageDealSize: ratio(n('won_amount'), n('won')),
      medianCycleDays: orNull('cycle_days'),
      openPipelineAmount: n('open_amount'),
      openOpportunities: n('open_opps'),
    },
    afterSale: {
      tickets: n('tickets'),
      medianResolutionDays: orNull('resolution_days'),
      ticketSatisfaction: orNull('ticket_satisfaction'),
      complaints: n('complaints'),
      complaintResolutionRate: ratio(n('complaints_resolved'), n('complaints')),
    },
  };
}
