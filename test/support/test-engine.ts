/**
 * Which engine the tests run against. The suite runs once on DuckDB and, when
 * SALESCOPE_TEST_POSTGRES names a server, a second time on PostgreSQL (the
 * vitest project 'postgres' sets SALESCOPE_TEST_ENGINE). Every PostgreSQL
 * store is a schema of its own, dropped when the store is disposed.
 */
import { randomBytes } from 'node:crypto';
import type { Dialect, Engine } from '../../src/store/engine.js';
import { openDuckDb } from '../../src/store/duckdb/duckdb-engine.js';
import { openPostgres } from '../../src/store/postgres/postgres-engine.js';
import type { Env } from '../../src/store/store-key.js';

export function testDialect(): Dialect {
  return process.env.SALESCOPE_TEST_ENGINE === 'postgres' ? 'postgres' : 'duckdb';
}

export interface TestDb {
  /** What openStore takes: a file path, ':memory:', or a PostgreSQL URL with a fresh schema. */
  readonly db: string;
  /** The key for a server store (made here, at test time); empty for a file store, which makes its own. */
  readonly env: Env;
  drop(): Promise<void>;
}

let counter = 0;

/** A database for one test store: `file` on DuckDB, a fresh schema on PostgreSQL. */
export function testDb(file: string): TestDb {
  if (testDialect() === 'duckdb') return { db: file, env: {}, drop: async () => undefined };
  const server = process.env.SALESCOPE_TEST_POSTGRES;
  if (server === undefined) throw new Error('SALESCOPE_TEST_ENGINE=postgres needs SALESCOPE_TEST_POSTGRES (a server URL)');
  const schema = `t_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const url = new URL(server);
  url.searchParams.set('schema', schema);
  return {
    db: url.toString(),
    env: { SALESCOPE_KEY: randomBytes(32).toString('base64') },
    drop: async () => {
      const engine = await openPostgres({ url: server, readers: 1 });
      try {
        await engine.run(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await engine.close();
      }
    },
  };
}

export interface TestEngine {
  readonly engine: Engine;
  /** The schema the engine's tables are in, as information_schema names it. */
  readonly schema: string;
  /** A second engine on the same store, as another app process would open it (PostgreSQL only: a DuckDB file has one process). */
  another(): Promise<Engine>;
  dispose(): Promise<void>;
}

/** A bare engine (no migrations, no key) of this run's kind: DuckDB in memory, or a fresh PostgreSQL schema. */
export async function openTestEngine(): Promise<TestEngine> {
  if (testDialect() === 'duckdb') {
    const engine = await openDuckDb({ path: ':memory:' });
    const another = () => Promise.reject(new Error('a DuckDB store is opened by one process only'));
    return { engine, schema: 'main', another, dispose: () => engine.close() };
  }
  const target = testDb(':memory:');
  const engine = await openPostgres({ url: target.db, readers: 4 });
  return {
    engine,
    schema: new URL(target.db).searchParams.get('schema')!,
    another: () => openPostgres({ url: target.db, readers: 2 }),
    dispose: async () => {
      await engine.close();
      await target.drop();
    },
  };
}
