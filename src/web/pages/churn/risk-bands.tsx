/** Customers by churn risk band; a band lists its customers and everyone riskier, riskiest first. */
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { navigate } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { bandFloor, bands, type Band, type ChurnData } from './churn-data.js';

const m = {
  'zh-CN': {
    low: '低风险', medium: '中风险', high: '高风险', critical: '极高风险', range: '风险分 {from} 至 {to} 以下', top: '风险分 {from} 及以上',
    share: '占 {share}', drill: '点击查看风险分 ≥ {from} 的客户',
  },
  en: {
    low: 'Low risk', medium: 'Medium risk', high: 'High risk', critical: 'Critical risk', range: 'risk score {from} to under {to}', top: 'risk score {from} and above',
    share: '{share} of customers', drill: 'Click to list customers with risk ≥ {from}',
  },
} as const;

const colour: Record<Band, string> = { low: '#52c41a', medium: '#faad14', high: '#fa541c', critical: '#cf1322' };

export function RiskBands({ churn, drill }: { churn: ChurnData; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const upper = (b: Band) => {
    const next = bands[bands.indexOf(b) + 1];
    return next === undefined ? null : bandFloor[next];
  };
  return (
    <Row gutter={[16, 16]} data-testid="risk-bands">
      {bands.map((b) => {
        const to = upper(b);
        return (
          <Col key={b} xs={12} xl={6} title={t('drill', { from: bandFloor[b] })}>
            <Card
              size="small"
              hoverable
              onClick={() => navigate('/customers', { ...drill, sort: 'risk', minRisk: bandFloor[b] })}
              style={{ borderTop: `3px solid ${colour[b]}`, cursor: 'pointer' }}
              data-testid={`band-${b}`}
            >
              <Statistic title={t(b)} value={formatNumber(churn.bands[b], lang)} styles={{ content: { color: colour[b] } }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {to === null ? t('top', { from: bandFloor[b] }) : t('range', { from: bandFloor[b], to })} · {t('share', { share: formatPercent(churn.customers > 0 ? churn.bands[b] / churn.customers : null, lang) })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
