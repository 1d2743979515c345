import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../domain/rng.js';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { insertCustomerScoresSql } from '../snapshot/customer-scores-sql.js';
import { rfmBreaksQuery, rfmBreaksSql, rfmMeasuresSql } from './rfm-sql.js';

const period = { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' };

/**
 * 400 customers with amounts of four decimals from 0.0001 to about 10⁹, and
 * returns: sums whose FLOAT8 is not their decimal text (0.1 + 0.2 …), the case
 * where a stored DECIMAL(18,4) could read back as another double.
 */
function awkwardOrders(): Record<string, string | number>[] {
  const rng = Rng.derive(7, 'rfm-breaks-stored');
  const rows: Record<string, string | number>[] = [];
  for (let c = 0; c < 400; c++) {
    const scale = 10 ** rng.int(-4, 9);
    for (let o = 0, n = rng.int(1, 6); o < n; o++) {
      const amount = Math.round(rng.uniform(0, scale) * 10_000) / 10_000 || 0.0001;
      const day = rng.int(1, 700);
      const date = new Date(Date.UTC(2024, 11, 31) - day * 86_400_000).toISOString().slice(0, 10);
      rows.push({ order_id: `O${c}-${o}`, customer_id: `C${c}`, order_date: date, amount: rng.chance(0.1) ? -amount : amount });
    }
  }
  return rows;
}

describe('RFM breaks read from the stored scores', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore({
      orders: [
        // Hand-checked case: monetary 0.3 (0.1 + 0.2), 0.6, 0.9, 1.2 and 1.5000 for five customers.
        ...[0.1, 0.2, 0.4, 0.2, 0.4, 0.5, 0.6, 0.6, 0.7, 0.8].map((amount, i) => ({ order_id: `H${i}`, customer_id: `H${Math.floor(i / 2)}`, order_date: '2024-12-01', amount })),
        ...awkwardOrders(),
      ],
    });
  });
  afterAll(() => store.close());

  it('are the breaks the scoring used, to the last bit', async () => {
    const ctx = fixtureContext(store, period);
    await store.engine.run(insertCustomerScoresSql(ctx, 1));
    // The reference: the same cut points worked out from the order lines, as the scoring does.
    const lists = ['r', 'f', 'm'].map((n) => `ARRAY[b.${n}1, b.${n}2, b.${n}3, b.${n}4] AS ${n}b`).join(', ');
    const [fromLines] = await store.engine.query(`WITH measures AS (${rfmMeasuresSql(ctx)}) SELECT ${lists} FROM (${rfmBreaksSql(ctx, 'measures')}) AS b`);
    const [stored] = await store.engine.query(rfmBreaksQuery(ctx, 1));
    expect(stored).toEqual(fromLines);
    // Another snapshot's rows are not read.
    const [none] = await store.engine.query<{ mb: (number | null)[] }>(rfmBreaksQuery(ctx, 2));
    expect(none!.mb).toEqual([null, null, null, null]);
  });

  it('give the hand-computed cut points on five customers', async () => {
    // Scoped to the five hand-checked customers, whose monetary is 0.3, 0.6, 0.9, 1.2, 1.5:
    // quantile type 7 at 20/40/60/80% is 0.54, 0.78, 1.02, 1.26; the cut point is that + 1.
    await store.engine.run(`CREATE TABLE hand_scope AS SELECT customer_id FROM customers WHERE customer_id LIKE 'H%'`);
    const ctx = { ...fixtureContext(store, period), scope: 'hand_scope' };
    await store.engine.run(insertCustomerScoresSql(ctx, 3));
    const [b] = await store.engine.query<{ mb: number[] }>(rfmBreaksQuery(ctx, 3));
    expect(b!.mb.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([1.54, 1.78, 2.02, 2.26]);
  });
});
