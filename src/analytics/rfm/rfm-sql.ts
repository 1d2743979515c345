/**
 * RFM per customer, in one SQL pipeline:
 *   recency   days from the last purchase (any time up to the as-of date) to the as-of date
 *   frequency orders in the RFM window (returns are not orders), counted by
 *             their head lines: an order is dated by its first purchase line
 *   monetary  net revenue in the window (returns subtract)
 * Scores 1..5 from four cut points: quintile breaks of the customers' own
 * values or fixed thresholds. A value scores 1 + the number of cut points at
 * or below it, so equal values always share a score; recency is reversed
 * (recent = 5). Quintile cut points follow the rfm R package exactly: the
 * 20/40/60/80% quantiles (type 7) plus one unit, so that for whole-number
 * measures (days, orders) a value equal to a quantile stays in the lower bin.
 */
import { rfmWeights } from '../../config/analysis-config.js';
import type { AnalysisContext } from '../analysis-context.js';
import { addDays } from '../analysis-period.js';
import { customerLinesSql, dateLit } from '../analysis-sql.js';
import { rfmCodeSql } from '../tiers/rfm-segments.js';

/** Per-customer raw measures: (customer_id, first_order_date, last_order_date, recency_days, frequency, monetary, profit), and any `extra` aggregates over the same lines. */
export function rfmMeasuresSql(ctx: AnalysisContext, extra: readonly string[] = []): string {
  const windowStart = addDays(ctx.period.asOf, -ctx.config.rfm.windowDays + 1);
  const inWindow = `order_date >= ${dateLit(windowStart)}`;
  return `SELECT customer_id,
    min(order_date) AS first_order_date,
    coalesce(max(order_date) FILTER (WHERE NOT is_return), max(order_date)) AS last_order_date,
    ${dateLit(ctx.period.asOf)} - coalesce(max(order_date) FILTER (WHERE NOT is_return), max(order_date)) AS recency_days,
    count(*) FILTER (WHERE ${inWindow} AND opens_order) AS frequency,
    coalesce(CAST(sum(amount) FILTER (WHERE ${inWindow}) AS FLOAT8), 0) AS monetary,
    coalesce(CAST(sum(coalesce(profit, 0)) FILTER (WHERE ${inWindow}) AS FLOAT8), 0) AS profit${extra.map((e) => `,
    ${e}`).join('')}
  FROM ${customerLinesSql(ctx)} AS l
  GROUP BY customer_id`;
}

const cuts = [1, 2, 3, 4] as const;

/**
 * Cut points per measure in a one-row relation of twelve columns r1..r4,
 * f1..f4, m1..m4. Scalars rather than arrays: every customer's scores
 * compare against them, and taking an element of a list per row cost about
 * a tenth of the scoring at a million customers.
 */
export function rfmBreaksSql(ctx: AnalysisContext, measures: string): string {
  const t = ctx.config.rfm.thresholds;
  if (ctx.config.rfm.method === 'fixed' && t) {
    const fixed = (name: string, xs: readonly number[]) => cuts.map((i) => `CAST(${String(xs[i - 1])} AS FLOAT8) AS ${name}${i}`).join(', ');
    return `SELECT ${fixed('r', t.r)}, ${fixed('f', t.f)}, ${fixed('m', t.m)}`;
  }
  // The +1 is applied to the one row of quantiles, so it costs nothing and needs no lambda.
  const q = (col: string) => `percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY ${col})`;
  const plusOne = (name: string) => cuts.map((i) => `q.${name}q[${i}] + 1 AS ${name}${i}`).join(', ');
  return `SELECT ${plusOne('r')}, ${plusOne('f')}, ${plusOne('m')}
  FROM (SELECT ${q('recency_days')} AS rq, ${q('frequency')} AS fq, ${q('monetary')} AS mq FROM ${measures}) AS q`;
}

/** How many of the four cut points (columns `name`1..4 of `breaks`) are at or below the value. */
const above = (value: string, breaks: string, name: string) => `(${cuts.map((i) => `(${breaks}.${name}${i} <= ${value})::INTEGER`).join(' + ')})`;

/** Scores, code and weighted score for each customer, from measures and breaks. */
export function rfmScoresSql(ctx: AnalysisContext, measures: string, breaks: string): string {
  const w = rfmWeights(ctx.config);
  return `SELECT *,
    ${rfmCodeSql()} AS rfm_code,
    ${w.r} * r_score + ${w.f} * f_score + ${w.m} * m_score AS rfm_weighted
  FROM (
    SELECT m.*,
      5 - ${above('m.recency_days', 'b', 'r')} AS r_score,
      1 + ${above('m.frequency', 'b', 'f')} AS f_score,
      1 + ${above('m.monetary', 'b', 'm')} AS m_score
    FROM ${measures} m CROSS JOIN ${breaks} b
  ) AS scores`;
}

/** One relation: measures → breaks → scores, ready to join tiers onto. */
export function rfmSql(ctx: AnalysisContext): string {
  return `WITH measures AS (${rfmMeasuresSql(ctx)}), breaks AS (${rfmBreaksSql(ctx, 'measures')})
${rfmScoresSql(ctx, 'measures', 'breaks')}`;
}

const breakLists = ['r', 'f', 'm'].map((name) => `ARRAY[${cuts.map((i) => `b.${name}${i}`).join(', ')}] AS ${name}b`).join(', ');

/**
 * The cut points a snapshot's scores used, as three arrays rb, fb, mb, for
 * the report ("a frequency of 4 or more scores 2 …"). Read from the stored
 * measures, not the order lines (a second pass over every line): the same
 * values, as the stored monetary keeps the four decimals its lines' amounts
 * sum to, so it reads back as the FLOAT8 the scoring ranked.
 */
export function rfmBreaksQuery(ctx: AnalysisContext, snapshotId: number): string {
  const measures = `(SELECT recency_days, frequency, CAST(monetary AS FLOAT8) AS monetary FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)}) AS stored`;
  return `SELECT ${breakLists} FROM (${rfmBreaksSql(ctx, measures)}) AS b`;
}
