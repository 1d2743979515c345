/** What each tier looks like: size, shares of customers, revenue and profit, average R/F/M, main industries; a tier's name lists its customers. */
import { Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { href } from '../../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import type { SegmentsData, TierScheme, TierTrait } from './segments-data.js';

const m = {
  'zh-CN': {
    value: '价值分层', rfm: 'RFM 分层', segments: 'RFM 命名细分', tier: '分层', customers: '客户数', customerShare: '客户占比', revenue: '销售额',
    revenueShare: '销售额占比', profitShare: '利润占比', recency: '平均距上次购买（天）', frequency: '平均订单数', monetary: '平均销售额', industries: '主要行业',
  },
  en: {
    value: 'Value tiers', rfm: 'RFM tiers', segments: 'Named RFM segments', tier: 'Tier', customers: 'Customers', customerShare: 'Share of customers', revenue: 'Revenue',
    revenueShare: 'Revenue share', profitShare: 'Profit share', recency: 'Avg. days since order', frequency: 'Avg. orders', monetary: 'Avg. revenue', industries: 'Main industries',
  },
} as const;

const schemes: readonly TierScheme[] = ['value', 'rfm', 'segments'];

/** The customers list filter a tier of this scheme maps to (value and RFM tiers share the tier filter). */
function listFilter(scheme: TierScheme, tier: string): Record<string, string> {
  switch (scheme) {
    case 'value':
    case 'rfm':
      return { tier };
    case 'segments':
      return { segment: tier };
    default:
      return scheme satisfies never;
  }
}

export function TierTraitsTable({ tiers, drill }: { tiers: SegmentsData['tiers']; drill: Record<string, string | undefined> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const tierLabel = useTierLabel();
  const [scheme, setScheme] = useState<TierScheme>('value');
  const pct = (v: number | null) => formatPercent(v, lang);
  return (
    <>
      <Segmented style={{ marginBottom: 12 }} value={scheme} options={schemes.map((s) => ({ value: s, label: t(s) }))} onChange={(v) => setScheme(v as TierScheme)} data-testid="tier-scheme" />
      <Table<TierTrait>
        size="small"
        rowKey="tier"
        pagination={false}
        dataSource={[...tiers[scheme]]}
        data-testid="tier-traits"
        scroll={{ x: 1000 }}
        columns={[
          // "Others" has no list filter: its name stays plain text.
          { title: t('tier'), key: 'tier', fixed: 'left', render: (_, r) => (r.tier === 'Others' ? tierLabel(r.tier) : <a href={href('/customers', { ...drill, ...listFilter(scheme, r.tier) })}>{tierLabel(r.tier)}</a>) },
          { title: t('customers'), key: 'customers', align: 'right', render: (_, r) => formatNumber(r.customers, lang) },
          { title: t('customerShare'), key: 'customerShare', align: 'right', render: (_, r) => pct(r.customerShare) },
          { title: t('revenue'), key: 'revenue', align: 'right', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.revenue, unit, lang)}</span> },
          { title: t('revenueShare'), key: 'revenueShare', align: 'right', render: (_, r) => pct(r.revenueShare) },
          { title: t('profitShare'), key: 'profitShare', align: 'right', render: (_, r) => pct(r.profitShare) },
          { title: t('recency'), key: 'recency', align: 'right', render: (_, r) => formatNumber(r.avgRecencyDays, lang, 1) },
          { title: t('frequency'), key: 'frequency', align: 'right', render: (_, r) => formatNumber(r.avgFrequency, lang, 1) },
          { title: t('monetary'), key: 'monetary', align: 'right', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.avgMonetary, unit, lang)}</span> },
          { title: t('industries'), key: 'industries', render: (_, r) => r.mainIndustries.map((i) => <Tag key={i.industry}>{i.industry} {formatNumber(i.customers, lang)}</Tag>) },
        ]}
      />
    </>
  );
}
