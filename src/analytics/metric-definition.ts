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
