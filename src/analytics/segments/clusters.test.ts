import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore, insertRows } from '../../../test/support/fixture.js';
import { assignClustersSql, clusterSnapshot } from './clusters.js';

/** Three plain groups of 40: loyal big buyers, occasional mid-size, lapsed small. */
function groups(): { customer_id: string; snapshot_id: number; recency_days: number; frequency: number; monetary: number; group: number }[] {
  const rows = [];
  for (let i = 0; i < 40; i++) {
    rows.push({ customer_id: `A${String(i).padStart(2, '0')}`, snapshot_id: 1, recency_days: 5 + (i % 5), frequency: 20 + (i % 10), monetary: 100_000 + 2_500 * i, group: 1 });
    rows.push({ customer_id: `B${String(i).padStart(2, '0')}`, snapshot_id: 1, recency_days: 100 + (i % 7), frequency: 3 + (i % 3), monetary: 5_000 + 10 * i, group: 2 });
    rows.push({ customer_id: `C${String(i).padStart(2, '0')}`, snapshot_id: 1, recency_days: 600 + 2 * i, frequency: 1, monetary: 100 + 5 * i, group: 3 });
  }
  return rows;
}

describe('clusters of a snapshot', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  async function clustered(fitSample?: number) {
    store = await fixtureStore({});
    const rows = groups();
    await insertRows(store.engine, 'customer_scores', rows.map(({ group: _g, ...r }) => r));
    const result = await clusterSnapshot(store.engine, 1, { maxK: 6, seed: 7, ...(fitSample === undefined ? {} : { fitSample }) });
    const stored = await store.engine.query<{ customer_id: string; cluster: number }>('SELECT customer_id, cluster FROM customer_scores WHERE snapshot_id = 1 ORDER BY customer_id');
    return { result, stored, rows };
  }

  for (const [label, fitSample] of [['fitted on every customer', undefined], ['fitted on a sample of 30, every customer assigned', 30]] as const) {
    it(`finds the three groups, numbered by revenue, and stores each customer's (${label})`, async () => {
      const { result, stored, rows } = await clustered(fitSample);
      expect(result.k).toBe(3);
      const groupOf = new Map(rows.map((r) => [r.customer_id, r.group]));
      for (const s of stored) expect(s.cluster).toBe(groupOf.get(s.customer_id));
      const mean = (g: number, pick: (r: (typeof rows)[number]) => number) => rows.filter((r) => r.group === g).reduce((a, r) => a + pick(r), 0) / 40;
      expect(result.clusters.map((c) => c.customers)).toEqual([40, 40, 40]);
      result.clusters.forEach((c, i) => {
        expect(c.cluster).toBe(i + 1);
        expect(c.avgMonetary).toBeCloseTo(mean(i + 1, (r) => r.monetary), 6);
        expect(c.avgRecencyDays).toBeCloseTo(mean(i + 1, (r) => r.recency_days), 6);
      });
    });
  }

  it('assigns in the engine the nearest centre, ties to the lower one, under its new number', async () => {
    store = await fixtureStore({});
    await insertRows(store.engine, 'customer_scores', [
      { snapshot_id: 2, customer_id: 'P0', recency_days: 0, frequency: 0, monetary: 0 },
      { snapshot_id: 2, customer_id: 'P1', recency_days: 3, frequency: 3, monetary: 3 },
      { snapshot_id: 2, customer_id: 'P2', recency_days: 3, frequency: 0, monetary: 0 },
    ]);
    const ln4 = Math.log(4); // log-scaled 3
    const scale = { mean: new Float64Array(3), sd: Float64Array.from([1, 1, 1]) };
    // Centre 0 and centre 2 coincide; P0 and P2 are as near to both.
    const centers = Float64Array.from([0, 0, 0, ln4, ln4, ln4, 0, 0, 0]);
    await store.engine.run(assignClustersSql(2, scale, centers, 3, Int32Array.from([3, 1, 2])));
    const rows = await store.engine.query<{ customer_id: string; cluster: number }>('SELECT customer_id, cluster FROM customer_scores ORDER BY customer_id');
    expect(rows.map((r) => [r.customer_id, r.cluster])).toEqual([
      ['P0', 3],
      ['P1', 1],
      ['P2', 3],
    ]);
  });
});
