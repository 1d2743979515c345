/**
 * Customers and their revenue by one attribute at a time: industry, size,
 * region, age band, gender, demand type (the type that brought most of the
 * customer's revenue in the window).
 */
import type { Queryable } from '../../store/engine.js';
import { quoteLiteral as lit } from '../../store/engine.js';

export type SegmentDimension = 'industry' | 'size' | 'region' | 'age' | 'gender' | 'demand_type';
export const segmentDimensions: readonly SegmentDimension[] = ['industry', 'size', 'region', 'age', 'gender', 'demand_type'];

export interface SegmentRow {
  readonly segment: string;
  readonly customers: number;
  readonly customerShare: number;
  readonly revenue: number;
  readonly revenueShare: number | null;
  readonly avgMonetary: number;
}

function segmentExpr(dim: SegmentDimension, asOf: string): string {
  switch (dim) {
    case 'industry':
    case 'size':
    case 'region':
    case 'gender':
      return `c.${dim}`;
    case 'age': {
      // date_sub counts whole years elapsed; date_diff would count calendar-year boundaries crossed.
      const age = `date_sub('year', c.birth_date, DATE ${lit(asOf)})`;
      return `CASE WHEN c.birth_date IS NULL THEN NULL WHEN ${age} < 25 THEN '<25' WHEN ${age} < 35 THEN '25-34' WHEN ${age} < 45 THEN '35-44' WHEN ${age} < 55 THEN '45-54' ELSE '55+' END`;
    }
    case 'demand_type':
      return 'd.demand_type';
    default:
      return assertNever(dim);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${String(x)}`);
}

export function segmentSql(snapshotId: number, dim: SegmentDimension, asOf: string, windowFrom: string): string {
  const demand =
    dim === 'demand_type'
      ? `LEFT JOIN (SELECT customer_id, list(demand_type ORDER BY rev DESC, demand_type)[1] AS demand_type FROM (
           SELECT customer_id, demand_type, sum(amount) AS rev FROM order_lines
           WHERE customer_id IS NOT NULL AND demand_type IS NOT NULL AND order_date BETWEEN DATE ${lit(windowFrom)} AND DATE ${lit(asOf)}
           GROUP BY ALL) GROUP BY customer_id) d USING (customer_id)`
      : '';
  return `WITH s AS (
  SELECT coalesce(CAST(${segmentExpr(dim, asOf)} AS VARCHAR), 'unknown') AS segment, cs.monetary
  FROM customer_scores cs LEFT JOIN customers c USING (customer_id) ${demand}
  WHERE cs.snapshot_id = ${Math.floor(snapshotId)}
), t AS (SELECT count(*) AS n, sum(greatest(monetary, 0)) AS rev FROM s)
SELECT segment, count(*) AS customers, count(*) / any_value(t.n) AS customer_share,
  CAST(sum(monetary) AS DOUBLE) AS revenue, CAST(sum(greatest(monetary, 0)) / nullif(any_value(t.rev), 0) AS DOUBLE) AS revenue_share,
  CAST(avg(monetary) AS DOUBLE) AS avg_monetary
FROM s, t GROUP BY segment ORDER BY revenue DESC`;
}

export async function segments(db: Queryable, snapshotId: number, dim: SegmentDimension, asOf: string, windowFrom: string): Promise<SegmentRow[]> {
  const rows = await db.query<Record<string, unknown>>(segmentSql(snapshotId, dim, asOf, windowFrom));
  return rows.map((r) => ({
    segment: String(r.segment),
    customers: Number(r.customers),
    customerShare: Number(r.customer_share),
    revenue: Number(r.revenue),
    revenueShare: r.revenue_share === null ? null : Number(r.revenue_share),
    avgMonetary: Number(r.avg_monetary),
  }));
}
