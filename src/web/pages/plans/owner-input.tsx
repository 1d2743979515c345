/** A task's owner: a rep picked from the list, or anyone typed in (the owner is free text to the API). */
import { AutoComplete } from 'antd';
import { useT } from '../../app/i18n.js';
import { useApi } from '../../app/use-api.js';
import type { Facets } from './customer-list-filters.js';

const m = { 'zh-CN': { owner: '负责人' }, en: { owner: 'Owner' } } as const;

export function OwnerInput({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const t = useT(m);
  const facets = useApi<Facets>('/api/customers/facets');
  const names = [...new Set((facets.data?.reps ?? []).map((r) => r.name ?? r.id))];
  return (
    <AutoComplete
      style={{ width: 180 }}
      placeholder={t('owner')}
      value={value}
      options={names.map((n) => ({ value: n }))}
      onChange={onChange}
      showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }}
      data-testid="bulk-owner"
    />
  );
}
