/** How many customers show each churn signal, warnings and alerts stacked, most frequent on top. */
import type { EChartsCoreOption } from 'echarts';

export interface SignalCount {
  readonly name: string;
  readonly warn: number;
  readonly alert: number;
}

export function signalCountsOption(rows: readonly SignalCount[], labels: { warn: string; alert: string }): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => b.warn + b.alert - (a.warn + a.alert));
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
