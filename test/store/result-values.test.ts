/** Every DuckDB type the analysis reads comes out as the same plain value, whether read by rows or by columns, across chunk and validity-word boundaries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/store/duckdb/duckdb-engine.js';
import type { Engine } from '../../src/store/engine.js';

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDb({ path: ':memory:' });
});
afterAll(async () => engine.close());

describe('result values', () => {
  it('convert each type to its plain JavaScript value', async () => {
    const [row] = await engine.query(`SELECT 1::TINYINT AS a, 2::BIGINT AS b, 9007199254740993::BIGINT AS big, NULL::INTEGER AS n,
      DATE '2024-03-05' AS d, 'infinity'::DATE AS inf, DATE '1969-12-31' AS before_epoch, TIMESTAMP '2024-03-05 10:11:12' AS ts,
      1.25::DECIMAL(10,2) AS dc, [1, 2]::BIGINT[] AS l, {'x': 3::BIGINT} AS st, true AS bo, 'x' AS s, NULL::VARCHAR AS ns,
      2.5::FLOAT AS f, 7::HUGEINT AS h, 3::UINTEGER AS u`);
    expect(row).toEqual({
      a: 1, b: 2, big: 9007199254740993n, n: null, d: '2024-03-05', inf: 'infinity', before_epoch: '1969-12-31',
      ts: '2024-03-05T10:11:12.000Z', dc: 1.25, l: [1, 2], st: { x: 3 }, bo: true, s: 'x', ns: null, f: 2.5, h: 7, u: 3,
    });
  });

  it('keep every null where it was over many chunks', async () => {
    const n = 100_000;
    const sql = `SELECT CASE WHEN i % 7 = 0 THEN NULL ELSE i::DOUBLE END AS v, CASE WHEN i % 5 = 0 THEN NULL ELSE i END AS k,
      CASE WHEN i % 3 = 0 THEN NULL ELSE DATE '2024-01-01' + CAST(i % 1000 AS INTEGER) END AS d FROM range(${n}) t(i) ORDER BY i`;
    const cols = await engine.queryColumns(sql);
    const rows = await engine.query<{ v: number | null; k: number | null; d: string | null }>(sql);
    expect(cols.v).toHaveLength(n);
    const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + (i % 1000))).toISOString().slice(0, 10);
    const wrong = [];
    for (let i = 0; i < n; i++) {
      const want = { v: i % 7 === 0 ? null : i, k: i % 5 === 0 ? null : i, d: i % 3 === 0 ? null : day(i) };
      const got = { v: cols.v![i], k: cols.k![i], d: cols.d![i] };
      if (JSON.stringify(got) !== JSON.stringify(want) || JSON.stringify(rows[i]) !== JSON.stringify(want)) wrong.push(i);
    }
    expect(wrong).toEqual([]);
  });

  it('read BIGINTs exactly on both sides of 2^32 and 2^53, as numbers while safe and as BigInt past it', async () => {
    const values = [0n, 1n, -1n, 4294967295n, 4294967296n, -4294967296n, -4294967297n, 9007199254740991n, -9007199254740991n,
      9007199254740992n, -9007199254740992n, 9223372036854775807n, -9223372036854775807n, 123456789012345n, -987654321098n];
    const sql = `SELECT v FROM (VALUES ${values.map((v, i) => `(${i}, CAST(${v} AS BIGINT))`).join(', ')}, (99, NULL::BIGINT)) t(i, v) ORDER BY i`;
    const want = [...values.map((v) => (v <= 9007199254740991n && v >= -9007199254740991n ? Number(v) : v)), null];
    expect((await engine.queryColumns(sql)).v).toEqual(want);
    expect((await engine.query<{ v: unknown }>(sql)).map((r) => r.v)).toEqual(want);
  });

  it('read text of every length and script the same, with nulls, over many chunks', async () => {
    const samples = ['', 'a', 'C000123', '123456789012', '1234567890123', '客户', 'é', '华东 / 制造业 long enough', '🙂', " it's ", '~\t\n'];
    const list = samples.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ');
    const n = 5_000;
    const sql = `SELECT CASE WHEN i % 13 = 0 THEN NULL ELSE [${list}][i % ${samples.length} + 1] END AS s FROM range(${n}) t(i) ORDER BY i`;
    const want = Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : samples[i % samples.length]!));
    expect((await engine.queryColumns(sql)).s).toEqual(want);
  });

  it('give column names once each, and an empty result no rows', async () => {
    expect(await engine.query('SELECT 1 AS x, 2 AS x')).toEqual([{ x: 1, 'x:1': 2 }]);
    expect(await engine.query('SELECT 1 AS x WHERE false')).toEqual([]);
    expect(await engine.queryColumns('SELECT 1 AS x WHERE false')).toEqual({ x: [] });
  });
});
