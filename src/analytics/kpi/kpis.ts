/**
 * KPIs of the analysis period with their period-over-period changes:
 * 环比 against the period just before (previousPeriod), 同比 against the same
 * period a year earlier.
 */
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { previousPeriod, yearEarlier } from '../analysis-period.js';
import { cacSql, customerHistorySql, kpiSql, renewalSql, type PeriodRange } from './kpi-sql.js';
import { stageMetrics, type StageMetrics } from './stage-metrics.js';

export interface KpiValues {
  readonly revenue: number;
  readonly grossSales: number;
  readonly returnedAmount: number;
  readonly profit: number;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly averageOrderValue: number | null;
  readonly repeatPurchaseRate: number | null;
  readonly retentionRate: number | null;
  readonly churnRate: number | null;
  readonly renewalRate: number | null;
  readonly refundRate: number | null;
  readonly refundAmountRate: number | null;
  readonly historicalClv: number | null;
  readonly nps: number | null;
  readonly csat: number | null;
  readonly csatMean: number | null;
}

export type KpiName = keyof KpiValues;

type KpiRow = Record<string, number | null>;

/** The columns of a multi-period row that end in _i, without the suffix. */
function periodColumns(row: KpiRow | undefined, i: number): KpiRow {
  const suffix = `_${i}`;
  const out: KpiRow = {};
  for (const [k, v] of Object.entries(row ?? {})) if (k.endsWith(suffix)) out[k.slice(0, -suffix.length)] = v;
  return out;
}

function kpiValues(r: KpiRow): KpiValues {
  const n = (k: string) => Number(r[k] ?? 0);
  const retention = ratio(n('retained'), n('active_at_start'));
  return {
    revenue: n('revenue'),
    grossSales: n('gross_sales'),
    returnedAmount: n('returned_amount'),
    profit: n('profit'),
    orders: n('orders'),
    customers: n('customers'),
    newCustomers: n('new_customers'),
    averageOrderValue: ratio(n('revenue'), n('orders')),
    repeatPurchaseRate: ratio(n('repeat_customers'), n('customers')),
    retentionRate: retention,
    churnRate: retention === null ? null : 1 - retention,
    renewalRate: ratio(n('renewed'), n('renewable')),
    refundRate: ratio(n('return_orders'), n('all_orders')),
    refundAmountRate: ratio(n('returned_amount'), n('gross_sales')),
    historicalClv: n('customers_to_date') === 0 ? null : n('historical_clv'),
    nps: n('nps_responses') === 0 ? null : (100 * (n('promoters') - n('detractors'))) / n('nps_responses'),
    csat: ratio(n('satisfied'), n('survey_responses')),
    csatMean: r.csat_mean === null || r.csat_mean === undefined ? null : Number(r.csat_mean),
  };
}

/** The KPIs of several periods; customer histories and renewals are read once for all of them, and each distinct period once. */
export async function kpisOf(ctx: AnalysisContext, periods: readonly PeriodRange[]): Promise<KpiValues[]> {
  // A year's 环比 and 同比 are the same dates.
  const key = (p: PeriodRange) => `${p.from}/${p.to}`;
  const distinct = [...new Map(periods.map((p) => [key(p), p])).values()];
  const own: KpiRow[] = [];
  for (const p of distinct) own.push((await ctx.db.query<KpiRow>(kpiSql(ctx, p)))[0] ?? {});
  const [history] = await ctx.db.query<KpiRow>(customerHistorySql(ctx, distinct));
  const [renewal] = await ctx.db.query<KpiRow>(renewalSql(ctx, distinct));
  const values = distinct.map((_, i) => kpiValues({ ...own[i], ...periodColumns(history, i), ...periodColumns(renewal, i) }));
  return periods.map((p) => values[distinct.findIndex((d) => key(d) === key(p))]!);
}

export async function kpisFor(ctx: AnalysisContext, p: PeriodRange): Promise<KpiValues> {
  return (await kpisOf(ctx, [p]))[0]!;
}

export type KpiDeltas = { readonly [K in KpiName]: number | null };

/** Relative change (cur − prev) / |prev|; rates change in points (cur − prev). */
export function deltas(cur: KpiValues, prev: KpiValues): KpiDeltas {
  const points = new Set<KpiName>(['repeatPurchaseRate', 'retentionRate', 'churnRate', 'renewalRate', 'refundRate', 'refundAmountRate', 'csat', 'nps']);
  const out = {} as Record<KpiName, number | null>;
  for (const key of Object.keys(cur) as KpiName[]) {
    const a = cur[key];
    const b = prev[key];
    if (a === null || b === null) out[key] = null;
    else if (points.has(key)) out[key] = a - b;
    else out[key] = b === 0 ? null : (a - b) / Math.abs(b);
  }
  return out;
}

export interface KpiReport {
  readonly period: PeriodRange;
  /** The dates 环比 and 同比 compare with (for a year, the same). */
  readonly comparedWith: { readonly previous: PeriodRange; readonly yearEarlier: PeriodRange };
  readonly current: KpiValues;
  readonly previous: KpiValues;
  readonly yearEarlier: KpiValues;
  /** 环比 */
  readonly periodOverPeriod: KpiDeltas;
  /** 同比 */
  readonly yearOverYear: KpiDeltas;
  readonly cacByChannel: readonly { readonly channel: string; readonly cost: number; readonly customers: number; readonly cac: number | null }[];
  /** 售前 / 售中 / 售后 */
  readonly stages: StageMetrics;
}

export async function kpiReport(ctx: AnalysisContext): Promise<KpiReport> {
  const p = ctx.period;
  const before = previousPeriod(p);
  const yearBefore = yearEarlier(p);
  const [current, previous, earlier] = (await kpisOf(ctx, [p, before, yearBefore])) as [KpiValues, KpiValues, KpiValues];
  const cac = await ctx.db.query<{ channel: string; cost: number; customers: number }>(cacSql(ctx, p));
  return {
    period: { from: p.from, to: p.to },
    comparedWith: { previous: { from: before.from, to: before.to }, yearEarlier: { from: yearBefore.from, to: yearBefore.to } },
    current,
    previous,
    yearEarlier: earlier,
    periodOverPeriod: deltas(current, previous),
    yearOverYear: deltas(current, earlier),
    cacByChannel: cac.map((c) => ({ ...c, cost: Number(c.cost), customers: Number(c.customers), cac: ratio(Number(c.cost), Number(c.customers)) })),
    stages: await stageMetrics(ctx, p),
  };
}
