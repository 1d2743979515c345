/** An ECharts chart in a div: options in, clicks out (for drilling into the customers behind a mark). */
import * as echarts from 'echarts';
import { useEffect, useRef } from 'react';

export interface ChartClick {
  readonly name: string;
  readonly seriesName?: string;
  readonly value: unknown;
  readonly data: unknown;
  readonly dataIndex: number;
}

interface Props {
  readonly option: echarts.EChartsCoreOption;
  readonly height?: number;
  readonly onClick?: (e: ChartClick) => void;
  readonly testId?: string;
}

export function EChart({ option, height = 300, onClick, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e as unknown as ChartClick));
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={ref} data-testid={testId} style={{ width: '100%', height, cursor: onClick ? 'pointer' : 'default' }} />;
}
