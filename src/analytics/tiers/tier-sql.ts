/**
 * The two tier schemes, added as columns to the RFM relation:
 *
 * (a) value tiers — strategic / high_value / potential / long_tail — from a
 *     composite value score 0..100 = 100 × (wRFM·(weighted RFM − 1)/4
 *     + wProfit·profit percentile + wPotential·potential) / Σw, where
 *     potential = mean of the industry outlook and the company-size score.
 *     strategic ≥ config.strategic, high_value ≥ config.highValue, else
 *     potential when potential ≥ potentialMin, else long_tail.
 * (b) RFM tiers — "high" means a score ≥ highScore:
 *     R high: high_value when F and M are both high, else potential;
 *     R low: churn_risk when F or M is high, else low_value.
 * Every customer falls in exactly one tier of each scheme.
 */
import { quoteLiteral as lit } from '../../store/engine.js';
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { scoreLabels } from '../../store/schema/score-labels.js';

// The store's label columns list every tier (score-labels.ts): one list for both.
export type ValueTier = (typeof scoreLabels.value_tier)[number];
export type RfmTier = (typeof scoreLabels.rfm_tier)[number];

export const valueTiers: readonly ValueTier[] = scoreLabels.value_tier;
export const rfmTiers: readonly RfmTier[] = scoreLabels.rfm_tier;

function lookup(map: Readonly<Record<string, number>>, key: string, fallback: number): string {
  const entries = Object.entries(map);
  if (entries.length === 0) return String(fallback);
  const keys = entries.map(([k]) => lit(k)).join(', ');
  const values = entries.map(([, v]) => String(v)).join(', ');
  return `coalesce((ARRAY[${values}])[array_position(ARRAY[${keys}], ${key})], ${fallback})`;
}

/** potential 0..1 of a customer row (industry, size columns available as c.industry, c.size). */
export function potentialSql(config: AnalysisConfig): string {
  const v = config.valueTiers;
  // FLOAT8: with whole-number settings PostgreSQL would divide integers.
  return `CAST(${lookup(v.industryOutlook, 'c.industry', v.defaultOutlook)} + ${lookup(v.sizeScore, 'c.size', v.defaultSize)} AS FLOAT8) / 2`;
}

/**
 * The profit percentile (0..1; 1 for a lone customer) of each row of
 * `measures`, as a column expression. It is computed on the narrow measures,
 * before scores and tiers widen the rows, because a window copies every
 * column it carries (about 5% of the scoring at a million customers).
 */
export function profitRankSql(measures: string): string {
  return `CASE WHEN (SELECT count(*) FROM ${measures}) > 1 THEN percent_rank() OVER (ORDER BY profit) ELSE 1 END`;
}

/**
 * `measures` with profit_rank and potential_score added. The customers join
 * is made here, on the narrow rows, for the same reason as the profit rank:
 * a join's hash table carries every column of its side.
 */
export function rankedSql(config: AnalysisConfig, measures: string): string {
  return `SELECT m.*, ${potentialSql(config)} AS potential_score
FROM (SELECT *, ${profitRankSql(measures)} AS profit_rank FROM ${measures}) AS m LEFT JOIN customers c ON c.customer_id = m.customer_id`;
}

/** Adds value_score, value_tier and rfm_tier to an RFM relation `rfm` that carries profit_rank and potential_score. */
export function tiersSql(config: AnalysisConfig, rfm: string): string {
  const w = config.valueTiers.weights;
  const total = w.rfm + w.profit + w.potential || 1;
  const high = config.rfm.highScore;
  return `SELECT *,
    CASE WHEN value_score >= ${config.valueTiers.strategic} THEN 'strategic'
         WHEN value_score >= ${config.valueTiers.highValue} THEN 'high_value'
         WHEN potential_score >= ${config.valueTiers.potentialMin} THEN 'potential'
         ELSE 'long_tail' END AS value_tier,
    CASE WHEN r_score >= ${high} AND f_score >= ${high} AND m_score >= ${high} THEN 'high_value'
         WHEN r_score >= ${high} THEN 'potential'
         WHEN f_score >= ${high} OR m_score >= ${high} THEN 'churn_risk'
         ELSE 'low_value' END AS rfm_tier
  FROM (
    SELECT *, 100 * (CAST(${w.rfm} * (rfm_weighted - 1) AS FLOAT8) / 4 + ${w.profit} * profit_rank + ${w.potential} * potential_score) / ${total} AS value_score
    FROM ${rfm}
  ) AS valued`;
}
