/** Shares of a whole (lost reasons, churn reasons) as a ring, largest first, each slice naming its share. */
import type { EChartsCoreOption } from 'echarts';

export interface Slice {
  readonly name: string;
  readonly value: number;
  /** The slice's label (name and share in the user's format); the name alone when absent. */
  readonly label?: string;
}

export function sharePieOption(slices: readonly Slice[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: (p: { data: { label: string } }) => p.data.label.replace('\n', ' ') },
    series: [
      {
        type: 'pie',
        radius: ['32%', '55%'],
        avoidLabelOverlap: true,
        data: slices.map((s) => ({ name: s.name, value: s.value, label: s.label ?? s.name })),
        label: { formatter: (p: { data: { label: string } }) => p.data.label, fontSize: 12 },
        labelLayout: { hideOverlap: false },
      },
    ],
  };
}
