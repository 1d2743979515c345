/**
 * What the report reads from the store, on a hand-made store whose every
 * number is worked out below: totals, monthly revenue, and the three customer
 * tables (months as a customer, yearly rates, main categories, feedback, next
 * need), for everyone and for a scope. Runs on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReportData } from '../../src/report/report-data.js';
import type { AnalysisDocument } from '../../src/analytics/snapshot/run-analysis.js';
import { defaultAnalysisConfig, type AnalysisConfig } from '../../src/config/analysis-config.js';
import type { Store } from '../../src/store/open-store.js';
import { fixtureStore, insertRows } from '../support/fixture.js';

let store: Store;
const base = defaultAnalysisConfig();
// A two-year RFM window: yearly rates are half the window's counts and amounts.
const config: AnalysisConfig = { ...base, rfm: { ...base.rfm, windowDays: 730 } };
const doc = { snapshotId: 1, period: { asOf: '2025-12-31', from: '2025-01-01', to: '2025-12-31' } } as unknown as AnalysisDocument;
const open = (sealed: string | null) => sealed;

beforeAll(async () => {
  store = await fixtureStore({
    customers: [
      { customer_id: 'A', name: 'Alpha', industry: '制造业', contact_name: '王小明', contact_phone: '13912345678', decision_complexity: 'high' },
      { customer_id: 'B', name: 'Beta' },
      { customer_id: 'C', name: 'Gamma' },
    ],
    products: [{ product_id: 'P1', name: '工业机器人' }],
    orders: [
      { order_id: 'O1', customer_id: 'A', order_date: '2025-03-01', category: 'x', unit_price: 100 },
      { order_id: 'O1', customer_id: 'A', order_date: '2025-03-01', category: 'y', unit_price: 300 },
      { order_id: 'O2', customer_id: 'A', order_date: '2025-05-10', category: 'z', unit_price: 200 },
      // Before the period: in the monthly revenue, not in the main categories.
      { order_id: 'O3', customer_id: 'A', order_date: '2024-12-20', category: 'x', unit_price: 1000 },
      // A return: in the monthly revenue, never a main category.
      { order_id: 'R1', customer_id: 'A', order_date: '2025-07-01', category: 'q', amount: -40 },
      { order_id: 'O4', customer_id: 'B', order_date: '2025-06-01', category: 'x', unit_price: 50 },
      // After the as-of date: counted as a line, in no revenue.
      { order_id: 'O5', customer_id: 'B', order_date: '2026-01-02', category: 'y', unit_price: 70 },
    ],
    complaints: [
      { complaint_id: 'K1', customer_id: 'A', complaint_date: '2025-04-01', category: 'late' },
      { complaint_id: 'K2', customer_id: 'A', complaint_date: '2025-08-01', category: 'late' },
      { complaint_id: 'K3', customer_id: 'A', complaint_date: '2025-09-01', category: 'quality' },
      // A tie of one each: the later one wins.
      { complaint_id: 'K4', customer_id: 'B', complaint_date: '2025-02-01', category: 'price' },
      { complaint_id: 'K5', customer_id: 'B', complaint_date: '2025-03-01', category: 'service' },
      { complaint_id: 'K6', customer_id: 'B', complaint_date: '2026-02-01', category: 'zzz' },
    ],
  });
  const score = { rfm_tier: 'low_value', r_score: 1, f_score: 1, m_score: 1 };
  await insertRows(store.engine, 'customer_scores', [
    { ...score, snapshot_id: 1, customer_id: 'A', value_score: 0.9, value_tier: 'strategic', rfm_code: '555', recency_days: 10, frequency: 2, monetary: 600, first_order_date: '2024-12-20', purchase_cycle_days: 61 },
    { ...score, snapshot_id: 1, customer_id: 'B', value_score: 0.2, value_tier: 'long_tail', rfm_code: '111', recency_days: 100, frequency: 1, monetary: 50, first_order_date: '2025-06-01', purchase_cycle_days: null },
    // Another snapshot's score is not this report's.
    { ...score, snapshot_id: 2, customer_id: 'C', value_score: 0.99, value_tier: 'strategic', rfm_code: '555', recency_days: 1, frequency: 9, monetary: 9, first_order_date: '2025-01-01', purchase_cycle_days: 1 },
  ]);
  await insertRows(store.engine, 'customer_recommendations', [
    { snapshot_id: 1, customer_id: 'A', rank: 1, product_id: 'P1' },
    { snapshot_id: 1, customer_id: 'A', rank: 2, product_id: 'P2' },
    { snapshot_id: 1, customer_id: 'B', rank: 1, product_id: 'P9' },
  ]);
});
afterAll(() => store.close());

describe('report data', () => {
  it('reads totals, monthly revenue and the three tables, masking the contact', async () => {
    const d = await readReportData(store.engine, doc, config, 20, null, open);
    expect(d.totals).toEqual({ customers: 3, orderLines: 7, quarantined: 0 });
    expect(d.imports).toEqual([]);
    expect(d.monthly).toEqual([
      { month: '2024-12', revenue: 1000 },
      { month: '2025-03', revenue: 400 },
      { month: '2025-05', revenue: 200 },
      { month: '2025-06', revenue: 50 },
      { month: '2025-07', revenue: -40 },
    ]);
    expect(d.table1).toEqual([
      // 2024-12 to 2025-12: twelve month boundaries.
      { customerId: 'A', name: 'Alpha', industry: '制造业', size: null, contactName: '王**', contactPhone: '139****5678', months: 12, tier: 'strategic' },
      { customerId: 'B', name: 'Beta', industry: null, size: null, contactName: null, contactPhone: null, months: 6, tier: 'long_tail' },
    ]);
    expect(d.table2).toEqual([
      { customerId: 'A', name: 'Alpha', recencyDays: 10, frequencyPerYear: 1, amountPerYear: 300, rfmCode: '555', tier: 'strategic' },
      { customerId: 'B', name: 'Beta', recencyDays: 100, frequencyPerYear: 0.5, amountPerYear: 25, rfmCode: '111', tier: 'long_tail' },
    ]);
    expect(d.table3).toEqual([
      // In the period: y 300, z 200, x 100.
      { customerId: 'A', name: 'Alpha', mainCategories: ['y', 'z'], cycleDays: 61, complexity: 'high', feedback: 'late', need: '工业机器人' },
      // A product the store does not know is named by its id.
      { customerId: 'B', name: 'Beta', mainCategories: ['x'], cycleDays: null, complexity: null, feedback: 'service', need: 'P9' },
    ]);
  });

  it('keeps to the top rows and to the customers in scope', async () => {
    await store.engine.run(`CREATE TEMP TABLE report_data_scope AS SELECT customer_id FROM customers WHERE customer_id = 'B'`);
    try {
      const d = await readReportData(store.engine, doc, config, 1, 'report_data_scope', open);
      expect(d.totals).toEqual({ customers: 1, orderLines: 2, quarantined: 0 });
      expect(d.monthly).toEqual([{ month: '2025-06', revenue: 50 }]);
      // The tables list the top customers of the snapshot (one row asked for).
      expect(d.table1.map((r) => r.customerId)).toEqual(['A']);
      expect(d.table3.map((r) => r.customerId)).toEqual(['A']);
    } finally {
      await store.engine.run('DROP TABLE IF EXISTS report_data_scope');
    }
  });
});
