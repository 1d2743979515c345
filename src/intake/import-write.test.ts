import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../store/duckdb/duckdb-engine.js';
import type { Engine } from '../store/engine.js';
import { positionSql } from './import-write.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openDuckDb({ path: ':memory:' });
});

afterAll(async () => {
  await engine.close();
});

describe('positionSql', () => {
  const position = { column: 'line_no', within: 'order_id', given: '_line_no' };
  const types = new Map([['line_no', 'INTEGER']]);
  /** (file line, order, line number the file gives) → line_no, by positionSql and by the plain window. */
  const number = async (rows: readonly [number, string | null, number | null][]) => {
    const values = rows.map(([r, o, l]) => `(${r}, ${o === null ? 'NULL' : `'${o}'`}, ${l ?? 'NULL'})`).join(', ');
    const base = `base AS (SELECT * FROM (VALUES ${values}) AS t(_row, order_id, _line_no))`;
    const ours = await engine.query<{ _row: number; line_no: number }>(`WITH ${base}, win AS (${positionSql(position, types, ['_line_no'])}) SELECT _row, line_no FROM win ORDER BY _row`);
    const window = await engine.query<{ _row: number; line_no: number }>(
      `WITH ${base} SELECT _row, CAST(coalesce(_line_no, row_number() OVER (PARTITION BY order_id ORDER BY _row)) AS INTEGER) AS line_no FROM base ORDER BY _row`,
    );
    return { ours: ours.map((r) => [r._row, r.line_no]), window: window.map((r) => [r._row, r.line_no]) };
  };

  it('numbers orders whose lines follow one another, orders interleaved or with a gap, and given numbers, as the window does', async () => {
    const { ours, window } = await number([
      [2, 'A', null],
      [3, 'A', null],
      [4, 'A', null],
      // B has a gap (line 6 was a duplicate or quarantined): numbered by the window, 1 and 2.
      [5, 'B', null],
      [7, 'B', null],
      // C and D interleave.
      [8, 'C', null],
      [9, 'D', null],
      [10, 'C', null],
      // E gives its own numbers, one of them only.
      [11, 'E', 7],
      [12, 'E', null],
      // Orders without a number are one group, as in the window.
      [13, null, null],
      [14, null, null],
    ]);
    expect(ours).toEqual([[2, 1], [3, 2], [4, 3], [5, 1], [7, 2], [8, 1], [9, 1], [10, 2], [11, 7], [12, 2], [13, 1], [14, 2]]);
    expect(ours).toEqual(window);
  });
});
