/**
 * The funnel as SQL over opportunities created in the period. An
 * opportunity reached a stage when its history, its current stage or its
 * outcome (won = the last stage) says it got there or further: skipped
 * stages count as passed. Open deals count where they stand.
 */
import type { Dialect } from '../../store/engine.js';
import { dateText } from '../../store/sql-dialect.js';
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';
import { stageMapSql } from './funnel-stages.js';

export type FunnelDimension = 'source' | 'rep' | 'region' | 'quarter';
export const funnelDimensions: readonly FunnelDimension[] = ['source', 'rep', 'region', 'quarter'];

/** What a slice row is found by: the rep's id (names can repeat); the label itself otherwise. */
function dimensionKey(dialect: Dialect, dim: FunnelDimension): string {
  return dim === 'rep' ? 'r.rep_id' : dimensionExpr(dialect, dim);
}

function dimensionExpr(dialect: Dialect, dim: FunnelDimension): string {
  switch (dim) {
    case 'source':
      return 'r.lead_source';
    case 'rep':
      return 'coalesce(rp.name, r.rep_id)';
    case 'region':
      return 'coalesce(r.region, c.region, rp.region)';
    case 'quarter':
      return `${dateText(dialect, 'r.created_date', 'year')} || '-Q' || CAST(CAST(extract(quarter FROM r.created_date) AS INTEGER) AS VARCHAR)`;
    default:
      throw new Error(`unknown dimension ${String(dim satisfies never)}`);
  }
}

/** CTEs `sm` (stage names), `o` (opportunities in the period) and `r` (o with `reached`, the furthest stage index). */
export interface CreatedWindow {
  readonly from: string;
  readonly to: string;
}

export function reachedCtes(ctx: AnalysisContext, created: CreatedWindow = ctx.period): string {
  const f = ctx.config.funnel;
  const last = f.stages.length - 1;
  const { from, to } = created;
  return `sm AS ${stageMapSql(f)},
o AS (SELECT * FROM opportunities WHERE created_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)}),
h AS (SELECT h.opportunity_id, max(sm.idx) AS idx FROM opportunity_stage_history h JOIN sm ON sm.name = lower(trim(h.stage))
  WHERE h.opportunity_id IN (SELECT opportunity_id FROM o) GROUP BY 1),
r AS (SELECT o.*, greatest(coalesce(h.idx, 0), coalesce(cs.idx, 0), CASE WHEN o.status = 'won' THEN ${last} ELSE 0 END) AS reached
  FROM o LEFT JOIN h USING (opportunity_id) LEFT JOIN sm cs ON cs.name = lower(trim(o.stage)))`;
}

function reachedCols(stages: number): string {
  return Array.from({ length: stages }, (_, i) => `count(*) FILTER (WHERE reached >= ${i})`).join(', ');
}

/** A relation idx(i) of the stage indexes 0 … n−1. */
export function stageIndexSql(n: number): string {
  return `(SELECT i FROM generate_series(0, ${Math.floor(n) - 1}) AS t(i))`;
}

/** One row per stage: reached, open deals standing there, lost deals that got no further. */
export function funnelStagesSql(ctx: AnalysisContext, created: CreatedWindow = ctx.period): string {
  const n = ctx.config.funnel.stages.length;
  return `WITH ${reachedCtes(ctx, created)}, idx AS ${stageIndexSql(n)}
SELECT idx.i AS stage, count(r.opportunity_id) FILTER (WHERE r.reached >= idx.i) AS reached,
  count(r.opportunity_id) FILTER (WHERE r.reached = idx.i AND r.status = 'open') AS open,
  count(r.opportunity_id) FILTER (WHERE r.reached = idx.i AND r.status = 'lost') AS lost
FROM idx LEFT JOIN r ON TRUE GROUP BY idx.i ORDER BY idx.i`;
}

/** Days from entering a stage to the next history row, per funnel stage. */
export function dwellSql(ctx: AnalysisContext): string {
  return `WITH ${reachedCtes(ctx)},
hs AS (SELECT h.opportunity_id, sm.idx, h.entered_date,
    lead(h.entered_date) OVER (PARTITION BY h.opportunity_id ORDER BY h.entered_date, coalesce(sm.idx, 1e9)) AS next_date
  FROM opportunity_stage_history h LEFT JOIN sm ON sm.name = lower(trim(h.stage))
  WHERE h.opportunity_id IN (SELECT opportunity_id FROM o) AND h.entered_date IS NOT NULL)
SELECT idx AS stage, count(*) AS n, percentile_cont(0.5) WITHIN GROUP (ORDER BY next_date - entered_date) AS median,
  CAST(avg(next_date - entered_date) AS FLOAT8) AS mean
FROM hs WHERE idx IS NOT NULL AND next_date IS NOT NULL GROUP BY idx ORDER BY idx`;
}

export function funnelOutcomeSql(ctx: AnalysisContext): string {
  return `WITH ${reachedCtes(ctx)}
SELECT count(*) AS opportunities, count(*) FILTER (WHERE status = 'won') AS won, count(*) FILTER (WHERE status = 'lost') AS lost,
  count(*) FILTER (WHERE status = 'open') AS open,
  CAST(coalesce(sum(coalesce(won_amount, expected_amount)) FILTER (WHERE status = 'won'), 0) AS FLOAT8) AS "wonAmount",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY close_date - created_date) FILTER (WHERE status = 'won') AS "medianCycleDays"
FROM r`;
}

export function funnelSliceSql(ctx: AnalysisContext, dim: FunnelDimension): string {
  const n = ctx.config.funnel.stages.length;
  return `WITH ${reachedCtes(ctx)}
SELECT coalesce(CAST(${dimensionKey(ctx.db.dialect, dim)} AS VARCHAR), 'unknown') AS "key",
  coalesce(CAST(max(${dimensionExpr(ctx.db.dialect, dim)}) AS VARCHAR), 'unknown') AS "group", count(*) AS opportunities,
  ARRAY[${reachedCols(n)}] AS reached,
  count(*) FILTER (WHERE r.status = 'won') AS won, count(*) FILTER (WHERE r.status = 'lost') AS lost
FROM r LEFT JOIN customers c ON c.customer_id = r.customer_id LEFT JOIN reps rp ON rp.rep_id = r.rep_id
GROUP BY 1 ORDER BY ${dim === 'quarter' ? '"group"' : 'opportunities DESC, "group"'}`;
}

/** Lost deals by reason; with a stage index, only those lost there (that got no further). */
export function lostReasonsSql(ctx: AnalysisContext, stage?: number): string {
  const at = stage === undefined ? '' : ` AND reached = ${Math.floor(stage)}`;
  return `WITH ${reachedCtes(ctx)}
SELECT coalesce(nullif(trim(lost_reason), ''), 'unknown') AS reason, count(*) AS opportunities,
  CAST(count(*) AS FLOAT8) / sum(count(*)) OVER () AS share, CAST(coalesce(sum(expected_amount), 0) AS FLOAT8) AS amount
FROM r WHERE status = 'lost'${at} GROUP BY 1 ORDER BY opportunities DESC, reason`;
}

/** Open opportunities (any creation date up to the as-of date) without a stage change for stalledDays. */
export function stalledSql(ctx: AnalysisContext, limit: number): string {
  const asOf = dateLit(ctx.period.asOf);
  return `WITH moved AS (SELECT opportunity_id, max(entered_date) AS d FROM opportunity_stage_history GROUP BY 1),
s AS (SELECT o.*, ${asOf} - greatest(o.created_date, coalesce(o.stage_date, o.created_date), coalesce(m.d, o.created_date)) AS idle
  FROM opportunities o LEFT JOIN moved m USING (opportunity_id)
  WHERE o.status = 'open' AND o.created_date <= ${asOf}${scopeFilter(ctx, 'o.customer_id')})
SELECT s.opportunity_id AS "opportunityId", s.name, s.customer_id AS "customerId", c.name AS "customerName",
  coalesce(rp.name, s.rep_id) AS rep, s.stage, CAST(s.expected_amount AS FLOAT8) AS amount, s.idle AS "idleDays",
  count(*) OVER () AS total, CAST(sum(s.expected_amount) OVER () AS FLOAT8) AS "totalAmount"
FROM s LEFT JOIN customers c ON c.customer_id = s.customer_id LEFT JOIN reps rp ON rp.rep_id = s.rep_id
WHERE s.idle >= ${Math.floor(ctx.config.funnel.stalledDays)}
ORDER BY amount DESC NULLS LAST, "idleDays" DESC, "opportunityId" LIMIT ${Math.floor(limit)}`;
}
