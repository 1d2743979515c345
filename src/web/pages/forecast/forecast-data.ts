/** GET /api/forecast as the forecast page reads it (src/analytics/forecast/forecast.ts). */
import type { ForecastBy } from '../../../analytics/forecast/forecast-sql.js';
import type { ForecastDocument, SeriesForecast } from '../../../analytics/forecast/forecast.js';

export type { ForecastBy } from '../../../analytics/forecast/forecast-sql.js';
export type { ForecastPoint as IntervalPoint, SeriesForecast } from '../../../analytics/forecast/forecast.js';
export type { Accuracy, Backtest } from '../../../analytics/forecast/ets-select.js';
export type { PipelineForecast } from '../../../analytics/forecast/pipeline-forecast.js';
export type { ClvForecast } from '../../../analytics/forecast/clv-forecast.js';

// A value, not a type: the analysis module itself would bring its SQL into the bundle.
export const forecastBys: readonly ForecastBy[] = ['none', 'category', 'region'];

export type OkSeries = Extract<SeriesForecast, { status: 'ok' }>;

export type ForecastData = ForecastDocument;
