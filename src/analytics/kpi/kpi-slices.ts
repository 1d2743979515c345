/**
 * Period KPIs sliced by one dimension. A line's slice comes from the line
 * where the line says it (region, rep, channel, category), else from the
 * customer; tiers come from the analysis' tier relation.
 */
import { quoteIdent as q } from '../../store/engine.js';
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { dateLit } from '../analysis-sql.js';

export type SliceDimension = 'region' | 'industry' | 'size' | 'tier' | 'rep' | 'channel' | 'category';
export const sliceDimensions: readonly SliceDimension[] = ['region', 'industry', 'size', 'tier', 'rep', 'channel', 'category'];

export interface SliceRow {
  readonly segment: string;
  readonly revenue: number;
  readonly revenueShare: number | null;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly averageOrderValue: number | null;
  readonly repeatPurchaseRate: number | null;
  readonly refundRate: number | null;
}

function sliceExpr(dim: SliceDimension): string {
  switch (dim) {
    case 'region':
      return 'coalesce(l.region, c.region)';
    case 'industry':
      return 'c.industry';
    case 'size':
      return 'c.size';
    case 'tier':
      return 't.tier';
    case 'rep':
      return 'coalesce(r.name, l.rep_id, c.rep_id)';
    case 'channel':
      return 'coalesce(l.channel, c.acquisition_channel)';
    case 'category':
      return 'l.category';
    default:
      throw new Error(`unknown dimension ${String(dim satisfies never)}`);
  }
}

export function sliceSql(ctx: AnalysisContext, dim: SliceDimension): string {
  const { from, to } = ctx.period;
  const tiers = ctx.tiers ? `LEFT JOIN ${q(ctx.tiers)} t ON t.customer_id = l.customer_id` : 'LEFT JOIN (SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS tier) t ON false';
  const scope = ctx.scope ? ` AND l.customer_id IN (SELECT customer_id FROM ${q(ctx.scope)})` : '';
  return `WITH l AS (
  SELECT coalesce(CAST(${sliceExpr(dim)} AS VARCHAR), 'unknown') AS segment, l.*
  FROM order_lines l LEFT JOIN customers c USING (customer_id) ${tiers}
  LEFT JOIN reps r ON r.rep_id = coalesce(l.rep_id, c.rep_id)
  WHERE l.order_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scope}
), firsts AS (SELECT customer_id, min(order_date) AS first_date FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return GROUP BY customer_id),
-- Lines fold into (segment, order, customer) once: the counts below need no DISTINCT over lines.
so AS (SELECT segment, order_id, customer_id, bool_or(NOT is_return) AS bought, bool_or(is_return) AS returned, sum(amount) AS amount FROM l GROUP BY segment, order_id, customer_id),
seg_orders AS (SELECT segment, order_id, bool_or(bought) AS bought, bool_or(returned) AS returned FROM so GROUP BY segment, order_id),
per AS (SELECT segment, customer_id, count(*) AS orders FROM so WHERE customer_id IS NOT NULL AND bought GROUP BY segment, customer_id),
tot AS (SELECT sum(amount) AS rev FROM so),
rev AS (SELECT segment, sum(amount) AS revenue FROM so GROUP BY segment)
SELECT o.segment, CAST(max(rev.revenue) AS FLOAT8) AS revenue, CAST(max(rev.revenue) / nullif(max(tot.rev), 0) AS FLOAT8) AS revenue_share,
  count(*) FILTER (WHERE o.bought) AS orders,
  count(*) FILTER (WHERE o.returned) AS return_orders,
  count(*) AS all_orders,
  (SELECT count(*) FROM per WHERE per.segment = o.segment) AS customers,
  (SELECT count(*) FROM per WHERE per.segment = o.segment AND per.orders >= 2) AS repeaters,
  (SELECT count(*) FROM per JOIN firsts f USING (customer_id) WHERE per.segment = o.segment AND f.first_date BETWEEN ${dateLit(from)} AND ${dateLit(to)}) AS new_customers
FROM seg_orders o JOIN rev USING (segment), tot GROUP BY o.segment ORDER BY revenue DESC`;
}

export async function kpiSlices(ctx: AnalysisContext, dim: SliceDimension): Promise<SliceRow[]> {
  const rows = await ctx.db.query<Record<string, number | string | null>>(sliceSql(ctx, dim));
  return rows.map((r) => {
    const n = (k: string) => Number(r[k] ?? 0);
    return {
      segment: String(r.segment),
      revenue: n('revenue'),
      revenueShare: r.revenue_share === null ? null : n('revenue_share'),
      orders: n('orders'),
      customers: n('customers'),
      newCustomers: n('new_customers'),
      averageOrderValue: ratio(n('revenue'), n('orders')),
      repeatPurchaseRate: ratio(n('repeaters'), n('customers')),
      refundRate: ratio(n('return_orders'), n('all_orders')),
    };
  });
}
