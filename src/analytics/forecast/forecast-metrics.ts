/** The forecasting measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('forecast');

export const forecastMetrics: readonly MetricDefinition[] = [
  m('monthly_series', 'Monthly revenue series', '月度销售额序列', 'net sales per calendar month (guest sales and returns included), overall or per product category or region, from the first sale to the last complete month (a month is complete when the data reaches its last day), empty months as 0', '元', 'At most 20 groups, the largest first.'),
  m('ets_model', 'ETS model (chosen by AICc)', 'ETS 指数平滑模型', 'additive-error exponential smoothing with trend none / additive / damped (φ in 0.8–0.98) and season none / additive / multiplicative (period 12; seasonal models need 24 months, multiplicative a positive series); smoothing parameters and initial states by least squares; AICc = n ln(SSE/n) + 2k + 2k(k+1)/(n−k−1), k = smoothing parameters + initial states + 1; the lowest AICc wins', '—', 'Fewer than 6 months: no forecast, a message. Short noisy histories favour the simpler models: the AICc penalty for 11 seasonal states is large below three years.'),
  m('prediction_interval', 'Prediction intervals (80%, 95%)', '预测区间', 'quantiles (10/90 and 2.5/97.5%) of 2,000 futures simulated through the chosen model with Gaussian errors of variance SSE/(n − k), seeded so the same data gives the same interval', '元', 'a series with no negative month keeps its lower bounds at 0 or above'),
  m('backtest', 'Rolling-origin backtest', '滚动回测', 'for each of the last 12 months as origin (at least one season of data before it), the model chosen and fitted on the data before it forecasts 1–3 months; MAPE = mean |actual − forecast| / |actual| (months with actual 0 left out), sMAPE = mean 2|a − f| / (|a| + |f|); seasonal naive forecasts the same month a year earlier', 'ratio', 'No origins: null.'),
  m('pipeline_forecast', 'Pipeline-weighted forecast', '商机管道预测', 'Σ over open opportunities of expected amount × the win rate of deals that reached its stage (closed deals whose furthest stage is at least that one: won ÷ closed), by expected close month; overdue and undated deals are shown apart', '元', 'A stage no closed deal reached weighs 0.'),
  m('clv_forecast', 'Bottom-up forecast from CLV', '基于客户终身价值的预测', 'for each month after the latest CLV run\'s calibration end, Σ over customers of BG/NBD expected purchases in the month × Gamma-Gamma expected spend', '元', 'No CLV run: none (run salescope clv).'),
];
