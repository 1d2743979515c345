/** The customers a bulk task goes to, a page at a time, with how many there are in all. */
import { Table, Tag } from 'antd';
import { href } from '../../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatMoney, formatNumber, useMoney } from '../../app/money.js';

export interface CustomerPage {
  total: number;
  page: number;
  pageSize: number;
  items: { customerId: string; name: string | null; industry: string | null; region: string | null; valueTier: string; monetary: number; riskScore: number | null }[];
}

const m = {
  'zh-CN': { matched: '符合条件的客户：{n} 位', id: '编号', name: '客户名称', industry: '行业', region: '区域', tier: '价值分层', monetary: '销售额', risk: '风险分' },
  en: { matched: 'Customers matching: {n}', id: 'Id', name: 'Name', industry: 'Industry', region: 'Region', tier: 'Value tier', monetary: 'Revenue', risk: 'Risk' },
} as const;

export function CustomerPreview({ d, onPage }: { d: CustomerPage; onPage: (page: number) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const tierLabel = useTierLabel();
  return (
    <Table
      size="small"
      rowKey="customerId"
      dataSource={d.items}
      data-testid="bulk-preview"
      pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, showSizeChanger: false, showTotal: (n) => <span data-testid="bulk-total">{t('matched', { n: formatNumber(n, lang) })}</span>, onChange: onPage }}
      columns={[
        { title: t('id'), dataIndex: 'customerId', width: 100 },
        { title: t('name'), key: 'name', render: (_, c) => <a href={href('/customer', { id: c.customerId })}>{c.name ?? c.customerId}</a> },
        { title: t('industry'), dataIndex: 'industry' },
        { title: t('region'), dataIndex: 'region' },
        { title: t('tier'), key: 'tier', render: (_, c) => <Tag>{tierLabel(c.valueTier)}</Tag> },
        { title: t('monetary'), key: 'monetary', align: 'right', render: (_, c) => formatMoney(c.monetary, unit, lang) },
        { title: t('risk'), key: 'risk', align: 'right', render: (_, c) => formatNumber(c.riskScore, lang) },
      ]}
    />
  );
}
