/**
 * Every customer's measures, scores and tiers in one statement, written to
 * customer_scores for a snapshot. Cluster, purchase cycle and health are
 * filled in afterwards by their own steps.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { rfmBreaksSql, rfmMeasuresSql, rfmScoresSql } from '../rfm/rfm-sql.js';
import { rfmSegmentSql } from '../tiers/rfm-segments.js';
import { tiersSql } from '../tiers/tier-sql.js';
import { abcSql } from '../value/abc-sql.js';

export function customerScoresSql(ctx: AnalysisContext): string {
  return `WITH measures AS (${rfmMeasuresSql(ctx)}),
breaks AS (${rfmBreaksSql(ctx, 'measures')}),
scored AS (${rfmScoresSql(ctx, 'measures', 'breaks')}),
tiered AS (${tiersSql(ctx.config, 'scored')}),
classed AS (${abcSql('tiered', ctx.config.pareto.a, ctx.config.pareto.b)})
SELECT *, ${rfmSegmentSql()} AS rfm_segment FROM classed`;
}

export function insertCustomerScoresSql(ctx: AnalysisContext, snapshotId: number): string {
  return `INSERT INTO customer_scores (snapshot_id, customer_id, first_order_date, last_order_date, recency_days, frequency, monetary, profit,
    r_score, f_score, m_score, rfm_code, rfm_weighted, value_score, potential_score, value_tier, rfm_tier, rfm_segment, abc_class)
SELECT ${Math.floor(snapshotId)}, customer_id, first_order_date, last_order_date, recency_days, frequency, monetary, profit,
    r_score, f_score, m_score, rfm_code, rfm_weighted, value_score, potential_score, value_tier, rfm_tier, rfm_segment, abc_class
FROM (${customerScoresSql(ctx)})`;
}
