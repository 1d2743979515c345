/**
 * What GET /api/<section> answers (src/server/routes/analysis-routes.ts): a
 * section of the analysis document, with the snapshot, period and customers
 * it covers. Section types come from the analysis itself, as type-only
 * imports, so the page and the server cannot drift apart.
 */
import type { AnalysisPeriod } from '../../analytics/analysis-context.js';

export type SectionResponse<T> = T & {
  readonly snapshotId: number;
  readonly period: AnalysisPeriod;
  readonly scope: string | null;
};
