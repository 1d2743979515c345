/** The engine's reader connections: they see what the main connection committed, answer side by side, and keep answers in order per caller. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/store/engine.js';
import { openTestEngine, type TestEngine } from '../support/test-engine.js';
import { DataVersionCache } from '../../src/server/data-version-cache.js';

let opened: TestEngine;
let engine: Engine;
beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  await engine.run('CREATE TABLE t AS SELECT i FROM generate_series(0, 999) AS g(i)');
});
afterAll(async () => opened.dispose());

describe('reader connections', () => {
  it('read what the main connection committed, many at once, each its own answer', async () => {
    const readers = engine.readers();
    expect(engine.readers()).toBe(readers);
    const sums = await Promise.all(Array.from({ length: 12 }, (_, k) => readers.query<{ s: number }>(`SELECT sum(i) AS s FROM t WHERE i < ${(k + 1) * 10}`)));
    expect(sums.map((r) => Number(r[0]!.s))).toEqual(Array.from({ length: 12 }, (_, k) => ((k + 1) * 10 * ((k + 1) * 10 - 1)) / 2));
    await engine.run('INSERT INTO t VALUES (5000)');
    expect(Number((await readers.query<{ m: number }>('SELECT max(i) AS m FROM t'))[0]!.m)).toBe(5000);
    await expect(readers.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    expect(Number((await readers.query<{ n: number }>('SELECT count(*) AS n FROM t'))[0]!.n)).toBe(1001);
  });

  it('keep a cached answer until an import or an analysis changes the data version', async () => {
    await engine.run('CREATE TABLE import_runs (run_id BIGINT); CREATE TABLE analysis_snapshots (snapshot_id BIGINT)');
    const cache = new DataVersionCache<number>(2);
    let computed = 0;
    const get = () => cache.get(engine, 'k', async () => ++computed);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    await engine.run('INSERT INTO import_runs VALUES (1)');
    expect(await get()).toBe(2);
    await engine.run('INSERT INTO analysis_snapshots VALUES (7)');
    expect(await get()).toBe(3);
    expect(await get()).toBe(3);
  });
});
