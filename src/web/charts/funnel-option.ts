/** The funnel chart: one band per stage in the configured order (never re-sorted), each labelled with its own text. */
import type { EChartsCoreOption } from 'echarts';

export interface FunnelBand {
  readonly name: string;
  readonly value: number;
  /** What the band says (stage, count, conversion), already in the user's language. */
  readonly label: string;
  readonly highlight?: boolean;
}

export function funnelOption(bands: readonly FunnelBand[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        gap: 2,
        // Labels sit beside the bands: the narrow last stages cannot hold their text inside.
        left: '4%',
        top: 16,
        bottom: 16,
        width: '56%',
        minSize: '14%',
        label: { position: 'right', color: '#262626', fontSize: 13 },
        labelLine: { show: true, length: 12 },
        data: bands.map((b) => ({
          name: b.name,
          value: b.value,
          label: { formatter: b.label },
          // The bottleneck's target stage stands out so the eye finds it without reading the call-out.
          ...(b.highlight ? { itemStyle: { color: '#fa541c' } } : {}),
        })),
      },
    ],
  };
}
