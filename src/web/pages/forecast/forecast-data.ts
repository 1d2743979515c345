/** The shape of GET /api/forecast as the forecast page reads it. */

export type ForecastBy = 'none' | 'category' | 'region';
export const forecastBys: readonly ForecastBy[] = ['none', 'category', 'region'];

export interface IntervalPoint {
  readonly month: string;
  readonly revenue: number;
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

export interface Accuracy {
  readonly mape: number | null;
  readonly smape: number | null;
  readonly forecasts: number;
}

export interface Backtest {
  readonly origins: number;
  readonly horizon: number;
  readonly model: Accuracy;
  readonly seasonalNaive: Accuracy;
}

export type SeriesForecast =
  | {
      readonly group: string;
      readonly status: 'ok';
      readonly history: readonly { readonly month: string; readonly revenue: number }[];
      readonly model: string;
      readonly aicc: number;
      readonly candidates: readonly { readonly name: string; readonly aicc: number }[];
      readonly forecast: readonly IntervalPoint[];
      readonly backtest: Backtest;
    }
  | { readonly group: string; readonly status: 'too_little_history'; readonly months: number; readonly needed: number };

export type OkSeries = Extract<SeriesForecast, { status: 'ok' }>;

export interface PipelineForecast {
  readonly stageWinRates: readonly { readonly stage: string; readonly closed: number; readonly winRate: number | null }[];
  readonly openOpportunities: number;
  readonly openAmount: number;
  readonly weightedAmount: number;
  readonly byMonth: readonly { readonly month: string; readonly opportunities: number; readonly amount: number; readonly weighted: number }[];
}

export interface ClvForecast {
  readonly clvRunId: number;
  readonly calibrationEnd: string;
  readonly byMonth: readonly { readonly month: string; readonly revenue: number }[];
  readonly total: number;
}

export interface ForecastData {
  readonly lastMonth: string;
  readonly by: ForecastBy;
  readonly horizon: number;
  readonly series: readonly SeriesForecast[];
  readonly pipeline: PipelineForecast;
  readonly clv: ClvForecast | null;
}
