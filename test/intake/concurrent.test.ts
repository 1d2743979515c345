/**
 * Two imports of one file at once (two uploads, or two processes on a team
 * store): they take turns, so the second compares with the first's rows and
 * the lines are written once.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

describe('imports at the same time', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(() => store.dispose());

  it('write each line once: one import inserts 200 lines, the other finds them unchanged', async () => {
    const file = path.join(store.dir, 'orders.csv');
    const lines = Array.from({ length: 200 }, (_, i) => `SO${i + 1},2024-03-${String((i % 28) + 1).padStart(2, '0')},C${(i % 7) + 1},${i + 1}.5\n`);
    writeFileSync(file, `order_id,order_date,customer_id,amount\n${lines.join('')}`);
    const results = await Promise.all([store.import(file), store.import(file)]);
    expect(results.map((r) => [r.inserted, r.unchanged]).sort()).toEqual([
      [0, 200],
      [200, 0],
    ]);
    expect(results.every(outcomesAddUp)).toBe(true);
    expect(await store.one<{ n: number; customers: number }>('SELECT count(*) AS n, count(DISTINCT customer_id) AS customers FROM order_lines')).toEqual({ n: 200, customers: 7 });
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM customers')).n).toBe(7);
  });
});
