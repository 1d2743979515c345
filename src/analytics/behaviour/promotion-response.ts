/**
 * How much buying happens on promotion, by tier, and which customers buy
 * mostly on promotion. An order is promotional when a line names a
 * promotion; files without a promotion column fall back to a discount > 0.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { customerGroupJoin, periodPurchasesSql } from '../analysis-sql.js';

export interface PromotionSettings {
  /** Customers with at least this many orders … */
  readonly minOrders: number;
  /** … and at least this share of them on promotion are promotion-sensitive. */
  readonly sensitiveShare: number;
  readonly listed: number;
}

export interface PromotionShare {
  readonly group: string;
  readonly orders: number;
  readonly promoOrders: number;
  readonly promoOrderShare: number | null;
  readonly promoSalesShare: number | null;
}

export interface PromotionResponse {
  readonly basis: 'promotion' | 'discount';
  readonly overall: PromotionShare;
  readonly byTier: readonly PromotionShare[];
  readonly sensitive: {
    readonly customers: number;
    readonly top: readonly { readonly customerId: string; readonly name: string | null; readonly orders: number; readonly promoOrderShare: number }[];
  };
}

/** The period's orders with their tier, sales and whether they were promotional: folded once for both questions. */
export function promotionOrdersSql(ctx: AnalysisContext, basis: PromotionResponse['basis']): string {
  const promo = basis === 'promotion' ? `x.promotion IS NOT NULL AND trim(x.promotion) <> ''` : 'coalesce(x.discount, 0) > 0';
  const { joins, expr } = customerGroupJoin(ctx, 'tier');
  // Lines fold into orders first: the tier join then probes once per order, not per line.
  return `SELECT x.customer_id, x.order_id, ${expr} AS grp, x.sales, x.promo
  FROM (SELECT x.customer_id, x.order_id, sum(x.amount) AS sales, bool_or(${promo}) AS promo
    FROM ${periodPurchasesSql(ctx)} x GROUP BY x.customer_id, x.order_id) AS x ${joins}`;
}

const shareCols = `count(*) AS orders, count(*) FILTER (WHERE promo) AS "promoOrders",
  CAST(count(*) FILTER (WHERE promo) AS FLOAT8) / nullif(count(*), 0) AS "promoOrderShare",
  CAST(sum(sales) FILTER (WHERE promo) / nullif(sum(sales), 0) AS FLOAT8) AS "promoSalesShare"`;

export function promotionSharesSql(orders: string): string {
  return `WITH o AS (SELECT * FROM ${orders})
SELECT '*' AS "group", ${shareCols} FROM o
UNION ALL (SELECT grp AS "group", ${shareCols} FROM o GROUP BY grp ORDER BY grp)`;
}

export function promotionSensitiveSql(orders: string, s: PromotionSettings): string {
  return `WITH pc AS (SELECT customer_id, count(*) AS orders, CAST(count(*) FILTER (WHERE promo) AS FLOAT8) / count(*) AS share FROM ${orders} GROUP BY customer_id)
SELECT pc.customer_id AS "customerId", c.name, pc.orders, pc.share AS "promoOrderShare", count(*) OVER () AS total
FROM pc LEFT JOIN customers c USING (customer_id)
WHERE pc.orders >= ${Math.floor(s.minOrders)} AND pc.share >= ${Number(s.sensitiveShare)}
ORDER BY pc.share DESC, pc.orders DESC, "customerId" LIMIT ${Math.floor(s.listed)}`;
}

export async function promotionResponse(ctx: AnalysisContext, s: PromotionSettings, tag: number): Promise<PromotionResponse> {
  const [flag] = await ctx.db.query<{ has: boolean }>('SELECT EXISTS (SELECT 1 FROM order_lines WHERE promotion IS NOT NULL) AS has');
  const basis = flag?.has ? 'promotion' : 'discount';
  const orders = `promotion_orders_${Math.floor(tag)}`;
  await ctx.db.run(`CREATE TEMP TABLE ${orders} AS ${promotionOrdersSql(ctx, basis)}`);
  const [overall, ...byTier] = await ctx.db.query<PromotionShare>(promotionSharesSql(orders));
  const top = await ctx.db.query<PromotionResponse['sensitive']['top'][number] & { total: number }>(promotionSensitiveSql(orders, s));
  await ctx.db.run(`DROP TABLE ${orders}`);
  return {
    basis,
    overall: overall ?? { group: '*', orders: 0, promoOrders: 0, promoOrderShare: null, promoSalesShare: null },
    byTier,
    sensitive: { customers: top[0]?.total ?? 0, top: top.map(({ total: _t, ...r }) => r) },
  };
}
