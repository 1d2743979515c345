import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { analysisConfigSchema } from '../../config/analysis-config.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { rfmSql } from './rfm-sql.js';

/** Three customers as of 2024-12-31: P (3 days, 6 orders, 6,000), Q (45 days, 2 orders, 800), R (400 days, 0 in window, 0). */
const orders = [
  ...Array.from({ length: 6 }, (_, i) => ({ order_id: `P${i}`, customer_id: 'P', order_date: `2024-${String(7 + i).padStart(2, '0')}-28`, amount: 1000 })),
  { order_id: 'Q1', customer_id: 'Q', order_date: '2024-11-16', amount: 500 },
  { order_id: 'Q2', customer_id: 'Q', order_date: '2024-10-01', amount: 300 },
  { order_id: 'R1', customer_id: 'R', order_date: '2023-11-27', amount: 900 },
];
const period = { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' };
const fixed = { r: [30, 60, 90, 180], f: [2, 3, 5, 8], m: [500, 1000, 5000, 10000] };

describe('RFM with fixed thresholds and weight profiles', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore({ orders });
  });
  afterAll(() => store.close());

  async function codes(config: unknown) {
    const ctx = fixtureContext(store, period, analysisConfigSchema.parse(config));
    const rows = await store.engine.query<{ customer_id: string; rfm_code: string; rfm_weighted: number }>(`${rfmSql(ctx)} ORDER BY customer_id`);
    return Object.fromEntries(rows.map((r) => [r.customer_id, r]));
  }

  it('scores 1 + the number of cut points at or below the value (recency reversed)', async () => {
    const s = await codes({ rfm: { method: 'fixed', thresholds: fixed, profile: 'balanced' } });
    // P: 3 days < 30 → R5; 6 orders ≥ 2, 3, 5 → F4; 6,000 ≥ 500, 1000, 5000 → M4
    // Q: 45 days ≥ 30 → R4; 2 orders ≥ 2 → F2; 800 ≥ 500 → M2
    // R: 400 days ≥ all → R1; 0 orders → F1; 0 → M1
    expect([s.P!.rfm_code, s.Q!.rfm_code, s.R!.rfm_code]).toEqual(['544', '422', '111']);
    expect(s.P!.rfm_weighted).toBeCloseTo(13 / 3, 9);
  });

  it('weights the scores by profile: FMCG favours frequency, industrial amount, custom as given', async () => {
    const fmcg = await codes({ rfm: { method: 'fixed', thresholds: fixed, profile: 'fmcg' } });
    expect(fmcg.Q!.rfm_weighted).toBeCloseTo(0.3 * 4 + 0.5 * 2 + 0.2 * 2, 9);
    const industrial = await codes({ rfm: { method: 'fixed', thresholds: fixed, profile: 'industrial' } });
    expect(industrial.Q!.rfm_weighted).toBeCloseTo(0.25 * 4 + 0.15 * 2 + 0.6 * 2, 9);
    // Custom weights are normalised to sum to one: 2:1:1 → .5 .25 .25
    const custom = await codes({ rfm: { method: 'fixed', thresholds: fixed, profile: 'custom', customWeights: { r: 2, f: 1, m: 1 } } });
    expect(custom.Q!.rfm_weighted).toBeCloseTo(0.5 * 4 + 0.25 * 2 + 0.25 * 2, 9);
  });

  it('gives tied customers one score whatever the quintile breaks', async () => {
    const tied = await fixtureStore({
      orders: ['A', 'B', 'C', 'D', 'E', 'F'].map((c, i) => ({ order_id: `O${i}`, customer_id: c, order_date: '2024-12-01', amount: i < 4 ? 100 : 900 })),
    });
    const rows = await tied.engine.query<{ customer_id: string; rfm_code: string }>(`${rfmSql(fixtureContext(tied, period))} ORDER BY customer_id`);
    await tied.close();
    // Recency 30 and one order for all: breaks 31 and 2 → R5, F1 for everyone.
    // Monetary 100 ×4, 900 ×2: quantiles 100, 100, 100, 900 (+1) → 100 scores 1, 900 scores 1 + 3 = 4.
    expect(rows.map((r) => r.rfm_code)).toEqual(['511', '511', '511', '511', '514', '514']);
  });
});
