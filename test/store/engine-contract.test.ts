/** What every engine adapter promises (src/store/engine.ts), checked on the engine of this test run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSessions, type Engine, type Queryable, type SqlValue } from '../../src/store/engine.js';
import { openTestEngine, testDialect, type TestEngine } from '../support/test-engine.js';

let opened: TestEngine;
let engine: Engine;
beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  await engine.run(`CREATE TABLE lines (id VARCHAR, n INTEGER, amount DECIMAL(18,4), x DOUBLE PRECISION, d DATE, ts TIMESTAMP, ok BOOLEAN)`);
});
afterAll(async () => opened.dispose());

describe(`engine contract (${testDialect()})`, () => {
  it('appends many rows in order, nulls included, and reads them back alike by rows and by columns', async () => {
    // 70,001 rows × 7 columns: more than one statement's worth of parameters on PostgreSQL.
    const n = 70_001;
    const row = (i: number): SqlValue[] => [
      `C${i}`, i, i % 4 === 0 ? null : i / 4, i % 3 === 0 ? null : i * 0.5,
      i % 5 === 0 ? null : new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10),
      i % 7 === 0 ? null : new Date(Date.UTC(2024, 0, 1, i % 24, 30)).toISOString(), i % 2 === 0,
    ];
    expect(await engine.append('lines', ['id', 'n', 'amount', 'x', 'd', 'ts', 'ok'], (function* () {
      for (let i = 1; i <= n; i++) yield row(i);
    })())).toBe(n);
    const sql = 'SELECT id, n, amount, x, d, ts, ok FROM lines ORDER BY n';
    const rows = await engine.query<Record<string, SqlValue>>(sql);
    const cols = await engine.queryColumns(sql);
    expect(rows).toHaveLength(n);
    const names = ['id', 'n', 'amount', 'x', 'd', 'ts', 'ok'];
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) {
      const want = row(i + 1);
      names.forEach((c, k) => {
        if (rows[i]![c] !== want[k] || cols[c]![i] !== want[k]) wrong.push(i + 1);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(await engine.query('SELECT sum(n) AS s, count(amount) AS a FROM lines')).toEqual([{ s: (n * (n + 1)) / 2, a: n - Math.floor(n / 4) }]);
  });

  it('appends text exactly as given: quotes, commas, line breaks, backslashes, an empty string apart from NULL', async () => {
    await engine.run('CREATE TABLE texts (k INTEGER, t VARCHAR, big BIGINT, ok BOOLEAN)');
    const odd = ['say "hi", then go', 'two\nlines\r\nthree', 'back\\slash \\N', '', '华东区，上海', '  padded  ', ',', '"'];
    const rows = odd.map((t, i): SqlValue[] => [i, t, 9007199254740993n * BigInt(i % 2), i % 3 === 0]);
    rows.push([odd.length, null, null, null]);
    expect(await engine.append('texts', ['k', 't', 'big', 'ok'], rows)).toBe(rows.length);
    const back = await engine.query<{ k: number; t: string | null; big: number | bigint | null; ok: boolean | null }>('SELECT k, t, big, ok FROM texts ORDER BY k');
    expect(back.map((r) => r.t)).toEqual([...odd, null]);
    expect(back[1]!.big).toBe(9007199254740993n);
    expect(back[0]!.big).toBe(0);
    expect(back.map((r) => r.ok)).toEqual([true, false, false, true, false, false, true, false, null]);
  });

  it('refuses a row of the wrong width and stays usable', async () => {
    await engine.run('CREATE TABLE narrow (a INTEGER, b INTEGER)');
    await expect(engine.append('narrow', ['a', 'b'], [[1, 2], [3]])).rejects.toThrow(/values per row/);
    expect(await engine.query('SELECT count(*) AS n FROM narrow')).toEqual([{ n: 0 }]);
    expect(await engine.append('narrow', ['a', 'b'], [[5, 6]])).toBe(1);
    expect(await engine.readers().append('narrow', ['a', 'b'], [[7, 8]])).toBe(1);
    expect(await engine.query('SELECT sum(a) AS s FROM narrow')).toEqual([{ s: 12 }]);
  });

  it('appends to a temporary table named temp.<table>', async () => {
    await engine.run('CREATE TEMP TABLE picks (k VARCHAR, v INTEGER)');
    expect(await engine.append('temp.picks', ['k', 'v'], [['a', 1], ['b', null]])).toBe(2);
    expect(await engine.query('SELECT k, v FROM picks ORDER BY k')).toEqual([{ k: 'a', v: 1 }, { k: 'b', v: null }]);
  });

  it('keeps what a transaction writes from readers until it commits', async () => {
    await engine.run('CREATE TABLE tx_probe (k INTEGER)');
    const count = async () => (await engine.readers().query<{ c: number }>('SELECT count(*) AS c FROM tx_probe'))[0]!.c;
    let seenInside = -1;
    await engine.transaction(async (tx) => {
      await tx.run('INSERT INTO tx_probe VALUES (1), (2)');
      seenInside = await count();
    });
    expect(seenInside).toBe(0);
    expect(await count()).toBe(2);
  });

  it('gives timestamps as ISO-8601 in UTC, with or without a zone', async () => {
    const [row] = await engine.query(`SELECT TIMESTAMP '2024-03-05 10:11:12.5' AS t, CAST(TIMESTAMP '2024-03-05 10:11:12' AS TIMESTAMPTZ) AS tz,
      date_trunc('month', DATE '2024-03-05') AS m`);
    expect(row).toEqual({ t: '2024-03-05T10:11:12.500Z', tz: '2024-03-05T10:11:12.000Z', m: '2024-03-01T00:00:00.000Z' });
  });

  it('runs several statements at once and takes parameters as $1, $2', async () => {
    await engine.run('CREATE TABLE multi (k INTEGER); INSERT INTO multi VALUES (3); INSERT INTO multi VALUES (4)');
    expect(await engine.query('SELECT sum(k) AS s FROM multi WHERE k >= $1 AND k < $2', [3, 5])).toEqual([{ s: 7 }]);
  });

  it('answers overlapping calls on the main connection each with its own result', async () => {
    const sums = await Promise.all([1, 2, 3, 4, 5].map((k) => engine.query<{ s: number }>(`SELECT count(*) * ${k} AS s FROM multi`)));
    expect(sums.map((r) => r[0]!.s)).toEqual([2, 4, 6, 8, 10]);
  });
});

describe(`exclusive transactions (${testDialect()})`, () => {
  // Each reads the highest number, waits, then writes the next: run together without a lock, both would write 1.
  const takeNext = (e: Engine) =>
    e.transaction(async (tx) => {
      const [row] = await tx.query<{ m: number | null }>('SELECT max(k) AS m FROM ticket');
      await new Promise((resolve) => setTimeout(resolve, 80));
      await tx.run('INSERT INTO ticket VALUES ($1)', [(row?.m ?? 0) + 1]);
    }, { exclusive: 'ticket' });

  it('run one at a time when they name the same lock', async () => {
    await engine.run('CREATE TABLE ticket (k INTEGER)');
    await Promise.all([takeNext(engine), takeNext(engine), takeNext(engine)]);
    expect(await engine.query('SELECT k FROM ticket ORDER BY k')).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }]);
  });

  it.runIf(testDialect() === 'postgres')('run one at a time across processes sharing a store', async () => {
    const second = await opened.another();
    try {
      await Promise.all([takeNext(engine), takeNext(second), takeNext(engine), takeNext(second)]);
      expect(await engine.query('SELECT k FROM ticket ORDER BY k')).toEqual([1, 2, 3, 4, 5, 6, 7].map((k) => ({ k })));
    } finally {
      await second.close();
    }
  });
});

describe.runIf(testDialect() === 'duckdb')('sessions (duckdb)', () => {
  it('keep work tables for the transaction on the same connection, which alone is rolled back on failure', async () => {
    if (!hasSessions(engine)) throw new Error('the DuckDB engine offers sessions');
    await engine.run('CREATE TABLE kept (k INTEGER)');
    const failed = engine.session(async (s) => {
      await s.run('CREATE TEMP TABLE work AS SELECT range AS k FROM range(5)');
      await s.transaction(async (tx) => {
        await tx.run('INSERT INTO kept SELECT k FROM work');
        expect(await tx.query('SELECT count(*) AS n FROM kept')).toEqual([{ n: 5 }]);
        throw new Error('disk full');
      });
    });
    await expect(failed).rejects.toThrow('disk full');
    expect(await engine.query('SELECT count(*) AS n FROM kept')).toEqual([{ n: 0 }]);
    const n = await engine.session(async (s) => {
      await s.run('CREATE TEMP TABLE work AS SELECT range AS k FROM range(3)');
      return s.transaction(async (tx) => {
        await tx.run('INSERT INTO kept SELECT k FROM work');
        return (await tx.query<{ n: number }>('SELECT count(*) AS n FROM kept'))[0]!.n;
      });
    });
    expect(n).toBe(3);
    // The work table was the session's own: another connection never sees it.
    await expect(engine.query('SELECT count(*) FROM work')).rejects.toThrow(/work/);
  });

  it('take turns with transactions that name the same lock', async () => {
    if (!hasSessions(engine)) throw new Error('the DuckDB engine offers sessions');
    await engine.run('CREATE TABLE turns (k INTEGER)');
    const next = (tx: Queryable) => tx.query<{ m: number | null }>('SELECT max(k) AS m FROM turns').then(async ([row]) => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      await tx.run('INSERT INTO turns VALUES ($1)', [(row?.m ?? 0) + 1]);
    });
    await Promise.all([
      engine.session((s) => s.transaction(next), { exclusive: 'turns' }),
      engine.transaction(next, { exclusive: 'turns' }),
      engine.session((s) => s.transaction(next), { exclusive: 'turns' }),
    ]);
    expect(await engine.query('SELECT k FROM turns ORDER BY k')).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }]);
  });
});

describe(`transactions with a reader (${testDialect()})`, () => {
  const count = (q: Queryable, table: string) => q.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`).then((r) => Number(r[0]!.n));

  it('commit what the transaction writes; the reader reads the data as the transaction found it', async () => {
    await engine.run('CREATE TABLE pair_probe (k INTEGER)');
    await engine.run('INSERT INTO pair_probe VALUES (1)');
    const seen = await engine.transactionWithReader(async (tx, reader) => {
      await tx.run('INSERT INTO pair_probe VALUES (2)');
      return { tx: await count(tx, 'pair_probe'), reader: await count(reader, 'pair_probe') };
    });
    expect(seen).toEqual({ tx: 2, reader: 1 });
    expect(await count(engine, 'pair_probe')).toBe(2);
  });

  it('roll back on failure, and let nothing sent to the reader run past the end', async () => {
    await engine.run('CREATE TABLE pair_failed (k INTEGER)');
    let readerDone = false;
    const failed = engine.transactionWithReader(async (tx, reader) => {
      await tx.run('INSERT INTO pair_failed VALUES (1)');
      // Sent and not awaited: the engine waits for it before it ends the transaction.
      void reader.query('SELECT count(*) AS n FROM pair_probe a, pair_probe b, pair_failed').then(() => (readerDone = true));
      throw new Error('disk full');
    });
    await expect(failed).rejects.toThrow('disk full');
    expect(readerDone).toBe(true);
    expect(await count(engine, 'pair_failed')).toBe(0);
  });

  it('take one snapshot for both while other connections keep committing', async () => {
    await engine.run('CREATE TABLE busy (k INTEGER)');
    let writing = true;
    // Autocommit inserts on the main connection (and in a session on DuckDB), and small transactions, back to back.
    const inserts = (q: Queryable) => (async () => { for (let i = 0; writing; i++) await q.run('INSERT INTO busy VALUES ($1)', [i]); })();
    const writers = [
      inserts(engine),
      hasSessions(engine) ? engine.session((s) => inserts(s)) : inserts(engine.readers()),
      (async () => { for (let i = 0; writing; i++) await engine.transaction((tx) => tx.run('INSERT INTO busy VALUES ($1)', [i])); })(),
    ];
    const pairs: { tx: number; reader: number }[] = [];
    try {
      for (let i = 0; i < 25; i++) {
        pairs.push(await engine.transactionWithReader(async (tx, reader) => {
          const [a, b] = await Promise.all([count(tx, 'busy'), count(reader, 'busy')]);
          return { tx: a, reader: b };
        }));
      }
    } finally {
      writing = false;
      await Promise.all(writers);
    }
    expect(pairs.filter((p) => p.tx !== p.reader)).toEqual([]);
    // The writers did commit between the pairs: the counts grew.
    expect(pairs.at(-1)!.tx).toBeGreaterThan(pairs[0]!.tx);
  });

  it('give the reader a connection of its own', async () => {
    const seen = await engine.transactionWithReader(async (tx, reader) => {
      await reader.run('CREATE TEMP TABLE reader_work AS SELECT 1 AS k');
      return tx.query('SELECT count(*) AS n FROM reader_work').then(() => 'shared', () => 'own');
    });
    expect(seen).toBe('own');
  });
});
