/**
 * The one place ECharts runs on the server: an option in, a self-contained
 * SVG string out (no fonts embedded, no scripts, no external references).
 */
import * as echarts from 'echarts';
import type { ChartOption } from '../charts/chart-options.js';

export function renderSvg(option: ChartOption, width = 640, height = 360): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
