/**
 * The dashboard pages' data, each a section of the latest analysis of all
 * customers (or ?snapshot=): funnel, team, satisfaction, churn warning,
 * behaviour, tiers and segments, recommendations.
 */
import { perStore } from '../per-store.js';
import { everyone } from '../../access/roles.js';
import { z } from 'zod';
import type { AnalysisDocument } from '../../analytics/snapshot/run-analysis.js';
import type { Queryable } from '../../store/engine.js';
import { ApiError } from '../api-error.js';
import { isoDate, noInput, route, type AppDeps } from '../route-spec.js';
import type { Principal } from '../../access/roles.js';
import { callerScope } from '../caller-scope.js';
import { NoDataError } from '../../analytics/analysis-period.js';
import { scopeKeys, type AnalysisScope } from '../../analytics/analysis-scope.js';
import { snapshotFor } from '../../analytics/snapshot/snapshot-for.js';

const filterText = z.string().min(1).max(200).optional();

/** What every dashboard page may be filtered by: a stored snapshot, or a period and a set of customers. */
export const analysisFilters = {
  snapshot: z.coerce.number().int().min(1).optional(),
  asOf: isoDate.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  region: filterText,
  industry: filterText,
  size: filterText,
  rep: filterText,
  lang: z.enum(['zh-CN', 'en']).optional(),
};
const query = z.object(analysisFilters).strict();
type Filters = z.infer<typeof query>;

// One analysis per filter set at a time: two dashboards asking for 华东 together share the run.
const runningOf = perStore(() => new Map<string, Promise<AnalysisDocument>>());

/** The analysis a page asked for: by id, by filters (computed once and stored), or the latest of all customers. */
export async function filteredDocument(deps: AppDeps, f: Filters, principal: Principal | null): Promise<AnalysisDocument> {
  const chosen: AnalysisScope = Object.fromEntries(scopeKeys.flatMap((k) => (k !== 'team' && f[k] !== undefined ? [[k, f[k]]] : [])));
  const forced = callerScope(principal);
  // A stored snapshot by id may cover customers outside a rep's or manager's scope.
  if (Object.keys(forced).length > 0 && f.snapshot !== undefined) throw new ApiError(403, 'forbidden', { role: principal?.role ?? '' });
  const scope = { ...chosen, ...forced };
  const filtered = Object.keys(scope).length > 0 || f.asOf !== undefined || f.from !== undefined || f.to !== undefined;
  if (f.snapshot !== undefined || !filtered) return snapshotDocument(deps.store.engine.readers(), f.snapshot);
  const req = { ...(f.asOf ? { asOf: f.asOf } : {}), ...(f.from ? { from: f.from } : {}), ...(f.to ? { to: f.to } : {}), ...(Object.keys(scope).length > 0 ? { scope } : {}) };
  const key = JSON.stringify(req);
  const inFlight = runningOf(deps.store);
  const pending = inFlight.get(key) ?? snapshotFor(deps.store.engine, req, deps.now).finally(() => inFlight.delete(key));
  inFlight.set(key, pending);
  try {
    return await pending;
  } catch (error) {
    if (error instanceof NoDataError) throw new ApiError(404, 'no_snapshot');
    throw error;
  }
}

// Snapshots never change once stored: a parsed document is kept per store and id (the latest few).
const parsedOf = perStore(() => new Map<number, AnalysisDocument>());
const keep = 8;

export async function snapshotDocument(db: Queryable, snapshotId?: number): Promise<AnalysisDocument> {
  const [row] =
    snapshotId === undefined
      ? await db.query<{ id: number }>('SELECT snapshot_id AS id FROM analysis_snapshots WHERE scope IS NULL ORDER BY as_of DESC, snapshot_id DESC LIMIT 1')
      : await db.query<{ id: number }>('SELECT snapshot_id AS id FROM analysis_snapshots WHERE snapshot_id = $1', [snapshotId]);
  if (!row) throw new ApiError(404, 'no_snapshot');
  const cache = parsedOf(db);
  const hit = cache.get(row.id);
  if (hit) return hit;
  const [doc] = await db.query<{ summary: string }>('SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots WHERE snapshot_id = $1', [row.id]);
  const value = JSON.parse(doc!.summary) as AnalysisDocument;
  cache.set(row.id, value);
  if (cache.size > keep) cache.delete(cache.keys().next().value!);
  return value;
}

const sections = {
  funnel: { summary: 'Sales funnel: stages reached, conversion against history, dwell, bottleneck, slices, lost reasons, stalled deals', pick: (d: AnalysisDocument) => d.funnel },
  team: { summary: 'Team: leaderboard by target attainment, team roll-up, target split by region, industry, tier and owner', pick: (d: AnalysisDocument) => d.team },
  satisfaction: { summary: 'Satisfaction: IPA quadrants, NPS and CSAT by month and tier, complaint categories, churn reasons, top issues with examples', pick: (d: AnalysisDocument) => d.satisfaction },
  churn: { summary: 'Churn warning: risk bands, signal counts, at-risk customers with evidence, model quality, recorded reasons', pick: (d: AnalysisDocument) => d.churn },
  behaviour: { summary: 'Buying behaviour: cycles, timing, category preference, basket rules and cross-sell, promotion, share of wallet, decision complexity', pick: (d: AnalysisDocument) => d.behaviour },
  segments: {
    summary: 'Tiers and segments: tier traits and migration, RFM grid, Pareto, segments, clusters',
    pick: (d: AnalysisDocument) => ({ tiers: d.tiers, migration: d.migration, rfm: d.rfm, pareto: d.pareto, segments: d.segments, clusters: d.clusters }),
  },
  recommendations: { summary: 'Recommendations: holdout hit rate against the popular baseline, and the top customers\' next-best products', pick: (d: AnalysisDocument) => d.recommendations },
} as const;

export const analysisRoutes = Object.entries(sections).map(([name, s]) =>
  route({
    method: 'GET',
    url: `/api/${name}`,
    summary: s.summary,
    access: everyone,
    query,
    params: noInput,
    handler: async ({ query: q, deps, principal }) => {
      const d = await filteredDocument(deps, q, principal);
      return { snapshotId: d.snapshotId, period: d.period, scope: d.scope, ...(s.pick(d) as object) };
    },
  }),
);
