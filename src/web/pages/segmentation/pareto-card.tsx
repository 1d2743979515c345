/** Pareto: what the top 20% of customers bring, concentration (Gini), and the ABC classes, each class listing its customers. */
import { Col, Row, Statistic, Table, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts';
import { href, navigate } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { EChart } from '../../charts/echart.js';
import type { ParetoSummary } from './segments-data.js';

const m = {
  'zh-CN': {
    topRevenue: '前 {share} 客户的销售额占比', topProfit: '前 {share} 客户的利润占比', gini: '基尼系数', topCustomers: '前 {share} 即 {n} 位客户（共 {total} 位）。基尼系数越接近 1，销售额越集中。',
    class: 'ABC 分类', customers: '客户数', customerShare: '客户占比', revenueShare: '销售额占比', classLabel: '{c} 类', abcNote: '按销售额从高到低排列客户：A 类贡献最主要的销售额，C 类贡献最少。点击查看客户。',
  },
  en: {
    topRevenue: 'Revenue from the top {share}', topProfit: 'Profit from the top {share}', gini: 'Gini coefficient', topCustomers: 'The top {share} are {n} of {total} customers. The closer the Gini coefficient is to 1, the more concentrated revenue is.',
    class: 'ABC class', customers: 'Customers', customerShare: 'Share of customers', revenueShare: 'Revenue share', classLabel: 'Class {c}', abcNote: 'Customers ranked by revenue: class A brings most of it, class C the least. Click to list the customers.',
  },
} as const;

type AbcRow = ParetoSummary['abc'][number];

export function ParetoCard({ pareto, drill }: { pareto: ParetoSummary; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const share = formatPercent(pareto.topShare, lang, 0);
  const customerShare = (r: AbcRow) => (pareto.customers > 0 ? r.customers / pareto.customers : null);
  return (
    <div data-testid="pareto">
      <Row gutter={16}>
        <Col span={8}><Statistic title={t('topRevenue', { share })} value={formatPercent(pareto.topRevenueShare, lang)} data-testid="pareto-top-revenue" /></Col>
        <Col span={8}><Statistic title={t('topProfit', { share })} value={formatPercent(pareto.topProfitShare, lang)} /></Col>
        <Col span={8}><Statistic title={t('gini')} value={formatNumber(pareto.gini, lang, 2)} /></Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0' }}>
        {t('topCustomers', { share, n: formatNumber(pareto.topCustomers, lang), total: formatNumber(pareto.customers, lang) })}
      </Typography.Paragraph>
      <EChart
        testId="abc-chart"
        height={180}
        option={abcOption(pareto.abc.map((r) => ({ name: t('classLabel', { c: r.class }), code: r.class, customers: customerShare(r) ?? 0, revenue: r.revenueShare ?? 0 })), t('customerShare'), t('revenueShare'))}
        onClick={(e) => navigate('/customers', { ...drill, abc: (e.data as { code: string }).code })}
      />
      <Table<AbcRow>
        size="small"
        rowKey="class"
        pagination={false}
        dataSource={[...pareto.abc]}
        data-testid="abc-table"
        columns={[
          { title: t('class'), key: 'class', render: (_, r) => <a href={href('/customers', { ...drill, abc: r.class })}>{t('classLabel', { c: r.class })}</a> },
          { title: t('customers'), key: 'customers', align: 'right', render: (_, r) => formatNumber(r.customers, lang) },
          { title: t('customerShare'), key: 'customerShare', align: 'right', render: (_, r) => formatPercent(customerShare(r), lang) },
          { title: t('revenueShare'), key: 'revenueShare', align: 'right', render: (_, r) => formatPercent(r.revenueShare, lang) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>{t('abcNote')}</Typography.Paragraph>
    </div>
  );
}

function abcOption(rows: { name: string; code: string; customers: number; revenue: number }[], customersName: string, revenueName: string): EChartsCoreOption {
  const pct = (v: number) => Math.round(v * 1000) / 10;
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${String(v)}%` },
    legend: { top: 0 },
    grid: { left: 60, right: 30, top: 28, bottom: 20 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name) },
    series: [
      { name: customersName, type: 'bar', data: rows.map((r) => ({ value: pct(r.customers), code: r.code })), itemStyle: { color: '#91caff' } },
      { name: revenueName, type: 'bar', data: rows.map((r) => ({ value: pct(r.revenue), code: r.code })), itemStyle: { color: '#1f6feb' } },
    ],
  };
}
