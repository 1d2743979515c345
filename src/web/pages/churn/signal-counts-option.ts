/** How many customers show each churn signal, warnings and alerts stacked, most frequent on top. */
import type { EChartsCoreOption } from 'echarts';

export interface SignalCount {
  readonly code: string;
  readonly name: string;
  readonly warn: number;
  readonly alert: number;
}

/** Most frequent first: the chart's order, so a click's index finds its signal. */
export function sortedSignals(rows: readonly SignalCount[]): SignalCount[] {
  return [...rows].sort((a, b) => b.warn + b.alert - (a.warn + a.alert));
}

export function signalCountsOption(rows: readonly SignalCount[], labels: { warn: string; alert: string }): EChartsCoreOption {
  const sorted = sortedSignals(rows);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 110, right: 30, top: 28, bottom: 20 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.name) },
    series: [
      { name: labels.alert, type: 'bar', stack: 'n', itemStyle: { color: '#cf1322' }, data: sorted.map((r) => r.alert) },
      { name: labels.warn, type: 'bar', stack: 'n', itemStyle: { color: '#faad14' }, data: sorted.map((r) => r.warn) },
    ],
  };
}
