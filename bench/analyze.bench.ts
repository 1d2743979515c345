/**
 * RFM + tiers on a scaled dataset against the bare SQL aggregate of the same
 * measures, in the same run and store:
 *   baseline   CREATE TABLE … AS SELECT customer_id, max(order_date),
 *              count(DISTINCT order_id), sum(amount) … GROUP BY customer_id
 *   salescope  the scoring statement of `salescope analyze` (measures,
 *              quintile breaks, scores, weighted RFM, value and RFM tiers,
 *              ABC, named segments) into customer_scores
 * then the scoring with the KPIs (同比 and 环比 included), which is what issue 8
 * names "analyze (RFM + tiers + KPIs)", and the whole analysis (KPIs,
 * cohorts, slices, health, clusters, churn model, behaviour, funnel, team,
 * satisfaction): the median of `runs` whole analyses (one at XL), the
 * parts before it best of `runs`.
 *
 *   npx tsx bench/analyze.bench.ts [S|M|L] [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultAnalysisConfig } from '../src/config/analysis-config.js';
import { defaultPeriod } from '../src/analytics/analysis-period.js';
import { insertCustomerScoresSql } from '../src/analytics/snapshot/customer-scores-sql.js';
import { runAnalysis } from '../src/analytics/snapshot/run-analysis.js';
import { kpiReport } from '../src/analytics/kpi/kpis.js';
import { openStore } from '../src/store/open-store.js';
import type { Engine } from '../src/store/engine.js';
import { bestOf, median } from './bench-runs.js';
import { generateScaled, sizes } from './scaled-data.js';

export interface AnalyzeBenchResult {
  readonly size: string;
  readonly customers: number;
  readonly lines: number;
  readonly generateMs: number;
  readonly baselineMs: number;
  readonly scoringMs: number;
  readonly ratio: number;
  /** Scores and tiers written, then the KPIs with 同比 and 环比, in one transaction. */
  readonly scoringKpisMs: number;
  /** The whole `salescope analyze` (every section), once; null when not asked for. */
  readonly analyzeMs: number | null;
  readonly peakRssMb: number;
}

export async function benchAnalyze(sizeName: keyof typeof sizes, runs: number, full = true): Promise<AnalyzeBenchResult> {
  const size = sizes[sizeName];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-bench-analyze-'));
  // XL leaves half the memory to the process itself (scores, models): DuckDB spills the rest to its temp directory.
  const store = await openStore({ db: path.join(dir, 'bench.duckdb'), ...(sizeName === 'XL' ? { memoryLimit: '12GB' } : {}) });
  try {
    const db = store.engine;
    const t0 = performance.now();
    await generateScaled(db, size);
    await db.run('CHECKPOINT');
    const generateMs = Math.round(performance.now() - t0);
    const asOf = '2025-12-31';
    const ctx = { db, period: defaultPeriod(asOf), config: defaultAnalysisConfig(), tiers: null, scope: null };
    const baselineMs = await bestOf(runs, async () => {
      await db.run(`CREATE OR REPLACE TABLE bench_baseline AS
        SELECT customer_id, max(order_date) AS last_order, count(DISTINCT order_id) FILTER (WHERE order_date >= DATE '2025-01-01' AND NOT is_return) AS frequency,
          sum(amount) FILTER (WHERE order_date >= DATE '2025-01-01') AS monetary
        FROM order_lines WHERE customer_id IS NOT NULL AND order_date <= DATE '${asOf}' GROUP BY customer_id`);
    });
    let snapshot = 1_000_000;
    const scoringMs = await bestOf(runs, async () => {
      await db.run(insertCustomerScoresSql(ctx, ++snapshot, false));
    });
    const scoringKpisMs = await bestOf(runs, async () => {
      await db.transaction(async (tx) => {
        const id = ++snapshot;
        await tx.run(insertCustomerScoresSql({ ...ctx, db: tx }, id, false));
        await kpiReport({ ...ctx, db: tx });
      });
    });
    await db.run('DELETE FROM customer_scores');
    // The scoring runs' rows are folded out of the file before the analysis starts, as in a store a user opens.
    await db.run('CHECKPOINT');
    const analyzeMs = full ? await wholeAnalyze(db, asOf, sizeName === 'XL' ? 1 : runs) : null;
    return {
      size: sizeName,
      customers: size.customers,
      lines: size.lines,
      generateMs,
      baselineMs,
      scoringMs,
      ratio: Math.round((scoringMs / baselineMs) * 100) / 100,
      scoringKpisMs,
      analyzeMs,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The median of `runs` whole analyses of the same data: each snapshot is
 * removed (and the file checkpointed) before the next, so that every run
 * starts from the same store and none finds a previous snapshot to compare.
 */
async function wholeAnalyze(db: Engine, asOf: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const { snapshotId } = await runAnalysis(db, { asOf }, () => new Date());
    times.push(performance.now() - t);
    for (const table of ['customer_scores', 'customer_risk', 'customer_recommendations', 'analysis_snapshots']) {
      await db.run(`DELETE FROM ${table} WHERE snapshot_id = $1`, [snapshotId]);
    }
    await db.run('CHECKPOINT');
  }
  return Math.round(median(times));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = (process.argv[2] ?? 'M') as keyof typeof sizes;
  console.log(JSON.stringify(await benchAnalyze(size, Number(process.argv[3] ?? 3))));
}
