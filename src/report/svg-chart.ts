/**
 * The one place ECharts runs on the server: an option in, a self-contained
 * SVG string out (no fonts embedded, no scripts, no external references).
 */
import type { ChartOption } from '../charts/chart-options.js';

export type SvgRenderer = (option: ChartOption, width?: number, height?: number) => string;

/** The renderer, with ECharts loaded on first use (only reports draw charts on the server). */
export async function svgRenderer(): Promise<SvgRenderer> {
  const echarts = await import('echarts');
  return (option, width = 640, height = 360) => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption(option);
      return chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  };
}
