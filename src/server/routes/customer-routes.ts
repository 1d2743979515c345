/** Customers: the scored list (paged, sorted, filtered) and one customer seen whole. */
import { z } from 'zod';
import { customerProfile } from '../../analytics/snapshot/customer-profile.js';
import { customerFacets, listScoredCustomers, type CustomerFacets, type CustomerPage, type CustomerSort } from '../../analytics/snapshot/customer-list.js';
import { tierCode, tierCodes } from '../../i18n/tier-labels.js';
import { ApiError } from '../api-error.js';
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
const listCache = new WeakMap<object, DataVersionCache<CustomerPage | null>>();
const facetCache = new WeakMap<object, DataVersionCache<CustomerFacets>>();

function cacheOf<T>(caches: WeakMap<object, DataVersionCache<T>>, db: Queryable, capacity: number): DataVersionCache<T> {
  const found = caches.get(db);
  if (found) return found;
  const made = new DataVersionCache<T>(capacity);
  caches.set(db, made);
  return made;
}

export function listFilters(query: { q?: string | undefined; industry?: string | undefined; region?: string | undefined; rep?: string | undefined; minRisk?: number | undefined; abc?: string | undefined }) {
  return {
    ...(query.q !== undefined ? { search: query.q } : {}),
    ...(query.industry !== undefined ? { industry: query.industry } : {}),
    ...(query.region !== undefined ? { region: query.region } : {}),
    ...(query.rep !== undefined ? { repId: query.rep } : {}),
    ...(query.minRisk !== undefined ? { minRisk: query.minRisk } : {}),
    ...(query.abc !== undefined ? { abc: query.abc } : {}),
  };
}

export const customerRoutes = [
  route({
    method: 'GET',
    url: '/api/customers/facets',
    summary: 'The values the customer filters offer: industries, regions and reps with customers',
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    handler: async ({ deps }) => {
      const db = deps.store.engine.readers();
      return cacheOf(facetCache, db, 1).get(db, 'facets', () => customerFacets(db));
    },
  }),
  route({
    method: 'GET',
    url: '/api/customers',
    summary: 'Scored customers of the latest analysis (or ?snapshot=), paged, sorted and filtered by tier or segment',
    query: listQuery,
    params: noInput,
    handler: async ({ query, deps }) => {
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
        ...listFilters(query),
      };
      const page = await cacheOf(listCache, db, 200).get(db, JSON.stringify(request), () => listScoredCustomers(db, request));
      if (page === null) throw new ApiError(404, 'no_snapshot');
      return { snapshotId: page.snapshotId, asOf: page.asOf, total: page.total, page: query.page, pageSize: query.pageSize, items: page.customers };
    },
  }),
  route({
    method: 'GET',
    url: '/api/customers/:id',
    summary: 'One customer seen whole: profile (contact masked), score and tier history, churn signals, CLV, recommendations, orders, interactions, complaints',
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: z.object({ id: z.string().min(1).max(200) }),
    handler: async ({ params, lang, deps }) => {
      const profile = await customerProfile(deps.store.engine.readers(), params.id);
      if (profile === null) throw new ApiError(404, 'unknown_customer', { id: params.id });
      const group = playbookGroupOf(profile.scores.at(-1)?.valueTier ?? null, profile.risk?.riskScore ?? null);
      return { ...profile, strategy: group === null ? null : { group, ...entryText(defaultPlaybook[group], lang) } };
    },
  }),
];
