/**
 * NPS (left axis, −100…100) and CSAT (right axis, %) by month. A dot's size
 * follows its number of answers: a month with two stray answers at −100
 * should not look as solid as a survey wave of three hundred.
 */
import type { EChartsCoreOption } from 'echarts';

export interface TrendPoint {
  readonly month: string;
  readonly nps: number | null;
  readonly npsResponses: number;
  readonly csat: number | null;
  readonly surveyResponses: number;
}

export interface TrendLabels {
  readonly nps: string;
  readonly csat: string;
  readonly responses: string;
}

/** Dot size from the number of answers: 4 px for a handful, up to 18 px for the largest month. */
export function dotSize(responses: number, largest: number): number {
  if (responses <= 0 || largest <= 0) return 0;
  return Math.round(4 + 14 * Math.sqrt(responses / largest));
}

export function npsTrendOption(points: readonly TrendPoint[], labels: TrendLabels): EChartsCoreOption {
  const maxNps = Math.max(0, ...points.map((p) => p.npsResponses));
  const maxSurvey = Math.max(0, ...points.map((p) => p.surveyResponses));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; name: string; value: number | null; data: { n: number } }) =>
        `${p.name} · ${p.seriesName}: ${p.value === null ? '–' : p.value.toFixed(1)}${p.seriesName === labels.csat ? '%' : ''}<br/>${labels.responses}: ${p.data.n}`,
    },
    legend: { top: 0, data: [labels.nps, labels.csat] },
    grid: { left: 48, right: 56, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: [
      { type: 'value', name: labels.nps, min: -100, max: 100 },
      { type: 'value', name: labels.csat, min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.nps,
        type: 'line',
        connectNulls: true,
        data: points.map((p) => ({ value: p.nps === null ? null : Math.round(p.nps * 10) / 10, n: p.npsResponses, symbolSize: dotSize(p.npsResponses, maxNps) })),
      },
      {
        name: labels.csat,
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        data: points.map((p) => ({ value: p.csat === null ? null : Math.round(p.csat * 1000) / 10, n: p.surveyResponses, symbolSize: dotSize(p.surveyResponses, maxSurvey) })),
      },
    ],
  };
}

/** Every month from `from` to `to` (YYYY-MM-DD), so gaps without answers show as gaps on a regular axis. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
