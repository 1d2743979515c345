/**
 * Every metric salescope computes, in one list: docs/metrics.md, the app's
 * tooltips and the report's glossary all read it, so a definition lives in
 * exactly one place.
 */
import { behaviourMetrics } from './behaviour/behaviour-metrics.js';
import { churnMetrics } from './churn/churn-metrics.js';
import { clvMetrics } from './clv/clv-metrics.js';
import { forecastMetrics } from './forecast/forecast-metrics.js';
import { funnelMetrics } from './funnel/funnel-metrics.js';
import { kpiMetrics } from './kpi/kpi-metrics.js';
import { recommendMetrics } from './recommend/recommend-metrics.js';
import type { MetricArea, MetricDefinition } from './metric-definition.js';
import { rfmMetrics } from './rfm/rfm-metrics.js';
import { satisfactionMetrics } from './satisfaction/satisfaction-metrics.js';
import { teamMetrics } from './team/team-metrics.js';

export const metricCatalogue: readonly MetricDefinition[] = [...kpiMetrics, ...rfmMetrics, ...behaviourMetrics, ...funnelMetrics, ...teamMetrics, ...satisfactionMetrics, ...clvMetrics, ...churnMetrics, ...forecastMetrics, ...recommendMetrics];

export const areaTitles: Readonly<Record<MetricArea, { readonly en: string; readonly 'zh-CN': string }>> = {
  kpi: { en: 'KPIs', 'zh-CN': '关键指标' },
  cohort: { en: 'Cohorts', 'zh-CN': '同期群' },
  rfm: { en: 'RFM', 'zh-CN': 'RFM 模型' },
  tiers: { en: 'Tiers', 'zh-CN': '客户分层' },
  value: { en: 'Value and concentration', 'zh-CN': '客户价值与集中度' },
  segments: { en: 'Segments', 'zh-CN': '客户细分' },
  behaviour: { en: 'Behaviour', 'zh-CN': '购买行为' },
  funnel: { en: 'Sales funnel', 'zh-CN': '销售漏斗' },
  team: { en: 'Team', 'zh-CN': '团队绩效' },
  satisfaction: { en: 'Satisfaction', 'zh-CN': '客户满意度' },
  clv: { en: 'Customer lifetime value', 'zh-CN': '客户终身价值' },
  churn: { en: 'Churn early warning', 'zh-CN': '流失预警' },
  forecast: { en: 'Forecasting', 'zh-CN': '销售预测' },
  recommend: { en: 'Recommendations', 'zh-CN': '产品推荐' },
};

export function metricById(id: string): MetricDefinition | undefined {
  return metricCatalogue.find((m) => m.id === id);
}
