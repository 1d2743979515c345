/**
 * The engine's churn scoring (churn-risk-sql.ts) against the reference in
 * JavaScript (churnSignals, riskScore, predictLogistic ∘ modelFeatures): the
 * same levels, evidence, risk scores and probabilities for rows on every
 * threshold and for a few hundred seeded random rows, on the engine of the
 * test run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/support/test-engine.js';
import { testStore, type TestStore } from '../../../test/support/test-store.js';
import { defaultAnalysisConfig, type AnalysisConfig } from '../../config/analysis-config.js';
import { ddlFor } from '../../store/sql-dialect.js';
import { Rng } from '../../domain/rng.js';
import { modelFeatures } from './churn-features.js';
import { riskSummarySql, scoredRiskSql } from './churn-risk-sql.js';
import { churnSignals, riskScore, signalCodes, type ChurnFeatures } from './churn-signals.js';
import { predictLogistic, type LogisticModel } from './logistic-regression.js';

const d = testDialect();
let store: TestStore;
beforeAll(async () => {
  store = await testStore();
});
afterAll(() => store.dispose());

const base: ChurnFeatures = {
  customerId: '',
  lastPurchase: '2024-01-01',
  daysSince: 10,
  purchaseDays: 3,
  cycleDays: 30,
  valueRecent: 100,
  valueBefore: 100,
  quoteRecent: null,
  quoteBefore: null,
  competitorContacts: 0,
  competitors: [],
  stalledProjects: 0,
  stalledOpportunities: 0,
  stalledDays: null,
  complaints: 0,
  unresolvedComplaints: 0,
  csatMean: null,
  npsLast: null,
};

/** Each row sits on a threshold of the default settings (warn 1.5 / alert 2 cycles, value −30 % / −50 %, quotes ×1.5 / ×2.25, CSAT < 3 / < 2). */
const edges: Readonly<Record<string, Partial<ChurnFeatures>>> = {
  'recency-warn': { daysSince: 45, cycleDays: 30 },
  'recency-below': { daysSince: 44, cycleDays: 30 },
  'recency-alert': { daysSince: 60, cycleDays: 30 },
  'no-cycle': { daysSince: 500, cycleDays: null, purchaseDays: 1 },
  'zero-cycle': { daysSince: 500, cycleDays: 0 },
  'value-warn': { valueRecent: 700, valueBefore: 1000 },
  'value-alert': { valueRecent: 500, valueBefore: 1000 },
  'value-no-before': { valueRecent: 1234.565, valueBefore: 0 },
  'value-tiny': { valueRecent: 999.9995, valueBefore: 1000.0049 },
  // Changes of −31.25 % and −56.25 %: a half at the third decimal rounds up (−0.312, −0.562), as Math.round does, not away from zero.
  'value-half-warn': { valueRecent: 687.5, valueBefore: 1000 },
  'value-half-alert': { valueRecent: 437.5, valueBefore: 1000 },
  'quote-warn': { quoteRecent: 15, quoteBefore: 10 },
  'quote-alert': { quoteRecent: 22.5, quoteBefore: 10 },
  'quote-zero-before': { quoteRecent: 40, quoteBefore: 0 },
  'quote-no-recent': { quoteRecent: null, quoteBefore: 10 },
  'quote-no-before': { quoteRecent: 12.34, quoteBefore: null },
  'competitor-warn': { competitorContacts: 1, competitors: ['汇川技术'] },
  'competitor-alert': { competitorContacts: 3, competitors: ['西门子', "O'Neil \"X\""] },
  'stalled-warn': { stalledOpportunities: 1, stalledDays: 120 },
  'stalled-alert': { stalledOpportunities: 1, stalledProjects: 1, stalledDays: null },
  'project-warn': { stalledProjects: 1 },
  'complaint-warn': { complaints: 1 },
  'complaints-alert': { complaints: 2 },
  'unresolved-alert': { complaints: 1, unresolvedComplaints: 1 },
  'csat-at-low': { csatMean: 3 },
  'csat-warn': { csatMean: 2.5 },
  'csat-warn-2': { csatMean: 2 },
  'csat-alert': { csatMean: 1.995 },
  'nps-7': { npsLast: 7 },
  'nps-warn': { npsLast: 6 },
  'nps-alert': { npsLast: 3 },
  'everything': { daysSince: 900, cycleDays: 12.5, valueRecent: 0, valueBefore: 50, quoteRecent: 90, quoteBefore: 3, competitorContacts: 2, competitors: ['A'], stalledOpportunities: 4, stalledDays: 365, complaints: 5, unresolvedComplaints: 2, csatMean: 1, npsLast: 0 },
};

function randomRows(n: number): ChurnFeatures[] {
  const rng = Rng.derive(7, 'churn-risk-sql');
  const maybe = (x: number) => (rng.next() < 0.3 ? null : x);
  return Array.from({ length: n }, () => ({
    ...base,
    daysSince: Math.floor(rng.next() * 700),
    purchaseDays: 1 + Math.floor(rng.next() * 40),
    cycleDays: maybe(Math.round(rng.next() * 2000) / 10),
    valueRecent: Math.round(rng.next() * 1e7) / 100,
    valueBefore: rng.next() < 0.2 ? 0 : Math.round(rng.next() * 1e7) / 100,
    quoteRecent: maybe(rng.next() * 80),
    quoteBefore: maybe(rng.next() * 40),
    competitorContacts: Math.floor(rng.next() * 3),
    stalledProjects: Math.floor(rng.next() * 2),
    stalledOpportunities: Math.floor(rng.next() * 3),
    stalledDays: maybe(Math.floor(rng.next() * 400)),
    complaints: Math.floor(rng.next() * 3),
    unresolvedComplaints: Math.floor(rng.next() * 2),
    csatMean: maybe(1 + Math.round(rng.next() * 400) / 100),
    npsLast: maybe(Math.floor(rng.next() * 11)),
  }));
}

const model: LogisticModel = {
  intercept: -0.7,
  weights: [0.9, 0.45, -0.3, -0.6, -0.8, 0.25, 0.3, 0.2, 0.15, 0.4, 0.35],
  means: [4.2, 1.1, 0.2, 1.8, 0.05, 1.1, 0.3, 0.2, 0.1, 0.2, 0.3],
  sds: [1.3, 1.7, 0.4, 0.9, 0.6, 0.8, 0.5, 0.4, 0.3, 0.5, 0.46],
  iterations: 1,
};

const sqlText = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlNum = (x: number | null, type: string) => (x === null ? `CAST(NULL AS ${type})` : `CAST(${x} AS ${type})`);
const list = (xs: readonly string[]) => (xs.length === 0 ? `CAST(NULL AS ${d === 'duckdb' ? 'VARCHAR[]' : 'TEXT[]'})` : `ARRAY[${xs.map(sqlText).join(', ')}]`);

async function loadFeatures(table: string, rows: readonly ChurnFeatures[]): Promise<void> {
  await store.engine.run(
    ddlFor(d, `CREATE TEMP TABLE ${table} (customer_id VARCHAR, days_since BIGINT, purchase_days BIGINT, cycle_days DOUBLE, value_recent DOUBLE, value_before DOUBLE,
      quote_recent DOUBLE, quote_before DOUBLE, competitor_contacts BIGINT, competitors VARCHAR[], stalled_projects BIGINT, stalled_opportunities BIGINT,
      stalled_days BIGINT, complaints BIGINT, unresolved_complaints BIGINT, csat_mean DOUBLE, nps_last INTEGER)`),
  );
  const values = rows.map((f) =>
    [sqlText(f.customerId), sqlNum(f.daysSince, 'BIGINT'), sqlNum(f.purchaseDays, 'BIGINT'), sqlNum(f.cycleDays, 'FLOAT8'), sqlNum(f.valueRecent, 'FLOAT8'),
      sqlNum(f.valueBefore, 'FLOAT8'), sqlNum(f.quoteRecent, 'FLOAT8'), sqlNum(f.quoteBefore, 'FLOAT8'), sqlNum(f.competitorContacts, 'BIGINT'), list(f.competitors),
      sqlNum(f.stalledProjects, 'BIGINT'), sqlNum(f.stalledOpportunities, 'BIGINT'), sqlNum(f.stalledDays, 'BIGINT'), sqlNum(f.complaints, 'BIGINT'),
      sqlNum(f.unresolvedComplaints, 'BIGINT'), sqlNum(f.csatMean, 'FLOAT8'), sqlNum(f.npsLast, 'INTEGER')].join(', '),
  );
  await store.engine.run(`INSERT INTO ${table} VALUES ${values.map((v) => `(${v})`).join(',\n')}`);
}

interface ScoredRow {
  customer_id: string;
  risk: number;
  probability: number | null;
  signals: string;
}

async function compare(table: string, rows: readonly ChurnFeatures[], settings: AnalysisConfig['churn'], m: LogisticModel | null) {
  const got = await store.engine.query<ScoredRow>(`SELECT customer_id, risk, probability, signals FROM (${scoredRiskSql(table, settings, m, d)}) s ORDER BY customer_id`);
  expect(got.map((r) => r.customer_id)).toEqual(rows.map((f) => f.customerId).sort());
  const byId = new Map(rows.map((f) => [f.customerId, f]));
  for (const r of got) {
    const f = byId.get(r.customer_id)!;
    const signals = churnSignals(f, settings);
    const where = `${r.customer_id} ${JSON.stringify(f)}`;
    expect(JSON.parse(r.signals), where).toEqual(JSON.parse(JSON.stringify(signals)));
    expect(r.risk, where).toBe(riskScore(signals, settings.weights));
    if (m === null) expect(r.probability).toBeNull();
    else expect(r.probability!, where).toBeCloseTo(predictLogistic(m, modelFeatures(f, settings.csatLow)), 12);
  }
  return got;
}

describe(`churn scoring in SQL on ${d}`, () => {
  const settings = defaultAnalysisConfig().churn;

  it('raises the same signals with the same evidence, risk and probability as the reference on every threshold', async () => {
    const rows = Object.entries(edges).map(([id, e]) => ({ ...base, ...e, customerId: id }));
    await loadFeatures('risk_edges', rows);
    const got = await compare('risk_edges', rows, settings, model);
    // The thresholds by hand: 45/30 = 1.5 cycles warns, 44/30 does not, 60/30 = 2 alerts; −30 % warns, −50 % alerts;
    // quotes 15/10 = 1.5 warn, 22.5/10 = 2.25 alert; CSAT 2.5 and 2 warn, 1.995 alerts, 3 does not; NPS 6 warns, 3 alerts, 7 does not.
    const levels = (id: string) => (JSON.parse(got.find((r) => r.customer_id === id)!.signals) as { code: string; level: string }[]).map((s) => `${s.code}:${s.level}`);
    expect([levels('recency-warn'), levels('recency-below'), levels('recency-alert')]).toEqual([['recency:warn'], [], ['recency:alert']]);
    expect([levels('value-warn'), levels('value-alert'), levels('quote-warn'), levels('quote-alert')]).toEqual([['value:warn'], ['value:alert'], ['quote:warn'], ['quote:alert']]);
    const evidence = (id: string) => (JSON.parse(got.find((r) => r.customer_id === id)!.signals) as { evidence: Record<string, unknown> }[])[0]!.evidence;
    expect([evidence('value-half-warn').change, evidence('value-half-alert').change]).toEqual([-0.312, -0.562]);
    expect([levels('csat-at-low'), levels('csat-warn'), levels('csat-warn-2'), levels('csat-alert')]).toEqual([[], ['csat:warn'], ['csat:warn'], ['csat:alert']]);
    expect([levels('nps-7'), levels('nps-warn'), levels('nps-alert')]).toEqual([[], ['nps:warn'], ['nps:alert']]);
    // Recency warns: 35 × ½ of 100 weight → 17.5; every signal at alert → 100.
    expect(got.find((r) => r.customer_id === 'recency-warn')!.risk).toBe(17.5);
    expect(got.find((r) => r.customer_id === 'everything')!.risk).toBe(100);
  });

  it('agrees on a few hundred seeded random customers, and counts the same bands and levels', async () => {
    const rows = randomRows(400).map((f, i) => ({ ...f, customerId: `R${String(i).padStart(3, '0')}` }));
    await loadFeatures('risk_random', rows);
    await compare('risk_random', rows, settings, model);
    const [summary] = await store.engine.query<Record<string, number>>(riskSummarySql(scoredRiskSql('risk_random', settings, model, d)));
    const want: Record<string, number> = { customers: rows.length, low: 0, medium: 0, high: 0, critical: 0 };
    for (const c of signalCodes) want[`${c}_warn`] = want[`${c}_alert`] = 0;
    for (const f of rows) {
      const signals = churnSignals(f, settings);
      const risk = riskScore(signals, settings.weights);
      want[risk >= 75 ? 'critical' : risk >= 50 ? 'high' : risk >= 25 ? 'medium' : 'low']! += 1;
      for (const s of signals) want[`${s.code}_${s.level}`]! += 1;
    }
    expect(summary).toEqual(want);
    expect(want.low! + want.medium! + want.high! + want.critical!).toBe(rows.length);
  });

  it('follows changed settings, weights that sum to nothing, and no model', async () => {
    const rows = randomRows(120).map((f, i) => ({ ...f, customerId: `S${String(i).padStart(3, '0')}` }));
    await loadFeatures('risk_settings', rows);
    const changed = { ...settings, warnCycles: 1.2, alertCycles: 3, quoteRise: 1.2, valueDropWarn: 0.1, valueDropAlert: 0.9, csatLow: 3.5, weights: { ...settings.weights, recency: 0, csat: 40 } };
    await compare('risk_settings', rows, changed, null);
    const none = { ...settings, weights: Object.fromEntries(signalCodes.map((c) => [c, 0])) as AnalysisConfig['churn']['weights'] };
    const got = await compare('risk_settings', rows, none, model);
    expect(new Set(got.map((r) => r.risk))).toEqual(new Set([0]));
  });
});
