/** Which customers a report covers: region, industry, company size and rep, chosen from what the data holds. */
import { AutoComplete, Select, Space } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { useApi } from '../../app/use-api.js';

export type Scope = Partial<Record<'region' | 'industry' | 'size' | 'rep', string>>;

interface Facets {
  industries: string[];
  regions: string[];
  reps: { id: string; name: string | null }[];
}

/** The report's scope parameter: "region=华东,industry=化工". */
export function scopeText(scope: Scope): string | undefined {
  const parts = Object.entries(scope).flatMap(([k, v]) => (v ? [`${k}=${v}`] : []));
  return parts.length > 0 ? parts.join(',') : undefined;
}

const m = {
  'zh-CN': { region: '区域', industry: '行业', size: '企业规模', rep: '销售' },
  en: { region: 'Region', industry: 'Industry', size: 'Company size', rep: 'Rep' },
} as const;

// The sizes the data model names; a company's data may use others, so any text is accepted too.
const sizes = [
  { value: '大型', en: 'Large' },
  { value: '中型', en: 'Medium' },
  { value: '小型', en: 'Small' },
  { value: '微型', en: 'Micro' },
];

export function ScopeFields({ value, onChange }: { value: Scope; onChange: (s: Scope) => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const facets = useApi<Facets>('/api/customers/facets');
  const set = (key: keyof Scope, v: string | undefined) => onChange({ ...value, [key]: v || undefined });
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <Space wrap>
      <Select allowClear style={{ width: 140 }} placeholder={t('region')} value={value.region} options={plain(facets.data?.regions ?? [])} onChange={(v?: string) => set('region', v)} data-testid="report-region" />
      <Select allowClear style={{ width: 160 }} placeholder={t('industry')} value={value.industry} options={plain(facets.data?.industries ?? [])} onChange={(v?: string) => set('industry', v)} data-testid="report-industry" />
      <AutoComplete
        allowClear
        style={{ width: 160 }}
        placeholder={t('size')}
        value={value.size}
        options={sizes.map((s) => ({ value: s.value, label: lang === 'zh-CN' ? s.value : `${s.en} (${s.value})` }))}
        onChange={(v?: string) => set('size', v)}
        data-testid="report-size"
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 160 }}
        placeholder={t('rep')}
        value={value.rep}
        options={(facets.data?.reps ?? []).map((r) => ({ value: r.id, label: r.name ?? r.id }))}
        onChange={(v?: string) => set('rep', v)}
        data-testid="report-rep"
      />
    </Space>
  );
}
