/**
 * The funnel per lead source, rep, region or quarter (a selector kept in the
 * URL): each group's conversion at every step and overall, against the whole
 * funnel. Reps and regions link to their customers.
 */
import { Card, Segmented, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { href, navigate } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { barOption } from '../../charts/bar-option.js';
import { EChart } from '../../charts/echart.js';
import { overallConversion, stepConversions } from './funnel-shape.js';
import { funnelDimensions, type FunnelData, type FunnelDimension, type FunnelSlice } from './funnel-types.js';

const m = {
  'zh-CN': {
    title: '分维度漏斗', source: '线索来源', rep: '销售', region: '区域', quarter: '季度', group: '分组', opportunities: '商机数', won: '赢单', lost: '输单',
    winRate: '赢单率', conversion: '总转化率', overall: '整体 {rate}', unknown: '未知', hint: '单元格为进入该阶段的转化率；低于整体的标红。点击销售或区域查看其客户。',
    chart: '各组总转化率（{first} → {last}）',
  },
  en: {
    title: 'Funnel by group', source: 'Lead source', rep: 'Rep', region: 'Region', quarter: 'Quarter', group: 'Group', opportunities: 'Opportunities', won: 'Won', lost: 'Lost',
    winRate: 'Win rate', conversion: 'Overall conversion', overall: 'All {rate}', unknown: 'Unknown', hint: 'Cells show conversion into the stage; red where below the whole funnel. Click a rep or region to see their customers.',
    chart: 'Overall conversion by group ({first} → {last})',
  },
} as const;

export function isDimension(v: string | undefined): v is FunnelDimension {
  return (funnelDimensions as readonly string[]).includes(v ?? '');
}

export function FunnelSlices({ d, dimension, scope, onDimension }: { d: FunnelData; dimension: FunnelDimension; scope: Readonly<Record<string, string | undefined>>; onDimension: (dim: FunnelDimension) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const rows = d.slices[dimension];
  const whole = stepConversions(d.stages.map((s) => s.reached));
  const overall = overallConversion(d.stages);
  const groupName = (g: string) => (g === 'unknown' ? t('unknown') : g);
  // Rows carry a key: the rep's id for reps (the customers list filters by id), the group itself otherwise.
  const drill = (key: string): Record<string, string | undefined> | null => {
    if (key === 'unknown') return null;
    switch (dimension) {
      case 'rep':
        return { ...scope, rep: key };
      case 'region':
        return { ...scope, region: key };
      case 'source':
      case 'quarter':
        return null;
      default:
        return dimension satisfies never;
    }
  };
  const pct = (v: number | null) => formatPercent(v, lang);
  return (
    <Card
      size="small"
      title={t('title')}
      extra={<Segmented value={dimension} options={funnelDimensions.map((k) => ({ value: k, label: t(k) }))} onChange={(v) => onDimension(v as FunnelDimension)} data-testid="slice-switch" />}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('hint')}</Typography.Paragraph>
      <Typography.Text strong>{t('chart', { first: d.stages[0]?.stage ?? '', last: d.stages.at(-1)?.stage ?? '' })}</Typography.Text>
      <EChart
        testId="slice-chart"
        height={Math.max(160, 22 * rows.length + 40)}
        option={barOption(
          rows.map((r) => ({ name: groupName(r.group), key: r.key, value: r.conversion === null ? null : r.conversion * 100, label: pct(r.conversion), color: overall !== null && (r.conversion ?? 0) < overall ? '#fa8c16' : '#1f6feb' })),
          { axisLabel: (v) => `${v}%`, ...(overall !== null ? { reference: { value: overall * 100, label: t('overall', { rate: pct(overall) }) } } : {}) },
        )}
        onClick={(e) => {
          const params = drill((e.data as { key: string }).key);
          if (params) navigate('/customers', params);
        }}
      />
      <Table<FunnelSlice>
        size="small"
        rowKey="group"
        pagination={rows.length > 30 ? { pageSize: 30, size: 'small' } : false}
        dataSource={rows as FunnelSlice[]}
        scroll={{ x: 'max-content' }}
        data-testid="slice-table"
        onRow={(r) => ({ 'data-testid': `slice-row-${r.group}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t(dimension), key: 'group', fixed: 'left', render: (_, r) => {
              const params = drill(r.key);
              return params ? <a href={href('/customers', params)}>{groupName(r.group)}</a> : groupName(r.group);
            } },
          { title: t('opportunities'), key: 'opportunities', align: 'right', render: (_, r) => formatNumber(r.opportunities, lang) },
          ...d.stages.slice(1).map((s, j) => ({
            title: s.stage,
            key: `stage-${j + 1}`,
            align: 'right' as const,
            render: (_: unknown, r: FunnelSlice) => {
              const step = stepConversions(r.reached)[j + 1] ?? null;
              const base = whole[j + 1] ?? null;
              return (
                <span title={formatNumber(r.reached[j + 1], lang)}>
                  {step !== null && base !== null && step < base ? <Typography.Text type="danger">{pct(step)}</Typography.Text> : pct(step)}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}> ({formatNumber(r.reached[j + 1], lang)})</Typography.Text>
                </span>
              );
            },
          })),
          { title: t('won'), key: 'won', align: 'right', render: (_, r) => formatNumber(r.won, lang) },
          { title: t('lost'), key: 'lost', align: 'right', render: (_, r) => formatNumber(r.lost, lang) },
          { title: t('winRate'), key: 'winRate', align: 'right', render: (_, r) => <span data-testid="slice-win-rate">{pct(r.winRate)}</span> },
          { title: t('conversion'), key: 'conversion', align: 'right', render: (_, r) => <span data-testid="slice-conversion">{pct(r.conversion)}</span> },
        ]}
      />
    </Card>
  );
}
