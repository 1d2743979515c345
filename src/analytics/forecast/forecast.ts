/**
 * `salescope forecast`: monthly revenue (overall, or per category or
 * region) by the ETS model with the lowest AICc, with 80% and 95% intervals
 * and a rolling-origin backtest against seasonal naive; beside it the
 * pipeline-weighted and the CLV bottom-up forecasts.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import type { Queryable } from '../../store/engine.js';
import type { AnalysisContext } from '../analysis-context.js';
import { NoDataError, addMonths } from '../analysis-period.js';
import { clvForecast, type ClvForecast } from './clv-forecast.js';
import { forecastEts, specName } from './ets.js';
import { rollingBacktest, selectEts, simulateIntervals, type Backtest } from './ets-select.js';
import { lastOrderSql, monthlyRevenueSql, type ForecastBy } from './forecast-sql.js';
import { pipelineForecast, type PipelineForecast } from './pipeline-forecast.js';

export interface ForecastRequest {
  readonly by: ForecastBy;
  readonly horizon: number;
  /** Use data up to this date only (default: all); a month still in progress on it is left out. */
  readonly asOf?: string;
  /** A relation (customer_id) of the customers to forecast, or all. */
  readonly scope?: string;
}

export interface ForecastPoint {
  readonly month: string;
  readonly revenue: number;
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

export type SeriesForecast =
  | {
      readonly group: string;
      readonly status: 'ok';
      readonly history: readonly { readonly month: string; readonly revenue: number }[];
      readonly model: string;
      readonly params: { readonly alpha: number; readonly beta: number; readonly gamma: number; readonly phi: number };
      readonly aicc: number;
      readonly candidates: readonly { readonly name: string; readonly aicc: number }[];
      readonly forecast: readonly ForecastPoint[];
      readonly backtest: Backtest;
    }
  | { readonly group: string; readonly status: 'too_little_history'; readonly months: number; readonly needed: number };

export interface ForecastDocument {
  readonly lastMonth: string;
  readonly by: ForecastBy;
  readonly horizon: number;
  readonly series: readonly SeriesForecast[];
  readonly pipeline: PipelineForecast;
  readonly clv: ClvForecast | null;
}

/** Fewer months than this and there is no forecast, only a message. */
export const minimumMonths = 6;
const period = 12;
const maxGroups = 20;

export function forecastSeries(group: string, history: { month: string; revenue: number }[], horizon: number, seed: number): SeriesForecast {
  const y = history.map((h) => h.revenue);
  if (y.length < minimumMonths) return { group, status: 'too_little_history', months: y.length, needed: minimumMonths };
  const { best, candidates } = selectEts(y, { period });
  const mean = forecastEts(best, horizon);
  // Revenue that never went below zero will not: the simulated paths' lower
  // quantiles are floored there (a series with net-negative months keeps them).
  const floor = y.every((v) => v >= 0) ? 0 : -Infinity;
  const intervals = simulateIntervals(best, horizon, 2000, seed).map((iv) => ({ ...iv, lower80: Math.max(floor, iv.lower80), lower95: Math.max(floor, iv.lower95) }));
  const next = addMonths(`${history[history.length - 1]!.month}-01`, 1);
  return {
    group,
    status: 'ok',
    history,
    model: specName(best.spec),
    params: best.params,
    aicc: best.aicc,
    candidates,
    forecast: mean.map((revenue, i) => ({ month: addMonths(next, i).slice(0, 7), revenue, ...intervals[i]! })),
    backtest: rollingBacktest(y, { period }, Math.min(12, Math.max(0, y.length - minimumMonths)), Math.min(3, horizon)),
  };
}

async function lastCompleteMonthEnd(db: Queryable, asOf: string | undefined): Promise<string> {
  const [row] = await db.query<{ d: string | null }>(lastOrderSql);
  if (!row?.d) throw new NoDataError('orders');
  const last = asOf !== undefined && asOf < row.d ? asOf : row.d;
  // A month still in progress would read as a collapse: forecast from the last complete one.
  return last === addMonthsEnd(last, 0) ? last : addMonthsEnd(last, -1);
}

function addMonthsEnd(iso: string, months: number): string {
  const first = addMonths(`${iso.slice(0, 7)}-01`, months + 1);
  const d = new Date(`${first}T00:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export async function runForecast(db: Queryable, config: AnalysisConfig, req: ForecastRequest): Promise<ForecastDocument> {
  const end = await lastCompleteMonthEnd(db, req.asOf);
  const rows = await db.query<{ group: string; month: string; revenue: number }>(monthlyRevenueSql(req.by, end, req.scope ?? null));
  const groups = new Map<string, { month: string; revenue: number }[]>();
  for (const r of rows) {
    if (!groups.has(r.group) && groups.size >= maxGroups) continue;
    groups.set(r.group, [...(groups.get(r.group) ?? []), { month: r.month, revenue: r.revenue }]);
  }
  const ctx: AnalysisContext = { db, period: { asOf: end, from: end, to: end }, config, tiers: null, scope: req.scope ?? null };
  return {
    lastMonth: end.slice(0, 7),
    by: req.by,
    horizon: req.horizon,
    series: [...groups].map(([group, history], i) => forecastSeries(group, history, req.horizon, i + 1)),
    pipeline: await pipelineForecast(ctx),
    clv: await clvForecast(db, req.horizon),
  };
}
