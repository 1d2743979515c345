/**
 * Period KPIs sliced by each dimension. A line's slice comes from the line
 * where the line says it (region, rep, channel, category), else from the
 * customer; tiers come from the analysis' tier relation. An order is an
 * order id of one customer, as in the headline KPIs.
 */
import { quoteIdent as q } from '../../store/engine.js';
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { dateLit, firstPurchasesFor, scopeFilter } from '../analysis-sql.js';

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

/** The relations one round of slices reads, made once for all dimensions. */
interface SliceTables {
  /**
   * Period lines summed per customer and the slice columns a line can carry:
   * revenue, orders (heads), each head dimension's segment (s_region …) and
   * whether the customer's first purchase fell in the period.
   */
  readonly base: string;
  /** Return orders' lines in the period (is_head false) and, where the order has one, its head (is_head true), with their segments. */
  readonly returns: string;
  /** A relation of each customer's first purchase date (firstPurchasesFor). */
  readonly firsts: string;
}

type HeadDimension = Exclude<SliceDimension, 'category'>;
const headDimensions = sliceDimensions.filter((d): d is HeadDimension => d !== 'category');

function periodWhere(ctx: AnalysisContext): string {
  const scope = scopeFilter(ctx, 'l.customer_id');
  return `l.order_date BETWEEN ${dateLit(ctx.period.from)} AND ${dateLit(ctx.period.to)}${scope}`;
}

const segmentColumn = (dim: HeadDimension) => `s_${dim}`;

/** Whether the customer's first purchase (`f`, of SliceTables.firsts) fell in the period; false with none. */
function isNewSql(ctx: AnalysisContext): string {
  return `coalesce(f.first_date BETWEEN ${dateLit(ctx.period.from)} AND ${dateLit(ctx.period.to)}, false)`;
}

/**
 * Every head dimension's segment of a row of (customer_id, region, rep_id,
 * channel) as `l`, worked out once with one set of joins for all six
 * dimensions, instead of each dimension's query joining the customers again.
 */
function withSegmentsSql(ctx: AnalysisContext, rows: string, keep: string): string {
  const segments = headDimensions.map((d) => `coalesce(CAST(${sliceExpr(d)} AS VARCHAR), 'unknown') AS ${segmentColumn(d)}`).join(', ');
  const tiers = ctx.tiers ? `LEFT JOIN ${q(ctx.tiers)} t ON t.customer_id = l.customer_id` : 'LEFT JOIN (SELECT NULL::VARCHAR AS customer_id, NULL::VARCHAR AS tier) t ON false';
  return `SELECT ${keep}, ${segments} FROM (${rows}) AS l
  LEFT JOIN customers c ON c.customer_id = l.customer_id ${tiers} LEFT JOIN reps r ON r.rep_id = coalesce(l.rep_id, c.rep_id)`;
}

function sliceTablesSql(ctx: AnalysisContext, t: SliceTables): string[] {
  const inPeriod = periodWhere(ctx);
  return [
    `CREATE TEMP TABLE ${t.base} AS ${withSegmentsSql(
      ctx,
      `SELECT g.*, ${isNewSql(ctx)} AS is_new FROM (SELECT customer_id, region, rep_id, channel, sum(amount) AS revenue, count(*) FILTER (WHERE opens_order) AS orders
  FROM order_lines l WHERE ${inPeriod} GROUP BY customer_id, region, rep_id, channel) AS g LEFT JOIN ${t.firsts} AS f USING (customer_id)`,
      'l.customer_id, l.revenue, l.orders, l.is_new',
    )}`,
    `CREATE TEMP TABLE ${t.returns} AS ${withSegmentsSql(
      ctx,
      `WITH r AS (SELECT DISTINCT order_id, customer_id, region, rep_id, channel FROM order_lines l WHERE ${inPeriod} AND is_return)
SELECT order_id, customer_id, region, rep_id, channel, false AS is_head FROM r
UNION ALL
SELECT order_id, customer_id, region, rep_id, channel, true FROM order_lines l WHERE ${inPeriod} AND opens_order
  -- The IN on order_id alone is a cheap first cut (a plain hash probe) before the exact pair test.
  AND l.order_id IN (SELECT order_id FROM r) AND EXISTS (SELECT 1 FROM r WHERE r.order_id = l.order_id AND r.customer_id IS NOT DISTINCT FROM l.customer_id)`,
      'l.order_id, l.customer_id, l.is_head',
    )}`,
  ];
}

/** Per segment, from the relation `per` (segment, customer_id, orders ≥ 1, is_new): buying customers, those with two orders or more, and those new in the period. */
const segmentCustomersSql = `SELECT segment, count(*) AS customers, count(*) FILTER (WHERE per.orders >= 2) AS repeaters,
  count(*) FILTER (WHERE per.is_new) AS new_customers FROM per GROUP BY segment`;

/**
 * An order falls in the slice of its head (its first purchase line), as the
 * KPIs count it, so a slice's orders are its heads, summed from the base.
 * A return order counts in the slice of its return lines; it is one order
 * with its head when both fall in the same slice.
 */
function headSliceSql(dim: HeadDimension, t: SliceTables): string {
  const seg = segmentColumn(dim);
  return `WITH b AS (SELECT ${seg} AS segment, customer_id, revenue, orders, is_new FROM ${t.base}),
rev AS (SELECT segment, sum(revenue) AS revenue, CAST(sum(orders) AS BIGINT) AS orders FROM b GROUP BY segment),
per AS (SELECT segment, customer_id, sum(orders) AS orders, bool_or(is_new) AS is_new FROM b WHERE customer_id IS NOT NULL GROUP BY segment, customer_id HAVING sum(orders) > 0),
pc AS (${segmentCustomersSql}),
rs AS (SELECT ${seg} AS segment, order_id, customer_id, bool_or(is_head) AS headed, bool_or(NOT is_head) AS returned
  FROM ${t.returns} GROUP BY 1, order_id, customer_id),
ro AS (SELECT segment, count(*) FILTER (WHERE returned) AS return_orders, count(*) FILTER (WHERE returned AND headed) AS headed FROM rs GROUP BY segment)
SELECT rev.segment, CAST(rev.revenue AS FLOAT8) AS revenue, CAST(rev.revenue / nullif(sum(rev.revenue) OVER (), 0) AS FLOAT8) AS revenue_share,
  rev.orders, coalesce(ro.return_orders, 0) AS return_orders, rev.orders + coalesce(ro.return_orders, 0) - coalesce(ro.headed, 0) AS all_orders,
  coalesce(pc.customers, 0) AS customers, coalesce(pc.repeaters, 0) AS repeaters, coalesce(pc.new_customers, 0) AS new_customers
FROM rev LEFT JOIN ro USING (segment) LEFT JOIN pc USING (segment)
ORDER BY revenue DESC, rev.segment`;
}

/** A product category counts every order with a line of it in the period, so one order can count in several. */
function categorySliceSql(ctx: AnalysisContext, t: SliceTables): string {
  return `WITH l AS (SELECT coalesce(CAST(l.category AS VARCHAR), 'unknown') AS segment, l.order_id, l.customer_id, l.is_return, l.amount FROM order_lines l WHERE ${periodWhere(ctx)}),
-- Lines fold into (segment, order, customer), the orders of the slice: the counts below need no DISTINCT over lines.
so AS (SELECT segment, order_id, customer_id, bool_or(NOT is_return) AS bought, bool_or(is_return) AS returned, sum(amount) AS amount FROM l GROUP BY segment, order_id, customer_id),
per AS (SELECT p.*, ${isNewSql(ctx)} AS is_new
  FROM (SELECT segment, customer_id, count(*) AS orders FROM so WHERE customer_id IS NOT NULL AND bought GROUP BY segment, customer_id) AS p
  JOIN ${t.firsts} AS f USING (customer_id)),
pc AS (${segmentCustomersSql}),
rev AS (SELECT segment, sum(amount) AS revenue FROM so GROUP BY segment),
os AS (SELECT segment, count(*) FILTER (WHERE bought) AS orders, count(*) FILTER (WHERE returned) AS return_orders, count(*) AS all_orders FROM so GROUP BY segment)
SELECT rev.segment, CAST(rev.revenue AS FLOAT8) AS revenue, CAST(rev.revenue / nullif(sum(rev.revenue) OVER (), 0) AS FLOAT8) AS revenue_share,
  os.orders, os.return_orders, os.all_orders,
  coalesce(pc.customers, 0) AS customers, coalesce(pc.repeaters, 0) AS repeaters, coalesce(pc.new_customers, 0) AS new_customers
FROM rev JOIN os USING (segment) LEFT JOIN pc USING (segment)
ORDER BY revenue DESC, rev.segment`;
}

export function sliceSql(ctx: AnalysisContext, dim: SliceDimension, t: SliceTables): string {
  return dim === 'category' ? categorySliceSql(ctx, t) : headSliceSql(dim, t);
}

function sliceRow(r: Record<string, number | string | null>): SliceRow {
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
}

/**
 * The period's KPIs by every dimension. The period's lines are summed once
 * per customer and line slice columns, and every dimension but category
 * reads that summary instead of the lines. `tag` keeps the work tables of
 * concurrent analyses apart.
 */
export async function kpiSlices(ctx: AnalysisContext, tag: number): Promise<Record<SliceDimension, SliceRow[]>> {
  const id = Math.floor(tag);
  const t: SliceTables = { base: `slice_base_${id}`, returns: `slice_returns_${id}`, firsts: firstPurchasesFor(ctx) };
  for (const sql of sliceTablesSql(ctx, t)) await ctx.db.run(sql);
  const out = {} as Record<SliceDimension, SliceRow[]>;
  for (const dim of sliceDimensions) {
    out[dim] = (await ctx.db.query<Record<string, number | string | null>>(sliceSql(ctx, dim, t))).map(sliceRow);
  }
  for (const table of [t.base, t.returns]) await ctx.db.run(`DROP TABLE ${table}`);
  return out;
}
