/** The open pipeline by expected close month: full amounts and win-rate-weighted amounts side by side; overdue and undated deals last. */
import type { EChartsCoreOption } from 'echarts';
import type { PipelineForecast } from './forecast-data.js';

/** Months first in order, then deals past their date, then deals without one. */
export function pipelineMonths(byMonth: PipelineForecast['byMonth']): PipelineForecast['byMonth'] {
  const rank = (month: string) => (month === 'overdue' ? 1 : month === 'undated' ? 2 : 0);
  return [...byMonth].sort((a, b) => rank(a.month) - rank(b.month) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

export function pipelineOption(
  byMonth: PipelineForecast['byMonth'],
  labels: { amount: string; weighted: string; overdue: string; undated: string },
  scale: (v: number) => number,
): EChartsCoreOption {
  const rows = pipelineMonths(byMonth);
  const name = (month: string) => (month === 'overdue' ? labels.overdue : month === 'undated' ? labels.undated : month);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => name(r.month)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value' },
    series: [
      { name: labels.amount, type: 'bar', itemStyle: { color: '#91caff' }, data: rows.map((r) => scale(r.amount)) },
      { name: labels.weighted, type: 'bar', itemStyle: { color: '#1f6feb' }, data: rows.map((r) => scale(r.weighted)) },
    ],
  };
}
