/** Customers: the scored list, searchable and filtered (tier, segment, industry, region, rep, risk, ABC), exported or turned into tasks. */
import { segmentNames } from '../app/segment-names.js';
import { Button, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { FilterBar } from '../app/filter-bar.js';
import { apiUrl } from '../app/api-client.js';
import { href, navigate, type Route } from '../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../app/i18n.js';
import { formatMoney, formatNumber, useMoney } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { signalName, type SignalLike } from '../../i18n/signal-evidence.js';

interface Customer {
  customerId: string;
  name: string | null;
  industry: string | null;
  region: string | null;
  valueTier: string;
  segment: string;
  rfmCode: string;
  recencyDays: number | null;
  frequency: number;
  monetary: number;
  healthScore: number | null;
  riskScore: number | null;
  riskSignals: SignalLike[];
}

interface CustomerPage {
  total: number;
  page: number;
  pageSize: number;
  items: Customer[];
}

const m = {
  'zh-CN': {
    search: '搜索客户名称或编号', segment: 'RFM 细分', minRisk: '最低风险分', sort: '排序', value: '按价值', revenue: '按销售额', recency: '按最近购买', health: '按健康度（低→高）', risk: '按流失风险',
    id: '编号', name: '客户名称', industry: '行业', region: '区域', tier: '价值分层', rfm: 'RFM', recencyDays: '距上次购买（天）', frequency: '订单数', monetary: '销售额', healthScore: '健康度', riskScore: '风险分', signals: '风险信号',
    rScore: 'R 分', fScore: 'F 分', csv: '导出 CSV', xlsx: '导出 Excel', tasks: '为这些客户建任务', total: '共 {n} 位客户',
  },
  en: {
    search: 'Search name or id', segment: 'RFM segment', minRisk: 'Min. risk', sort: 'Sort', value: 'By value', revenue: 'By revenue', recency: 'By last order', health: 'By health (low first)', risk: 'By churn risk',
    id: 'Id', name: 'Name', industry: 'Industry', region: 'Region', tier: 'Value tier', rfm: 'RFM', recencyDays: 'Days since order', frequency: 'Orders', monetary: 'Revenue', healthScore: 'Health', riskScore: 'Risk', signals: 'Signals',
    rScore: 'R score', fScore: 'F score', csv: 'Export CSV', xlsx: 'Export Excel', tasks: 'Create tasks for these', total: '{n} customers',
  },
} as const;

const listKeys = ['q', 'tier', 'segment', 'industry', 'region', 'rep', 'minRisk', 'abc', 'r', 'f', 'signal', 'sort'] as const;

export function CustomersPage({ route }: { route: Route }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  const p = route.params;
  const filters = Object.fromEntries(listKeys.flatMap((k) => (p[k] ? [[k, p[k]]] : []))) as Record<string, string>;
  const page = Number(p.page ?? 1);
  const list = useApi<CustomerPage>('/api/customers', { ...filters, page, pageSize: 20 });
  const set = (patch: Record<string, string | number | undefined>) => navigate('/customers', { ...p, page: undefined, ...patch });
  return (
    <div data-testid="customers-page">
      <FilterBar route={route} showPeriod={false} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear defaultValue={p.q} placeholder={t('search')} style={{ width: 240 }} onSearch={(q) => set({ q })} data-testid="customer-search" />
        <Select allowClear style={{ width: 170 }} placeholder={t('segment')} value={p.segment} options={segmentNames.map((s) => ({ value: s, label: tierLabel(s) }))} onChange={(v?: string) => set({ segment: v })} />
        {p.r && <Tag closable onClose={() => set({ r: undefined })} data-testid="filter-r">{t('rScore')} {p.r}</Tag>}
        {p.f && <Tag closable onClose={() => set({ f: undefined })} data-testid="filter-f">{t('fScore')} {p.f}</Tag>}
        {p.signal && <Tag closable color="orange" onClose={() => set({ signal: undefined })} data-testid="filter-signal">{signalName(p.signal, lang)}</Tag>}
        <InputNumber min={0} max={100} placeholder={t('minRisk')} value={p.minRisk ? Number(p.minRisk) : null} onChange={(v) => set({ minRisk: v ?? undefined })} />
        <Select
          style={{ width: 170 }}
          value={p.sort ?? 'value'}
          options={(['value', 'revenue', 'recency', 'health', 'risk'] as const).map((s) => ({ value: s, label: t(s) }))}
          onChange={(sort: string) => set({ sort })}
          data-testid="customer-sort"
        />
        <Button href={apiUrl('/api/customers/export', { ...filters, format: 'csv' }, lang)}>{t('csv')}</Button>
        <Button href={apiUrl('/api/customers/export', { ...filters, format: 'xlsx' }, lang)}>{t('xlsx')}</Button>
        <Button type="primary" href={href('/plans', { ...filters, create: '1' })} data-testid="customers-to-tasks">{t('tasks')}</Button>
      </Space>
      <Loading state={list}>{(d) => <CustomerTable d={d} onPage={(n) => navigate('/customers', { ...p, page: n })} />}</Loading>
    </div>
  );
}

function CustomerTable({ d, onPage }: { d: CustomerPage; onPage: (page: number) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const tierLabel = useTierLabel();
  return (
    <Table
      size="small"
      rowKey="customerId"
      dataSource={d.items}
      data-testid="customer-table"
      pagination={{ current: d.page, pageSize: d.pageSize, total: d.total, showSizeChanger: false, showTotal: (n) => t('total', { n: formatNumber(n, lang) }), onChange: onPage }}
      scroll={{ x: 1200 }}
      columns={[
        { title: t('id'), dataIndex: 'customerId', width: 90 },
        { title: t('name'), key: 'name', render: (_, c) => <a href={href('/customer', { id: c.customerId })}>{c.name ?? c.customerId}</a> },
        { title: t('industry'), dataIndex: 'industry' },
        { title: t('region'), dataIndex: 'region' },
        { title: t('tier'), key: 'tier', render: (_, c) => <Tag>{tierLabel(c.valueTier)}</Tag> },
        { title: t('rfm'), key: 'rfm', render: (_, c) => `${c.rfmCode} · ${tierLabel(c.segment)}` },
        { title: t('recencyDays'), dataIndex: 'recencyDays', align: 'right' },
        { title: t('frequency'), dataIndex: 'frequency', align: 'right' },
        { title: t('monetary'), key: 'monetary', align: 'right', render: (_, c) => formatMoney(c.monetary, unit, lang) },
        { title: t('healthScore'), key: 'health', align: 'right', render: (_, c) => formatNumber(c.healthScore, lang) },
        { title: t('riskScore'), key: 'risk', align: 'right', render: (_, c) => formatNumber(c.riskScore, lang) },
        { title: t('signals'), key: 'signals', render: (_, c) => c.riskSignals.map((s) => <Tag key={s.code} color={s.level === 'alert' ? 'red' : 'orange'}>{signalName(s.code, lang)}</Tag>) },
      ]}
    />
  );
}
