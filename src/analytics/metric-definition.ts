/**
 * A metric's definition, in one place: docs/metrics.md is generated from
 * these, and the app and the report show the same words.
 */
export type MetricArea =
  | 'kpi'
  | 'cohort'
  | 'rfm'
  | 'tiers'
  | 'value'
  | 'segments'
  | 'behaviour'
  | 'funnel'
  | 'team'
  | 'satisfaction'
  | 'clv'
  | 'churn'
  | 'forecast'
  | 'recommend';

export interface MetricDefinition {
  readonly id: string;
  readonly area: MetricArea;
  readonly name: { readonly en: string; readonly 'zh-CN': string };
  /** How it is computed, in words and symbols. */
  readonly formula: string;
  readonly unit: string;
  /** What happens with no data, ties, returns, zero denominators … */
  readonly edgeCases: string;
}

/** A definition maker for one area: metric('nps', 'Net Promoter Score', '净推荐值', formula, unit, edge cases). */
export function metricsOf(area: MetricArea) {
  return (id: string, en: string, zh: string, formula: string, unit: string, edgeCases: string): MetricDefinition => ({
    id,
    area,
    name: { en, 'zh-CN': zh },
    formula,
    unit,
    edgeCases,
  });
}
