/**
 * From a request to a report model: the analysis snapshot for the period
 * (reused when one exists, computed otherwise), the report data, the model.
 */
import type { Engine } from '../store/engine.js';
import { resolvePeriod } from '../analytics/analysis-period.js';
import { runAnalysis, type AnalysisDocument } from '../analytics/snapshot/run-analysis.js';
import { latestConfig } from '../analytics/snapshot/config-versions.js';
import { defaultAnalysisConfig } from '../config/analysis-config.js';
import type { Lang } from '../i18n/i18n.js';
import { defaultPlaybook } from '../playbook/default-playbook.js';
import { readReportData } from './report-data.js';
import { buildReportModel, type ReportModel } from './report-model.js';

export interface ReportRequest {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly lang: Lang;
  readonly goal?: string;
  /** Rows in each customer table. */
  readonly rows?: number;
}

async function snapshotFor(engine: Engine, req: ReportRequest, now: () => Date): Promise<AnalysisDocument> {
  const period = await resolvePeriod(engine, req);
  const [found] = await engine.query<{ summary: string }>(
    `SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots
     WHERE as_of = CAST($1 AS DATE) AND period_from = CAST($2 AS DATE) AND period_to = CAST($3 AS DATE) ORDER BY snapshot_id DESC LIMIT 1`,
    [period.asOf, period.from, period.to],
  );
  if (found) return JSON.parse(found.summary) as AnalysisDocument;
  return runAnalysis(engine, period, now);
}

export async function prepareReport(engine: Engine, req: ReportRequest, now: () => Date): Promise<ReportModel> {
  const doc = await snapshotFor(engine, req, now);
  const config = (await latestConfig(engine))?.config ?? defaultAnalysisConfig();
  const data = await readReportData(engine, doc, config, req.rows ?? 20);
  return buildReportModel(data, { lang: req.lang, playbook: defaultPlaybook, ...(req.goal !== undefined ? { goal: req.goal } : {}) });
}
