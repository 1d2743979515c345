import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis, type AnalysisDocument } from '../../src/analytics/snapshot/run-analysis.js';
import { analysisConfigSchema, defaultAnalysisConfig } from '../../src/config/analysis-config.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';
import { auc } from '../../src/analytics/churn/classifier-metrics.js';
import { runForecast } from '../../src/analytics/forecast/forecast.js';
import { trainChurnModel } from '../../src/analytics/churn/churn-model.js';
import { modelFeatures, readChurnFeatures } from '../../src/analytics/churn/churn-features.js';
import { churnSignals, riskScore, type Signal } from '../../src/analytics/churn/churn-signals.js';
import { predictLogistic } from '../../src/analytics/churn/logistic-regression.js';
import { scopeSql } from '../../src/analytics/analysis-scope.js';
import { kpiReport } from '../../src/analytics/kpi/kpis.js';
import { cohortRetention } from '../../src/analytics/cohort/cohort-retention.js';
import type { Engine, Queryable, SqlValue } from '../../src/store/engine.js';

/** The default demo company: what the generator planted, the analysis must find. */
let demo: DemoStore;
let doc: AnalysisDocument;
let scores: Map<string, { value_tier: string; r_score: number; rfm_tier: string; potential_score: number }>;

beforeAll(async () => {
  demo = await demoStore();
  doc = await runAnalysis(demo.store.engine, {}, () => new Date('2026-01-01T00:00:00Z'));
  const rows = await demo.store.engine.query<{ customer_id: string; value_tier: string; r_score: number; rfm_tier: string; potential_score: number }>(
    `SELECT customer_id, value_tier, r_score, rfm_tier, potential_score FROM customer_scores WHERE snapshot_id = ${doc.snapshotId}`,
  );
  scores = new Map(rows.map((r) => [r.customer_id, r]));
}, 120_000);
afterAll(() => demo.store.dispose());

describe('analysis of the demo company', () => {
  it('measures the final year as the generator booked it', () => {
    const { truth, orderLines, dirtyRows } = demo.company;
    expect(doc.period).toEqual({ asOf: '2025-12-31', from: '2025-01-01', to: '2025-12-31' });
    // The truth books the planted bad rows at their clean value; the intake quarantines them.
    const quarantined = dirtyRows
      .filter((d) => d.expected === 'quarantine' && orderLines[d.lineIndex]!.date.startsWith('2025'))
      .reduce((sum, d) => sum + orderLines[d.lineIndex]!.amount, 0);
    expect(doc.kpis.current.revenue).toBeCloseTo(truth.revenue.byYear['2025']! - quarantined, 2);
  });

  it('puts the largest healthy customers in the strategic tier', () => {
    const truth = demo.company.truth;
    const segment = new Map(truth.customers.map((c) => [c.id, c.segment]));
    const largest = truth.value.top20ByPlantedValue.filter((id) => segment.get(id) === 'healthy');
    expect(largest.length).toBeGreaterThanOrEqual(10);
    const strategic = largest.filter((id) => scores.get(id)?.value_tier === 'strategic');
    expect(strategic.length / largest.length).toBeGreaterThanOrEqual(0.9);
  });

  it('sees the customers who churned as lapsed', () => {
    const truth = demo.company.truth;
    const churned = truth.churn.churned.map((c) => scores.get(c.id)).filter((s) => s !== undefined);
    expect(churned.length).toBe(truth.churn.churned.length);
    expect(churned.filter((s) => s.r_score === 1).length / churned.length).toBeGreaterThanOrEqual(0.95);
    // R1 is the bottom fifth of everyone, so some healthy customers with long purchase cycles sit there too, but few.
    const healthy = truth.churn.healthy.map((id) => scores.get(id)).filter((s) => s !== undefined);
    expect(healthy.filter((s) => s.r_score === 1).length / healthy.length).toBeLessThanOrEqual(0.15);
  });

  it('recognises the high-potential customers (large or mid-sized, growing industries)', () => {
    const hp = demo.company.truth.value.highPotential.map((id) => scores.get(id)).filter((s) => s !== undefined);
    expect(hp.length).toBeGreaterThan(20);
    expect(hp.every((s) => s.potential_score >= 0.6)).toBe(true);
    expect(hp.filter((s) => s.value_tier === 'long_tail')).toEqual([]);
  });

  it('reproduces the planted revenue concentration over the whole history', async () => {
    const truth = demo.company.truth;
    const config = analysisConfigSchema.parse({ rfm: { windowDays: 3 * 365 + 1 } });
    const whole = await runAnalysis(demo.store.engine, { config, configNote: 'whole history' }, () => new Date('2026-01-01T00:00:00Z'));
    const positive = await demo.store.one<{ n: number }>(`SELECT count(*) AS n FROM customer_scores WHERE snapshot_id = ${whole.snapshotId} AND monetary > 0`);
    expect(positive.n).toBe(truth.value.buyingCustomers);
    // The truth ranks customers with positive revenue only; the analysis ranks every scored customer.
    expect(whole.pareto.topRevenueShare).toBeGreaterThanOrEqual(truth.value.top20Share - 0.01);
    expect(whole.pareto.topRevenueShare).toBeLessThanOrEqual(truth.value.top20Share + 0.02);
  });

  it('ranks acquisition channels by cost per customer as planted', () => {
    const paid = doc.kpis.cacByChannel.filter((c) => c.cost > 0 && c.cac !== null);
    const dearestFirst = [...paid].sort((a, b) => b.cac! - a.cac!).map((c) => c.channel);
    expect(dearestFirst).toEqual(demo.company.truth.acquisition.cacOrder);
  });

  it('finds the planted basket pairs, with the confidence the rows realise', () => {
    const rules = doc.behaviour.basket.rules;
    for (const pair of demo.company.truth.behaviour.basketPairs) {
      const rule = rules.find((r) => r.from === pair.from && r.to === pair.to);
      expect(rule, `${pair.from} → ${pair.to}`).toBeDefined();
      // The truth counts the whole history; the analysis the final year.
      expect(rule!.lift).toBeGreaterThan(1);
      expect(Math.abs(rule!.confidence - pair.confidence)).toBeLessThanOrEqual(0.05);
    }
  });

  it("sees each industry's planted favourite category", () => {
    const prefs = demo.company.truth.behaviour.industryPreferences;
    for (const [industry, truth] of Object.entries(prefs)) {
      const ours = doc.behaviour.preferences.industry.filter((r) => r.group === industry).slice(0, 2).map((r) => r.category);
      expect(ours, industry).toContain(truth.topByLift[0]);
    }
  });

  it('flags the promotion-sensitive customers the generator planted', () => {
    const planted = new Set(demo.company.truth.behaviour.promotion.sensitive);
    const flagged = doc.behaviour.promotion.sensitive.top.map((c) => c.customerId);
    expect(flagged.length).toBeGreaterThan(10);
    expect(flagged.filter((id) => planted.has(id)).length / flagged.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the planted funnel bottleneck and its long dwell', () => {
    const { bottleneck } = demo.company.truth.funnel;
    expect(doc.funnel.bottleneck).toMatchObject({ from: bottleneck.from, to: bottleneck.to });
    const dwell = doc.funnel.stages.map((s) => s.meanDwellDays ?? 0);
    const at = doc.funnel.stages.findIndex((s) => s.stage === bottleneck.from);
    expect(Math.max(...dwell)).toBe(dwell[at]);
  });

  it('ranks the planted best and worst reps first and last among the established ones', () => {
    const truth = demo.company.truth.reps;
    const newHires = new Set(truth.byRep.filter((r) => r.newHire).map((r) => r.id));
    const established = doc.team.reps.filter((r) => !newHires.has(r.repId) && r.attainment !== null);
    expect(established[0]!.repId).toBe(truth.best.id);
    expect(established.at(-1)!.repId).toBe(truth.worst.id);
    for (const r of established) {
      const planted = truth.byRep.find((x) => x.id === r.repId)!;
      // The truth credits the customer's owner, the analysis the line's rep (the same in the demo); the
      // few planted bad rows the intake quarantines make the only difference.
      expect(Math.abs(r.revenue - planted.revenueFinalYear) / planted.revenueFinalYear).toBeLessThan(0.005);
      expect(r.target).toBeCloseTo(planted.targetFinalYear, 2);
    }
  });

  it('puts every survey item in its planted IPA quadrant', () => {
    const truth = demo.company.truth.satisfaction;
    const ours = Object.fromEntries(doc.satisfaction.ipa.items.map((i) => [i.item, i.quadrant]));
    expect(ours).toEqual(Object.fromEntries(Object.entries(truth.ipa).map(([item, t]) => [item, t.quadrant])));
    expect([...doc.satisfaction.ipa.improveFirst].sort()).toEqual([...truth.improveFirst].sort());
  });

  it("hears the churned customers' complaint in their own words", () => {
    // Price is the most recorded churn reason family (价格, 竞争对手): 价格 leads the text issues too.
    const terms = doc.satisfaction.topIssues.issues.slice(0, 5).map((i) => i.term);
    expect(terms.some((t) => t.includes('价格'))).toBe(true);
    expect(doc.satisfaction.complaintCategories[0]!.category).toBe('价格争议');
  });

  it('ranks the customers the generator made drift away above the healthy ones', async () => {
    const truth = demo.company.truth.churn;
    const risk = new Map(
      (await demo.store.engine.query<{ customer_id: string; risk_score: number }>(`SELECT customer_id, risk_score FROM customer_risk WHERE snapshot_id = ${doc.snapshotId}`)).map((r) => [r.customer_id, r.risk_score]),
    );
    const drifting = truth.atRisk.map((c) => c.id).filter((id) => risk.has(id));
    const healthy = truth.healthy.filter((id) => risk.has(id));
    expect(drifting.length).toBeGreaterThan(20);
    const scores = [...drifting, ...healthy].map((id) => risk.get(id)!);
    const labels = [...drifting.map(() => 1), ...healthy.map(() => 0)];
    expect(auc(scores, labels)).toBeGreaterThanOrEqual(0.9);
    // The supervised model and the score are both reported, with P(alive), on a time-split holdout.
    const m = doc.churn.model!;
    expect(m.testDate).toBe('2025-07-04');
    expect(m.model.auc).toBeGreaterThanOrEqual(0.85);
    expect(m.riskScore.auc).toBeGreaterThanOrEqual(0.85);
    expect(m.pAlive?.auc).toBeGreaterThan(0.5);
  });

  it('stores for every customer the risk, signals and probability the reference scoring in JavaScript gives', async () => {
    const config = defaultAnalysisConfig();
    const c = config.churn;
    const features = await readChurnFeatures(demo.store.engine, doc.period.asOf, config);
    const model = (await trainChurnModel(demo.store.engine, doc.period.asOf, config, null, features.length))!.model;
    const stored = new Map(
      (await demo.store.engine.query<{ customer_id: string; risk_score: number; churn_probability: number; signals: string }>(
        `SELECT customer_id, risk_score, churn_probability, CAST(signals AS VARCHAR) AS signals FROM customer_risk WHERE snapshot_id = ${doc.snapshotId}`,
      )).map((r) => [r.customer_id, r]),
    );
    // Competitors are a set: the two reads may list them in different orders.
    const comparable = (signals: readonly Signal[]) =>
      JSON.parse(JSON.stringify(signals.map((s) => (s.code === 'competitor' ? { ...s, evidence: { ...s.evidence, competitors: [...(s.evidence.competitors as string[])].sort() } } : s)))) as unknown;
    expect(stored.size).toBe(features.length);
    expect(doc.churn.customers).toBe(features.length);
    const bands = { low: 0, medium: 0, high: 0, critical: 0 };
    const mismatched = [];
    for (const f of features) {
      const signals = churnSignals(f, c);
      const risk = riskScore(signals, c.weights);
      bands[risk >= 75 ? 'critical' : risk >= 50 ? 'high' : risk >= 25 ? 'medium' : 'low']++;
      const row = stored.get(f.customerId)!;
      const same = row.risk_score === risk && Math.abs(row.churn_probability - predictLogistic(model, modelFeatures(f, c.csatLow))) < 1e-9
        && JSON.stringify(comparable(JSON.parse(row.signals) as Signal[])) === JSON.stringify(comparable(signals));
      if (!same) mismatched.push(f.customerId);
    }
    expect(mismatched).toEqual([]);
    expect(doc.churn.bands).toEqual(bands);
    expect(doc.churn.atRisk.length).toBe(config.listed);
    expect(doc.churn.atRisk.every((a, i) => i === 0 || a.riskScore <= doc.churn.atRisk[i - 1]!.riskScore)).toBe(true);
    expect(doc.churn.atRisk[0]!.riskScore).toBe(Math.max(...[...stored.values()].map((r) => r.risk_score)));
  });

  it('trains on a hash sample of the customers when there are many, and still finds the drift', async () => {
    const full = doc.churn.model!;
    expect(full.sampleEvery).toBe(1);
    // Trained outside an analysis, on the engine's own connection: the same report as the analysis's.
    const direct = (await trainChurnModel(demo.store.engine, doc.period.asOf, defaultAnalysisConfig(), null, doc.churn.customers))!.report;
    expect(direct).toEqual(full);
    // As if 20,000 customers had been scored (twice the training sample): every second one (by id hash) trains and tests.
    const sampled = (await trainChurnModel(demo.store.engine, doc.period.asOf, defaultAnalysisConfig(), null, 20_000))!.report;
    expect(sampled.sampleEvery).toBe(2);
    expect(sampled.trainRows / full.trainRows).toBeGreaterThan(0.4);
    expect(sampled.trainRows / full.trainRows).toBeLessThan(0.6);
    expect(sampled.testDate).toBe(full.testDate);
    expect(sampled.model.auc).toBeGreaterThanOrEqual(0.8);
    // The sample's lines and purchase days are copied out once and read six times; the copies are gone afterwards.
    const left = await demo.store.engine.query<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE 'churn_train_%'`);
    expect(Number(left[0]!.n)).toBe(0);
  });

  it('forecasts the final year from the two before it within its intervals', async () => {
    const truth = demo.company.truth.revenue;
    const f = await runForecast(demo.store.engine, defaultAnalysisConfig(), { by: 'none', horizon: 12, asOf: '2024-12-31' });
    const s = f.series[0]!;
    if (s.status !== 'ok') throw new Error('no forecast');
    expect(s.forecast.map((p) => p.month)).toEqual(Object.keys(truth.byMonth).filter((m) => m.startsWith('2025')));
    const actual = s.forecast.map((p) => truth.byMonth[p.month]!);
    const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    // 95% intervals should hold about 11 of 12 months; at least 10 do.
    expect(s.forecast.filter((p, i) => actual[i]! >= p.lower95 && actual[i]! <= p.upper95).length).toBeGreaterThanOrEqual(10);
    // Two noisy years do not pin the planted growth down (AICc keeps the simpler model), but the forecast does not collapse:
    // its total is at least 2024's and within 30% of 2025's.
    expect(total(s.forecast.map((p) => p.revenue))).toBeGreaterThanOrEqual(truth.byYear['2024']! * 0.95);
    expect(Math.abs(total(s.forecast.map((p) => p.revenue)) / total(actual) - 1)).toBeLessThan(0.3);
    // The backtest reports the model beside seasonal naive on the same rolling origins.
    expect(s.backtest.origins).toBe(12);
    expect(s.backtest.model.forecasts).toBe(s.backtest.seasonalNaive.forecasts);
  });

  it('recommends better than the most popular products on the holdout', async () => {
    const r = doc.recommendations;
    expect(r.customers).toBeGreaterThan(1500);
    expect(r.holdout.customers).toBeGreaterThan(500);
    expect(r.holdout.model.hitRate!).toBeGreaterThan(r.holdout.popular.hitRate!);
    expect(r.holdout.model.precision!).toBeGreaterThan(r.holdout.popular.precision!);
    const stored = await demo.store.one<{ n: number }>(`SELECT max(rank) AS n FROM customer_recommendations WHERE snapshot_id = ${doc.snapshotId}`);
    expect(stored.n).toBe(5);
  });

  it('fails as its reader failed, with the reader\'s own error, and stores nothing', async () => {
    const engine = demo.store.engine;
    const snapshots = async () => (await engine.query<{ n: number }>('SELECT count(*) AS n FROM analysis_snapshots'))[0]!.n;
    const before = await snapshots();
    // The reader's first read fails: in JavaScript, then inside the engine (whose transaction then refuses even the clean-up).
    const readerFailing = (first: (reader: Queryable, sql: string) => Promise<Record<string, SqlValue[]>>): Engine =>
      Object.assign(Object.create(engine) as Engine, {
        transactionWithReader: <T>(fn: (tx: Queryable, reader: Queryable) => Promise<T>) =>
          engine.transactionWithReader((tx, reader) => {
            let failed = false;
            const failing = Object.assign(Object.create(reader) as Queryable, {
              queryColumns: (sql: string) => (failed ? reader.queryColumns(sql) : ((failed = true), first(reader, sql))),
            });
            return fn(tx, failing);
          }),
      });
    const inJs = readerFailing(() => Promise.reject(new Error('reader out of memory')));
    await expect(runAnalysis(inJs, {}, () => new Date('2026-01-01T00:00:00Z'))).rejects.toThrow('reader out of memory');
    const inEngine = readerFailing((reader) => reader.queryColumns(`SELECT CAST('x' AS INTEGER) AS n`));
    await expect(runAnalysis(inEngine, {}, () => new Date('2026-01-01T00:00:00Z'))).rejects.toThrow(/integer|INT32/i);
    expect(await snapshots()).toBe(before);
  });

  it('reads a scoped analysis\'s KPIs, cohorts and churn model, worked out beside it, for its customers only', async () => {
    const engine = demo.store.engine;
    const [{ region }] = (await engine.query<{ region: string }>(
      `SELECT region FROM customers WHERE region IS NOT NULL GROUP BY region ORDER BY count(*) DESC, region LIMIT 1`,
    )) as [{ region: string }];
    const scoped = await runAnalysis(engine, { scope: { region } }, () => new Date('2026-01-01T00:00:00Z'));
    // The same parts worked out directly, on the main connection, for the same customers.
    await engine.run(`CREATE TEMP TABLE direct_scope AS ${scopeSql({ region })}`);
    try {
      const ctx = { db: engine, period: scoped.period, config: defaultAnalysisConfig(), tiers: null, scope: 'direct_scope' };
      expect(scoped.kpis).toEqual(await kpiReport(ctx));
      expect(scoped.cohorts).toEqual(await cohortRetention(ctx));
      expect(scoped.churn.model).toEqual((await trainChurnModel(engine, scoped.period.asOf, ctx.config, 'direct_scope', scoped.churn.customers))!.report);
    } finally {
      await engine.run('DROP TABLE direct_scope');
    }
    // And they are not the whole company's.
    expect(scoped.kpis.current.customers).toBeLessThan(doc.kpis.current.customers);
    expect(scoped.churn.model!.testRows).toBeLessThan(doc.churn.model!.testRows);
  });
});
