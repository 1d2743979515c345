/**
 * Customer health 0..100, a weighted sum of five parts, each 0..1:
 *   30 recency against the customer's own purchase cycle: 1 up to one cycle
 *      since the last order, falling to 0 at three cycles (no cycle of their
 *      own: the median cycle of all customers; none at all: 90 days)
 *   20 order trend: second half of the RFM window against the first,
 *      0.5 + (n2 − n1) / (2·max(n1, n2)); 0 with no orders in either half
 *      (orders counted by their heads, so dated by their first purchase line)
 *   20 revenue trend: the same on net revenue (negatives as 0)
 *   15 satisfaction: mean of (survey mean − 1) / 4 and NPS mean / 10 over the
 *      window, whichever exist; 0.5 with no answers
 *   15 service: 1 − complaints in the window / 3, at least 0
 */
import type { AnalysisContext } from '../analysis-context.js';
import { addDays } from '../analysis-period.js';
import { dateLit } from '../analysis-sql.js';

export const healthWeights = { recency: 30, orders: 20, revenue: 20, satisfaction: 15, service: 15 } as const;

const trend = (a: string, b: string) => `CASE WHEN greatest(${a}, ${b}) <= 0 THEN 0 ELSE 0.5 + CAST(${b} - ${a} AS FLOAT8) / (2 * greatest(${a}, ${b})) END`;

function halves(ctx: AnalysisContext): { readonly start: string; readonly mid: string } {
  const start = addDays(ctx.period.asOf, -ctx.config.rfm.windowDays + 1);
  return { start, mid: addDays(start, Math.floor(ctx.config.rfm.windowDays / 2)) };
}

/**
 * The order and revenue of each half of the RFM window, as aggregates over a
 * customer's lines to the as-of date (n1, n2, m1, m2): they ride along in the
 * RFM measures' own pass over the lines.
 */
export function healthHalvesAggregates(ctx: AnalysisContext): string[] {
  const { start, mid } = halves(ctx);
  const first = `order_date >= ${dateLit(start)} AND order_date < ${dateLit(mid)}`;
  const second = `order_date >= ${dateLit(mid)} AND order_date <= ${dateLit(ctx.period.asOf)}`;
  return [
    `count(*) FILTER (WHERE ${first} AND opens_order) AS n1`,
    `count(*) FILTER (WHERE ${second} AND opens_order) AS n2`,
    `greatest(coalesce(CAST(sum(amount) FILTER (WHERE ${first}) AS FLOAT8), 0), 0) AS m1`,
    `greatest(coalesce(CAST(sum(amount) FILTER (WHERE ${second}) AS FLOAT8), 0), 0) AS m2`,
  ];
}

/**
 * The health score of each row of `base` (customer_id, recency_days,
 * purchase_cycle_days and the halves' n1, n2, m1, m2) as parts of the
 * statement that reads `base`: CTEs to add to its WITH, the joins after
 * `FROM ${base} b`, and the score expression. Scored where the rows are read,
 * not joined back to them by customer.
 */
export function healthScoreParts(ctx: AnalysisContext, base: string): { readonly ctes: string; readonly joins: string; readonly score: string } {
  const asOf = ctx.period.asOf;
  const windowStart = halves(ctx).start;
  const w = healthWeights;
  return {
    ctes: `med AS (SELECT coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY purchase_cycle_days), 90) AS cycle FROM ${base}),
  sat AS (
    SELECT customer_id, avg(part) AS s FROM (
      SELECT customer_id, (avg(score) - 1) / 4 AS part FROM survey_responses WHERE survey_date BETWEEN ${dateLit(windowStart)} AND ${dateLit(asOf)} GROUP BY customer_id
      UNION ALL
      SELECT customer_id, avg(score) / 10 FROM nps_responses WHERE response_date BETWEEN ${dateLit(windowStart)} AND ${dateLit(asOf)} GROUP BY customer_id
    ) AS parts GROUP BY customer_id
  ),
  compl AS (SELECT customer_id, count(*) AS n FROM complaints WHERE complaint_date BETWEEN ${dateLit(windowStart)} AND ${dateLit(asOf)} GROUP BY customer_id)`,
    joins: 'CROSS JOIN med LEFT JOIN sat USING (customer_id) LEFT JOIN compl USING (customer_id)',
    score: `100 * (
      ${w.recency / 100} * least(1, greatest(0, (3 - CAST(b.recency_days AS FLOAT8) / coalesce(nullif(b.purchase_cycle_days, 0), med.cycle)) / 2))
    + ${w.orders / 100} * ${trend('b.n1', 'b.n2')}
    + ${w.revenue / 100} * ${trend('b.m1', 'b.m2')}
    + ${w.satisfaction / 100} * least(1, greatest(0, coalesce(sat.s, 0.5)))
    + ${w.service / 100} * greatest(0, 1 - CAST(coalesce(compl.n, 0) AS FLOAT8) / 3)
  )`,
  };
}
