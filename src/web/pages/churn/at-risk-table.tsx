/** The customers most at risk, each with the signals that raised the risk in words, linking to their 360 view. */
import { Table, Tag, Typography } from 'antd';
import { href } from '../../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import { signalEvidence, signalName } from '../../../i18n/signal-evidence.js';
import type { AtRiskCustomer } from './churn-data.js';

const m = {
  'zh-CN': { rank: '#', customer: '客户', tier: '价值分层', score: '风险分', probability: '模型流失概率', signals: '风险信号与依据', total: '共 {n} 位' },
  en: { rank: '#', customer: 'Customer', tier: 'Value tier', score: 'Risk', probability: 'Model churn probability', signals: 'Signals and evidence', total: '{n} customers' },
} as const;

export function AtRiskTable({ rows }: { rows: readonly AtRiskCustomer[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  return (
    <Table<AtRiskCustomer>
      size="small"
      rowKey="customerId"
      dataSource={[...rows]}
      data-testid="at-risk-list"
      pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (n) => t('total', { n: formatNumber(n, lang) }) }}
      columns={[
        { title: t('rank'), key: 'rank', width: 48, render: (_, _r, i) => i + 1 },
        {
          title: t('customer'),
          key: 'name',
          width: 220,
          render: (_, r) => (
            <>
              <a href={href('/customer', { id: r.customerId })} data-testid="at-risk-name">{r.name ?? r.customerId}</a>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.customerId}</Typography.Text></div>
            </>
          ),
        },
        { title: t('tier'), key: 'tier', width: 110, render: (_, r) => tierLabel(r.tier) },
        { title: t('score'), key: 'score', width: 70, align: 'right', render: (_, r) => <Typography.Text strong type={r.riskScore >= 50 ? 'danger' : 'warning'} data-testid="at-risk-score">{r.riskScore}</Typography.Text> },
        { title: t('probability'), key: 'probability', width: 110, align: 'right', render: (_, r) => formatPercent(r.probability, lang) },
        {
          title: t('signals'),
          key: 'signals',
          render: (_, r) => (
            <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }} data-testid="at-risk-signals">
              {r.signals.map((s) => (
                <li key={s.code} style={{ marginBottom: 2 }}>
                  <Tag color={s.level === 'alert' ? 'red' : 'orange'}>{signalName(s.code, lang)}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{signalEvidence(s, lang)}</Typography.Text>
                </li>
              ))}
            </ul>
          ),
        },
      ]}
    />
  );
}
