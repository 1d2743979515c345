/**
 * Customers and their revenue by one attribute at a time: industry, size,
 * region, age band, gender, demand type (the type that brought most of the
 * customer's revenue in the window).
 */
import type { Dialect, Queryable } from '../../store/engine.js';
import { quoteLiteral as lit } from '../../store/engine.js';
import { wholeYearsBetween } from '../../store/sql-dialect.js';

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

function segmentExpr(dialect: Dialect, dim: SegmentDimension, asOf: string): string {
  switch (dim) {
    case 'industry':
    case 'size':
    case 'region':
    case 'gender':
      return `c.${dim}`;
    case 'age': {
      const age = wholeYearsBetween(dialect, 'c.birth_date', `DATE ${lit(asOf)}`);
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

/**
 * The segments of every dimension asked for in one statement: the scores
 * join the customers (and the demand types) once, and each dimension groups
 * that one relation. Rows carry their dimension, largest revenue first.
 */
export function segmentsSql(dialect: Dialect, snapshotId: number, dims: readonly SegmentDimension[], asOf: string, windowFrom: string): string {
  const demand = dims.includes('demand_type')
    ? `LEFT JOIN (SELECT customer_id, (array_agg(demand_type ORDER BY rev DESC, demand_type))[1] AS demand_type FROM (
           SELECT customer_id, demand_type, sum(amount) AS rev FROM order_lines
           WHERE customer_id IS NOT NULL AND demand_type IS NOT NULL AND order_date BETWEEN DATE ${lit(windowFrom)} AND DATE ${lit(asOf)}
           GROUP BY customer_id, demand_type) AS revs GROUP BY customer_id) d USING (customer_id)`
    : '';
  const col = (dim: SegmentDimension) => `seg_${dim}`;
  const groups = dims.map(
    (dim) => `SELECT ${lit(dim)} AS dimension, ${col(dim)} AS segment, count(*) AS customers, CAST(count(*) AS FLOAT8) / max(t.n) AS customer_share,
  CAST(sum(monetary) AS FLOAT8) AS revenue, CAST(sum(greatest(monetary, 0)) / nullif(max(t.rev), 0) AS FLOAT8) AS revenue_share,
  CAST(avg(monetary) AS FLOAT8) AS avg_monetary
FROM s, t GROUP BY ${col(dim)}`,
  );
  return `WITH s AS (
  SELECT cs.monetary, ${dims.map((dim) => `coalesce(CAST(${segmentExpr(dialect, dim, asOf)} AS VARCHAR), 'unknown') AS ${col(dim)}`).join(', ')}
  FROM customer_scores cs LEFT JOIN customers c USING (customer_id) ${demand}
  WHERE cs.snapshot_id = ${Math.floor(snapshotId)}
), t AS (SELECT count(*) AS n, sum(greatest(monetary, 0)) AS rev FROM s)
SELECT * FROM (${groups.join('\nUNION ALL\n')}) AS g ORDER BY dimension, revenue DESC, segment`;
}

export async function allSegments(db: Queryable, snapshotId: number, dims: readonly SegmentDimension[], asOf: string, windowFrom: string): Promise<Record<SegmentDimension, SegmentRow[]>> {
  const out = Object.fromEntries(segmentDimensions.map((d) => [d, [] as SegmentRow[]])) as Record<SegmentDimension, SegmentRow[]>;
  if (dims.length === 0) return out;
  const rows = await db.query<Record<string, unknown>>(segmentsSql(db.dialect, snapshotId, dims, asOf, windowFrom));
  for (const r of rows) {
    out[r.dimension as SegmentDimension].push({
      segment: String(r.segment),
      customers: Number(r.customers),
      customerShare: Number(r.customer_share),
      revenue: Number(r.revenue),
      revenueShare: r.revenue_share === null ? null : Number(r.revenue_share),
      avgMonetary: Number(r.avg_monetary),
    });
  }
  return out;
}

export async function segments(db: Queryable, snapshotId: number, dim: SegmentDimension, asOf: string, windowFrom: string): Promise<SegmentRow[]> {
  return (await allSegments(db, snapshotId, [dim], asOf, windowFrom))[dim];
}
