/** The dashboard's overview: KPIs with 同比/环比, tiers, funnel and the riskiest customers, from the latest analysis. */
import { everyone } from '../../access/roles.js';
import { z } from 'zod';
import { analysisFilters, filteredDocument } from './analysis-routes.js';
import { tierCode, tierCodes } from '../../i18n/tier-labels.js';
import { ApiError } from '../api-error.js';
import { langOnly, noInput, route } from '../route-spec.js';

export const overviewRoutes = [
  route({
    method: 'GET',
    url: '/api/health',
    summary: 'Liveness: the server answers and the store opens',
    access: 'public',
    query: langOnly,
    params: noInput,
    handler: async ({ deps }) => {
      await deps.store.engine.query('SELECT 1');
      return { ok: true };
    },
  }),
  route({
    method: 'GET',
    url: '/api/overview',
    summary: 'KPIs with year-on-year and period-on-period changes, tiers, funnel and at-risk customers of the latest analysis',
    access: everyone,
    query: z.object({ ...analysisFilters, tier: z.string().min(1).optional() }).strict(),
    params: noInput,
    handler: async ({ query, deps, principal }) => {
      const { tier, ...filters } = query;
      const d = await filteredDocument(deps, filters, principal);
      const tierCodeOf = tier === undefined ? undefined : tierCode(tier);
      if (tier !== undefined && tierCodeOf === null) throw new ApiError(400, 'unknown_tier', { value: tier, accepted: tierCodes.join(', ') });
      return {
        snapshotId: d.snapshotId,
        period: d.period,
        scope: d.scope,
        kpis: {
          current: d.kpis.current,
          yearOverYear: d.kpis.yearOverYear,
          periodOverPeriod: d.kpis.periodOverPeriod,
          // Analyses stored before the dates were recorded have none.
          comparedWith: (d.kpis.comparedWith as typeof d.kpis.comparedWith | undefined) ?? null,
        },
        tiers: d.tiers.value,
        pareto: d.pareto,
        funnel: { stages: d.funnel.stages, bottleneck: d.funnel.bottleneck, winRate: d.funnel.winRate },
        atRisk: d.churn.atRisk.filter((c) => tierCodeOf === undefined || c.tier === tierCodeOf).slice(0, 10),
        churnBands: d.churn.bands,
      };
    },
  }),
];
