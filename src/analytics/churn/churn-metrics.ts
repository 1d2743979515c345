/** The churn-warning measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('churn');

export const churnMetrics: readonly MetricDefinition[] = [
  m('signal_recency', 'Overdue against own cycle', '超出自身采购周期', "days since the last purchase day ÷ the customer's purchase cycle (median days between purchase days up to the as-of date); warn ≥ warnCycles (1.5), alert ≥ alertCycles (2)", 'cycles', 'Fewer than two purchase days: no cycle, no signal.'),
  m('signal_value', 'Falling order value', '订单金额下滑', 'net sales in the last 182 days against the 183 days before them: change = recent ÷ before − 1; warn ≤ −valueDropWarn (−30%), alert ≤ −valueDropAlert (−50%)', 'ratio', 'No sales in the earlier half-year: no signal.'),
  m('signal_competitor', 'Competitor contact', '接触竞争对手', 'interactions in the last recentDays (90) that name a competitor: warn at 1, alert at 2 or more; the competitors are listed', 'interactions', '—'),
  m('signal_quote', 'Quote response rising', '报价响应变慢', 'mean quote response hours in the last recentDays against the 365 days before; warn at ≥ quoteRise (1.5×), alert at ≥ quoteRise²', 'ratio', 'No quotes in either window: no signal.'),
  m('signal_stalled', 'Stalled deals and projects', '商机/项目停滞', 'open deals (created by the as-of date, not closed before it) without a stage change for funnel.stalledDays (60), plus interactions in the last recentDays reporting the project stalled (停滞/暂停/搁置); warn at 1, alert at 2 or more', 'count', '—'),
  m('signal_complaints', 'Complaints', '投诉', 'complaints in the last complaintDays (180): warn at 1, alert at 2 or when one is unresolved at the as-of date', 'complaints', '—'),
  m('signal_csat', 'Low satisfaction', '满意度偏低', 'mean survey score over the last 365 days: warn below csatLow (3), alert below csatLow − 1', 'score', 'No answers: no signal.'),
  m('signal_nps', 'Detractor', 'NPS 贬损者', 'the latest NPS answer in the last 365 days: warn at ≤ 6, alert at ≤ 3', 'score 0–10', 'No answer: no signal.'),
  m('risk_score', 'Churn risk score', '流失风险分', '100 × Σ weight × (alert 1, warn ½) ÷ Σ weights; default weights: recency 35, value 15, competitor 10, quote 10, stalled 10, complaints 8, satisfaction 6, NPS 6; bands: low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical', 'points 0–100', 'No signals: 0. Weights are settings (churn.weights).'),
  m('churn_model', 'Churn model (logistic regression)', '流失预测模型', 'L2-regularised logistic regression (λ = 1, standardised features: log days since, cycles overdue, no-cycle flag, log purchase days, value change, quote ratio, log competitor contacts, log stalled, log complaints, satisfaction gap, detractor flag); label = no purchase in the labelDays (180) after the date; trained on four quarterly dates ending labelDays before the test date; test date = as-of − labelDays', 'probability', 'Too little history (fewer than 50 customers or one outcome only): no model, the score alone.'),
  m('churn_model_quality', 'Model quality', '模型效果', 'on the test date, for the model, the risk score and 1 − BG/NBD P(alive) (fitted on the history up to the test date, weeks): ROC AUC (ties count half), precision among the top 10% of scores; calibration = customers in ten equal groups by predicted probability, mean prediction against the observed churn rate', 'ratio', 'One outcome only: AUC null.'),
];
