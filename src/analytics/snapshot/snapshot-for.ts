/**
 * The analysis for a period and a set of customers: the stored snapshot when
 * one exists, computed and stored otherwise. Reports and the dashboard's
 * filters share it, so a scope is analysed once and then read.
 */
import type { Engine } from '../../store/engine.js';
import { resolvePeriod } from '../analysis-period.js';
import { scopeKey, type AnalysisScope } from '../analysis-scope.js';
import { onDemandScope, runAnalysis, type AnalysisDocument } from './run-analysis.js';

export interface SnapshotRequest {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly scope?: AnalysisScope;
}

export async function snapshotFor(engine: Engine, req: SnapshotRequest, now: () => Date): Promise<AnalysisDocument> {
  const period = await resolvePeriod(engine, req);
  // Without any choice it is the analysis of record; any choice makes one on demand, kept apart.
  const onDemand = req.asOf !== undefined || req.from !== undefined || req.to !== undefined || scopeKey(req.scope) !== null;
  const key = scopeKey(req.scope) ?? (onDemand ? onDemandScope : null);
  const [found] = await engine.query<{ summary: string }>(
    `SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots
     WHERE as_of = CAST($1 AS DATE) AND period_from = CAST($2 AS DATE) AND period_to = CAST($3 AS DATE) AND (scope IS NOT DISTINCT FROM $4 OR ($4 = '*' AND scope IS NULL))
     ORDER BY snapshot_id DESC LIMIT 1`,
    [period.asOf, period.from, period.to, key],
  );
  if (found) return JSON.parse(found.summary) as AnalysisDocument;
  return runAnalysis(engine, { ...period, onDemand, ...(req.scope ? { scope: req.scope } : {}) }, now);
}
