/**
 * ECharts options from plain data: pure, so the web app and the report draw
 * the same charts from the same numbers. No animation (the report renders
 * them once, on the server).
 */

export type ChartOption = Record<string, unknown>;

const font = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';
const palette = ['#2f5597', '#c55a11', '#548235', '#7f6000', '#7030a0', '#1f8a8a', '#a61c3c', '#5b5b5b'];

const base = (title: string): ChartOption => ({
  animation: false,
  color: palette,
  textStyle: { fontFamily: font },
  title: { text: title, left: 'center', top: 4, textStyle: { fontSize: 14, fontWeight: 'bold', fontFamily: font } },
});

export function pieChart(title: string, items: readonly { name: string; value: number }[]): ChartOption {
  return {
    ...base(title),
    // No legend: the labels name every slice, and a static SVG cannot page a long legend.
    series: [
      {
        type: 'pie',
        radius: ['30%', '60%'],
        center: ['50%', '50%'],
        label: { formatter: '{b}\n{d}%', fontFamily: font },
        data: items.map((i) => ({ name: i.name, value: i.value })),
      },
    ],
  };
}

export function barChart(
  title: string,
  categories: readonly string[],
  series: readonly { name: string; values: readonly number[] }[],
  options: { readonly horizontal?: boolean; readonly percent?: boolean } = {},
): ChartOption {
  const valueAxis = { type: 'value', axisLabel: options.percent ? { formatter: (v: number) => `${Math.round(v * 100)}%` } : {} };
  const categoryAxis = { type: 'category', data: [...categories], axisLabel: { interval: 0, fontFamily: font } };
  return {
    ...base(title),
    legend: series.length > 1 ? { bottom: 0, textStyle: { fontFamily: font } } : undefined,
    grid: { left: options.horizontal ? 110 : 60, right: 30, top: 40, bottom: series.length > 1 ? 50 : 30 },
    xAxis: options.horizontal ? valueAxis : categoryAxis,
    yAxis: options.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: series.map((s) => ({ type: 'bar', name: s.name, data: [...s.values], label: { show: series.length === 1, position: options.horizontal ? 'right' : 'top', fontSize: 10 } })),
  };
}

export interface TrendPoint {
  readonly month: string;
  readonly value: number;
}

export interface BandPoint extends TrendPoint {
  readonly lower: number;
  readonly upper: number;
}

/** Actual monthly values, then the forecast with its interval as a shaded band. */
export function trendChart(title: string, history: readonly TrendPoint[], forecast: readonly BandPoint[], names: { actual: string; forecast: string; band: string }): ChartOption {
  const months = [...history.map((h) => h.month), ...forecast.map((f) => f.month)];
  const pad = (n: number) => new Array<number | null>(n).fill(null);
  const last = history[history.length - 1];
  // The forecast line starts at the last actual month so the two join.
  const forecastLine = [...pad(Math.max(0, history.length - 1)), last?.value ?? null, ...forecast.map((f) => f.value)];
  return {
    ...base(title),
    legend: { bottom: 0, data: [names.actual, names.forecast, names.band], textStyle: { fontFamily: font } },
    grid: { left: 80, right: 30, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `${Math.round(v / 10_000)}` }, name: '万元' },
    series: [
      { type: 'line', name: names.band, stack: 'band', data: [...pad(history.length), ...forecast.map((f) => f.lower)], lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { opacity: 0 } },
      { type: 'line', name: names.band, stack: 'band', data: [...pad(history.length), ...forecast.map((f) => f.upper - f.lower)], lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: '#c55a11', opacity: 0.18 } },
      { type: 'line', name: names.actual, data: history.map((h) => h.value), symbol: 'circle', symbolSize: 4, lineStyle: { color: palette[0] }, itemStyle: { color: palette[0] } },
      { type: 'line', name: names.forecast, data: forecastLine, symbol: 'none', lineStyle: { type: 'dashed', color: palette[1] }, itemStyle: { color: palette[1] } },
    ],
  };
}

/** Importance (y) against satisfaction (x), with the cut lines at the means. */
export function ipaChart(title: string, items: readonly { name: string; score: number; importance: number }[], cut: { score: number; importance: number }, axes: { score: string; importance: string }): ChartOption {
  return {
    ...base(title),
    grid: { left: 60, right: 40, top: 40, bottom: 50 },
    xAxis: { type: 'value', name: axes.score, nameLocation: 'middle', nameGap: 28, scale: true },
    yAxis: { type: 'value', name: axes.importance, nameLocation: 'middle', nameGap: 40, scale: true },
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data: items.map((i) => ({ name: i.name, value: [i.score, i.importance] })),
        label: { show: true, formatter: '{b}', position: 'right', fontFamily: font },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#888' }, label: { show: false }, data: [{ xAxis: cut.score }, { yAxis: cut.importance }] },
      },
    ],
  };
}
