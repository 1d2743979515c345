/**
 * How concentrated revenue is: the top 20% of customers' share of revenue and
 * of profit, ABC classes, the Gini coefficient and the HHI of customer revenue.
 */
import type { Dialect, Queryable } from '../../store/engine.js';
import { readRecordList, recordListAgg } from '../../store/sql-dialect.js';

export interface ParetoSummary {
  readonly customers: number;
  readonly topShare: number;
  readonly topCustomers: number;
  readonly topRevenueShare: number | null;
  readonly topProfitShare: number | null;
  readonly gini: number | null;
  readonly hhi: number | null;
  readonly abc: readonly { readonly class: string; readonly customers: number; readonly revenueShare: number | null }[];
}

export function paretoSql(dialect: Dialect, snapshotId: number, topShare: number): string {
  return `WITH s AS (
  SELECT greatest(monetary, 0) AS rev, greatest(profit, 0) AS prof, abc_class,
    row_number() OVER (ORDER BY monetary DESC, customer_id) AS rank_desc,
    row_number() OVER (ORDER BY greatest(monetary, 0), customer_id) AS rank_asc
  FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)}
), t AS (SELECT count(*) AS n, sum(rev) AS rev, sum(prof) AS prof FROM s)
SELECT t.n AS customers, CAST(ceil(t.n * ${topShare}) AS INTEGER) AS top_customers,
  CAST((SELECT sum(rev) FROM s WHERE rank_desc <= ceil(t.n * ${topShare})) / nullif(t.rev, 0) AS FLOAT8) AS top_revenue_share,
  CAST((SELECT sum(prof) FROM s WHERE rank_desc <= ceil(t.n * ${topShare})) / nullif(t.prof, 0) AS FLOAT8) AS top_profit_share,
  CAST(2 * (SELECT sum(rank_asc * rev) FROM s) / nullif(t.n * t.rev, 0) - CAST(t.n + 1 AS FLOAT8) / nullif(t.n, 0) AS FLOAT8) AS gini,
  CAST((SELECT sum(power(rev / nullif(t.rev, 0), 2)) FROM s) * 10000 AS FLOAT8) AS hhi,
  (SELECT ${recordListAgg(dialect, { class: 'abc_class', customers: 'k', revenueShare: 'r' }, 'abc_class')}
     FROM (SELECT abc_class, count(*) AS k, CAST(sum(rev) / nullif(t.rev, 0) AS FLOAT8) AS r FROM s GROUP BY abc_class) AS classes) AS abc
FROM t`;
}

export async function pareto(db: Queryable, snapshotId: number, topShare = 0.2): Promise<ParetoSummary> {
  const [r] = await db.query<Record<string, unknown>>(paretoSql(db.dialect, snapshotId, topShare));
  const n = Number(r?.customers ?? 0);
  const num = (v: unknown) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null : Number(v));
  return {
    customers: n,
    topShare,
    topCustomers: Number(r?.top_customers ?? 0),
    topRevenueShare: num(r?.top_revenue_share),
    topProfitShare: num(r?.top_profit_share),
    gini: n === 0 ? null : num(r?.gini),
    hhi: n === 0 ? null : num(r?.hhi),
    abc: (readRecordList<{ class: string; customers: number; revenueShare: number | null }>(r?.abc) ?? []).map((a) => ({ ...a, customers: Number(a.customers) })),
  };
}
