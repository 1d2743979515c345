import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore } from '../../../test/support/fixture.js';
import { runAnalysis } from '../snapshot/run-analysis.js';
import { allSegments, segmentDimensions, segments } from './segments.js';

/**
 * Four consumers as of 2024-12-30 (window from 2024-01-01):
 *   U born 1990-12-31 (33 whole years: one day short of 34), female, 300 of 新项目 + 100 of 补货
 *   V born 2001-06-01 (23), female, 200 of 补货
 *   W born 1960-01-01 (64), male, 500 of 升级
 *   X no birth date or gender, 0 (a purchase and its full return)
 */
const customers = [
  { customer_id: 'U', birth_date: '1990-12-31', gender: 'female', industry: '零售' },
  { customer_id: 'V', birth_date: '2001-06-01', gender: 'female', industry: '零售' },
  { customer_id: 'W', birth_date: '1960-01-01', gender: 'male', industry: '批发' },
  { customer_id: 'X' },
];
const orders = [
  { order_id: 'U1', customer_id: 'U', order_date: '2024-03-01', amount: 300, demand_type: 'new_project' },
  { order_id: 'U2', customer_id: 'U', order_date: '2024-04-01', amount: 100, demand_type: 'replenishment' },
  { order_id: 'V1', customer_id: 'V', order_date: '2024-05-01', amount: 200, demand_type: 'replenishment' },
  { order_id: 'W1', customer_id: 'W', order_date: '2024-12-30', amount: 500, demand_type: 'upgrade' },
  { order_id: 'X1', customer_id: 'X', order_date: '2024-06-01', amount: 50 },
  { order_id: 'X2', customer_id: 'X', order_date: '2024-06-02', amount: -50, quantity: -1 },
];

describe('segments by one attribute at a time', () => {
  let store: Store;
  let snapshot: number;
  beforeAll(async () => {
    store = await fixtureStore({ customers, orders });
    snapshot = (await runAnalysis(store.engine, { asOf: '2024-12-30' }, () => new Date(0))).snapshotId;
  });
  afterAll(() => store.close());
  const seg = (dim: Parameters<typeof segments>[2]) => segments(store.engine, snapshot, dim, '2024-12-30', '2024-01-01');

  it('bands ages by whole years elapsed', async () => {
    const rows = await seg('age');
    expect(Object.fromEntries(rows.map((r) => [r.segment, r.customers]))).toEqual({ '55+': 1, '25-34': 1, '<25': 1, unknown: 1 });
  });

  it('shares customers and revenue; unknown values are a segment of their own', async () => {
    const rows = await seg('gender');
    expect(rows).toEqual([
      { segment: 'female', customers: 2, customerShare: 0.5, revenue: 600, revenueShare: 600 / 1100, avgMonetary: 300 },
      { segment: 'male', customers: 1, customerShare: 0.25, revenue: 500, revenueShare: 500 / 1100, avgMonetary: 500 },
      { segment: 'unknown', customers: 1, customerShare: 0.25, revenue: 0, revenueShare: 0, avgMonetary: 0 },
    ]);
  });

  it("names each customer's demand type by where most of their revenue went", async () => {
    const rows = await seg('demand_type');
    // U: 300 new project > 100 replenishment; X had no demand type.
    expect(Object.fromEntries(rows.map((r) => [r.segment, r.revenue]))).toEqual({ upgrade: 500, new_project: 400, replenishment: 200, unknown: 0 });
  });

  it('gives every dimension in one statement the rows each gives alone (the analysis reads them so)', async () => {
    const all = await allSegments(store.engine, snapshot, segmentDimensions, '2024-12-30', '2024-01-01');
    for (const dim of segmentDimensions) expect(all[dim]).toEqual(await seg(dim));
    expect(all.gender.map((r) => r.segment)).toEqual(['female', 'male', 'unknown']);
  });
});
