/**
 * Which categories are bought together (association rules over the
 * period's orders) and, from them, the next category to offer each customer.
 * Rule A → B: support = orders with both ÷ all orders; confidence = orders
 * with both ÷ orders with A; lift = confidence ÷ support of B.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { periodPurchasesSql } from '../analysis-sql.js';

export interface BasketRule {
  readonly from: string;
  readonly to: string;
  readonly orders: number;
  readonly support: number;
  readonly confidence: number;
  readonly lift: number;
}

export interface CrossSell {
  readonly customerId: string;
  readonly name: string | null;
  readonly category: string;
  /** The category the customer buys that leads to the suggestion. */
  readonly because: string;
  readonly confidence: number;
  readonly lift: number;
  readonly sales: number;
}

export interface BasketSettings {
  /** A pair must appear in at least this many orders to make a rule. */
  readonly minOrders: number;
  /** Cross-sell suggestions need a rule at least this confident (and lift above 1). */
  readonly minConfidence: number;
  /** Suggestions listed in the document (the largest customers first). */
  readonly listed: number;
  /** Most categories for the bit-mask count of pairs (default maskCategories); more use the self-join. Tests set it to check one against the other. */
  readonly maskCategories?: number;
}

/** The period's purchase lines (narrow), as a temp table the self-join and its cross-sell read. */
function basketLinesSql(ctx: AnalysisContext): string {
  return `CREATE TEMP TABLE basket_oc AS SELECT order_id, customer_id, category, amount FROM ${periodPurchasesSql(ctx)} AS p`;
}

/** The period's categories, each with its bit (0, 1, …) for the masks. */
function categoryBitsSql(ctx: AnalysisContext): string {
  return `CREATE TEMP TABLE basket_cats AS SELECT category, CAST(row_number() OVER (ORDER BY category) - 1 AS INTEGER) AS idx
  FROM (SELECT DISTINCT category FROM ${periodPurchasesSql(ctx)} AS p WHERE category IS NOT NULL) AS d`;
}

const has = (mask: string, idx: string) => `(${mask} >> ${idx}) & CAST(1 AS BIGINT) = 1`;

/** The set of categories of the lines folded into each group, as a bit mask (basket_cats aliased k joined to the lines). */
const maskOf = `bit_or(CASE WHEN k.idx IS NULL THEN CAST(0 AS BIGINT) ELSE CAST(1 AS BIGINT) << k.idx END)`;

/** The rules' columns from pairs (a, b, orders), per-category order counts cs (category, orders) and the order count n. */
function rulesFrom(minOrders: number): string {
  return `SELECT a, b, pairs.orders, CAST(pairs.orders AS FLOAT8) / n.n AS support, CAST(pairs.orders AS FLOAT8) / ca.orders AS confidence,
  (CAST(pairs.orders AS FLOAT8) / ca.orders) / (CAST(cb.orders AS FLOAT8) / n.n) AS lift
FROM pairs JOIN cs ca ON ca.category = a JOIN cs cb ON cb.category = b, n WHERE pairs.orders >= ${Math.max(1, Math.floor(minOrders))}`;
}

/** Pairs by joining each order's distinct categories with themselves: any number of categories. */
export function basketRulesByJoinSql(minOrders: number): string {
  return `CREATE TEMP TABLE basket_rules AS
WITH n AS (SELECT count(DISTINCT order_id) AS n FROM basket_oc),
oc AS (SELECT DISTINCT order_id, category FROM basket_oc WHERE category IS NOT NULL),
-- oc holds each (order, category) once, so plain counts are counts of orders.
cs AS (SELECT category, count(*) AS orders FROM oc GROUP BY category),
pairs AS (SELECT a.category AS a, b.category AS b, count(*) AS orders
  FROM oc a JOIN oc b ON a.order_id = b.order_id AND a.category <> b.category GROUP BY a.category, b.category)
${rulesFrom(minOrders)}`;
}

/** Up to this many categories an order's set of categories fits a bit mask, and the masks are few. */
export const maskCategories = 16;

/**
 * Pairs from each order's set of categories as a bit mask: one fold of the
 * lines by order, then orders per distinct mask, then each mask's pairs.
 * Far cheaper than the self-join when the categories are few (at 20M lines,
 * five categories: about a third of the time). Reads basket_cats.
 */
export function basketRulesByMaskSql(ctx: AnalysisContext, minOrders: number): string {
  return `CREATE TEMP TABLE basket_rules AS
WITH masks AS (SELECT ${maskOf} AS mask FROM ${periodPurchasesSql(ctx)} AS o LEFT JOIN basket_cats k ON k.category = o.category GROUP BY o.order_id),
n AS (SELECT count(*) AS n FROM masks),
mc AS (SELECT mask, count(*) AS orders FROM masks WHERE mask <> 0 GROUP BY mask),
cs AS (SELECT k.category, CAST(sum(mc.orders) AS BIGINT) AS orders FROM mc JOIN basket_cats k ON ${has('mc.mask', 'k.idx')} GROUP BY k.category),
pairs AS (SELECT ka.category AS a, kb.category AS b, CAST(sum(mc.orders) AS BIGINT) AS orders
  FROM mc JOIN basket_cats ka ON ${has('mc.mask', 'ka.idx')} JOIN basket_cats kb ON ${has('mc.mask', 'kb.idx')} AND ka.idx <> kb.idx
  GROUP BY ka.category, kb.category)
${rulesFrom(minOrders)}`;
}

export const basketRulesSql = `SELECT a AS "from", b AS "to", orders, support, confidence, lift FROM basket_rules ORDER BY lift DESC, confidence DESC, a, b`;

/** Each candidate (customer, category, because, confidence, lift, sales) as `cand`, ranked per customer in rn. */
const pickCrossSell = (listed: number) => `SELECT cand.customer_id AS "customerId", c.name, cand.category, because, confidence, lift, CAST(cand.sales AS FLOAT8) AS sales,
  count(*) OVER () AS total
FROM cand LEFT JOIN customers c ON c.customer_id = cand.customer_id
WHERE rn = 1 ORDER BY sales DESC, "customerId" LIMIT ${Math.max(0, Math.floor(listed))}`;

const rankCandidates = 'row_number() OVER (PARTITION BY customer_id ORDER BY confidence DESC, lift DESC, category, because) AS rn';

/** Cross-sell from the lines of basket_oc, for the self-join. */
export function crossSellSql(s: BasketSettings): string {
  return `WITH cc AS (SELECT DISTINCT customer_id, category FROM basket_oc WHERE category IS NOT NULL),
sales AS (SELECT customer_id, sum(amount) AS sales FROM basket_oc GROUP BY customer_id),
pairs AS (SELECT cc.customer_id, r.b AS category, r.a AS because, r.confidence, r.lift, sales.sales
  FROM cc JOIN basket_rules r ON r.a = cc.category JOIN sales USING (customer_id)
  WHERE r.lift > 1 AND r.confidence >= ${Number(s.minConfidence)}
    AND NOT EXISTS (SELECT 1 FROM cc c2 WHERE c2.customer_id = cc.customer_id AND c2.category = r.b)),
cand AS (SELECT pairs.*, ${rankCandidates} FROM pairs)
${pickCrossSell(s.listed)}`;
}

/**
 * Cross-sell from each customer's categories as a bit mask (basket_cats): one
 * fold of the lines by customer, then the rules whose "from" bit is set and
 * "to" bit is not, instead of every (customer, category) pair.
 */
export function crossSellByMaskSql(ctx: AnalysisContext, s: BasketSettings): string {
  return `WITH cm AS (SELECT p.customer_id, ${maskOf} AS mask, sum(p.amount) AS sales
  FROM ${periodPurchasesSql(ctx)} AS p LEFT JOIN basket_cats k ON k.category = p.category GROUP BY p.customer_id),
r AS (SELECT r.a, r.b, r.confidence, r.lift, ka.idx AS ia, kb.idx AS ib
  FROM basket_rules r JOIN basket_cats ka ON ka.category = r.a JOIN basket_cats kb ON kb.category = r.b
  WHERE r.lift > 1 AND r.confidence >= ${Number(s.minConfidence)}),
pairs AS (SELECT cm.customer_id, r.b AS category, r.a AS because, r.confidence, r.lift, cm.sales
  FROM cm JOIN r ON ${has('cm.mask', 'r.ia')} AND NOT (${has('cm.mask', 'r.ib')})),
cand AS (SELECT pairs.*, ${rankCandidates} FROM pairs)
${pickCrossSell(s.listed)}`;
}

export async function basketAnalysis(ctx: AnalysisContext, s: BasketSettings): Promise<{ rules: BasketRule[]; crossSell: { customers: number; top: CrossSell[] } }> {
  for (const t of ['basket_cats', 'basket_oc', 'basket_rules']) await ctx.db.run(`DROP TABLE IF EXISTS ${t}`);
  await ctx.db.run(categoryBitsSql(ctx));
  const [c] = await ctx.db.query<{ n: number }>('SELECT count(*) AS n FROM basket_cats');
  const byMask = Number(c?.n ?? 0) <= (s.maskCategories ?? maskCategories);
  if (!byMask) await ctx.db.run(basketLinesSql(ctx));
  await ctx.db.run(byMask ? basketRulesByMaskSql(ctx, s.minOrders) : basketRulesByJoinSql(s.minOrders));
  const rules = await ctx.db.query<BasketRule>(basketRulesSql);
  const rows = await ctx.db.query<CrossSell & { total: number }>(byMask ? crossSellByMaskSql(ctx, s) : crossSellSql(s));
  for (const t of ['basket_rules', 'basket_cats', 'basket_oc']) await ctx.db.run(`DROP TABLE IF EXISTS ${t}`);
  return { rules, crossSell: { customers: rows[0]?.total ?? 0, top: rows.map(({ total: _total, ...r }) => r) } };
}
