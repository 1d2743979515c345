/**
 * A horizontal bar per group (largest on top), with an optional reference
 * line (e.g. the overall rate) and values labelled in the caller's format.
 */
import type { EChartsCoreOption } from 'echarts';

export interface Bar {
  readonly name: string;
  readonly value: number | null;
  /** Passed back on click, to drill into the group. */
  readonly key?: string;
  readonly label?: string;
  readonly color?: string;
}

export interface BarOptions {
  readonly reference?: { readonly value: number; readonly label: string };
  /** Axis ticks in the caller's format (percent, amount unit). */
  readonly axisLabel?: (v: number) => string;
  readonly max?: number;
  /** Room right of the bars for their labels (amounts need more than percentages). */
  readonly labelRoom?: number;
}

export function barOption(bars: readonly Bar[], options: BarOptions = {}): EChartsCoreOption {
  // ECharts draws the first category at the bottom: reverse so the list reads top-down as given.
  const rows = [...bars].reverse();
  return {
    tooltip: { trigger: 'item', formatter: (p: { name: string; data: { label?: string } }) => `${p.name}: ${p.data.label ?? ''}` },
    grid: { left: 8, right: options.labelRoom ?? 64, top: options.reference ? 28 : 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value', ...(options.max !== undefined ? { max: options.max } : {}), ...(options.axisLabel ? { axisLabel: { formatter: options.axisLabel } } : {}) },
    yAxis: { type: 'category', data: rows.map((b) => b.name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((b) => ({ value: b.value, key: b.key, label: b.label, ...(b.color ? { itemStyle: { color: b.color } } : {}) })),
        label: { show: true, position: 'right', formatter: (p: { data: { label?: string } }) => p.data.label ?? '' },
        ...(options.reference
          ? { markLine: { symbol: 'none', lineStyle: { type: 'dashed', color: '#8c8c8c' }, label: { formatter: options.reference.label, position: 'end' }, data: [{ xAxis: options.reference.value }] } }
          : {}),
      },
    ],
  };
}
