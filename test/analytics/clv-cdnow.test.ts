/**
 * The CLV models on the CDNOW sample (2,357 customers), imported from the raw
 * transaction log through the normal intake, in weeks, calibrated to
 * 1997-09-30: the published estimates of Fader, Hardie & Lee (2005) and the
 * holdout figures in ../shared/datasets/cdnow/README.md.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClv, type ClvDocument } from '../../src/analytics/clv/run-clv.js';
import { bgnbdCumulative, paretoNbdCumulative } from '../../src/analytics/clv/tracking.js';
import { readUserMapping } from '../../src/intake/user-mapping.js';
import { datasets, testStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let doc: ClvDocument;
beforeAll(async () => {
  store = await testStore();
  const mapping = await readUserMapping(path.resolve(import.meta.dirname, '../fixtures/mappings/cdnow-sample.yaml'));
  if (!mapping.ok) throw new Error('mapping');
  await store.import(path.join(datasets, 'cdnow/CDNOW_sample.txt'), { mapping: mapping.mapping });
  doc = await runClv(store.engine, { calibrationEnd: '1997-09-30', timeUnit: 'week', horizon: 39, discountRate: 0 }, () => new Date('2026-01-01T00:00:00Z'));
}, 120_000);
afterAll(() => store.dispose());

/** Within `rel` of the published value. */
const near = (actual: number, published: number, rel = 0.01) => expect(Math.abs(actual - published) / Math.abs(published)).toBeLessThanOrEqual(rel);

describe('CLV models on CDNOW', () => {
  it('summarises 2,357 customers, 946 of them repeat buyers, 2,457 repeat purchase days', async () => {
    expect(doc.customers).toBe(2_357);
    expect(doc.repeatCustomers).toBe(946);
    const s = await store.one<{ x: number }>(`SELECT CAST(sum(x) AS INTEGER) AS x FROM customer_clv WHERE clv_run_id = ${doc.clvRunId}`);
    expect(s.x).toBe(2_457);
  });

  it('reproduces the published BG/NBD estimates', () => {
    const b = doc.bgnbd;
    near(b.r, 0.243);
    near(b.alpha, 4.414);
    near(b.a, 0.793);
    near(b.b, 2.426);
    expect(b.logLik).toBeCloseTo(-9582.4, 1);
  });

  it('reproduces the published Pareto/NBD estimates', () => {
    const p = doc.paretoNbd;
    near(p.r, 0.553);
    near(p.alpha, 10.578);
    near(p.s, 0.606);
    near(p.beta, 11.669);
    expect(p.logLik).toBeCloseTo(-9595.0, 1);
  });

  it('reproduces the published Gamma-Gamma estimates on the 946 repeat buyers', () => {
    const g = doc.gammaGamma;
    expect(g.customers).toBe(946);
    near(g.p, 6.25);
    near(g.q, 3.74);
    near(g.v, 15.44);
  });

  it('predicts the 39-week holdout as the literature reports', () => {
    const h = doc.holdout!;
    expect(h.length).toBeCloseTo(39, 6);
    expect(h.actual).toBe(1_882);
    near(h.bgnbd, 1_653.4, 0.001);
    near(h.paretoNbd, 1_665.5, 0.001);
    expect(h.byFrequency.map((b) => b.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    const round3 = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
    // BTYD vignette: actual and Pareto/NBD expected holdout means by calibration frequency 0 … 7+.
    expect(round3(h.byFrequency.map((b) => b.actualMean))).toEqual([0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359]);
    h.byFrequency.forEach((b, i) => expect(b.paretoNbdMean).toBeCloseTo([0.138, 0.6, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403][i]!, 2));
    h.byFrequency.forEach((b, i) => expect(b.bgnbdMean).toBeCloseTo([0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.504, 6.157][i]!, 2));
  });

  it("scores each customer: the first sample customer's P(alive) and expected purchases", async () => {
    // Sample customer 0001 (master 00004): x = 2, t_x = 30.43, T = 38.86 weeks.
    const c = await store.one<{ x: number; t_x: number; t_cal: number; p_alive: number; expected_transactions: number; expected_spend: number }>(
      `SELECT x, t_x, t_cal, p_alive, expected_transactions, expected_spend FROM customer_clv WHERE clv_run_id = ${doc.clvRunId} AND customer_id = '00004'`,
    );
    expect(c.x).toBe(2);
    expect(c.t_x).toBeCloseTo(30.43, 2);
    expect(c.t_cal).toBeCloseTo(38.86, 2);
    expect(c.p_alive).toBeCloseTo(0.7266, 3);
    expect(c.expected_transactions).toBeCloseTo(1.226, 2);
    // Gamma-Gamma: (p (v + x m_x)) / (p x + q − 1) with m_x the mean of its two repeat days (29.73 and 14.96).
    const g = doc.gammaGamma;
    expect(c.expected_spend).toBeCloseTo((g.p * (g.v + 2 * ((29.73 + 14.96) / 2))) / (g.p * 2 + g.q - 1), 6);
    expect(c.expected_spend).toBeCloseTo(24.65, 1);
  });

  it('discounts nothing at a zero rate: CLV = expected purchases × expected spend', async () => {
    const s = await store.one<{ worst: number }>(
      `SELECT max(abs(clv - expected_transactions * expected_spend)) AS worst FROM customer_clv WHERE clv_run_id = ${doc.clvRunId}`,
    );
    expect(s.worst).toBeLessThan(1e-9);
    expect(doc.totals.expectedTransactions).toBeCloseTo(doc.holdout!.bgnbd, 6);
  });

  it('tracks cumulative repeat purchases over weeks 20–25 as the BTYD vignette does', async () => {
    const rows = await store.engine.query<{ t_cal: number }>(`SELECT t_cal FROM customer_clv WHERE clv_run_id = ${doc.clvRunId}`);
    const tCal = rows.map((r) => r.t_cal);
    const weeks = [20, 21, 22, 23, 24, 25];
    const bg = bgnbdCumulative(doc.bgnbd, tCal, weeks);
    const pn = paretoNbdCumulative(doc.paretoNbd, tCal, weeks);
    [1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6].forEach((v, i) => near(bg[i]!, v, 0.002));
    [1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253].forEach((v, i) => near(pn[i]!, v, 0.002));
  });
});
