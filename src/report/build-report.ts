/**
 * From a request to a report model: the analysis snapshot for the period
 * (reused when one exists, computed otherwise), the report data, the model.
 */
import type { Engine } from '../store/engine.js';
import { snapshotFor } from '../analytics/snapshot/snapshot-for.js';
import { latestConfig } from '../analytics/snapshot/config-versions.js';
import { defaultAnalysisConfig } from '../config/analysis-config.js';
import { joinClauses, type Lang } from '../i18n/i18n.js';
import { defaultPlaybook, type Playbook } from '../playbook/default-playbook.js';
import { scopeKeys, scopeSql, type AnalysisScope } from '../analytics/analysis-scope.js';
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
  /** Only these customers (region=华东,industry=制造业 …). */
  readonly scope?: AnalysisScope;
  /** The company's playbook (default: the built-in one). */
  readonly playbook?: Playbook;
}

/** `open` reads a sealed personal field; the report carries it masked only. */
export async function prepareReport(engine: Engine, req: ReportRequest, now: () => Date, open: (sealed: string | null) => string | null): Promise<ReportModel> {
  const doc = await snapshotFor(engine, req, now);
  const config = (await latestConfig(engine))?.config ?? defaultAnalysisConfig();
  const scope = req.scope ? `report_scope_${doc.snapshotId}` : null;
  if (scope !== null) {
    await engine.run(`DROP TABLE IF EXISTS ${scope}`);
    await engine.run(`CREATE TEMP TABLE ${scope} AS ${scopeSql(req.scope!)}`);
  }
  try {
    const data = await readReportData(engine, doc, config, req.rows ?? 20, scope, open);
    return buildReportModel(data, {
      lang: req.lang,
      playbook: req.playbook ?? defaultPlaybook,
      ...(req.goal !== undefined ? { goal: req.goal } : {}),
      ...(req.scope ? { scope: scopeLabel(req.scope, req.lang) } : {}),
    });
  } finally {
    if (scope !== null) await engine.run(`DROP TABLE IF EXISTS ${scope}`);
  }
}

const keyNames = { region: { 'zh-CN': '区域', en: 'region' }, industry: { 'zh-CN': '行业', en: 'industry' }, size: { 'zh-CN': '企业规模', en: 'size' }, rep: { 'zh-CN': '负责销售', en: 'rep' }, team: { 'zh-CN': '团队', en: 'team' } } as const;

/** 区域：华东；行业：制造业 / region: 华东; industry: 制造业 */
export function scopeLabel(scope: AnalysisScope, lang: Lang): string {
  const parts = scopeKeys.filter((k) => scope[k] !== undefined).map((k) => `${keyNames[k][lang]}${lang === 'zh-CN' ? '：' : ': '}${scope[k]}`);
  return joinClauses(parts, lang);
}
