import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { previousPeriod, yearEarlier } from '../analysis-period.js';
import { kpiReport, kpisFor, kpisOf } from './kpis.js';

/**
 * Four customers and a guest, hand-computed (period 2024, previous 2023):
 *   A: 2023-06-01 100 (X) · 2024-03-01 200 (X) · 2024-05-01 300 (Y)
 *   B: 2023-07-01 50 (Y)
 *   C: 2024-02-01 400 (X) · 2024-02-15 return −100 (X)
 *   D: 2024-11-01 100 (Z), profit 40
 *   guest: 2024-06-01 60
 */
const orders = [
  { order_id: 'O1', customer_id: 'A', order_date: '2023-06-01', amount: 100, category: 'X' },
  { order_id: 'O2', customer_id: 'A', order_date: '2024-03-01', amount: 200, category: 'X' },
  { order_id: 'O3', customer_id: 'A', order_date: '2024-05-01', amount: 300, category: 'Y' },
  { order_id: 'O4', customer_id: 'B', order_date: '2023-07-01', amount: 50, category: 'Y' },
  { order_id: 'O5', customer_id: 'C', order_date: '2024-02-01', amount: 400, category: 'X' },
  { order_id: 'O6', customer_id: 'C', order_date: '2024-02-15', amount: -100, quantity: -1, category: 'X' },
  { order_id: 'O7', customer_id: 'D', order_date: '2024-11-01', amount: 100, category: 'Z', profit: 40 },
  { order_id: 'O8', customer_id: null, order_date: '2024-06-01', amount: 60 },
];
const nps = [10, 9, 7, 3].map((score, i) => ({ response_id: `N${i}`, customer_id: 'A', response_date: '2024-04-01', score }));
const surveys = [5, 4, 2].map((score, i) => ({ response_id: `S${i}`, customer_id: 'C', survey_date: '2024-04-01', item: '质量', score }));
const period = { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' };

describe('KPIs on a hand-computed dataset', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore({ orders, nps, surveys });
  });
  afterAll(() => store.close());

  it('computes every KPI of the period', async () => {
    const k = await kpisFor(fixtureContext(store, period), period);
    expect(k).toEqual({
      revenue: 960, // 200 + 300 + 400 − 100 + 100 + 60
      grossSales: 1060,
      returnedAmount: 100,
      profit: 40,
      orders: 5, // O2 O3 O5 O7 O8 (the return O6 is not an order)
      customers: 3, // A C D
      newCustomers: 2, // C and D bought first in 2024
      averageOrderValue: 192, // 960 / 5
      repeatPurchaseRate: 1 / 3, // A
      retentionRate: 0.5, // active before: A, B; A bought again
      churnRate: 0.5,
      renewalRate: 0.5, // 2023 pairs (A,X) (B,Y); (A,X) again in 2024
      refundRate: 1 / 6, // O6 of 6 orders
      refundAmountRate: 100 / 1060,
      historicalClv: 262.5, // (600 + 50 + 300 + 100) / 4
      nps: 25, // (2 promoters − 1 detractor) / 4
      csat: 2 / 3, // 5 and 4 of 5, 4, 2
      csatMean: 11 / 3,
    });
  });

  it('compares with the year before (同比) and the period before (环比)', async () => {
    const r = await kpiReport(fixtureContext(store, period));
    expect(r.yearEarlier.revenue).toBe(150);
    expect(r.yearOverYear.revenue).toBeCloseTo(5.4, 12); // (960 − 150) / 150
    expect(r.yearOverYear.customers).toBe(0.5); // 3 vs 2
    // The period before 2024 is 2023.
    expect(r.previous.revenue).toBe(150);
    expect(r.periodOverPeriod.nps).toBeNull(); // no NPS before
  });

  it('gives null, not NaN, where there is nothing to divide by', async () => {
    const empty = { asOf: '2030-12-31', from: '2030-01-01', to: '2030-12-31' };
    const k = await kpisFor(fixtureContext(store, empty), empty);
    expect(k).toMatchObject({ revenue: 0, orders: 0, customers: 0, averageOrderValue: null, repeatPurchaseRate: null, retentionRate: null, nps: null, csat: null });
    expect(JSON.stringify(k)).not.toContain('NaN');
  });
});

describe('cohorts and slices on the same data', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore({ orders, nps, surveys });
  });
  afterAll(() => store.close());

  it('builds the cohort retention matrix of the period (C from Feb, D from Nov)', async () => {
    const { cohortRetention } = await import('../cohort/cohort-retention.js');
    const rows = await cohortRetention(fixtureContext(store, period));
    expect(rows).toEqual([
      { cohort: '2024-02', customers: 1, retention: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
      { cohort: '2024-11', customers: 1, retention: [1, 0] },
    ]);
  });

  it('slices the period by category', async () => {
    const { kpiSlices } = await import('./kpi-slices.js');
    const rows = (await kpiSlices(fixtureContext(store, period), 0)).category;
    expect(rows).toEqual([
      { segment: 'X', revenue: 500, revenueShare: 500 / 960, orders: 2, customers: 2, newCustomers: 1, averageOrderValue: 250, repeatPurchaseRate: 0, refundRate: 1 / 3 },
      { segment: 'Y', revenue: 300, revenueShare: 300 / 960, orders: 1, customers: 1, newCustomers: 0, averageOrderValue: 300, repeatPurchaseRate: 0, refundRate: 0 },
      { segment: 'Z', revenue: 100, revenueShare: 100 / 960, orders: 1, customers: 1, newCustomers: 1, averageOrderValue: 100, repeatPurchaseRate: 0, refundRate: 0 },
      { segment: 'unknown', revenue: 60, revenueShare: 60 / 960, orders: 1, customers: 0, newCustomers: 0, averageOrderValue: 60, repeatPurchaseRate: null, refundRate: 0 },
    ]);
  });
});

/**
 * What counts as an order (period 2024): an order is an order id of one
 * customer, dated by its head, its first purchase line.
 *   P1 (E): 2023-12-20 100 华东 · 2024-01-05 50 华东 — head in 2023
 *   P2 (E): 2024-03-01 200 华东 · 2024-03-10 return −30 华东 — one order with a return
 *   P3: F 2024-04-01 80 华北 · G 2024-04-01 70 华北 — one id, two customers: two orders
 *   P4 (F): 2024-05-01 return −20 华北 — return only
 *   P5 (H): 2023-12-30 40 华南 · 2024-01-02 60 华南 — head in 2023
 *   P6 (I): 2024-06-01 100 华东 · 2024-06-02 50 华南 — head in 华东
 * Industries: E, F, H 制造; G 能源; I none.
 */
const edgeOrders = [
  { order_id: 'P1', customer_id: 'E', order_date: '2023-12-20', amount: 100, region: '华东' },
  { order_id: 'P1', customer_id: 'E', order_date: '2024-01-05', amount: 50, region: '华东' },
  { order_id: 'P2', customer_id: 'E', order_date: '2024-03-01', amount: 200, region: '华东' },
  { order_id: 'P2', customer_id: 'E', order_date: '2024-03-10', amount: -30, quantity: -1, region: '华东' },
  { order_id: 'P3', customer_id: 'F', order_date: '2024-04-01', amount: 80, region: '华北' },
  { order_id: 'P3', customer_id: 'G', order_date: '2024-04-01', amount: 70, region: '华北' },
  { order_id: 'P4', customer_id: 'F', order_date: '2024-05-01', amount: -20, quantity: -1, region: '华北' },
  { order_id: 'P5', customer_id: 'H', order_date: '2023-12-30', amount: 40, region: '华南' },
  { order_id: 'P5', customer_id: 'H', order_date: '2024-01-02', amount: 60, region: '华南' },
  { order_id: 'P6', customer_id: 'I', order_date: '2024-06-01', amount: 100, region: '华东' },
  { order_id: 'P6', customer_id: 'I', order_date: '2024-06-02', amount: 50, region: '华南' },
];
const edgeCustomers = [
  { customer_id: 'E', industry: '制造' },
  { customer_id: 'F', industry: '制造' },
  { customer_id: 'G', industry: '能源' },
  { customer_id: 'H', industry: '制造' },
  { customer_id: 'I' },
];

describe('what counts as an order', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore({ customers: edgeCustomers, orders: edgeOrders });
  });
  afterAll(() => store.close());

  it('dates an order by its head and counts one order per customer on an order id', async () => {
    const k = await kpisFor(fixtureContext(store, period), period);
    expect(k).toMatchObject({
      revenue: 560, // every line dated in 2024, heads or not
      orders: 4, // P2/E P3/F P3/G P6/I; P1 and P5 are 2023's
      customers: 4, // E F G I; H has 2024 revenue but no 2024 order
      newCustomers: 3, // F G I
      averageOrderValue: 140,
      repeatPurchaseRate: 0,
      refundRate: 0.4, // returns P2/E P4/F over P2 P3/F P3/G P6 and P4
    });
    const before = await kpisFor(fixtureContext(store, period), { from: '2023-01-01', to: '2023-12-31' });
    expect(before).toMatchObject({ revenue: 140, orders: 2, customers: 2 });
  });

  it('puts an order in the slice of its head; a return order in its return lines’ slice', async () => {
    const { kpiSlices } = await import('./kpi-slices.js');
    const s = await kpiSlices(fixtureContext(store, period), 0);
    expect(s.region).toEqual([
      { segment: '华东', revenue: 320, revenueShare: 320 / 560, orders: 2, customers: 2, newCustomers: 1, averageOrderValue: 160, repeatPurchaseRate: 0, refundRate: 0.5 },
      { segment: '华北', revenue: 130, revenueShare: 130 / 560, orders: 2, customers: 2, newCustomers: 2, averageOrderValue: 65, repeatPurchaseRate: 0, refundRate: 1 / 3 },
      { segment: '华南', revenue: 110, revenueShare: 110 / 560, orders: 0, customers: 0, newCustomers: 0, averageOrderValue: null, repeatPurchaseRate: null, refundRate: null },
    ]);
    expect(s.industry).toEqual([
      { segment: '制造', revenue: 340, revenueShare: 340 / 560, orders: 2, customers: 2, newCustomers: 1, averageOrderValue: 170, repeatPurchaseRate: 0, refundRate: 2 / 3 },
      { segment: 'unknown', revenue: 150, revenueShare: 150 / 560, orders: 1, customers: 1, newCustomers: 1, averageOrderValue: 150, repeatPurchaseRate: 0, refundRate: 0 },
      { segment: '能源', revenue: 70, revenueShare: 70 / 560, orders: 1, customers: 1, newCustomers: 1, averageOrderValue: 70, repeatPurchaseRate: 0, refundRate: 0 },
    ]);
  });
});

/**
 * 环比 and 同比 of whole months, hand-computed:
 *   E: 2022-12-31 1000 (W) · 2023-01-01 10 (X) · 2024-01-31 5 (X) · 2024-03-10 3 (X)
 *   F: 2023-12-31 20 (Y) · 2024-02-29 7 (Y)
 */
describe('the period before and the year before, in whole months', () => {
  let store: Store;
  const lines = [
    { order_id: 'P1', customer_id: 'E', order_date: '2022-12-31', amount: 1000, category: 'W' },
    { order_id: 'P2', customer_id: 'E', order_date: '2023-01-01', amount: 10, category: 'X' },
    { order_id: 'P3', customer_id: 'F', order_date: '2023-12-31', amount: 20, category: 'Y' },
    { order_id: 'P4', customer_id: 'E', order_date: '2024-01-31', amount: 5, category: 'X' },
    { order_id: 'P5', customer_id: 'F', order_date: '2024-02-29', amount: 7, category: 'Y' },
    { order_id: 'P6', customer_id: 'E', order_date: '2024-03-10', amount: 3, category: 'X' },
  ];
  beforeAll(async () => {
    store = await fixtureStore({ orders: lines });
  });
  afterAll(() => store.close());

  it('compares a year with the calendar year before, not with the 366 days before a leap year', async () => {
    const r = await kpiReport(fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }));
    expect(r.previous.revenue).toBe(30); // 10 + 20; 2022-12-31 lies before 2023
    expect(r.yearEarlier).toEqual(r.previous);
    // 2023's pairs (E,X) (F,Y), both bought again in 2024; (E,W) of 2022-12-31 is not renewable in 2024.
    expect(r.current.renewalRate).toBe(1);
  });

  it('compares March with February, leap day included, and February with the February before', async () => {
    const march = await kpiReport(fixtureContext(store, { asOf: '2024-03-31', from: '2024-03-01', to: '2024-03-31' }));
    expect(march.previous.revenue).toBe(7); // 2024-02-01 .. 02-29; 31 days back would reach E's 2024-01-31
    expect(march.yearEarlier.revenue).toBe(0);
    const feb = await kpiReport(fixtureContext(store, { asOf: '2025-02-28', from: '2025-02-01', to: '2025-02-28' }));
    expect(feb.yearEarlier.revenue).toBe(7); // February 2024 runs to the 29th
  });

  it('reads the dates 环比 and 同比 share once', async () => {
    const ctx = fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' });
    const seen: string[] = [];
    const db = new Proxy(ctx.db, {
      get: (t, p) => (p === 'query' ? (sql: string, params?: never) => (seen.push(sql), t.query(sql, params)) : Reflect.get(t, p)),
    });
    const [a, b, c] = await kpisOf({ ...ctx, db }, [ctx.period, previousPeriod(ctx.period), yearEarlier(ctx.period)]);
    expect(seen.filter((s) => s.startsWith('WITH lines AS'))).toHaveLength(2);
    expect(c).toEqual(b);
    expect(a!.revenue).toBe(15);
  });
});
