/**
 * The parts of an analysis that need nothing it writes (the KPIs, the
 * cohorts and the churn model), read on the reader of its snapshot
 * (Engine.transactionWithReader). They run while the analysis ranks and
 * scores its customers, steps that keep one core of the engine idle.
 */
import { withTempTables } from '../../store/engine.js';
import type { AnalysisContext } from '../analysis-context.js';
import { scopeSql, type AnalysisScope } from '../analysis-scope.js';
import { fitChurnModel, type FittedChurnModel } from '../churn/churn-model.js';
import { cohortRetention, type CohortRow } from '../cohort/cohort-retention.js';
import { kpiReport, type KpiReport } from '../kpi/kpis.js';

export interface ReadBeside {
  readonly churnModel: FittedChurnModel | null;
  readonly kpis: KpiReport;
  readonly cohorts: readonly CohortRow[];
}

/**
 * `ctx.db`: the reader. `scope`: the analysis's customers, or null for all
 * (the reader cannot see the analysis's temporary tables, so it makes its
 * own). `population`: the customers the analysis scores, which sets the
 * churn model's training sample.
 */
export async function readBeside(ctx: AnalysisContext, scope: AnalysisScope | null, snapshotId: number, population: number): Promise<ReadBeside> {
  const scopeTable = scope === null ? null : `reader_scope_${Math.floor(snapshotId)}`;
  const c: AnalysisContext = { ...ctx, scope: scopeTable };
  return withTempTables(c.db, scopeTable === null ? [] : [scopeTable], async () => {
    if (scope !== null) await c.db.run(`CREATE TEMP TABLE ${scopeTable} AS ${scopeSql(scope)}`);
    // The model first: its reads are small and its fit is JavaScript, which suits the idle core best.
    const churnModel = await fitChurnModel(c.db, c.period.asOf, c.config, scopeTable, population);
    return { churnModel, kpis: await kpiReport(c), cohorts: await cohortRetention(c) };
  });
}
