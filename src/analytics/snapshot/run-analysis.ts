/**
 * `salescope analyze`: one dated snapshot. Per-customer scores and tiers go
 * to customer_scores; every section of the analysis goes into one document,
 * stored with the snapshot and returned. All in one transaction: a failed
 * analysis leaves no half snapshot behind.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { quoteIdent, type Engine, type Queryable } from '../../store/engine.js';
import { markOrderHeadsSql } from '../../store/schema/order-heads.js';
import { alongside, type AnalysisContext, type AnalysisPeriod } from '../analysis-context.js';
import { addDays, assertAfterFirstOrder, resolvePeriod } from '../analysis-period.js';
import { churnFeaturesTableSql } from '../churn/churn.js';
import { purchaseDaysSql, purchaseHistorySql, scopeFilter } from '../analysis-sql.js';
import type { CohortRow } from '../cohort/cohort-retention.js';
import type { KpiReport } from '../kpi/kpis.js';
import { kpiSlices, type SliceDimension, type SliceRow } from '../kpi/kpi-slices.js';
import { rfmBreaksQuery } from '../rfm/rfm-sql.js';
import { fitClusters, readClusterInput, storeClusters, type Clustering } from '../segments/clusters.js';
import { allSegments as segmentsOf, segmentDimensions, type SegmentDimension, type SegmentRow } from '../segments/segments.js';
import { allTierTraits, tierMigration, type Migration, type TierTrait } from '../tiers/tier-traits.js';
import { pareto, type ParetoSummary } from '../value/pareto.js';
import { latestConfig, saveConfig } from './config-versions.js';
import { scopeKey, scopeSql, type AnalysisScope } from '../analysis-scope.js';
import { insertCustomerScoresSql } from './customer-scores-sql.js';
import { analysisSections, type AnalysisSections } from './analysis-sections.js';
import { readBeside, type ReadBeside } from './read-beside.js';

export interface AnalyzeRequest {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  /** Settings to use (and store as a new version when they differ from the latest). */
  readonly config?: AnalysisConfig;
  readonly configNote?: string;
  /** Analyse only these customers (a report for 华东 / 制造业); the snapshot records it. */
  readonly scope?: AnalysisScope;
  /**
   * Asked for by a dashboard filter or a report, not the analysis of record:
   * stored apart (scope '*' when it covers all customers), so the latest
   * analysis every page starts from stays the one `analyze` made.
   */
  readonly onDemand?: boolean;
}

/** The scope column of a snapshot of all customers made on demand. */
export const onDemandScope = '*';

export interface AnalysisDocument extends AnalysisSections {
  readonly snapshotId: number;
  readonly previousSnapshotId: number | null;
  readonly period: AnalysisPeriod;
  /** The customers analysed (region=华东,…), or null for all. */
  readonly scope: string | null;
  readonly configVersion: number;
  readonly customersScored: number;
  readonly kpis: KpiReport;
  readonly cohorts: readonly CohortRow[];
  readonly rfm: {
    readonly windowDays: number;
    readonly breaks: { readonly r: readonly number[]; readonly f: readonly number[]; readonly m: readonly number[] };
    /** Customers per (R, F) cell, for the RFM grid. */
    readonly grid: readonly { readonly r: number; readonly f: number; readonly customers: number; readonly revenue: number }[];
  };
  readonly tiers: { readonly value: readonly TierTrait[]; readonly rfm: readonly TierTrait[]; readonly segments: readonly TierTrait[] };
  readonly migration: { readonly value: readonly Migration[]; readonly rfm: readonly Migration[] } | null;
  readonly pareto: ParetoSummary;
  readonly segments: Readonly<Record<SegmentDimension, readonly SegmentRow[]>>;
  readonly slices: Readonly<Record<SliceDimension, readonly SliceRow[]>>;
  readonly clusters: Clustering;
}

async function configInForce(db: Queryable, req: AnalyzeRequest, now: Date) {
  if (req.config) return saveConfig(db, req.config, req.configNote ?? 'changed for an analysis', now);
  return (await latestConfig(db)) ?? saveConfig(db, defaultAnalysisConfig(), 'defaults', now);
}

async function previousSnapshot(db: Queryable, asOf: string, scope: string | null): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(
    'SELECT snapshot_id AS id FROM analysis_snapshots WHERE as_of < CAST($1 AS DATE) AND scope IS NOT DISTINCT FROM $2 ORDER BY as_of DESC, snapshot_id DESC LIMIT 1',
    [asOf, scope],
  );
  return row?.id ?? null;
}

export async function runAnalysis(engine: Engine, req: AnalyzeRequest, now: () => Date): Promise<AnalysisDocument> {
  // Every import marks its order heads; this catches lines written some other way (one scan when there are none),
  // committed first so that the analysis and the reader beside it see the same heads.
  await engine.transaction((tx) => tx.run(markOrderHeadsSql));
  return engine.transactionWithReader(async (db, reader) => {
    const period = await resolvePeriod(db, req);
    if (req.asOf !== undefined || req.to !== undefined) await assertAfterFirstOrder(db, period);
    const { version, config } = await configInForce(db, req, now());
    const snapshotId = (await db.query<{ id: number }>(`SELECT nextval('snapshot_seq') AS id`))[0]!.id;
    const scope = scopeKey(req.scope);
    const scopeTable = req.scope && scope !== null ? `snapshot_scope_${snapshotId}` : null;
    if (scopeTable !== null) await db.run(`CREATE TEMP TABLE ${scopeTable} AS ${scopeSql(req.scope!)}`);
    const tiersView = `snapshot_tiers_${snapshotId}`;
    const purchaseDays = `purchase_days_${snapshotId}`;
    const purchaseHistory = `purchase_history_${snapshotId}`;
    const churnFeatures = `churn_features_${snapshotId}`;
    const ctx = { db, period, config, tiers: tiersView, scope: scopeTable, purchaseDays, purchaseHistory, churnFeatures };
    await db.run(`CREATE TEMP TABLE ${purchaseDays} AS ${purchaseDaysSql(period.asOf, scopeFilter(ctx))}`);
    await db.run(`CREATE TEMP TABLE ${purchaseHistory} AS ${purchaseHistorySql(quoteIdent(purchaseDays))}`);
    const population = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${purchaseHistory}`))[0]!.n;
    const readerScope = scopeTable === null ? null : req.scope!;
    const beside = readBeside({ db: reader, period, config, tiers: null, scope: null }, readerScope, snapshotId, population);
    // Awaited only once the analysis needs it: a failure before then must not go unhandled (it would end the process).
    beside.catch(() => undefined);
    try {
      const doc = await analyse(ctx, { snapshotId, scope, configVersion: version }, beside);
      await db.run(`DROP VIEW ${tiersView}`);
      for (const table of [purchaseDays, purchaseHistory, churnFeatures, ...(scopeTable === null ? [] : [scopeTable])]) await db.run(`DROP TABLE ${table}`);
      await storeSnapshot(db, doc, scope ?? (req.onDemand ? onDemandScope : null), now());
      return doc;
    } finally {
      // Nothing may still be running on the reader when the transaction ends, not even after a failure.
      await beside.catch(() => undefined);
    }
  });
}

function storeSnapshot(db: Queryable, doc: AnalysisDocument, scope: string | null, at: Date): Promise<void> {
  const p = doc.period;
  return db.run('INSERT INTO analysis_snapshots VALUES ($1, CAST($2 AS DATE), CAST($3 AS DATE), CAST($4 AS DATE), $5, $6::TIMESTAMP, $7::JSON, $8)', [
    doc.snapshotId,
    p.asOf,
    p.from,
    p.to,
    doc.configVersion,
    at.toISOString().replace('T', ' ').replace('Z', ''),
    JSON.stringify(doc),
    scope,
  ]);
}

type SnapshotHead = Pick<AnalysisDocument, 'snapshotId' | 'scope' | 'configVersion'>;

type AnalysisTables = { readonly purchaseDays: string; readonly churnFeatures: string };

/** Every section of the document, in its order; the parts read beside are awaited last, when they are long done. */
async function analyse(ctx: AnalysisContext & AnalysisTables, head: SnapshotHead, beside: Promise<ReadBeside>): Promise<AnalysisDocument> {
  const { db, period } = ctx;
  const id = head.snapshotId;
  // The churn section reads the churn features, made while the clusters are fitted.
  const clusters = await scoreCustomers(ctx, id, churnFeaturesTableSql(ctx, ctx.churnFeatures, ctx.purchaseDays));
  await db.run(`CREATE OR REPLACE TEMP VIEW ${ctx.tiers} AS SELECT customer_id, value_tier AS tier FROM customer_scores WHERE snapshot_id = ${id}`);
  const previousSnapshotId = await previousSnapshot(db, period.asOf, head.scope);
  const customersScored = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM customer_scores WHERE snapshot_id = ${id}`))[0]!.n;
  const rfm = await rfmSection(ctx, id);
  const tiers = await tiersSection(db, id);
  const migration =
    previousSnapshotId === null
      ? null
      : { value: await tierMigration(db, previousSnapshotId, id, 'value_tier'), rfm: await tierMigration(db, previousSnapshotId, id, 'rfm_tier') };
  const paretoSummary = await pareto(db, id);
  const segments = await allSegments(ctx, id);
  const slices = await kpiSlices(ctx, id);
  const churnModel = beside.then((b) => b.churnModel);
  churnModel.catch(() => undefined); // a failure is reported by the await below, not left unhandled when an earlier section throws
  const sections = await analysisSections(ctx, id, churnModel);
  const { kpis, cohorts } = await beside;
  return {
    snapshotId: id,
    previousSnapshotId,
    period,
    scope: head.scope,
    configVersion: head.configVersion,
    customersScored,
    kpis,
    cohorts,
    rfm,
    tiers,
    migration,
    pareto: paretoSummary,
    segments,
    slices,
    clusters,
    ...sections,
  };
}

/**
 * Scores, tiers, purchase cycles, health and clusters of every customer, into
 * customer_scores; `meanwhile`, a statement that reads none of them, runs in
 * the engine while JavaScript fits the clusters.
 */
async function scoreCustomers(ctx: AnalysisContext, snapshotId: number, meanwhile: string): Promise<Clustering> {
  await ctx.db.run(insertCustomerScoresSql(ctx, snapshotId));
  const c = ctx.config.clustering;
  const input = await readClusterInput(ctx.db, snapshotId);
  const [, fit] = await alongside(ctx.db.run(meanwhile), () => fitClusters(input, { ...(c.k !== undefined ? { k: c.k } : {}), maxK: c.maxK, seed: c.seed }));
  return storeClusters(ctx.db, snapshotId, fit);
}

async function tiersSection(db: Queryable, snapshotId: number): Promise<AnalysisDocument['tiers']> {
  const t = await allTierTraits(db, snapshotId, ['value_tier', 'rfm_tier', 'rfm_segment']);
  return { value: t.value_tier, rfm: t.rfm_tier, segments: t.rfm_segment };
}

async function rfmSection(ctx: AnalysisContext, snapshotId: number): Promise<AnalysisDocument['rfm']> {
  const [b] = await ctx.db.query<{ rb: number[]; fb: number[]; mb: number[] }>(rfmBreaksQuery(ctx, snapshotId));
  const grid = await ctx.db.query<{ r: number; f: number; customers: number; revenue: number }>(
    `SELECT r_score AS r, f_score AS f, count(*) AS customers, CAST(sum(monetary) AS FLOAT8) AS revenue
     FROM customer_scores WHERE snapshot_id = ${snapshotId} GROUP BY r_score, f_score ORDER BY r, f`,
  );
  return { windowDays: ctx.config.rfm.windowDays, breaks: { r: b?.rb ?? [], f: b?.fb ?? [], m: b?.mb ?? [] }, grid };
}

async function allSegments(ctx: AnalysisContext, snapshotId: number): Promise<AnalysisDocument['segments']> {
  const windowFrom = addDays(ctx.period.asOf, -ctx.config.rfm.windowDays + 1);
  return segmentsOf(ctx.db, snapshotId, segmentDimensions, ctx.period.asOf, windowFrom);
}
