/** The dialect fragments the analytics models added, run on the engine of this test run (the suite runs once per engine). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { distinctListAgg } from '../../src/store/sql-dialect.js';
import { testDb, testDialect, type TestDb } from '../support/test-engine.js';

let store: Store;
let target: TestDb;
const d = testDialect();

beforeAll(async () => {
  target = testDb(':memory:');
  store = await openStore({ db: target.db, env: target.env });
});
afterAll(async () => {
  await store.close();
  await target.drop();
});

describe(`analytics-models dialect fragments on ${d}`, () => {
  it('lists the distinct values of the rows that meet the condition, and null where none does', async () => {
    const rows = await store.engine.query<{ g: string; v: string[] | null }>(
      `SELECT g, ${distinctListAgg(d, 'c', 'n > 1')} AS v
       FROM (VALUES ('a', '西门子', 2), ('a', 'K', 5), ('a', '西门子', 3), ('a', 'L', 1), ('a', NULL, 4), ('b', 'K', 1)) AS t(g, c, n)
       GROUP BY g ORDER BY g`,
    );
    // Group a: 西门子 twice and K meet n > 1 (L does not); the NULL is no value. Group b: nothing meets it.
    expect(rows.map((r) => ({ g: r.g, v: r.v === null ? null : [...r.v].sort() }))).toEqual([
      { g: 'a', v: ['K', '西门子'] },
      { g: 'b', v: null },
    ]);
  });
});
