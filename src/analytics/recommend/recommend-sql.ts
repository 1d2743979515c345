/**
 * Next-best products, in the engine. A product j is scored for customer c,
 * who has not bought it, from the products i that c bought:
 *   item similarity   cosine over customers: shared buyers of i and j ÷ √(buyers of i × buyers of j)
 *   basket affinity   confidence of i → j over orders: orders with both ÷ orders with i
 *   score(c, j) = Σ_i (similarity(i, j) + confidence(i → j)), pairs with fewer than minShared shared buyers or orders left out
 * "because" is the i contributing most. Purchases up to the cutoff only.
 */
import { dateLit } from '../analysis-sql.js';

export interface RecommendParams {
  readonly cutoff: string;
  readonly k: number;
  readonly minShared: number;
  /** SQL condition on order_lines' customer_id, e.g. a scope; '' for everyone. */
  readonly scope?: string;
}

function baseCtes(p: RecommendParams): string {
  const min = Math.max(1, Math.floor(p.minShared));
  return `lines AS (SELECT customer_id, order_id, product_id FROM order_lines
  WHERE customer_id IS NOT NULL AND product_id IS NOT NULL AND NOT is_return AND order_date <= ${dateLit(p.cutoff)}${p.scope ?? ''}),
cp AS (SELECT DISTINCT customer_id, product_id FROM lines),
op AS (SELECT DISTINCT order_id, product_id FROM lines),
buyers AS (SELECT product_id, count(*) AS n FROM cp GROUP BY product_id),
orders_with AS (SELECT product_id, count(*) AS n FROM op GROUP BY product_id),
shared AS (SELECT a.product_id AS i, b.product_id AS j, count(*) AS n FROM cp a JOIN cp b ON a.customer_id = b.customer_id AND a.product_id <> b.product_id GROUP BY a.product_id, b.product_id),
together AS (SELECT a.product_id AS i, b.product_id AS j, count(*) AS n FROM op a JOIN op b ON a.order_id = b.order_id AND a.product_id <> b.product_id GROUP BY a.product_id, b.product_id),
sim AS (
  SELECT coalesce(s.i, t.i) AS i, coalesce(s.j, t.j) AS j,
    coalesce(CASE WHEN s.n >= ${min} THEN s.n / sqrt(bi.n * bj.n) END, 0) + coalesce(CASE WHEN t.n >= ${min} THEN CAST(t.n AS FLOAT8) / oi.n END, 0) AS s
  FROM shared s FULL JOIN together t ON s.i = t.i AND s.j = t.j
  LEFT JOIN buyers bi ON bi.product_id = coalesce(s.i, t.i) LEFT JOIN buyers bj ON bj.product_id = coalesce(s.j, t.j)
  LEFT JOIN orders_with oi ON oi.product_id = coalesce(s.i, t.i)
)`;
}

/**
 * (customer_id, rank, product_id, score, because), at most k per customer.
 * The scores are plain sums over every (bought i, candidate j) pair; 'because'
 * is looked up afterwards for the k kept per customer only, since carrying
 * each pair's i through the grouping held every pair in memory at once (a
 * 20,000-customer store ran out of memory).
 */
export function recommendationsSql(p: RecommendParams): string {
  return `WITH ${baseCtes(p)},
cand AS (
  SELECT cp.customer_id, sim.j AS product_id, sum(sim.s) AS score
  FROM cp JOIN sim ON sim.i = cp.product_id AND sim.s > 0
  WHERE NOT EXISTS (SELECT 1 FROM cp c2 WHERE c2.customer_id = cp.customer_id AND c2.product_id = sim.j)
  GROUP BY cp.customer_id, sim.j
),
top AS (
  SELECT customer_id, product_id, score, rk FROM (
    SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY score DESC, product_id) AS rk FROM cand
  ) AS ranked WHERE rk <= ${Math.floor(p.k)}
),
why AS (
  SELECT t.customer_id, t.product_id, sim.i AS because,
    row_number() OVER (PARTITION BY t.customer_id, t.product_id ORDER BY sim.s DESC, sim.i) AS pick
  FROM top t JOIN cp ON cp.customer_id = t.customer_id JOIN sim ON sim.i = cp.product_id AND sim.j = t.product_id AND sim.s > 0
)
SELECT t.customer_id, CAST(t.rk AS INTEGER) AS rank, t.product_id, t.score, w.because
FROM top t JOIN why w ON w.customer_id = t.customer_id AND w.product_id = t.product_id AND w.pick = 1`;
}

/** The baseline: the products with the most buyers that the customer has not bought. */
export function popularSql(p: RecommendParams): string {
  return `WITH ${baseCtes(p)},
customers AS (SELECT DISTINCT customer_id FROM cp),
ranked AS (SELECT product_id, row_number() OVER (ORDER BY n DESC, product_id) AS pos FROM buyers),
cand AS (SELECT c.customer_id, r.product_id, r.pos FROM customers c CROSS JOIN ranked r
  WHERE r.pos <= ${Math.floor(p.k)} + (SELECT max(n) FROM (SELECT count(*) AS n FROM cp GROUP BY customer_id) AS bought)
    AND NOT EXISTS (SELECT 1 FROM cp c2 WHERE c2.customer_id = c.customer_id AND c2.product_id = r.product_id))
SELECT customer_id, CAST(rk AS INTEGER) AS rank, product_id, CAST(0 AS FLOAT8) AS score, CAST(NULL AS VARCHAR) AS because FROM (
  SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY pos) AS rk FROM cand
) AS ranked WHERE rk <= ${Math.floor(p.k)}`;
}

/**
 * Hit rate and precision of a recommendation relation against what customers
 * (who had bought before the cutoff) bought for the first time after it, up to `until`.
 */
export function holdoutSql(recs: string, cutoff: string, until: string): string {
  return `WITH before AS (SELECT DISTINCT customer_id, product_id FROM order_lines
  WHERE customer_id IS NOT NULL AND product_id IS NOT NULL AND NOT is_return AND order_date <= ${dateLit(cutoff)}),
after AS (SELECT DISTINCT customer_id, product_id FROM order_lines
  WHERE customer_id IS NOT NULL AND product_id IS NOT NULL AND NOT is_return AND order_date > ${dateLit(cutoff)} AND order_date <= ${dateLit(until)}
    AND customer_id IN (SELECT customer_id FROM before)),
new AS (SELECT * FROM after a WHERE NOT EXISTS (SELECT 1 FROM before b WHERE b.customer_id = a.customer_id AND b.product_id = a.product_id)),
r AS (${recs}),
per AS (SELECT n.customer_id, count(r.product_id) FILTER (WHERE x.product_id IS NOT NULL) AS hits, count(r.product_id) AS shown
  FROM (SELECT DISTINCT customer_id FROM new) n LEFT JOIN r ON r.customer_id = n.customer_id
    LEFT JOIN new x ON x.customer_id = r.customer_id AND x.product_id = r.product_id
  GROUP BY n.customer_id)
SELECT count(*) AS customers, CAST(count(*) FILTER (WHERE hits > 0) AS FLOAT8) / nullif(count(*), 0) AS "hitRate",
  CAST(sum(hits) AS FLOAT8) / nullif(sum(shown), 0) AS precision FROM per`;
}
