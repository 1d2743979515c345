/**
 * Every customer's measures, scores, tiers, purchase cycle and health in one
 * statement, written to customer_scores for a snapshot (the cluster is filled
 * in afterwards). Cycle and health used to be two UPDATEs of the fresh rows,
 * which cost DuckDB more than computing them here.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { rfmBreaksSql, rfmMeasuresSql, rfmScoresSql } from '../rfm/rfm-sql.js';
import { rfmSegmentSql } from '../tiers/rfm-segments.js';
import { rankedSql, tiersSql } from '../tiers/tier-sql.js';
import { abcClassSql, abcCutsSql } from '../value/abc-sql.js';
import { healthHalvesAggregates, healthScoreParts } from '../value/health-sql.js';
import { purchaseCyclesSql } from './purchase-cycle-sql.js';

/** `withHalves`: the measures also carry the health score's window halves (n1, n2, m1, m2). */
export function customerScoresSql(ctx: AnalysisContext, withHalves = false): string {
  return `WITH measures AS (${rfmMeasuresSql(ctx, withHalves ? healthHalvesAggregates(ctx) : [])}),
ranked AS (${rankedSql(ctx.config, 'measures')}),
breaks AS (${rfmBreaksSql(ctx, 'measures')}),
scored AS (${rfmScoresSql(ctx, 'ranked', 'breaks')}),
tiered AS (${tiersSql(ctx.config, 'scored')}),
abc_cuts AS (${abcCutsSql('measures', ctx.config.pareto.a, ctx.config.pareto.b)}),
classed AS (SELECT tiered.*, ${abcClassSql('tiered', 'abc_cuts')} AS abc_class FROM tiered CROSS JOIN abc_cuts)
SELECT *, ${rfmSegmentSql()} AS rfm_segment FROM classed`;
}

const scoreColumns = `customer_id, first_order_date, last_order_date, recency_days, frequency, monetary, profit,
    r_score, f_score, m_score, rfm_code, rfm_weighted, value_score, potential_score, value_tier, rfm_tier, rfm_segment, abc_class`;

/**
 * `withHealth: false` writes RFM and tiers only (the benchmark's measure of
 * them alone); analyses write cycle and health too.
 */
export function insertCustomerScoresSql(ctx: AnalysisContext, snapshotId: number, withHealth = true): string {
  const id = Math.floor(snapshotId);
  if (!withHealth) {
    return `INSERT INTO customer_scores (snapshot_id, ${scoreColumns})
SELECT ${id}, ${scoreColumns} FROM (${customerScoresSql(ctx)}) AS scores`;
  }
  const health = healthScoreParts(ctx, 'cycled');
  return `INSERT INTO customer_scores (snapshot_id, ${scoreColumns}, purchase_cycle_days, health_score)
WITH scores AS (${customerScoresSql(ctx, true)}),
cycles AS (${purchaseCyclesSql(ctx)}),
cycled AS (SELECT scores.*, cycles.cycle AS purchase_cycle_days FROM scores LEFT JOIN cycles USING (customer_id)),
${health.ctes}
SELECT ${id}, ${scoreColumns}, purchase_cycle_days, ${health.score} FROM cycled b ${health.joins}`;
}
