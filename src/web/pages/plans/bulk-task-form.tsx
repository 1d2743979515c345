/**
 * Tasks in bulk from a customer list: the list is chosen with the customers
 * page's filters (kept in the URL, so that page can link here prefilled),
 * previewed, and every customer in it gets the same task.
 */
import { Alert, Button, DatePicker, Flex, Input } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { apiGet, apiSend, asFailure, type Query } from '../../app/api-client.js';
import { href, navigate, type Route } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber } from '../../app/money.js';
import { Loading } from '../../app/page-state.js';
import { useApi } from '../../app/use-api.js';
import type { Lang } from '../../../i18n/i18n.js';
import { CustomerListFilters, listKeys, type ListFilters, type ListKey } from './customer-list-filters.js';
import { CustomerPreview, type CustomerPage } from './customer-preview.js';
import { OwnerInput } from './owner-input.js';

/** The most tasks one request may create (the API's limit). */
const maxCustomers = 5000;

const m = {
  'zh-CN': {
    title: '任务内容', due: '截止日期', create: '为 {n} 位客户建任务', close: '收起',
    created: '已创建 {n} 条任务', tooMany: '一次最多为 {max} 位客户建任务，请缩小范围', needTitle: '请填写任务内容',
  },
  en: {
    title: 'Task', due: 'Due date', create: 'Create tasks for {n} customers', close: 'Close',
    created: 'Created {n} tasks', tooMany: 'At most {max} customers at a time; narrow the list', needTitle: 'Write what the task is',
  },
} as const;

/** Every customer id of the list, a page of the API's largest size at a time. */
async function customerIds(filters: Query, lang: Lang): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const r = await apiGet<CustomerPage>('/api/customers', { ...filters, page, pageSize: 200 }, lang);
    ids.push(...r.items.map((c) => c.customerId));
    if (r.items.length === 0 || ids.length >= r.total) return ids;
  }
}

export function BulkTaskForm({ route, onCreated }: { route: Route; onCreated: () => void }) {
  const t = useT(m);
  const { lang } = useLang();
  const p = route.params;
  const filters: ListFilters = Object.fromEntries(listKeys.flatMap((k) => (p[k] ? [[k, p[k]]] : [])));
  const [page, setPage] = useState(1);
  const preview = useApi<CustomerPage>('/api/customers', { ...filters, page, pageSize: 10 });
  const [title, setTitle] = useState(p.title ?? '');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState<string | null>(p.due ?? null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const total = preview.data?.total ?? 0;
  const setFilter = (patch: Partial<Record<ListKey, string | undefined>>) => {
    setPage(1);
    setOutcome(null);
    navigate('/plans', { ...p, ...patch });
  };
  const create = async () => {
    if (title.trim() === '') return setOutcome({ ok: false, text: t('needTitle') });
    if (total > maxCustomers) return setOutcome({ ok: false, text: t('tooMany', { max: formatNumber(maxCustomers, lang) }) });
    setBusy(true);
    setOutcome(null);
    try {
      const ids = await customerIds(filters, lang);
      const body = { title: title.trim(), customerIds: ids, ...(owner.trim() ? { owner: owner.trim() } : {}), ...(due ? { dueDate: due } : {}) };
      const r = await apiSend<{ created: number }>('POST', '/api/tasks', body, lang);
      setOutcome({ ok: true, text: t('created', { n: formatNumber(r.created, lang) }) });
      onCreated();
    } catch (e) {
      setOutcome({ ok: false, text: asFailure(e).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="bulk-form">
      <CustomerListFilters filters={filters} onChange={setFilter} />
      <Loading state={preview}>{(d) => <CustomerPreview d={d} onPage={setPage} />}</Loading>
      <Flex wrap gap={8} align="center" style={{ marginTop: 12 }}>
        <Input style={{ width: 360 }} placeholder={t('title')} value={title} maxLength={500} onChange={(e) => setTitle(e.target.value)} data-testid="bulk-title" />
        <OwnerInput value={owner} onChange={setOwner} />
        <DatePicker placeholder={t('due')} value={due ? dayjs(due) : null} onChange={(d) => setDue(d ? d.format('YYYY-MM-DD') : null)} data-testid="bulk-due" />
        <Button type="primary" loading={busy} disabled={total === 0} onClick={() => void create()} data-testid="bulk-create">
          {t('create', { n: formatNumber(total, lang) })}
        </Button>
        <Button href={href('/plans', { owner: p.owner, customer: p.customer })}>{t('close')}</Button>
      </Flex>
      {outcome && <Alert style={{ marginTop: 12 }} showIcon type={outcome.ok ? 'success' : 'error'} title={outcome.text} data-testid="bulk-outcome" />}
    </div>
  );
}
