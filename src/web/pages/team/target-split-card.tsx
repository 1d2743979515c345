/**
 * The period's target split across regions, industries, tiers or reps (a
 * selector kept in the URL), with the method spelled out: history and
 * potential blended, whole 元 by the largest remainder, adding up exactly.
 */
import { Card, Col, Empty, Row, Segmented, Table, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { href } from '../../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { barOption } from '../../charts/bar-option.js';
import { EChart } from '../../charts/echart.js';
import { splitDimensions, type RepPerformance, type SplitDimension, type SplitRow, type TargetSplit } from './team-types.js';

const m = {
  'zh-CN': {
    title: '目标分解', region: '按区域', industry: '按行业', tier: '按分层', rep: '按销售', group: '分组',
    company: '公司目标（按天数折算到本期）', repSum: '各销售个人目标之和（按天数折算到本期）',
    method: '本期总目标 {total}，来源：{source}。每组权重 = (1 − α) × 上期销售额占比 + α × 客户潜力分占比，α = {alpha}；按最大余数法取整到元，各组之和正好等于总目标。客户按其自身的区域、行业、分层和负责销售归组。',
    history: '上期销售额占比', potential: '潜力占比', weight: '权重', suggested: '建议目标', total: '合计', unknown: '未知',
    empty: '本期没有目标：导入目标数据（公司或销售、起止日期、目标金额）后，这里按区域、行业、分层和销售分解本期目标。',
  },
  en: {
    title: 'Target decomposition', region: 'By region', industry: 'By industry', tier: 'By tier', rep: 'By rep', group: 'Group',
    company: 'the company target (prorated to the period by days)', repSum: 'the sum of the reps\' targets (prorated to the period by days)',
    method: 'The period\'s target is {total}, from {source}. Each group\'s weight = (1 − α) × its share of last period\'s revenue + α × its share of the customers\' potential scores, α = {alpha}; rounded to whole yuan by the largest remainder, so the groups add up to the total exactly. Customers count under their own region, industry, tier and owner.',
    history: 'Last period share', potential: 'Potential share', weight: 'Weight', suggested: 'Suggested target', total: 'Total', unknown: 'Unknown',
    empty: 'No target for this period: import targets (company or rep, start and end date, amount) to split the period\'s target by region, industry, tier and rep.',
  },
} as const;

export function isSplitDimension(v: string | undefined): v is SplitDimension {
  return (splitDimensions as readonly string[]).includes(v ?? '');
}

interface Props {
  readonly split: TargetSplit | null;
  readonly dimension: SplitDimension;
  readonly reps: readonly RepPerformance[];
  readonly onDimension: (d: SplitDimension) => void;
}

export function TargetSplitCard({ split, dimension, reps, onDimension }: Props) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const tierLabel = useTierLabel();
  if (split === null) {
    return (
      <Card size="small" title={t('title')}>
        <Empty description={t('empty')} data-testid="target-split-empty" />
      </Card>
    );
  }
  const repName = new Map(reps.map((r) => [r.repId, r.name ?? r.repId]));
  const name = (g: string) => {
    if (g === 'unknown') return t('unknown');
    switch (dimension) {
      case 'tier':
        return tierLabel(g);
      case 'rep':
        return repName.get(g) ?? g;
      case 'region':
      case 'industry':
        return g;
      default:
        return dimension satisfies never;
    }
  };
  const rows = [...split.byDimension[dimension]].sort((a, b) => b.suggested - a.suggested);
  const money = (v: number) => formatMoney(v, unit, lang);
  return (
    <Card
      size="small"
      title={t('title')}
      extra={<Segmented value={dimension} options={splitDimensions.map((k) => ({ value: k, label: t(k) }))} onChange={(v) => onDimension(v as SplitDimension)} data-testid="split-switch" />}
    >
      <Typography.Paragraph type="secondary" data-testid="split-method">
        {t('method', { total: money(split.total), source: split.source === 'company' ? t('company') : t('repSum'), alpha: formatNumber(split.potentialWeight, lang, 2) })}
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <EChart
            testId="split-chart"
            height={Math.max(200, 24 * rows.length + 40)}
            option={barOption(rows.map((r) => ({ name: name(r.group), value: r.suggested, label: money(r.suggested) })), { axisLabel: () => '', labelRoom: 110 })}
          />
        </Col>
        <Col xs={24} xl={14}>
          <Table<SplitRow>
            size="small"
            rowKey="group"
            pagination={false}
            dataSource={rows}
            data-testid="split-table"
            onRow={(r) => ({ 'data-testid': `split-row-${r.group}` }) as HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('group'), key: 'group', render: (_, r) => (r.group === 'unknown' ? name(r.group) : <a href={href('/customers', { [dimension]: r.group })}>{name(r.group)}</a>) },
              { title: t('history'), key: 'history', align: 'right', render: (_, r) => formatPercent(r.historyShare, lang) },
              { title: t('potential'), key: 'potential', align: 'right', render: (_, r) => formatPercent(r.potentialShare, lang) },
              { title: t('weight'), key: 'weight', align: 'right', render: (_, r) => formatPercent(r.weight, lang) },
              { title: t('suggested'), key: 'suggested', align: 'right', render: (_, r) => money(r.suggested) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}><strong>{t('total')}</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{formatPercent(rows.reduce((s, r) => s + (r.historyShare ?? 0), 0), lang)}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{formatPercent(rows.reduce((s, r) => s + (r.potentialShare ?? 0), 0), lang)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{formatPercent(rows.reduce((s, r) => s + r.weight, 0), lang)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><strong data-testid="split-sum">{money(rows.reduce((s, r) => s + r.suggested, 0))}</strong></Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
