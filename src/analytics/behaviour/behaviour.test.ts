import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import type { AnalysisContext } from '../analysis-context.js';
import { basketAnalysis } from './basket-rules.js';
import { categoryPreferences } from './category-preference.js';
import { decisionComplexity } from './decision-complexity.js';
import { promotionResponse } from './promotion-response.js';
import { purchasePatterns } from './purchase-patterns.js';
import { walletShare } from './wallet-share.js';

/**
 * Period 2024, as of 2024-12-31. A, B 制造 (complex), C 化工 (simple), D no orders.
 *   o1 A Mon 01-01: X 100, Y 50 · o2 A Thu 02-01: X 100 on promotion · o3 B Tue 01-02: X 200, Y 100
 *   o4 B Fri 03-01: Z 300 on promotion · o5 C Mon 03-04: Y 40 · r1 A 03-05: X −100 (a return: not a purchase)
 * Orders 5; X in 3, Y in 3, Z in 1; X and Y together in 2 (o1, o3).
 */
const data = {
  customers: [
    { customer_id: 'A', name: '甲', industry: '制造', decision_complexity: 'complex' },
    { customer_id: 'B', name: '乙', industry: '制造', decision_complexity: 'complex' },
    { customer_id: 'C', name: '丙', industry: '化工', decision_complexity: 'simple' },
    { customer_id: 'D', name: '丁' },
  ],
  orders: [
    { order_id: 'o1', customer_id: 'A', order_date: '2024-01-01', category: 'X', amount: 100 },
    { order_id: 'o1', customer_id: 'A', order_date: '2024-01-01', category: 'Y', amount: 50 },
    { order_id: 'o2', customer_id: 'A', order_date: '2024-02-01', category: 'X', amount: 100, promotion: '春季促销' },
    { order_id: 'o3', customer_id: 'B', order_date: '2024-01-02', category: 'X', amount: 200 },
    { order_id: 'o3', customer_id: 'B', order_date: '2024-01-02', category: 'Y', amount: 100 },
    { order_id: 'o4', customer_id: 'B', order_date: '2024-03-01', category: 'Z', amount: 300, promotion: '春季促销' },
    { order_id: 'o5', customer_id: 'C', order_date: '2024-03-04', category: 'Y', amount: 40, order_time: '2024-03-04 09:30:00' },
    { order_id: 'r1', customer_id: 'A', order_date: '2024-03-05', category: 'X', amount: -100, quantity: -1 },
  ],
  opportunities: [
    { opportunity_id: 'W1', customer_id: 'A', status: 'won', created_date: '2024-01-01', close_date: '2024-01-31' },
    { opportunity_id: 'W2', customer_id: 'B', status: 'won', created_date: '2024-02-01', close_date: '2024-03-12' },
    { opportunity_id: 'L1', customer_id: 'C', status: 'lost', created_date: '2024-02-01', close_date: '2024-09-12' },
  ],
  wallet: [
    { customer_id: 'A', year: 2024, competitor: 'K', total_wallet: 1000, competitor_amount: 600 },
    { customer_id: 'A', year: 2024, competitor: 'L', total_wallet: 1000, competitor_amount: 100 },
    { customer_id: 'B', year: 2024, competitor: 'K', total_wallet: 1000, competitor_amount: 200 },
    { customer_id: 'C', year: 2023, competitor: 'K', total_wallet: 5000, competitor_amount: 5000 },
  ],
};

let store: Store;
let ctx: AnalysisContext;
beforeAll(async () => {
  store = await fixtureStore(data);
  await store.engine.run(`INSERT INTO customer_scores (snapshot_id, customer_id, purchase_cycle_days) VALUES (1, 'A', 31), (1, 'B', 59), (1, 'C', NULL)`);
  await store.engine.run(`CREATE TABLE test_tiers AS SELECT * FROM (VALUES ('A', 'strategic'), ('B', 'long_tail'), ('C', 'long_tail')) t(customer_id, tier)`);
  ctx = fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }, {}, 'test_tiers');
});
afterAll(() => store.close());

describe('purchase behaviour', () => {
  it('times orders by weekday and month, and cycles by group', async () => {
    const p = await purchasePatterns(ctx, 1);
    expect(p.weekday.map((r) => [r.key, r.orders, r.sales])).toEqual([[1, 2, 190], [2, 1, 300], [4, 1, 100], [5, 1, 300]]);
    expect(p.weekday[0]!.orderShare).toBeCloseTo(0.4, 12);
    expect(p.month.map((r) => [r.key, r.orders, r.sales])).toEqual([[1, 2, 450], [2, 1, 100], [3, 2, 340]]);
    // Only o5 has a time (Monday 09:30): the hour patterns count the orders that have one.
    expect(p.hour).toEqual([{ key: 9, orders: 1, sales: 40, orderShare: 1 }]);
    expect(p.weekdayHour).toEqual([{ weekday: 1, hour: 9, orders: 1 }]);
    // 制造: cycles 31 and 59 → median 45, quartiles 38 and 52 (linear interpolation); C has no cycle.
    expect(p.cycles.industry).toEqual([{ group: '制造', customers: 2, medianDays: 45, p25Days: 38, p75Days: 52 }]);
    expect(p.cycles.tier.map((r) => [r.group, r.medianDays])).toEqual([['strategic', 31], ['long_tail', 59]]);
  });

  it('measures category preference as share of lines and lift', async () => {
    const p = await categoryPreferences(ctx);
    const row = (g: string, c: string) => p.industry.find((r) => r.group === g && r.category === c);
    // 7 purchase lines: X 3, Y 3, Z 1. 化工 has one Y line: lift (1/1) ÷ (3/7).
    expect(row('化工', 'Y')!.lift).toBeCloseTo(7 / 3, 12);
    expect(row('制造', 'X')!.lineShare).toBeCloseTo(3 / 6, 12);
    expect(row('制造', 'X')!.lift).toBeCloseTo(7 / 6, 12);
    expect(row('制造', 'Y')!.lift).toBeCloseTo(7 / 9, 12);
    expect(row('制造', 'X')!.salesShare).toBeCloseTo(400 / 850, 12);
  });

  it.each([
    ['category masks', 16],
    ['the self-join', 0],
  ])('finds the basket rule X ↔ Y and suggests X to C (pairs by %s)', async (_how, maskCategories) => {
    const b = await basketAnalysis(ctx, { minOrders: 1, minConfidence: 0.2, listed: 10, maskCategories });
    expect(b.rules).toHaveLength(2);
    const xy = b.rules.find((r) => r.from === 'X' && r.to === 'Y')!;
    expect(xy.orders).toBe(2);
    expect(xy.support).toBeCloseTo(2 / 5, 12);
    expect(xy.confidence).toBeCloseTo(2 / 3, 12);
    expect(xy.lift).toBeCloseTo(10 / 9, 12);
    expect(b.crossSell.customers).toBe(1);
    expect(b.crossSell.top).toEqual([{ customerId: 'C', name: '丙', category: 'X', because: 'Y', confidence: expect.closeTo(2 / 3, 12), lift: expect.closeTo(10 / 9, 12), sales: 40 }]);
    // A pair seen in fewer orders than the minimum makes no rule.
    expect((await basketAnalysis(ctx, { minOrders: 3, minConfidence: 0.2, listed: 10, maskCategories })).rules).toEqual([]);
  });

  it('measures promotion share and finds promotion-sensitive customers', async () => {
    const p = await promotionResponse(ctx, { minOrders: 2, sensitiveShare: 0.5, listed: 10 }, 0);
    expect(p.basis).toBe('promotion');
    expect(p.overall.orders).toBe(5);
    expect(p.overall.promoOrders).toBe(2);
    expect(p.overall.promoOrderShare).toBeCloseTo(0.4, 12);
    expect(p.overall.promoSalesShare).toBeCloseTo(400 / 890, 12);
    expect(p.byTier.map((r) => [r.group, r.orders, r.promoOrders])).toEqual([['long_tail', 3, 1], ['strategic', 2, 1]]);
    expect(p.sensitive.customers).toBe(2);
    expect(p.sensitive.top.map((c) => c.customerId)).toEqual(['A', 'B']);
  });

  it('computes share of wallet from the latest estimate year', async () => {
    const w = (await walletShare(ctx))!;
    // A buys 150 net in 2024 (250 − a 100 return) of 1,000; B 600 of 1,000. C's estimate is for 2023 only.
    expect(w.year).toBe(2024);
    expect(w.overall).toMatchObject({ customers: 2, wallet: 2000, ours: 750 });
    expect(w.overall.share).toBeCloseTo(0.375, 12);
    expect(w.byTier.map((r) => [r.group, r.share])).toEqual([['long_tail', 0.6], ['strategic', 0.15]]);
    expect(w.competitors).toEqual([{ competitor: 'K', amount: 800, share: 0.4 }, { competitor: 'L', amount: 100, share: 0.05 }]);
    // Headroom: A has 850 left to win (K takes most of it), B 400.
    expect(w.headroom).toEqual([
      { customerId: 'A', name: '甲', tier: 'strategic', wallet: 1000, ours: 150, share: 0.15, mainCompetitor: 'K' },
      { customerId: 'B', name: '乙', tier: 'long_tail', wallet: 1000, ours: 600, share: 0.6, mainCompetitor: 'K' },
    ]);
  });

  it('profiles decision complexity', async () => {
    const rows = await decisionComplexity(ctx);
    expect(rows).toEqual([
      { complexity: 'complex', customers: 2, share: 0.5, averageOrderValue: 212.5, medianDealDays: 35 },
      { complexity: 'simple', customers: 1, share: 0.25, averageOrderValue: 40, medianDealDays: null },
      { complexity: 'unknown', customers: 1, share: 0.25, averageOrderValue: null, medianDealDays: null },
    ]);
  });
});

describe('behaviour with nothing to measure', () => {
  it('returns empty lists and nulls, not errors', async () => {
    const empty = await fixtureStore({});
    try {
      const c = fixtureContext(empty, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' });
      expect((await basketAnalysis(c, { minOrders: 1, minConfidence: 0, listed: 5 })).rules).toEqual([]);
      const p = await promotionResponse(c, { minOrders: 1, sensitiveShare: 0.5, listed: 5 }, 0);
      expect(p).toMatchObject({ basis: 'discount', overall: { orders: 0, promoOrderShare: null }, byTier: [] });
      expect(await walletShare(c)).toBeNull();
      expect((await purchasePatterns(c, 1)).weekday).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});

describe('basket pairs by category mask and by self-join', () => {
  it('count the same rules on 400 seeded orders of 1 to 4 lines over 7 categories, some lines without one', async () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const orders = [];
    for (let o = 0; o < 400; o++) {
      const lines = 1 + Math.floor(next() * 4);
      for (let l = 0; l < lines; l++) {
        const pick = Math.floor(next() * 8);
        orders.push({ order_id: `q${o}`, customer_id: `K${o % 97}`, order_date: '2024-05-01', amount: 10 + ((o * 7 + l) % 23), category: pick === 7 ? null : `C${pick}` });
      }
    }
    const store = await fixtureStore({ orders });
    try {
      const c = fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' });
      const byMask = await basketAnalysis(c, { minOrders: 2, minConfidence: 0.1, listed: 50, maskCategories: 16 });
      const byJoin = await basketAnalysis(c, { minOrders: 2, minConfidence: 0.1, listed: 50, maskCategories: 0 });
      expect(byMask.rules.length).toBeGreaterThan(20);
      expect(byMask.crossSell.customers).toBeGreaterThan(5);
      expect(byMask).toEqual(byJoin);
    } finally {
      await store.close();
    }
  });
});
