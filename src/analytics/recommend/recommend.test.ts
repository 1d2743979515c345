import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore } from '../../../test/support/fixture.js';
import { holdoutSql, popularSql, recommendationsSql } from './recommend-sql.js';

/**
 * Before the cutoff (2024-06-30): A buys p1 + p2 in one order; B buys p1 + p2 in one order and p3 in another; C buys p1.
 *   buyers p1 3, p2 2, p3 1; shared buyers p1–p2 2, p1–p3 1, p2–p3 1; orders with p1 3, p2 2, p3 1; p1 and p2 together in 2 orders.
 *   similarity i → j = shared ÷ √(buyers i × buyers j) + together ÷ orders with i:
 *     p1 → p2 = 2/√6 + 2/3 · p1 → p3 = 1/√3 · p2 → p3 = 1/√2
 * After the cutoff: C buys p2 (new to C), A buys p1 again (not new).
 */
const data = {
  orders: [
    { order_id: 'o1', customer_id: 'A', order_date: '2024-01-01', product_id: 'p1', amount: 1 },
    { order_id: 'o1', customer_id: 'A', order_date: '2024-01-01', product_id: 'p2', amount: 1 },
    { order_id: 'o2', customer_id: 'B', order_date: '2024-02-01', product_id: 'p1', amount: 1 },
    { order_id: 'o2', customer_id: 'B', order_date: '2024-02-01', product_id: 'p2', amount: 1 },
    { order_id: 'o3', customer_id: 'B', order_date: '2024-03-01', product_id: 'p3', amount: 1 },
    { order_id: 'o4', customer_id: 'C', order_date: '2024-04-01', product_id: 'p1', amount: 1 },
    { order_id: 'o5', customer_id: 'C', order_date: '2024-08-01', product_id: 'p2', amount: 1 },
    { order_id: 'o6', customer_id: 'A', order_date: '2024-09-01', product_id: 'p1', amount: 1 },
  ],
};

let store: Store;
beforeAll(async () => {
  store = await fixtureStore(data);
});
afterAll(() => store.close());

type Rec = { customer_id: string; rank: number; product_id: string; score: number; because: string | null };

describe('next-best products', () => {
  it('scores unbought products by item similarity and basket affinity, naming the reason', async () => {
    const recs = await store.engine.query<Rec>(`${recommendationsSql({ cutoff: '2024-06-30', k: 5, minShared: 1 })} ORDER BY customer_id, rank`);
    expect(recs.map((r) => [r.customer_id, r.rank, r.product_id, r.because])).toEqual([
      ['A', 1, 'p3', 'p2'],
      ['C', 1, 'p2', 'p1'],
      ['C', 2, 'p3', 'p1'],
    ]);
    expect(recs[0]!.score).toBeCloseTo(1 / Math.sqrt(3) + 1 / Math.sqrt(2), 12);
    expect(recs[1]!.score).toBeCloseTo(2 / Math.sqrt(6) + 2 / 3, 12);
    // B already bought everything: nothing to recommend. With two shared buyers required, only p1–p2 counts.
    const strict = await store.engine.query<Rec>(recommendationsSql({ cutoff: '2024-06-30', k: 5, minShared: 2 }));
    expect(strict.map((r) => [r.customer_id, r.product_id])).toEqual([['C', 'p2']]);
  });

  it('measures hit rate and precision on what customers bought new after the cutoff', async () => {
    const q = async (recs: string) => (await store.engine.query<{ customers: number; hitRate: number; precision: number }>(holdoutSql(recs, '2024-06-30', '2024-12-31')))[0];
    // Only C bought something new (p2), and p2 was C's first recommendation out of two.
    expect(await q(recommendationsSql({ cutoff: '2024-06-30', k: 5, minShared: 1 }))).toEqual({ customers: 1, hitRate: 1, precision: 0.5 });
    // Popularity: C has p1, so p2 and p3 follow.
    const popular = await store.engine.query<Rec>(`${popularSql({ cutoff: '2024-06-30', k: 5, minShared: 1 })} ORDER BY customer_id, rank`);
    expect(popular.filter((r) => r.customer_id === 'C').map((r) => r.product_id)).toEqual(['p2', 'p3']);
  });
});
