/**
 * The dashboard pages' data, each a section of the latest analysis of all
 * customers (or ?snapshot=): funnel, team, satisfaction, churn warning,
 * behaviour, tiers and segments, recommendations.
 */
import { z } from 'zod';
import type { AnalysisDocument } from '../../analytics/snapshot/run-analysis.js';
import type { Queryable } from '../../store/engine.js';
import { ApiError } from '../api-error.js';
import { noInput, route } from '../route-spec.js';

const query = z.object({ snapshot: z.coerce.number().int().min(1).optional(), lang: z.enum(['zh-CN', 'en']).optional() }).strict();

export async function snapshotDocument(db: Queryable, snapshotId?: number): Promise<AnalysisDocument> {
  const [row] =
    snapshotId === undefined
      ? await db.query<{ summary: string }>('SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots WHERE scope IS NULL ORDER BY as_of DESC, snapshot_id DESC LIMIT 1')
      : await db.query<{ summary: string }>('SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots WHERE snapshot_id = $1', [snapshotId]);
  if (!row) throw new ApiError(404, 'no_snapshot');
  return JSON.parse(row.summary) as AnalysisDocument;
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
    query,
    params: noInput,
    handler: async ({ query: q, deps }) => {
      const d = await snapshotDocument(deps.store.engine, q.snapshot);
      return { snapshotId: d.snapshotId, period: d.period, ...(s.pick(d) as object) };
    },
  }),
);
