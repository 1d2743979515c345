/** Every dialect fragment, run on the engine of this test run (the suite runs once per engine). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { dateText, ddlFor, hashBucket, listTransform, regexpMatches } from '../../src/store/sql-dialect.js';
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

describe(`sql dialect on ${d}`, () => {
  it('runs the DDL of a DOUBLE column and keeps DOUBLE PRECISION as written', async () => {
    await store.engine.run(ddlFor(d, 'CREATE TABLE ddl_probe (a DOUBLE, b DOUBLE PRECISION, c DOUBLE[])'));
    await store.engine.run('INSERT INTO ddl_probe VALUES (0.1, 0.2, ARRAY[0.5])');
    expect(await store.engine.query('SELECT a + b AS s, c FROM ddl_probe')).toEqual([{ s: 0.30000000000000004, c: [0.5] }]);
  });

  it('sorts text columns byte by byte, as DuckDB does, whatever the server locale', async () => {
    await store.engine.run(ddlFor(d, 'CREATE TABLE collate_probe (k VARCHAR NOT NULL, tags VARCHAR[])'));
    await store.engine.run(`INSERT INTO collate_probe VALUES ('b', NULL), ('B', NULL), ('a', NULL), ('_x', NULL), ('华东', NULL), ('10', NULL), ('9', NULL)`);
    const rows = await store.engine.query<{ k: string }>('SELECT k FROM collate_probe ORDER BY k');
    // Code-point order: digits, upper case, '_', lower case, then CJK (a locale-aware collation would put 'a' before 'B').
    expect(rows.map((r) => r.k)).toEqual(['10', '9', 'B', '_x', 'a', 'b', '华东']);
    if (d === 'postgres') {
      // This test server's own locale may already sort that way: the column must say so itself.
      const cols = await store.engine.query<{ c: string }>(`SELECT collation_name AS c FROM information_schema.columns WHERE table_name = 'collate_probe' ORDER BY ordinal_position`);
      expect(cols.map((c) => c.c)).toEqual(['C', 'C']);
    }
  });

  it('matches a pattern anywhere in the text', async () => {
    expect(await one(regexpMatches(d, `'order 123'`, `'[0-9]+'`))).toBe(true);
    expect(await one(regexpMatches(d, `'order'`, `'^[0-9]+$'`))).toBe(false);
  });

  it('puts values in stable buckets 0..n-1, spread evenly', async () => {
    const rows = await store.engine.query<{ b: number; n: number }>(
      `SELECT ${hashBucket(d, 'CAST(i AS VARCHAR)', 4)} AS b, count(*) AS n FROM generate_series(1, 4000) t(i) GROUP BY 1 ORDER BY 1`,
    );
    expect(rows.map((r) => r.b)).toEqual([0, 1, 2, 3]);
    for (const r of rows) expect(r.n).toBeGreaterThan(850);
    expect(await one(hashBucket(d, `'C-1'`, 7))).toBe(await one(hashBucket(d, `'C-1'`, 7)));
  });

  it('writes dates as text', async () => {
    // 2024-03-05 was a Tuesday: ISO weekday 2.
    const ts = `TIMESTAMP '2024-03-05 08:30:00'`;
    expect(await one(dateText(d, `DATE '2024-03-05'`, 'year'))).toBe('2024');
    expect(await one(dateText(d, `DATE '2024-03-05'`, 'month'))).toBe('2024-03');
    expect(await one(dateText(d, `DATE '2024-03-05'`, 'day'))).toBe('2024-03-05');
    expect(await one(dateText(d, `DATE '2024-03-05'`, 'weekday'))).toBe('2');
    expect(await one(dateText(d, ts, 'hour'))).toBe('08');
  });

  it('transforms a list in order', async () => {
    expect(await one(listTransform(d, 'ARRAY[3, 1, 2]', (x) => `${x} * 10`))).toEqual([30, 10, 20]);
  });
});
