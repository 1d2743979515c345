/** Each stage: how many reached it, conversion from the stage before against history, from the first stage, dwell, and where deals stand. */
import { Table, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import type { StageView } from './funnel-shape.js';

const m = {
  'zh-CN': {
    stage: '阶段', reached: '到达数', conversion: '转化率', historical: '历史', change: '较历史', fromFirst: '累计转化',
    dwell: '停留中位（天）', open: '进行中', lost: '输单', bottleneck: '瓶颈', points: '{sign}{n} 个百分点',
  },
  en: {
    stage: 'Stage', reached: 'Reached', conversion: 'Conversion', historical: 'Historical', change: 'vs history', fromFirst: 'From first',
    dwell: 'Median dwell (days)', open: 'Open here', lost: 'Lost here', bottleneck: 'Bottleneck', points: '{sign}{n} pts',
  },
} as const;

export function StageTable({ stages }: { stages: readonly StageView[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const change = (v: number | null) => {
    if (v === null) return '–';
    const text = t('points', { sign: v > 0 ? '+' : v < 0 ? '−' : '', n: formatNumber(Math.abs(v) * 100, lang, 1) });
    return <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : 'secondary'}>{text}</Typography.Text>;
  };
  return (
    <Table
      size="small"
      rowKey="stage"
      pagination={false}
      dataSource={stages}
      data-testid="stage-table"
      scroll={{ x: 'max-content' }}
      onRow={(s) => ({ 'data-testid': `stage-row-${s.stage}`, style: s.isBottleneck ? { background: '#fff7e6' } : {} }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('stage'), key: 'stage', render: (_, s) => <>{s.stage} {s.isBottleneck && <Tag color="orange">{t('bottleneck')}</Tag>}</> },
        { title: t('reached'), key: 'reached', align: 'right', render: (_, s) => formatNumber(s.reached, lang) },
        { title: t('conversion'), key: 'conversion', align: 'right', render: (_, s) => formatPercent(s.conversion, lang) },
        { title: t('historical'), key: 'historical', align: 'right', render: (_, s) => formatPercent(s.historicalConversion, lang) },
        { title: t('change'), key: 'change', align: 'right', render: (_, s) => change(s.change) },
        { title: t('fromFirst'), key: 'fromFirst', align: 'right', render: (_, s) => formatPercent(s.fromFirst, lang) },
        { title: t('dwell'), key: 'dwell', align: 'right', render: (_, s) => formatNumber(s.medianDwellDays, lang, 1) },
        { title: t('open'), key: 'open', align: 'right', render: (_, s) => formatNumber(s.open, lang) },
        { title: t('lost'), key: 'lost', align: 'right', render: (_, s) => formatNumber(s.lost, lang) },
      ]}
    />
  );
}
