/** A revenue series with its forecast and the 80% / 95% bands as stacked areas (lower bound, then the width above it). */
import type { EChartsCoreOption } from 'echarts';

export interface ForecastPoint {
  readonly month: string;
  readonly revenue: number;
  readonly lower80?: number;
  readonly upper80?: number;
  readonly lower95?: number;
  readonly upper95?: number;
}

export interface ForecastLabels {
  readonly actual: string;
  readonly forecast: string;
  readonly band80: string;
  readonly band95: string;
}

export function forecastOption(history: readonly ForecastPoint[], forecast: readonly ForecastPoint[], labels: ForecastLabels, scale: (v: number) => number): EChartsCoreOption {
  const months = [...history.map((p) => p.month), ...forecast.map((p) => p.month)];
  const pad = history.map(() => null);
  const band = (lo: keyof ForecastPoint, hi: keyof ForecastPoint, name: string, color: string) => [
    { name, type: 'line', stack: name, symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color }, data: [...pad, ...forecast.map((p) => scale(Number(p[lo])))] },
    // itemStyle gives the legend the band's colour rather than the palette's next one.
    { name, type: 'line', stack: name, symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color }, itemStyle: { color }, data: [...pad, ...forecast.map((p) => scale(Number(p[hi]) - Number(p[lo])))] },
  ];
  const last = history[history.length - 1];
  return {
    // The bands are drawn as stacked widths; the tooltip says their bounds.
    tooltip: { trigger: 'axis', formatter: (params: unknown) => forecastTooltip(history, forecast, labels, scale, params) },
    legend: { top: 0, data: [labels.actual, labels.forecast, labels.band80, labels.band95] },
    grid: { left: 60, right: 20, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value' },
    series: [
      ...band('lower95', 'upper95', labels.band95, 'rgba(31,111,235,0.10)'),
      ...band('lower80', 'upper80', labels.band80, 'rgba(31,111,235,0.20)'),
      { name: labels.actual, type: 'line', itemStyle: { color: '#1d39c4' }, data: history.map((p) => scale(p.revenue)), symbolSize: 4 },
      {
        name: labels.forecast,
        type: 'line',
        itemStyle: { color: '#fa8c16' },
        lineStyle: { type: 'dashed', color: '#fa8c16' },
        data: [...history.slice(0, -1).map(() => null), last ? scale(last.revenue) : null, ...forecast.map((p) => scale(p.revenue))],
      },
    ],
  };
}

/** One month in words: the actual value, or the forecast with both intervals as lower – upper. Months and labels are ours, never user text. */
export function forecastTooltip(history: readonly ForecastPoint[], forecast: readonly ForecastPoint[], labels: ForecastLabels, scale: (v: number) => number, params: unknown): string {
  const first = (Array.isArray(params) ? params[0] : params) as { dataIndex?: number } | undefined;
  const i = first?.dataIndex ?? 0;
  const n = (v: number | undefined) => (v === undefined ? '—' : scale(v).toLocaleString(undefined, { maximumFractionDigits: 2 }));
  if (i < history.length) return `${history[i]!.month}<br/>${labels.actual}: ${n(history[i]!.revenue)}`;
  const p = forecast[i - history.length];
  if (!p) return '';
  return [p.month, `${labels.forecast}: ${n(p.revenue)}`, `${labels.band80}: ${n(p.lower80)} – ${n(p.upper80)}`, `${labels.band95}: ${n(p.lower95)} – ${n(p.upper95)}`].join('<br/>');
}
