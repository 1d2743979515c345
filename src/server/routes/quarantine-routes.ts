/** Rows the intake rejected, with their reasons, and the file to fix them in and import again (as `salescope quarantine`). */
import { z } from 'zod';
import { exportQuarantine, reasonsText } from '../../intake/quarantine-export.js';
import { listQuarantine, type QuarantinedRow } from '../../intake/quarantine-store.js';
import { mayReveal, type Principal } from '../../access/roles.js';
import { maskContactsIn } from '../../domain/masking.js';
import { noInput, route } from '../route-spec.js';
import { writtenFile, XLSX_TYPE } from '../written-file.js';

const runQuery = { run: z.coerce.number().int().positive().optional(), lang: z.enum(['zh-CN', 'en']).optional() };

/** Rejected rows keep the file's cells as they were, contact details included: masked unless the role may see them. */
function visible(rows: readonly QuarantinedRow[], principal: Principal | null): QuarantinedRow[] {
  if (principal !== null && mayReveal(principal.role)) return [...rows];
  return rows.map((r) => ({
    ...r,
    raw: Object.fromEntries(Object.entries(r.raw).map(([k, v]) => [k, maskContactsIn(v)])),
    reasons: r.reasons.map((x) => ({ ...x, value: maskContactsIn(x.value) })),
  }));
}

export const quarantineRoutes = [
  route({
    method: 'GET',
    url: '/api/quarantine',
    summary: 'Rejected rows of one import run (default: the latest that rejected any) with the reasons in words',
    access: ['admin', 'analyst'],
    query: z.object({ ...runQuery, page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(50) }).strict(),
    params: noInput,
    handler: async ({ query, lang, deps, principal }) => {
      const rows = visible(await listQuarantine(deps.store.engine, query.run !== undefined ? { runId: query.run } : { latestRun: true }), principal);
      const items = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      return {
        runId: rows[0]?.runId ?? query.run ?? null,
        total: rows.length,
        page: query.page,
        pageSize: query.pageSize,
        items: items.map((r) => ({ ...r, message: reasonsText(r, lang) })),
      };
    },
  }),
  route({
    method: 'GET',
    url: '/api/quarantine/export',
    summary: 'The rejected rows with their original columns plus the reasons, as XLSX or CSV, to fix and import again',
    access: ['admin', 'analyst'],
    query: z.object({ ...runQuery, format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict(),
    params: noInput,
    handler: async ({ query, lang, deps, principal }) => {
      const rows = visible(await listQuarantine(deps.store.engine, query.run !== undefined ? { runId: query.run } : { latestRun: true }), principal);
      const name = `quarantine-run-${rows[0]?.runId ?? query.run ?? 0}.${query.format}`;
      const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE;
      return writtenFile(name, type, (file) => exportQuarantine(file, rows, lang));
    },
  }),
];
