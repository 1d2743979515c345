/** The KPI cards: the value and its 同比 / 环比 change (relative for amounts and counts, in points for rates and NPS). */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';

export type KpiValues = Readonly<Record<string, number | null>>;

/** 'average': an amount per order, shown in 万元 at most (0.0003 亿元 says nothing). */
type Kind = 'money' | 'average' | 'count' | 'rate' | 'score';
const cards: readonly { key: string; kind: Kind; lowerIsBetter?: true }[] = [
  { key: 'revenue', kind: 'money' },
  { key: 'profit', kind: 'money' },
  { key: 'orders', kind: 'count' },
  { key: 'customers', kind: 'count' },
  { key: 'newCustomers', kind: 'count' },
  { key: 'averageOrderValue', kind: 'average' },
  { key: 'repeatPurchaseRate', kind: 'rate' },
  { key: 'retentionRate', kind: 'rate' },
  { key: 'churnRate', kind: 'rate', lowerIsBetter: true },
  { key: 'refundRate', kind: 'rate', lowerIsBetter: true },
  { key: 'nps', kind: 'score' },
  { key: 'csat', kind: 'rate' },
];

const m = {
  'zh-CN': {
    revenue: '销售额', profit: '毛利', orders: '订单数', customers: '成交客户', newCustomers: '新客户', averageOrderValue: '客单价',
    repeatPurchaseRate: '复购率', retentionRate: '留存率', churnRate: '流失率', refundRate: '退单率', nps: 'NPS', csat: 'CSAT 满意率',
    yoy: '同比', pop: '环比', points: '个百分点', npsPoints: '分',
  },
  en: {
    revenue: 'Revenue', profit: 'Gross profit', orders: 'Orders', customers: 'Buying customers', newCustomers: 'New customers', averageOrderValue: 'Average order value',
    repeatPurchaseRate: 'Repeat purchase', retentionRate: 'Retention', churnRate: 'Churn', refundRate: 'Refunds', nps: 'NPS', csat: 'CSAT',
    yoy: 'YoY', pop: 'PoP', points: 'pts', npsPoints: 'pts',
  },
} as const;

type Key = keyof (typeof m)['en'];

export function KpiCards({ current, yoy, pop }: { current: KpiValues; yoy: KpiValues; pop: KpiValues }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const value = (kind: Kind, v: number | null | undefined) => {
    switch (kind) {
      case 'money':
        return formatMoney(v, unit, lang);
      case 'average':
        return formatMoney(v, unit === 'yi' ? 'wan' : unit, lang);
      case 'count':
        return formatNumber(v, lang);
      case 'rate':
        return formatPercent(v, lang);
      case 'score':
        return formatNumber(v, lang, 1);
      default:
        return kind satisfies never;
    }
  };
  const delta = (kind: Kind, v: number | null | undefined, lowerIsBetter: boolean) => {
    if (v === null || v === undefined || !Number.isFinite(v)) return <Typography.Text type="secondary">–</Typography.Text>;
    const good = lowerIsBetter ? v < 0 : v > 0;
    const sign = v > 0 ? '+' : '';
    const text =
      kind === 'rate' ? `${sign}${formatNumber(v * 100, lang, 1)} ${t('points')}` : kind === 'score' ? `${sign}${formatNumber(v, lang, 1)} ${t('npsPoints')}` : `${sign}${formatPercent(v, lang)}`;
    return <Typography.Text type={v === 0 ? 'secondary' : good ? 'success' : 'danger'}>{text}</Typography.Text>;
  };
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={6} xxl={4}>
          <Card size="small" data-testid={`kpi-${c.key}`}>
            <Statistic title={t(c.key as Key)} value={value(c.kind, current[c.key])} />
            <div style={{ fontSize: 12 }}>
              {t('yoy')} {delta(c.kind, yoy[c.key], c.lowerIsBetter === true)} · {t('pop')} {delta(c.kind, pop[c.key], c.lowerIsBetter === true)}
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
