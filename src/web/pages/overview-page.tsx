/** The overview dashboard: KPIs with 同比/环比, revenue trend with forecast band, tiers, funnel, churn risk; every chart drills into the customers behind it. */
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import { href, navigate, type Route } from '../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../app/i18n.js';
import { formatDate, formatPercent, useMoney } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { EChart } from '../charts/echart.js';
import { forecastOption, type ForecastPoint } from '../charts/forecast-option.js';
import { signalName, type SignalLike } from '../../i18n/signal-evidence.js';
import { KpiCards, type KpiValues } from './overview/kpi-cards.js';

interface Range {
  from: string;
  to: string;
}

interface Overview {
  period: { asOf: string; from: string; to: string };
  scope: string | null;
  kpis: { current: KpiValues; yearOverYear: KpiValues; periodOverPeriod: KpiValues; comparedWith: { previous: Range; yearEarlier: Range } | null };
  tiers: { tier: string; customers: number; revenueShare: number }[];
  pareto: { topRevenueShare: number };
  funnel: { stages: { stage: string; reached: number }[]; winRate: number | null; bottleneck: { from: string; to: string; conversion: number } | null };
  atRisk: { customerId: string; name: string | null; tier: string; riskScore: number; signals: SignalLike[] }[];
  churnBands: Record<'low' | 'medium' | 'high' | 'critical', number>;
}

interface Forecast {
  series: { status: string; history: ForecastPoint[]; forecast?: ForecastPoint[]; model?: string }[];
}

const m = {
  'zh-CN': {
    period: '{from} 至 {to}', trend: '月度销售额与预测', tiers: '客户分层', funnel: '销售漏斗', risk: '流失风险', atRisk: '高风险客户',
    actual: '实际', forecast: '预测', band80: '80% 区间', band95: '95% 区间', winRate: '赢单率 {rate}', bottleneck: '瓶颈：{from} → {to}（{rate}）',
    customer: '客户', tier: '分层', score: '风险分', signals: '信号', low: '低', medium: '中', high: '高', critical: '极高', top20: '前 20% 客户贡献 {share} 销售额',
    unitNote: '单位：{unit}', comparedBoth: '同比、环比对比 {range}', compared: '同比对比 {yoy}，环比对比 {pop}',
  },
  en: {
    period: '{from} to {to}', trend: 'Monthly revenue and forecast', tiers: 'Customer tiers', funnel: 'Sales funnel', risk: 'Churn risk', atRisk: 'Customers at risk',
    actual: 'Actual', forecast: 'Forecast', band80: '80% interval', band95: '95% interval', winRate: 'Win rate {rate}', bottleneck: 'Bottleneck: {from} → {to} ({rate})',
    customer: 'Customer', tier: 'Tier', score: 'Risk', signals: 'Signals', low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical', top20: 'Top 20% of customers bring {share} of revenue',
    unitNote: 'Unit: {unit}', comparedBoth: 'YoY and PoP against {range}', compared: 'YoY against {yoy}, PoP against {pop}',
  },
} as const;

const bandFloor = { low: 0, medium: 25, high: 50, critical: 75 } as const;
const unitDivisor = { yuan: 1, wan: 1e4, yi: 1e8 } as const;

export function OverviewPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const overview = useApi<Overview>('/api/overview', { ...analysisQuery(filters), tier: filters.tier });
  return (
    <div data-testid="overview-page">
      <FilterBar route={route} />
      <Loading state={overview}>{(d) => <OverviewBody d={d} scopeQuery={filters} />}</Loading>
    </div>
  );
}

/** Which dates 同比 and 环比 compare with: the cards' changes mean little without them. */
function ComparedWith({ c }: { c: { previous: Range; yearEarlier: Range } }) {
  const t = useT(m);
  const { lang } = useLang();
  const range = (r: Range) => t('period', { from: formatDate(r.from, lang), to: formatDate(r.to, lang) });
  const same = c.previous.from === c.yearEarlier.from && c.previous.to === c.yearEarlier.to;
  return (
    <span data-testid="overview-compared">
      {' · '}
      {same ? t('comparedBoth', { range: range(c.previous) }) : t('compared', { yoy: range(c.yearEarlier), pop: range(c.previous) })}
    </span>
  );
}

function OverviewBody({ d, scopeQuery }: { d: Overview; scopeQuery: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  const drill = { region: scopeQuery.region, industry: scopeQuery.industry, rep: scopeQuery.rep };
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="overview-period">
        {t('period', { from: formatDate(d.period.from, lang), to: formatDate(d.period.to, lang) })} · {t('top20', { share: formatPercent(d.pareto.topRevenueShare, lang) })}
        {d.kpis.comparedWith && <ComparedWith c={d.kpis.comparedWith} />}
      </Typography.Paragraph>
      <KpiCards current={d.kpis.current} yoy={d.kpis.yearOverYear} pop={d.kpis.periodOverPeriod} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={16}>
          <TrendCard />
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('tiers')} size="small">
            <EChart
              testId="tier-chart"
              option={tierOption(d.tiers.map((x) => ({ name: tierLabel(x.tier), value: x.customers, code: x.tier })))}
              onClick={(e) => navigate('/customers', { ...drill, tier: (e.data as { code: string }).code })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('funnel')} size="small" extra={d.funnel.winRate !== null && t('winRate', { rate: formatPercent(d.funnel.winRate, lang) })}>
            <EChart testId="funnel-chart" option={funnelOption(d.funnel.stages)} onClick={() => navigate('/funnel', drill)} />
            {d.funnel.bottleneck && (
              <Typography.Text type="warning">{t('bottleneck', { from: d.funnel.bottleneck.from, to: d.funnel.bottleneck.to, rate: formatPercent(d.funnel.bottleneck.conversion, lang) })}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('risk')} size="small">
            <EChart
              testId="risk-chart"
              height={200}
              option={bandOption((['low', 'medium', 'high', 'critical'] as const).map((b) => ({ name: t(b), value: d.churnBands[b], band: b })))}
              onClick={(e) => navigate('/customers', { ...drill, sort: 'risk', minRisk: bandFloor[(e.data as { band: keyof typeof bandFloor }).band] })}
            />
            <AtRiskTable rows={d.atRisk} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

function TrendCard() {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const forecast = useApi<Forecast>('/api/forecast', { horizon: 6 });
  const unitName = { yuan: lang === 'zh-CN' ? '元' : '¥', wan: lang === 'zh-CN' ? '万元' : '¥10k', yi: lang === 'zh-CN' ? '亿元' : '¥100M' }[unit];
  return (
    <Card title={t('trend')} size="small" extra={t('unitNote', { unit: unitName })}>
      <Loading state={forecast}>
        {(f) => {
          const s = f.series[0];
          if (!s) return null;
          const scale = (v: number) => Math.round((v / unitDivisor[unit]) * 100) / 100;
          return <EChart testId="trend-chart" option={forecastOption(s.history.slice(-24), s.forecast ?? [], { actual: t('actual'), forecast: t('forecast'), band80: t('band80'), band95: t('band95') }, scale)} />;
        }}
      </Loading>
    </Card>
  );
}

function AtRiskTable({ rows }: { rows: Overview['atRisk'] }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  return (
    <>
      <Typography.Title level={5}>{t('atRisk')}</Typography.Title>
      <Table
        size="small"
        rowKey="customerId"
        pagination={false}
        dataSource={rows}
        data-testid="at-risk-table"
        columns={[
          { title: t('customer'), key: 'name', render: (_, r) => <a href={href('/customer', { id: r.customerId })}>{r.name ?? r.customerId}</a> },
          { title: t('tier'), key: 'tier', render: (_, r) => tierLabel(r.tier) },
          { title: t('score'), dataIndex: 'riskScore', align: 'right' },
          { title: t('signals'), key: 'signals', render: (_, r) => r.signals.map((s) => <Tag key={s.code} color={s.level === 'alert' ? 'red' : 'orange'}>{signalName(s.code, lang)}</Tag>) },
        ]}
      />
    </>
  );
}

function tierOption(data: { name: string; value: number; code: string }[]): EChartsCoreOption {
  return { tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' }, series: [{ type: 'pie', radius: ['30%', '50%'], data, label: { formatter: '{b}\n{d}%', overflow: 'none' }, labelLine: { length: 8, length2: 6 } }] };
}

function funnelOption(stages: { stage: string; reached: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c}' },
    series: [{ type: 'funnel', sort: 'none', gap: 2, data: stages.map((s) => ({ name: s.stage, value: s.reached })), label: { formatter: '{b} {c}' } }],
  };
}

function bandOption(data: { name: string; value: number; band: string }[]): EChartsCoreOption {
  const colors = ['#52c41a', '#faad14', '#fa541c', '#cf1322'];
  return {
    tooltip: { trigger: 'item' },
    grid: { left: 40, right: 10, top: 10, bottom: 24 },
    xAxis: { type: 'category', data: data.map((d) => d.name) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: data.map((d, i) => ({ ...d, itemStyle: { color: colors[i] } })), label: { show: true, position: 'top' } }],
  };
}
