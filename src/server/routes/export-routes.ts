/**
 * Downloads of the customer list as the filters give it: CSV (UTF-8 with
 * BOM, formulas neutralised) or XLSX (text cells), headers in the caller's
 * language. Contact details are not in the list, so nothing personal leaves.
 */
import { everyone } from '../../access/roles.js';
import { z } from 'zod';
import { listScoredCustomers, type ScoredCustomer } from '../../analytics/snapshot/customer-list.js';
import { csvLine, UTF8_BOM } from '../../export/csv-cell.js';
import type { Lang } from '../../i18n/i18n.js';
import { tierCode, tierLabel } from '../../i18n/tier-labels.js';
import { writeXlsx } from '../../xlsx/xlsx-writer.js';
import { ApiError } from '../api-error.js';
import { listFilters, listQuery } from './customer-routes.js';
import { FileResult, noInput, route } from '../route-spec.js';
import { writtenFile, XLSX_TYPE } from '../written-file.js';

const maxRows = 200_000;

const columns: readonly { key: keyof ScoredCustomer; 'zh-CN': string; en: string; tier?: true }[] = [
  { key: 'customerId', 'zh-CN': '客户编号', en: 'Customer' },
  { key: 'name', 'zh-CN': '客户名称', en: 'Name' },
  { key: 'industry', 'zh-CN': '行业', en: 'Industry' },
  { key: 'region', 'zh-CN': '区域', en: 'Region' },
  { key: 'valueTier', 'zh-CN': '价值分层', en: 'Value tier', tier: true },
  { key: 'rfmTier', 'zh-CN': 'RFM 分层', en: 'RFM tier', tier: true },
  { key: 'segment', 'zh-CN': '细分', en: 'Segment', tier: true },
  { key: 'rfmCode', 'zh-CN': 'RFM', en: 'RFM' },
  { key: 'recencyDays', 'zh-CN': '距上次购买天数', en: 'Days since last order' },
  { key: 'frequency', 'zh-CN': '订单数', en: 'Orders' },
  { key: 'monetary', 'zh-CN': '销售额（元）', en: 'Revenue (yuan)' },
  { key: 'healthScore', 'zh-CN': '健康度', en: 'Health' },
  { key: 'riskScore', 'zh-CN': '流失风险分', en: 'Churn risk' },
];

function row(c: ScoredCustomer, lang: Lang): (string | number | null)[] {
  return columns.map((col) => {
    const v = c[col.key];
    if (col.tier && typeof v === 'string') return tierLabel(v, lang);
    return typeof v === 'string' || typeof v === 'number' ? v : null;
  });
}

export const exportRoutes = [
  route({
    method: 'GET',
    url: '/api/customers/export',
    summary: 'The customer list as CSV (UTF-8 with BOM) or XLSX, with the same filters and sort as /api/customers',
    access: everyone,
    query: listQuery.omit({ page: true, pageSize: true }).extend({ format: z.enum(['csv', 'xlsx']).default('csv') }),
    params: noInput,
    handler: async ({ query, lang, deps, principal }) => {
      const code = (v: string | undefined) => (v === undefined ? undefined : (tierCode(v) ?? v));
      const tier = code(query.tier);
      const segment = code(query.segment);
      const page = await listScoredCustomers(deps.store.engine, {
        limit: maxRows,
        sort: query.sort,
        ...(query.snapshot !== undefined ? { snapshotId: query.snapshot } : {}),
        ...(tier ? { tier } : {}),
        ...(segment ? { segment } : {}),
        ...listFilters(query, principal),
      });
      if (page === null) throw new ApiError(404, 'no_snapshot');
      const header = columns.map((c) => c[lang]);
      const rows = page.customers.map((c) => row(c, lang));
      const name = `customers-${page.asOf}`;
      if (query.format === 'csv') return new FileResult(UTF8_BOM + [header, ...rows].map(csvLine).join(''), 'text/csv; charset=utf-8', `${name}.csv`);
      return writtenFile(`${name}.xlsx`, XLSX_TYPE, (file) =>
        writeXlsx(file, [{ name: lang === 'zh-CN' ? '客户' : 'Customers', header, rows, columns: [{ text: true }] }], { date: deps.now() }),
      );
    },
  }),
];
