/** Customers: the scored list (paged, sorted, filtered) and one customer seen whole. */
import { perStore } from '../per-store.js';
import { everyone, revealers } from '../../access/roles.js';
import { z } from 'zod';
import { customerProfile } from '../../analytics/snapshot/customer-profile.js';
import { customerFacets, listScoredCustomers, type CustomerFacets, type CustomerPage, type CustomerSort } from '../../analytics/snapshot/customer-list.js';
import { tierCode, tierCodes } from '../../i18n/tier-labels.js';
import { ApiError } from '../api-error.js';
import { callerScope } from '../caller-scope.js';
import type { Principal } from '../../access/roles.js';
import { logAccess } from '../../access/user-store.js';
import { eraseCustomer } from '../../access/erase-customer.js';
import { signalCodes, type SignalCode } from '../../analytics/churn/churn-signals.js';
import { scopeSql } from '../../analytics/analysis-scope.js';
import { DataVersionCache } from '../data-version-cache.js';
import type { Queryable } from '../../store/engine.js';
import { defaultPlaybook, entryText, playbookGroups, type PlaybookGroup } from '../../playbook/default-playbook.js';
import { noInput, route } from '../route-spec.js';

const sorts = ['value', 'revenue', 'recency', 'health', 'risk'] as const satisfies readonly CustomerSort[];

export const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(20),
    sort: z.enum(sorts).default('value'),
    tier: z.string().min(1).optional(),
    segment: z.string().min(1).optional(),
    q: z.string().max(100).optional(),
    industry: z.string().min(1).max(200).optional(),
    region: z.string().min(1).max(200).optional(),
    rep: z.string().min(1).max(200).optional(),
    minRisk: z.coerce.number().min(0).max(100).optional(),
    abc: z.enum(['A', 'B', 'C']).optional(),
    id: z.string().min(1).max(200).optional(),
    signal: z.enum(signalCodes as [SignalCode, ...SignalCode[]]).optional(),
    r: z.coerce.number().int().min(1).max(5).optional(),
    f: z.coerce.number().int().min(1).max(5).optional(),
    snapshot: z.coerce.number().int().min(1).optional(),
    lang: z.enum(['zh-CN', 'en']).optional(),
  })
  .strict();

function code(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const c = tierCode(value);
  if (c === null) throw new ApiError(400, 'unknown_tier', { value, accepted: tierCodes.join(', ') });
  return c;
}

/** The playbook entry a customer falls under: churn risk first (high or critical risk), else the value tier. */
export function playbookGroupOf(valueTier: string | null, riskScore: number | null): PlaybookGroup | null {
  if (riskScore !== null && riskScore >= 50) return 'churn_risk';
  return playbookGroups.find((g) => g === valueTier) ?? null;
}

// Per store: a page of the list and the facets are read again only when data or analyses change.
const listCache = perStore(() => new DataVersionCache<CustomerPage | null>(200));
const facetCache = perStore(() => new DataVersionCache<CustomerFacets>(50));

export function listFilters(
  query: { q?: string | undefined; industry?: string | undefined; region?: string | undefined; rep?: string | undefined; minRisk?: number | undefined; abc?: string | undefined; id?: string | undefined; signal?: string | undefined; r?: number | undefined; f?: number | undefined },
  principal: Principal | null,
) {
  const within = callerScope(principal);
  return {
    ...(Object.keys(within).length > 0 ? { within } : {}),
    ...(query.q !== undefined ? { search: query.q } : {}),
    ...(query.industry !== undefined ? { industry: query.industry } : {}),
    ...(query.region !== undefined ? { region: query.region } : {}),
    ...(query.rep !== undefined ? { repId: query.rep } : {}),
    ...(query.minRisk !== undefined ? { minRisk: query.minRisk } : {}),
    ...(query.abc !== undefined ? { abc: query.abc } : {}),
    ...(query.id !== undefined ? { customerId: query.id } : {}),
    ...(query.signal !== undefined ? { signal: query.signal } : {}),
    ...(query.r !== undefined ? { rScore: query.r } : {}),
    ...(query.f !== undefined ? { fScore: query.f } : {}),
  };
}

export const customerRoutes = [
  route({
    method: 'GET',
    url: '/api/customers/facets',
    summary: 'The values the customer filters offer: industries, regions and reps with customers',
    access: everyone,
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    handler: async ({ deps, principal }) => {
      const db = deps.store.engine.readers();
      const within = callerScope(principal);
      return facetCache(db).get(db, JSON.stringify(within), () => customerFacets(db, within));
    },
  }),
  route({
    method: 'GET',
    url: '/api/customers',
    summary: 'Scored customers of the latest analysis (or ?snapshot=), paged, sorted and filtered by tier or segment',
    access: everyone,
    query: listQuery,
    params: noInput,
    handler: async ({ query, deps, principal }) => {
      const tier = code(query.tier);
      const segment = code(query.segment);
      const db = deps.store.engine.readers();
      const request = {
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
        sort: query.sort,
        ...(query.snapshot !== undefined ? { snapshotId: query.snapshot } : {}),
        ...(tier !== undefined ? { tier } : {}),
        ...(segment !== undefined ? { segment } : {}),
        ...listFilters(query, principal),
      };
      const page = await listCache(db).get(db, JSON.stringify(request), () => listScoredCustomers(db, request));
      if (page === null) throw new ApiError(404, 'no_snapshot');
      return { snapshotId: page.snapshotId, asOf: page.asOf, total: page.total, page: query.page, pageSize: query.pageSize, items: page.customers };
    },
  }),
  route({
    method: 'GET',
    url: '/api/customers/:id',
    summary: 'One customer seen whole: profile (contact masked), score and tier history, churn signals, CLV, recommendations, orders, interactions, complaints',
    access: everyone,
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: z.object({ id: z.string().min(1).max(200) }),
    handler: async ({ params, lang, deps, principal }) => {
      await assertInScope(deps.store.engine.readers(), principal, params.id);
      const profile = await customerProfile(deps.store.engine.readers(), params.id, deps.store.cipher.open);
      if (profile === null) throw new ApiError(404, 'unknown_customer', { id: params.id });
      const group = playbookGroupOf(profile.scores.at(-1)?.valueTier ?? null, profile.risk?.riskScore ?? null);
      return { ...profile, strategy: group === null ? null : { group, ...entryText(defaultPlaybook[group], lang) } };
    },
  }),
  route({
    method: 'POST',
    url: '/api/customers/:id/contact',
    summary: 'Reveal the customer\'s contact details unmasked; allowed to admins and managers (their team\'s customers) and written to the access log',
    access: revealers,
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: z.object({ id: z.string().min(1).max(200) }),
    handler: async ({ params, deps, principal }) => {
      await assertInScope(deps.store.engine.readers(), principal, params.id);
      const [c] = await deps.store.engine.query<{ name: string | null; phone: string | null; email: string | null }>(
        'SELECT contact_name AS name, contact_phone AS phone, contact_email AS email FROM customers WHERE customer_id = $1',
        [params.id],
      );
      if (!c) throw new ApiError(404, 'unknown_customer', { id: params.id });
      await logAccess(deps.store.engine, { userId: principal!.userId, username: principal!.username, action: 'reveal', customerId: params.id, fields: ['contact_name', 'contact_phone', 'contact_email'] }, deps.now());
      const open = deps.store.cipher.open;
      return { customerId: params.id, contact: { name: open(c.name), phone: open(c.phone), email: open(c.email) } };
    },
  }),
  route({
    method: 'POST',
    url: '/api/customers/:id/erase',
    summary: 'Erase the customer\'s personal data on request (contact, gender, birth date; rejected import rows naming them); orders stay. Admins only; logged; later imports keep the fields empty',
    access: ['admin'],
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: z.object({ id: z.string().min(1).max(200) }),
    handler: async ({ params, deps, principal }) => {
      const erased = await eraseCustomer(deps.store.engine, params.id, { userId: principal!.userId, username: principal!.username }, deps.now());
      if (erased === null) throw new ApiError(404, 'unknown_customer', { id: params.id });
      return { customerId: params.id, ...erased };
    },
  }),
];

/** A customer outside the caller's scope answers as if it did not exist. */
async function assertInScope(db: Queryable, principal: Principal | null, id: string): Promise<void> {
  const within = callerScope(principal);
  if (Object.keys(within).length === 0) return;
  const [row] = await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM (${scopeSql(within)}) AS within_scope WHERE customer_id = $1`, [id]);
  if (Number(row?.n ?? 0) === 0) throw new ApiError(404, 'unknown_customer', { id });
}
