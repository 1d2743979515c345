/**
 * The importance-performance (IPA) matrix: each survey item at (mean score,
 * mean importance), the quadrant lines at the means, and the four quadrants
 * shaded and named so the matrix reads without a legend.
 */
import type { EChartsCoreOption } from 'echarts';
import type { IpaQuadrant as Quadrant } from '../../analytics/satisfaction/ipa.js';

export type { Quadrant };

export interface IpaPoint {
  readonly item: string;
  readonly score: number;
  readonly importance: number;
  readonly quadrant: Quadrant;
}

export interface IpaLabels {
  readonly score: string;
  readonly importance: string;
  readonly quadrant: Readonly<Record<Quadrant, string>>;
}

export const quadrantColor: Readonly<Record<Quadrant, string>> = {
  concentrate_here: '#cf1322',
  keep_up_the_good_work: '#389e0d',
  low_priority: '#8c8c8c',
  possible_overkill: '#d48806',
};

/** Axis bounds on half points around the items and the cut, so every point and both lines sit inside. */
export function ipaBounds(values: readonly number[]): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return { min: Math.floor((lo - 0.25) * 2) / 2, max: Math.ceil((hi + 0.25) * 2) / 2 };
}

export function ipaOption(points: readonly IpaPoint[], cut: { readonly score: number; readonly importance: number }, labels: IpaLabels): EChartsCoreOption {
  const x = ipaBounds([...points.map((p) => p.score), cut.score]);
  const y = ipaBounds([...points.map((p) => p.importance), cut.importance]);
  const area = (q: Quadrant, x0: number, x1: number, y0: number, y1: number, position: string) => [
    { xAxis: x0, yAxis: y0, name: labels.quadrant[q], itemStyle: { color: quadrantColor[q], opacity: 0.06 }, label: { position, color: quadrantColor[q], fontWeight: 'bold' } },
    { xAxis: x1, yAxis: y1 },
  ];
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: [number, number] }) => `${p.name}<br/>${labels.score}: ${p.value[0].toFixed(2)}<br/>${labels.importance}: ${p.value[1].toFixed(2)}`,
    },
    grid: { left: 56, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'value', name: labels.score, nameLocation: 'middle', nameGap: 28, min: x.min, max: x.max, splitLine: { show: false } },
    yAxis: { type: 'value', name: labels.importance, nameLocation: 'middle', nameGap: 36, min: y.min, max: y.max, splitLine: { show: false } },
    series: [
      {
        type: 'scatter',
        symbolSize: 14,
        data: points.map((p) => ({ name: p.item, value: [p.score, p.importance], itemStyle: { color: quadrantColor[p.quadrant] } })),
        label: { show: true, position: 'right', formatter: '{b}', color: '#262626' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#595959' },
          label: { show: false },
          data: [{ xAxis: cut.score }, { yAxis: cut.importance }],
        },
        markArea: {
          silent: true,
          data: [
            area('concentrate_here', x.min, cut.score, cut.importance, y.max, 'insideTopLeft'),
            area('keep_up_the_good_work', cut.score, x.max, cut.importance, y.max, 'insideTopRight'),
            area('low_priority', x.min, cut.score, y.min, cut.importance, 'insideBottomLeft'),
            area('possible_overkill', cut.score, x.max, y.min, cut.importance, 'insideBottomRight'),
          ],
        },
      },
    ],
  };
}
