/** The dialect fragments the analytics core added, run on the engine of this test run (the suite runs once per engine). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { jsonArrayHasField, readRecordList, recordListAgg, wholeYearsBetween } from '../../src/store/sql-dialect.js';
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

async function one(sql: string): Promise<unknown> {
  const [row] = await store.engine.query<{ v: unknown }>(`SELECT ${sql} AS v`);
  return row?.v;
}

describe(`analytics-core dialect fragments on ${d}`, () => {
  it('gathers records per group in the given order, and null for a group with no rows', async () => {
    const agg = recordListAgg(d, { name: 'name', n: 'n', "it's": 'share' }, 'n DESC, name');
    const rows = await store.engine.query<{ g: string; v: unknown }>(
      `SELECT g, ${agg} AS v FROM (VALUES ('a', 'x', 1, 0.25), ('a', 'y', 3, 0.5), ('a', 'z', 3, 0.125)) AS t(g, name, n, share) GROUP BY g`,
    );
    expect(rows.map((r) => ({ g: r.g, v: readRecordList(r.v) }))).toEqual([
      {
        g: 'a',
        v: [
          { name: 'y', n: 3, "it's": 0.5 },
          { name: 'z', n: 3, "it's": 0.125 },
          { name: 'x', n: 1, "it's": 0.25 },
        ],
      },
    ]);
    const [empty] = await store.engine.query<{ v: unknown }>(`SELECT (SELECT ${recordListAgg(d, { n: 'n' }, 'n')} FROM (SELECT 1 AS n) AS t WHERE false) AS v`);
    expect(readRecordList(empty!.v)).toBeNull();
  });

  it('counts whole years elapsed, not calendar years crossed', async () => {
    const years = (from: string, to: string) => one(wholeYearsBetween(d, `DATE '${from}'`, `DATE '${to}'`));
    expect(await years('1990-06-15', '2024-06-14')).toBe(33);
    expect(await years('1990-06-15', '2024-06-15')).toBe(34);
    expect(await years('2023-12-31', '2024-01-01')).toBe(0);
    // Born on 29 February: in a common year the year is full on 28 February, its month's last day (DuckDB's rule, kept).
    expect(await years('2000-02-29', '2001-02-27')).toBe(0);
    expect(await years('2000-02-29', '2001-02-28')).toBe(1);
    expect(await years('2000-02-29', '2004-02-28')).toBe(3);
    expect(await years('2000-02-29', '2005-02-28')).toBe(5);
    expect(await years('2003-02-28', '2004-02-28')).toBe(1);
    expect(await years('2000-03-31', '2001-03-30')).toBe(0);
  });

  it('finds an object by one field in a JSON array', async () => {
    const signals = `CAST('[{"code":"overdue","weight":2},{"code":"falling_value"}]' AS JSON)`;
    expect(await one(jsonArrayHasField(d, signals, 'code', `'falling_value'`))).toBe(true);
    expect(await one(jsonArrayHasField(d, signals, 'code', `'overdue'`))).toBe(true);
    expect(await one(jsonArrayHasField(d, signals, 'code', `'over'`))).toBe(false);
    expect(await one(jsonArrayHasField(d, `CAST('[]' AS JSON)`, 'code', `'overdue'`))).toBe(false);
    expect(() => jsonArrayHasField(d, signals, "code') OR (1", `'x'`)).toThrow();
  });
});
