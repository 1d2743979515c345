/** Open deals that have not moved for the configured number of days, largest first, each linked to its customer. */
import { Card, Empty, Table } from 'antd';
import { href } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, useMoney } from '../../app/money.js';
import type { FunnelData, StalledDeal } from './funnel-types.js';

const m = {
  'zh-CN': {
    title: '停滞商机（{days} 天以上未推进）', total: '共 {n} 个，预计金额 {amount}', listed: '列出金额最大的 {n} 个',
    opportunity: '商机', customer: '客户', rep: '销售', stage: '当前阶段', amount: '预计金额', idle: '未推进（天）',
    empty: '没有超过 {days} 天未推进的进行中商机。',
  },
  en: {
    title: 'Stalled deals (no movement for {days}+ days)', total: '{n} deals, {amount} expected', listed: 'the {n} largest listed',
    opportunity: 'Opportunity', customer: 'Customer', rep: 'Rep', stage: 'Stage', amount: 'Expected amount', idle: 'Idle (days)',
    empty: 'No open deal has gone {days} days without moving.',
  },
} as const;

export function StalledDeals({ stalled }: { stalled: FunnelData['stalled'] }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const days = stalled.stalledDays;
  return (
    <Card
      size="small"
      title={t('title', { days })}
      extra={stalled.opportunities > 0 && <span data-testid="stalled-total">{t('total', { n: formatNumber(stalled.opportunities, lang), amount: formatMoney(stalled.amount, unit, lang) })}{stalled.top.length < stalled.opportunities ? ` · ${t('listed', { n: stalled.top.length })}` : ''}</span>}
    >
      {stalled.top.length === 0 ? (
        <Empty description={t('empty', { days })} />
      ) : (
        <Table
          size="small"
          rowKey="opportunityId"
          pagination={stalled.top.length > 10 ? { pageSize: 10, size: 'small' } : false}
          dataSource={stalled.top as StalledDeal[]}
          scroll={{ x: 'max-content' }}
          data-testid="stalled-deals"
          columns={[
            { title: t('opportunity'), key: 'name', render: (_, s) => s.name ?? s.opportunityId },
            { title: t('customer'), key: 'customer', render: (_, s) => (s.customerId ? <a href={href('/customer', { id: s.customerId })}>{s.customerName ?? s.customerId}</a> : '–') },
            { title: t('rep'), key: 'rep', render: (_, s) => s.rep ?? '–' },
            { title: t('stage'), key: 'stage', render: (_, s) => s.stage ?? '–' },
            { title: t('amount'), key: 'amount', align: 'right', render: (_, s) => formatMoney(s.amount, unit, lang) },
            { title: t('idle'), key: 'idle', align: 'right', render: (_, s) => formatNumber(s.idleDays, lang) },
          ]}
        />
      )}
    </Card>
  );
}
