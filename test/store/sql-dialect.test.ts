/** Every dialect fragment, run on the engine of this test run (the suite runs once per engine) and checked against hand-computed values. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { floatLiteral } from '../../src/store/engine.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { dateText, ddlFor, distinctListAgg, hashBucket, jsonArrayHasField, jsonObject, listTransform, textListOrEmpty, readRecordList, recordListAgg, regexpMatches, wholeYearsBetween } from '../../src/store/sql-dialect.js';
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

  it('keeps an enumeration of labels (quotes doubled) as an enumeration in DuckDB and as text in PostgreSQL', async () => {
    await store.engine.run(ddlFor(d, `CREATE TABLE enum_probe (k ENUM('A', 'Can''t Lose Them', 'b'), n INTEGER)`));
    await store.engine.run(`INSERT INTO enum_probe VALUES ('b', 1), ('Can''t Lose Them', 2), (NULL, 3)`);
    expect(await store.engine.query(`SELECT k, n FROM enum_probe WHERE k = 'Can''t Lose Them' OR k IS NULL ORDER BY n`)).toEqual([
      { k: "Can't Lose Them", n: 2 },
      { k: null, n: 3 },
    ]);
    const [col] = await store.engine.query<{ t: string }>(`SELECT data_type AS t FROM information_schema.columns WHERE table_name = 'enum_probe' AND column_name = 'k'`);
    expect(col!.t).toBe(d === 'postgres' ? 'character varying' : `ENUM('A', 'Can''t Lose Them', 'b')`);
    // DuckDB refuses a label the column does not list; PostgreSQL's text takes it.
    const stray = store.engine.run(`INSERT INTO enum_probe VALUES ('zzz', 4)`);
    if (d === 'postgres') await expect(stray).resolves.toBeUndefined();
    else await expect(stray).rejects.toThrow(/zzz/);
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

  it('builds a JSON object with its names in order, text quoted, numbers, nulls and lists as JSON', async () => {
    const obj = jsonObject(d, { b: `'西门子 "A"'`, a: 'CAST(2.5 AS FLOAT8)', n: 'CAST(NULL AS INTEGER)', "it's": 'CAST(3 AS BIGINT)', l: textListOrEmpty(d, `CAST(NULL AS ${d === 'duckdb' ? 'VARCHAR[]' : 'TEXT[]'})`) });
    const text = String(await one(`CAST(${obj} AS VARCHAR)`));
    expect(JSON.parse(text)).toEqual({ b: '西门子 "A"', a: 2.5, n: null, "it's": 3, l: [] });
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['b', 'a', 'n', "it's", 'l']);
    expect(await one(`CAST(${jsonObject(d, { l: textListOrEmpty(d, "ARRAY['x', 'y']") })} AS VARCHAR)`).then((t) => JSON.parse(String(t)))).toEqual({ l: ['x', 'y'] });
  });

  it('reads a number written by floatLiteral back as the same double, where a decimal literal may be one unit off', async () => {
    // -0.0034765020245307522 as a plain literal is read by DuckDB as a DECIMAL, whose cast to a double is one unit off.
    const xs = [-0.0034765020245307522, 0.0009486770945207557, -0.0000041123699536098844, 0.1 + 0.2, 1e-300, -123456.789012345, 5e21];
    const [row] = await store.engine.query<Record<string, number>>(`SELECT ${xs.map((x, i) => `${floatLiteral(x)} AS v${i}`).join(', ')}`);
    expect(xs.map((_, i) => row![`v${i}`])).toEqual(xs);
    expect(() => floatLiteral(Number.NaN)).toThrow();
    expect(() => floatLiteral(Number.POSITIVE_INFINITY)).toThrow();
  });
});
