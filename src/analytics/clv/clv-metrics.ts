/** The lifetime-value measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('clv');

export const clvMetrics: readonly MetricDefinition[] = [
  m('clv_summary', 'Transaction summary (x, t_x, T, m_x)', '交易汇总', 'per customer whose first purchase is on or before the calibration end: a transaction is a purchase day (several orders on one day are one, returns are not purchases); x = purchase days after the first up to the calibration end; t_x = time from the first purchase to the last of those; T = time from the first purchase to the calibration end; m_x = mean value of those x days; times in the chosen unit (day, week = 7 days, month = 365.25/12 days)', 'count, time units, 元', 'x = 0: t_x = 0 and no m_x. Customers first buying after the calibration end are not in the fit.'),
  m('bgnbd', 'BG/NBD parameters (r, α, a, b)', 'BG/NBD 模型参数', 'maximum of the BG/NBD log-likelihood (Fader, Hardie & Lee 2005) over the summary, by Nelder–Mead on log-parameters from several starting points', '—', 'Fewer than 20 repeat buyers: no fit, with a message.'),
  m('pareto_nbd', 'Pareto/NBD parameters (r, α, s, β)', 'Pareto/NBD 模型参数', 'maximum of the Pareto/NBD log-likelihood (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 form with the Gauss hypergeometric function)', '—', 'As BG/NBD.'),
  m('gamma_gamma', 'Gamma-Gamma parameters (p, q, γ)', 'Gamma-Gamma 消费金额模型参数', 'maximum of the Gamma-Gamma log-likelihood over customers with x > 0 and m_x > 0', '—', 'Customers without a repeat purchase do not enter the fit.'),
  m('p_alive', 'Probability alive', '存活概率', 'BG/NBD: 1 / (1 + a/(b+x−1) × ((α+T)/(α+t_x))^(r+x)) for x > 0, 1 for x = 0; Pareto/NBD: 1 / (1 + s/(r+s+x) × (α+T)^(r+x) (β+T)^s × A0)', 'probability', 'BG/NBD never lets a customer without a repeat purchase die (a model property, reported as is).'),
  m('expected_transactions', 'Expected purchases over the horizon', '预计购买次数', 'BG/NBD conditional expectation E[Y(h) | x, t_x, T] for the horizon h in time units', 'purchase days', '—'),
  m('expected_spend', 'Expected value per purchase', '预计客单价', 'Gamma-Gamma E[Z | x, m_x] = p(γ + x m_x) / (p x + q − 1); the population mean pγ/(q − 1) for x = 0', '元', '—'),
  m('clv', 'Customer lifetime value (discounted)', '客户终身价值（折现）', 'expected spend × Σ_{k=1..h} (E[Y(k)] − E[Y(k−1)]) / (1 + d)^k with d = (1 + yearly rate)^(unit days / 365.25) − 1; a fractional horizon\'s last step is its remainder', '元', 'Revenue, not margin: multiply by the margin for profit CLV. Rate 0: expected purchases × expected spend.'),
  m('clv_holdout', 'Holdout check', '模型验证', 'with a calibration end before the last purchase: actual purchase days after it against the BG/NBD and Pareto/NBD conditional expectations over the holdout length, in total and by calibration frequency 0 … 6, 7+', 'purchase days', 'No later data: no holdout.'),
];
