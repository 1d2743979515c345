/**
 * How well the churn scores separate who left from who stayed on the
 * holdout: AUC, precision among the top 10% and its lift over the base rate
 * (precision ÷ share of test customers who churned), for the supervised
 * model, the rule-based risk score and BG/NBD P(alive); and the calibration
 * of the model's probabilities.
 */
import type { EChartsCoreOption } from 'echarts';
import type { ChurnModelReport } from './churn-data.js';

export type Scorer = 'model' | 'riskScore' | 'pAlive';

export interface ScorerRow {
  readonly scorer: Scorer;
  readonly auc: number | null;
  readonly precisionAt10: number | null;
  readonly liftAt10: number | null;
}

export function lift(precision: number | null, baseRate: number): number | null {
  return precision === null || !(baseRate > 0) ? null : precision / baseRate;
}

export function scorerRows(r: ChurnModelReport): ScorerRow[] {
  const row = (scorer: Scorer, q: { auc: number | null; precisionAt10: number | null }): ScorerRow => ({ scorer, auc: q.auc, precisionAt10: q.precisionAt10, liftAt10: lift(q.precisionAt10, r.testChurnRate) });
  return [row('model', r.model), row('riskScore', r.riskScore), ...(r.pAlive ? [row('pAlive', r.pAlive)] : [])];
}

/** Predicted against observed churn per group of customers; a perfectly calibrated model lies on the diagonal. */
export function calibrationOption(bins: ChurnModelReport['calibration'], labels: { predicted: string; observed: string; ideal: string }): EChartsCoreOption {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  const top = Math.min(100, Math.ceil(Math.max(10, ...bins.map((b) => pct(Math.max(b.meanPredicted, b.observed)))) / 10) * 10);
  return {
    tooltip: { trigger: 'item', formatter: (p: { data: [number, number] }) => `${labels.predicted} ${p.data[0]}%<br/>${labels.observed} ${p.data[1]}%` },
    legend: { top: 0, data: [labels.observed, labels.ideal] },
    grid: { left: 50, right: 20, top: 30, bottom: 40 },
    xAxis: { type: 'value', name: labels.predicted, nameLocation: 'middle', nameGap: 26, min: 0, max: top, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'value', name: labels.observed, min: 0, max: top, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: labels.observed, type: 'line', symbolSize: 8, data: bins.map((b) => [pct(b.meanPredicted), pct(b.observed)]) },
      { name: labels.ideal, type: 'line', symbol: 'none', silent: true, lineStyle: { type: 'dashed', color: '#bfbfbf' }, data: [[0, 0], [top, top]] },
    ],
  };
}
