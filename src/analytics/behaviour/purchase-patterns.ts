/**
 * When customers buy: purchase cycles by tier and industry (from the
 * snapshot's per-customer cycles), and orders by weekday, calendar month and
 * hour of day (hour only when the data has order times).
 */
import type { AnalysisContext } from '../analysis-context.js';
import { customerGroupJoin, customerGroups, periodPurchasesSql, type CustomerGroup } from '../analysis-sql.js';

export interface CycleRow {
  readonly group: string;
  readonly customers: number;
  readonly medianDays: number;
  readonly p25Days: number;
  readonly p75Days: number;
}

export interface TimeRow {
  /** ISO weekday 1 (Monday) … 7, month 1 … 12 or hour 0 … 23. */
  readonly key: number;
  readonly orders: number;
  readonly sales: number;
  readonly orderShare: number;
}

export interface PurchasePatterns {
  readonly cycles: Readonly<Record<CustomerGroup, readonly CycleRow[]>>;
  readonly weekday: readonly TimeRow[];
  readonly month: readonly TimeRow[];
  /** Null when no order line carries a time of day. */
  readonly hour: readonly TimeRow[] | null;
  /** Orders per (weekday, hour) cell, for the heatmap; null without order times. */
  readonly weekdayHour: readonly { readonly weekday: number; readonly hour: number; readonly orders: number }[] | null;
}

export function cycleSql(ctx: AnalysisContext, snapshotId: number, group: CustomerGroup): string {
  const { joins, expr } = customerGroupJoin(ctx, group);
  return `SELECT ${expr} AS "group", count(*) AS customers, percentile_cont(0.5) WITHIN GROUP (ORDER BY x.purchase_cycle_days) AS "medianDays",
  percentile_cont(0.25) WITHIN GROUP (ORDER BY x.purchase_cycle_days) AS "p25Days",
  percentile_cont(0.75) WITHIN GROUP (ORDER BY x.purchase_cycle_days) AS "p75Days"
FROM customer_scores x ${joins}
WHERE x.snapshot_id = ${Math.floor(snapshotId)} AND x.purchase_cycle_days IS NOT NULL
GROUP BY 1 ORDER BY "medianDays", "group"`;
}

type TimeKey = 'weekday' | 'month' | 'hour';

/** The period's orders (by known customers) with their first date and time and their sales, folded once for every pattern. */
export function patternOrdersSql(ctx: AnalysisContext): string {
  return `SELECT order_id, min(order_date) AS d, min(order_time) AS tm, sum(amount) AS sales FROM ${periodPurchasesSql(ctx)} AS p GROUP BY order_id`;
}

export function timePatternSql(orders: string, key: TimeKey): string {
  const expr = key === 'weekday' ? 'extract(isodow FROM d)' : key === 'month' ? 'extract(month FROM d)' : 'extract(hour FROM tm)';
  const where = key === 'hour' ? 'WHERE tm IS NOT NULL' : '';
  return `SELECT CAST(${expr} AS INTEGER) AS key, count(*) AS orders, CAST(sum(sales) AS FLOAT8) AS sales,
  CAST(count(*) AS FLOAT8) / sum(count(*)) OVER () AS "orderShare"
FROM ${orders} ${where} GROUP BY 1 ORDER BY 1`;
}

export function weekdayHourSql(orders: string): string {
  return `SELECT CAST(extract(isodow FROM d) AS INTEGER) AS weekday, CAST(extract(hour FROM tm) AS INTEGER) AS hour, count(*) AS orders
FROM ${orders} WHERE tm IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`;
}

export async function purchasePatterns(ctx: AnalysisContext, snapshotId: number): Promise<PurchasePatterns> {
  const cycles = {} as Record<CustomerGroup, readonly CycleRow[]>;
  for (const g of customerGroups) cycles[g] = await ctx.db.query<CycleRow>(cycleSql(ctx, snapshotId, g));
  const orders = `pattern_orders_${Math.floor(snapshotId)}`;
  await ctx.db.run(`CREATE TEMP TABLE ${orders} AS ${patternOrdersSql(ctx)}`);
  const hour = await ctx.db.query<TimeRow>(timePatternSql(orders, 'hour'));
  const patterns: PurchasePatterns = {
    cycles,
    weekday: await ctx.db.query<TimeRow>(timePatternSql(orders, 'weekday')),
    month: await ctx.db.query<TimeRow>(timePatternSql(orders, 'month')),
    hour: hour.length > 0 ? hour : null,
    weekdayHour: hour.length > 0 ? await ctx.db.query(weekdayHourSql(orders)) : null,
  };
  await ctx.db.run(`DROP TABLE ${orders}`);
  return patterns;
}
