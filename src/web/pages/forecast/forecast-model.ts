/**
 * Reading a forecast: what an ETS(error, trend, season) name means, and
 * whether the model beat the seasonal-naive baseline in the backtest (lower
 * MAPE; sMAPE when MAPE is undefined because some actual month was zero).
 */
import type { Backtest, SeriesForecast } from './forecast-data.js';

export type EtsError = 'A' | 'M';
export type EtsTrend = 'N' | 'A' | 'Ad';
export type EtsSeason = 'N' | 'A' | 'M';

export interface EtsParts {
  readonly error: EtsError;
  readonly trend: EtsTrend;
  readonly season: EtsSeason;
}

export function etsParts(name: string): EtsParts | null {
  const match = /^ETS\((A|M),(N|Ad|A),(N|A|M)\)$/.exec(name);
  if (!match) return null;
  return { error: match[1] as EtsError, trend: match[2] as EtsTrend, season: match[3] as EtsSeason };
}

export type Verdict = 'better' | 'worse' | 'same' | 'unknown';

export interface BacktestRow {
  readonly group: string;
  readonly model: string;
  readonly backtest: Backtest;
  /** The measure the verdict compares. */
  readonly measure: 'mape' | 'smape' | null;
  /** The model's error relative to the baseline's: −0.2 is 20% lower. */
  readonly change: number | null;
  readonly verdict: Verdict;
}

export function verdictOf(b: Backtest): Pick<BacktestRow, 'measure' | 'change' | 'verdict'> {
  const measure = b.model.mape !== null && b.seasonalNaive.mape !== null ? 'mape' : b.model.smape !== null && b.seasonalNaive.smape !== null ? 'smape' : null;
  if (measure === null || b.model.forecasts === 0) return { measure: null, change: null, verdict: 'unknown' };
  const model = b.model[measure]!;
  const naive = b.seasonalNaive[measure]!;
  const change = naive > 0 ? (model - naive) / naive : null;
  const verdict = Math.abs(model - naive) < 1e-9 ? 'same' : model < naive ? 'better' : 'worse';
  return { measure, change, verdict };
}

export function backtestRows(series: readonly SeriesForecast[]): BacktestRow[] {
  return series.flatMap((s) => (s.status === 'ok' ? [{ group: s.group, model: s.model, backtest: s.backtest, ...verdictOf(s.backtest) }] : []));
}

/** The whole-business series is named '*' by the API. */
export const totalGroup = '*';
