import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore, type FixtureData } from '../../../test/support/fixture.js';
import { NoDataError } from '../analysis-period.js';
import { runAnalysis } from './run-analysis.js';

const now = () => new Date('2025-01-05T08:00:00Z');

/**
 * Five customers, as of 2024-12-31 (RFM window 2024-01-02 … 2024-12-31):
 *   A 新能源/大型: 5 orders of 200 (01-15 02-01 03-01 06-01 12-21), profit 400, one NPS 9, one complaint
 *   B 机械制造/中型: 2 orders of 150 (06-01 12-01), profit 90
 *   C 新能源/中型: 1 order of 100 (12-21), profit 20
 *   D 纺织服装/微型: 1 order of 60 (09-22), profit 6, then a return of −100 (10-01): net −40
 *   E 冶金/(no size): 1 order of 500 on 2023-06-01, before the window
 */
const data: FixtureData = {
  customers: [
    { customer_id: 'A', industry: '新能源', size: '大型' },
    { customer_id: 'B', industry: '机械制造', size: '中型' },
    { customer_id: 'C', industry: '新能源', size: '中型' },
    { customer_id: 'D', industry: '纺织服装', size: '微型' },
    { customer_id: 'E', industry: '冶金' },
  ],
  orders: [
    ...['2024-01-15', '2024-02-01', '2024-03-01', '2024-06-01', '2024-12-21'].map((d, i) => ({ order_id: `A${i}`, customer_id: 'A', order_date: d, amount: 200, profit: 80 })),
    { order_id: 'B1', customer_id: 'B', order_date: '2024-06-01', amount: 150, profit: 45 },
    { order_id: 'B2', customer_id: 'B', order_date: '2024-12-01', amount: 150, profit: 45 },
    { order_id: 'C1', customer_id: 'C', order_date: '2024-12-21', amount: 100, profit: 20 },
    { order_id: 'D1', customer_id: 'D', order_date: '2024-09-22', amount: 60, profit: 6 },
    { order_id: 'D2', customer_id: 'D', order_date: '2024-10-01', amount: -100, quantity: -1 },
    { order_id: 'E1', customer_id: 'E', order_date: '2023-06-01', amount: 500, profit: 100 },
  ],
  nps: [{ response_id: 'N1', customer_id: 'A', response_date: '2024-07-01', score: 9 }],
  complaints: [{ complaint_id: 'K1', customer_id: 'A', complaint_date: '2024-08-01', category: '交付' }],
};

interface ScoreRow {
  customer_id: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  rfm_code: string;
  rfm_weighted: number;
  value_score: number;
  value_tier: string;
  rfm_tier: string;
  abc_class: string;
  purchase_cycle_days: number | null;
  health_score: number;
}

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function scores(s: Store, snapshotId: number): Promise<Record<string, ScoreRow>> {
  const rows = await s.engine.query<ScoreRow>(
    `SELECT customer_id, recency_days, frequency, CAST(monetary AS FLOAT8) AS monetary, rfm_code, rfm_weighted, value_score, value_tier, rfm_tier,
       abc_class, purchase_cycle_days, health_score FROM customer_scores WHERE snapshot_id = ${snapshotId}`,
  );
  return Object.fromEntries(rows.map((r) => [r.customer_id, r]));
}

describe('an analysis snapshot of five hand-computed customers', () => {
  it('scores RFM by quintile without splitting ties', async () => {
    store = await fixtureStore(data);
    const doc = await runAnalysis(store.engine, { asOf: '2024-12-31' }, now);
    const s = await scores(store, doc.snapshotId);
    // Recency 10 10 30 100 579: type-7 quantiles 10, 22, 58, 195.8, plus one.
    expect(doc.rfm.breaks.r.map((x) => Math.round(x * 10) / 10)).toEqual([11, 23, 59, 196.8]);
    // Frequency 0 1 1 2 5 → 0.8, 1, 1.4, 2.6 (+1); monetary −40 0 100 300 1000 → −8, 60, 180, 440 (+1).
    expect(doc.rfm.breaks.f.map((x) => Math.round(x * 10) / 10)).toEqual([1.8, 2, 2.4, 3.6]);
    expect(doc.rfm.breaks.m.map((x) => Math.round(x * 10) / 10)).toEqual([-7, 61, 181, 441]);
    expect(Object.fromEntries(Object.values(s).map((r) => [r.customer_id, r.rfm_code]))).toEqual({ A: '555', B: '334', C: '513', D: '211', E: '112' });
    expect(s.D).toMatchObject({ recency_days: 100, frequency: 1, monetary: -40 }); // the return is neither recency nor an order
    expect(s.E).toMatchObject({ recency_days: 579, frequency: 0, monetary: 0 });
    // Industrial weights R .25 F .15 M .6: B = .75 + .45 + 2.4
    expect(s.B!.rfm_weighted).toBeCloseTo(3.6, 9);
  });

  it('puts every customer in one tier of each scheme', async () => {
    store = await fixtureStore(data);
    const doc = await runAnalysis(store.engine, { asOf: '2024-12-31' }, now);
    const s = await scores(store, doc.snapshotId);
    // value = 100 × (.6·(weighted − 1)/4 + .25·profit percentile + .15·potential)
    expect(s.A!.value_score).toBeCloseTo(99.625, 6); // .6 + .25 + .15 × (.95 + 1)/2
    expect(s.B!.value_score).toBeCloseTo(67.5, 6); // .39 + .1875 + .0975
    expect(s.C!.value_score).toBeCloseTo(57.875, 6); // .33 + .125 + .12375, potential .825
    expect(s.D!.value_score).toBeCloseTo(13.75, 6);
    expect(s.E!.value_score).toBeCloseTo(15.375, 6);
    const tiers = (k: 'value_tier' | 'rfm_tier') => Object.fromEntries(Object.values(s).map((r) => [r.customer_id, r[k]]));
    expect(tiers('value_tier')).toEqual({ A: 'strategic', B: 'high_value', C: 'potential', D: 'long_tail', E: 'long_tail' });
    expect(tiers('rfm_tier')).toEqual({ A: 'high_value', B: 'high_value', C: 'potential', D: 'low_value', E: 'low_value' });
    // ABC on positive revenue 1400: A (0 before) A; B (1000/1400 = .71 before) B; the rest C.
    expect(Object.fromEntries(Object.values(s).map((r) => [r.customer_id, r.abc_class]))).toEqual({ A: 'A', B: 'B', C: 'C', D: 'C', E: 'C' });
  });

  it('measures concentration: top 20%, Gini, HHI and tier traits', async () => {
    store = await fixtureStore(data);
    const doc = await runAnalysis(store.engine, { asOf: '2024-12-31' }, now);
    expect(doc.pareto).toMatchObject({ customers: 5, topCustomers: 1 });
    expect(doc.pareto.topRevenueShare).toBeCloseTo(1000 / 1400, 9);
    expect(doc.pareto.topProfitShare).toBeCloseTo(400 / 516, 9);
    // Gini = 2 Σ i·x(i) / (n Σx) − (n+1)/n with x ascending 0 0 100 300 1000
    expect(doc.pareto.gini).toBeCloseTo((2 * (3 * 100 + 4 * 300 + 5 * 1000)) / (5 * 1400) - 6 / 5, 9);
    expect(doc.pareto.hhi).toBeCloseTo(((1000 ** 2 + 300 ** 2 + 100 ** 2) / 1400 ** 2) * 10_000, 6);
    const longTail = doc.tiers.value.find((t) => t.tier === 'long_tail');
    expect(longTail).toMatchObject({ customers: 2, customerShare: 0.4, revenue: -40, avgRecencyDays: 339.5, avgFrequency: 0.5, avgMonetary: -20 });
    expect(longTail!.profitShare).toBeCloseTo(6 / 516, 9);
    expect(longTail!.mainIndustries).toEqual([
      { industry: '冶金', customers: 1 },
      { industry: '纺织服装', customers: 1 },
    ]);
  });

  it('computes purchase cycles and health from their documented parts', async () => {
    store = await fixtureStore(data);
    const doc = await runAnalysis(store.engine, { asOf: '2024-12-31' }, now);
    const s = await scores(store, doc.snapshotId);
    // A's gaps 17, 29, 92, 203 days → median 60.5; B 183; C, D (return only after), E: one purchase day.
    expect(s.A!.purchase_cycle_days).toBe(60.5);
    expect(s.B!.purchase_cycle_days).toBe(183);
    expect(s.C!.purchase_cycle_days).toBeNull();
    // A: 30 (10 days < one cycle) + 20·.125 (orders 4 → 1) + 20·.125 (revenue 800 → 200) + 15·.9 (NPS 9) + 15·(1 − 1/3)
    expect(s.A!.health_score).toBeCloseTo(30 + 2.5 + 2.5 + 13.5 + 10, 9);
    // E: 579 days ≫ 3 × the median cycle 121.75 → 0; no orders in the window; no answers .5; no complaints.
    expect(s.E!.health_score).toBeCloseTo(7.5 + 15, 9);
  });

  it('keeps snapshots per as-of date and shows how customers moved', async () => {
    store = await fixtureStore(data);
    const first = await runAnalysis(store.engine, { asOf: '2024-06-30' }, now);
    expect(first.customersScored).toBe(3); // C and D had not bought yet
    expect(first.migration).toBeNull();
    const second = await runAnalysis(store.engine, { asOf: '2024-12-31' }, now);
    expect(second.previousSnapshotId).toBe(first.snapshotId);
    const moves = second.migration!.value;
    expect(moves.reduce((n, m) => n + m.customers, 0)).toBe(5);
    expect(moves.filter((m) => m.from === 'none')).toEqual([
      { from: 'none', to: 'long_tail', customers: 1 }, // D
      { from: 'none', to: 'potential', customers: 1 }, // C
    ]);
    const stored = await store.engine.query<{ n: number }>('SELECT count(*) AS n FROM analysis_snapshots');
    expect(stored[0]!.n).toBe(2);
  });
});

describe('edge cases of a whole analysis', () => {
  it('says there is no data instead of computing NaN', async () => {
    store = await fixtureStore({});
    await expect(runAnalysis(store.engine, {}, now)).rejects.toBeInstanceOf(NoDataError);
    const stored = await store.engine.query<{ n: number }>('SELECT count(*) AS n FROM analysis_snapshots');
    expect(stored[0]!.n).toBe(0);
  });

  it('handles a single customer: everything in one tier, no concentration', async () => {
    store = await fixtureStore({ orders: [{ order_id: 'O1', customer_id: 'X', order_date: '2024-05-01', amount: 100 }] });
    const doc = await runAnalysis(store.engine, {}, now);
    expect(doc.period).toEqual({ asOf: '2024-05-01', from: '2023-05-02', to: '2024-05-01' });
    expect(doc.customersScored).toBe(1);
    expect(doc.pareto).toMatchObject({ topRevenueShare: 1, gini: 0, hhi: 10_000 });
    expect(doc.tiers.value).toHaveLength(1);
    expect(doc.tiers.value[0]).toMatchObject({ customers: 1, customerShare: 1, revenueShare: 1 });
    expect(doc.clusters.k).toBeNull();
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });

  it('treats customers whose returns exceed their purchases as zero revenue in shares', async () => {
    store = await fixtureStore({
      orders: [
        { order_id: 'O1', customer_id: 'X', order_date: '2024-05-01', amount: 100 },
        { order_id: 'O2', customer_id: 'X', order_date: '2024-05-02', amount: -300, quantity: -3 },
        { order_id: 'O3', customer_id: 'Y', order_date: '2024-05-03', amount: 0 },
      ],
    });
    const doc = await runAnalysis(store.engine, {}, now);
    expect(doc.pareto.topRevenueShare).toBeNull(); // no positive revenue at all
    expect(doc.pareto.gini).toBeNull();
    expect(doc.kpis.current.revenue).toBe(-200);
    expect(JSON.stringify(doc)).not.toMatch(/NaN|Infinity/);
  });
});
