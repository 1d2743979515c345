/** The customers page's list filters (tier, segment, industry, region, rep, ABC, risk, search), for choosing whom tasks are for. */
import { segmentNames } from '../../app/segment-names.js';
import { Input, InputNumber, Select, Space, Tag } from 'antd';
import { useT, useTierLabel } from '../../app/i18n.js';
import { useApi } from '../../app/use-api.js';

export const listKeys = ['q', 'tier', 'segment', 'industry', 'region', 'rep', 'minRisk', 'abc', 'id', 'r', 'f'] as const;
export type ListKey = (typeof listKeys)[number];
export type ListFilters = Partial<Record<ListKey, string>>;

export interface Facets {
  industries: string[];
  regions: string[];
  reps: { id: string; name: string | null }[];
}

const m = {
  'zh-CN': { tier: '价值分层', segment: 'RFM 细分', industry: '行业', region: '区域', rep: '销售', minRisk: '最低风险分', abc: 'ABC 类', q: '客户名称或编号', id: '客户', r: 'R 分', f: 'F 分' },
  en: { tier: 'Value tier', segment: 'RFM segment', industry: 'Industry', region: 'Region', rep: 'Rep', minRisk: 'Min. risk', abc: 'ABC class', q: 'Customer name or id', id: 'Customer', r: 'R score', f: 'F score' },
} as const;

const tiers = ['strategic', 'high_value', 'potential', 'long_tail'];

export function CustomerListFilters({ filters, onChange }: { filters: ListFilters; onChange: (patch: Partial<Record<ListKey, string | undefined>>) => void }) {
  const t = useT(m);
  const tierLabel = useTierLabel();
  const facets = useApi<Facets>('/api/customers/facets');
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  const select = (key: ListKey, options: { value: string; label: string }[], width = 150) => (
    <Select allowClear style={{ width }} placeholder={t(key)} value={filters[key]} options={options} onChange={(v?: string) => onChange({ [key]: v })} data-testid={`bulk-${key}`} />
  );
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {/* Set by links (a customer's 360 page, an RFM grid cell): shown so they can be taken off. */}
      {(['id', 'r', 'f'] as const).flatMap((k) => (filters[k] ? [<Tag key={k} closable onClose={() => onChange({ [k]: undefined })} data-testid={`bulk-${k}`}>{t(k)}: {filters[k]}</Tag>] : []))}
      {select('tier', tiers.map((c) => ({ value: c, label: tierLabel(c) })))}
      {select('segment', segmentNames.map((c) => ({ value: c, label: tierLabel(c) })), 170)}
      {select('industry', plain(facets.data?.industries ?? []))}
      {select('region', plain(facets.data?.regions ?? []), 120)}
      {select('rep', (facets.data?.reps ?? []).map((r) => ({ value: r.id, label: r.name ?? r.id })))}
      {select('abc', plain(['A', 'B', 'C']), 110)}
      <InputNumber min={0} max={100} style={{ width: 130 }} placeholder={t('minRisk')} value={filters.minRisk ? Number(filters.minRisk) : null} onChange={(v) => onChange({ minRisk: v === null ? undefined : String(v) })} />
      <Input.Search allowClear style={{ width: 200 }} placeholder={t('q')} defaultValue={filters.q} onSearch={(q) => onChange({ q: q || undefined })} />
    </Space>
  );
}
