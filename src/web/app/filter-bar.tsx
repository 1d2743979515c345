/**
 * The dashboard filters (period, region, industry, rep, tier), kept in the URL
 * so that a filtered view can be shared and every page reads the same ones.
 */
import { Button, DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useT, useTierLabel } from './i18n.js';
import { navigate, type Route } from './hash-route.js';
import { useApi } from './use-api.js';

export const filterKeys = ['from', 'to', 'region', 'industry', 'rep', 'tier'] as const;
export type Filters = Partial<Record<(typeof filterKeys)[number], string>>;

export function filtersOf(route: Route): Filters {
  return Object.fromEntries(filterKeys.flatMap((k) => (route.params[k] ? [[k, route.params[k]]] : [])));
}

/** The filters as the analysis endpoints take them (tier is applied to lists, not to the analysis). */
export function analysisQuery(f: Filters): Record<string, string | undefined> {
  return { from: f.from, to: f.to, asOf: f.to, region: f.region, industry: f.industry, rep: f.rep };
}

const m = {
  'zh-CN': { region: '区域', industry: '行业', rep: '销售', tier: '分层', period: '期间', clear: '清除筛选', start: '开始日期', end: '结束日期' },
  en: { region: 'Region', industry: 'Industry', rep: 'Rep', tier: 'Tier', period: 'Period', clear: 'Clear filters', start: 'Start', end: 'End' },
} as const;

interface Facets {
  industries: string[];
  regions: string[];
  reps: { id: string; name: string | null }[];
}

export function FilterBar({ route, showTier = true, showPeriod = true }: { route: Route; showTier?: boolean; showPeriod?: boolean }) {
  const t = useT(m);
  const tierLabel = useTierLabel();
  const facets = useApi<Facets>('/api/customers/facets');
  const f = filtersOf(route);
  const set = (patch: Filters) => navigate(route.path, { ...route.params, ...patch });
  const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <Space wrap style={{ marginBottom: 16 }} data-testid="filter-bar">
      {showPeriod && (
      <DatePicker.RangePicker
        placeholder={[t('start'), t('end')]}
        value={f.from && f.to ? [dayjs(f.from), dayjs(f.to)] : null}
        onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })}
      />
      )}
      <Select allowClear style={{ width: 140 }} placeholder={t('region')} value={f.region} options={options(facets.data?.regions ?? [])} onChange={(v?: string) => set({ region: v ?? '' })} data-testid="filter-region" />
      <Select allowClear style={{ width: 160 }} placeholder={t('industry')} value={f.industry} options={options(facets.data?.industries ?? [])} onChange={(v?: string) => set({ industry: v ?? '' })} data-testid="filter-industry" />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ width: 160 }}
        placeholder={t('rep')}
        value={f.rep}
        options={(facets.data?.reps ?? []).map((r) => ({ value: r.id, label: r.name ?? r.id }))}
        onChange={(v?: string) => set({ rep: v ?? '' })}
      />
      {showTier && (
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('tier')}
          value={f.tier}
          options={['strategic', 'high_value', 'potential', 'long_tail'].map((c) => ({ value: c, label: tierLabel(c) }))}
          onChange={(v?: string) => set({ tier: v ?? '' })}
        />
      )}
      {Object.keys(f).length > 0 && <Button onClick={() => navigate(route.path)}>{t('clear')}</Button>}
    </Space>
  );
}
