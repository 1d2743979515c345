/**
 * What each tier looks like (table 2 of the report): size, shares of
 * customers, revenue and profit, average R/F/M, and its main industries.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../../store/engine.js';
import type { Dialect, Queryable } from '../../store/engine.js';
import { readRecordList, recordListAgg } from '../../store/sql-dialect.js';

export type TierScheme = 'value_tier' | 'rfm_tier' | 'rfm_segment';

export interface TierTrait {
  readonly tier: string;
  readonly customers: number;
  readonly customerShare: number;
  readonly revenue: number;
  readonly revenueShare: number | null;
  readonly profit: number;
  readonly profitShare: number | null;
  readonly avgRecencyDays: number;
  readonly avgFrequency: number;
  readonly avgMonetary: number;
  readonly mainIndustries: readonly { readonly industry: string; readonly customers: number }[];
}

/**
 * The traits of every tier of each scheme asked for, one row per (scheme,
 * tier): the scores and their customers' industries are read and joined
 * once for all the schemes, instead of once per scheme.
 */
export function tierTraitsSql(dialect: Dialect, snapshotId: number, schemes: readonly TierScheme[]): string {
  const by = schemes.map((scheme) => `SELECT ${lit(scheme)} AS scheme, CAST(${q(scheme)} AS VARCHAR) AS tier, industry, monetary, profit, recency_days, frequency FROM s`);
  return `WITH s AS (SELECT cs.*, c.industry FROM customer_scores cs LEFT JOIN customers c USING (customer_id) WHERE snapshot_id = ${Math.floor(snapshotId)}),
tot AS (SELECT count(*) AS n, sum(greatest(monetary, 0)) AS rev, sum(greatest(profit, 0)) AS prof FROM s),
u AS (${by.join('\n  UNION ALL ')}),
ind AS (
  SELECT scheme, tier, industry, count(*) AS k, row_number() OVER (PARTITION BY scheme, tier ORDER BY count(*) DESC, industry) AS rk
  FROM u WHERE industry IS NOT NULL GROUP BY scheme, tier, industry
)
SELECT scheme, tier, count(*) AS customers, CAST(count(*) AS FLOAT8) / max(tot.n) AS customer_share,
  CAST(sum(monetary) AS FLOAT8) AS revenue, CAST(sum(greatest(monetary, 0)) / nullif(max(tot.rev), 0) AS FLOAT8) AS revenue_share,
  CAST(sum(profit) AS FLOAT8) AS profit, CAST(sum(greatest(profit, 0)) / nullif(max(tot.prof), 0) AS FLOAT8) AS profit_share,
  avg(recency_days) AS avg_recency, avg(frequency) AS avg_frequency, CAST(avg(monetary) AS FLOAT8) AS avg_monetary,
  (SELECT ${recordListAgg(dialect, { industry: 'industry', customers: 'k' }, 'rk')} FROM ind WHERE ind.scheme = u.scheme AND ind.tier = u.tier AND rk <= 3) AS main_industries
FROM u, tot GROUP BY scheme, tier ORDER BY scheme, revenue DESC, tier`;
}

/** Each scheme's tiers, largest revenue first. */
export async function allTierTraits<S extends TierScheme>(db: Queryable, snapshotId: number, schemes: readonly S[]): Promise<Record<S, TierTrait[]>> {
  const rows = await db.query<Record<string, unknown>>(tierTraitsSql(db.dialect, snapshotId, schemes));
  const out = Object.fromEntries(schemes.map((scheme) => [scheme, [] as TierTrait[]])) as Record<S, TierTrait[]>;
  for (const r of rows) out[r.scheme as S].push(traitOf(r));
  return out;
}

function traitOf(r: Record<string, unknown>): TierTrait {
  return {
    tier: String(r.tier),
    customers: Number(r.customers),
    customerShare: Number(r.customer_share),
    revenue: Number(r.revenue),
    revenueShare: r.revenue_share === null ? null : Number(r.revenue_share),
    profit: Number(r.profit),
    profitShare: r.profit_share === null ? null : Number(r.profit_share),
    avgRecencyDays: Number(r.avg_recency),
    avgFrequency: Number(r.avg_frequency),
    avgMonetary: Number(r.avg_monetary),
    mainIndustries: readRecordList<{ industry: string; customers: number }>(r.main_industries) ?? [],
  };
}

export interface Migration {
  readonly from: string;
  readonly to: string;
  readonly customers: number;
}

/**
 * Customers moving between tiers from one snapshot to another. A customer in
 * only one of them moves from or to "none" (new, or gone from the analysis).
 */
export function tierMigrationSql(fromSnapshot: number, toSnapshot: number, scheme: TierScheme): string {
  const col = q(scheme);
  return `SELECT coalesce(a.${col}, 'none') AS "from", coalesce(b.${col}, 'none') AS "to", count(*) AS customers
FROM (SELECT customer_id, ${col} FROM customer_scores WHERE snapshot_id = ${Math.floor(fromSnapshot)}) a
FULL JOIN (SELECT customer_id, ${col} FROM customer_scores WHERE snapshot_id = ${Math.floor(toSnapshot)}) b USING (customer_id)
GROUP BY 1, 2 ORDER BY "from", "to"`;
}

export async function tierMigration(db: Queryable, fromSnapshot: number, toSnapshot: number, scheme: TierScheme): Promise<Migration[]> {
  return db.query<Migration>(tierMigrationSql(fromSnapshot, toSnapshot, scheme));
}
