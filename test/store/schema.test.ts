import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../../src/store/duckdb/duckdb-engine.js';
import type { Engine } from '../../src/store/engine.js';
import { migrate, schemaVersion, SchemaTooNewError } from '../../src/store/schema/migrate.js';
import { migrations } from '../../src/store/schema/migrations.js';
import { dataModel } from '../../src/store/schema/data-model.js';
import { openTestEngine, testDialect, type TestEngine } from '../support/test-engine.js';

// information_schema's names for the data model's types, per engine.
const pgTypeNames: Readonly<Record<string, string>> = {
  VARCHAR: 'character varying',
  DOUBLE: 'double precision',
  TIMESTAMP: 'timestamp without time zone',
  'DECIMAL(18,4)': 'numeric',
};
// PostgreSQL keeps DuckDB's enumerations as text (sql-dialect.ts).
const pgType = (type: string) => (type.startsWith('ENUM(') ? 'VARCHAR' : type);
const typeName = (type: string) => (testDialect() === 'postgres' ? (pgTypeNames[pgType(type)] ?? type.toLowerCase()) : type);

describe(`schema and migrations (${testDialect()})`, () => {
  let opened: TestEngine;
  let engine: Engine;
  beforeAll(async () => {
    opened = await openTestEngine();
    engine = opened.engine;
  });
  afterAll(() => opened.dispose());

  it('migrates an empty database to the latest version, once', async () => {
    expect(await migrate(engine)).toEqual(migrations.map((m) => m.version));
    expect(await schemaVersion(engine)).toBe(migrations.at(-1)!.version);
    expect(await migrate(engine)).toEqual([]);
  });

  it('has exactly the columns the data model documents, with its types', async () => {
    const cols = await engine.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns
       WHERE table_schema = $1 AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`,
      [opened.schema],
    );
    const actual = cols.map((c) => `${c.table_name}.${c.column_name} ${c.data_type}`);
    const documented = dataModel
      .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name} ${typeName(c.type)}`))
      .sort();
    expect(actual.sort()).toEqual(documented);
  });

  it('refuses a database written by a newer version', async () => {
    const newer = [...migrations, { version: 999, name: 'future', sql: 'SELECT 1' }];
    await migrate(engine, newer);
    await expect(migrate(engine)).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('upgrades an older database, keeping its rows', async () => {
    const opened = await openTestEngine();
    const old = opened.engine;
    try {
      await migrate(old, migrations.slice(0, 1));
      await old.run(`INSERT INTO customers (customer_id, name) VALUES ('C1', '甲公司')`);
      const extra = { version: migrations.length + 1, name: 'test column', sql: 'ALTER TABLE customers ADD COLUMN note VARCHAR' };
      expect(await migrate(old, [...migrations, extra])).toEqual(migrations.slice(1).map((m) => m.version).concat(extra.version));
      expect(await old.query('SELECT customer_id, name, note FROM customers')).toEqual([{ customer_id: 'C1', name: '甲公司', note: null }]);
    } finally {
      await opened.dispose();
    }
  });

  it('marks the order heads of the lines a store held before migration 11', async () => {
    const opened = await openTestEngine();
    const old = opened.engine;
    try {
      await migrate(old, migrations.filter((m) => m.version <= 10));
      await old.run(`INSERT INTO order_lines (order_id, line_no, order_date, customer_id, amount, is_return) VALUES
        ('A', 1, DATE '2024-01-02', 'C1', -5, true), ('A', 2, DATE '2024-01-02', 'C1', 5, false), ('A', 3, DATE '2024-01-01', 'C1', 5, false),
        ('R', 1, DATE '2024-01-03', 'C1', -5, true)`);
      await migrate(old, migrations);
      expect(await old.query('SELECT order_id, line_no, opens_order FROM order_lines ORDER BY 1, 2')).toEqual([
        { order_id: 'A', line_no: 1, opens_order: false },
        { order_id: 'A', line_no: 2, opens_order: false },
        { order_id: 'A', line_no: 3, opens_order: true },
        { order_id: 'R', line_no: 1, opens_order: false },
      ]);
    } finally {
      await opened.dispose();
    }
  });
});

describe('engine lock-down (DuckDB) and value shapes', () => {
  it('refuses files outside the allowed directories, extension installs and setting changes', async () => {
    const engine = await openDuckDb({ path: ':memory:' });
    try {
      await expect(engine.query(`SELECT * FROM read_csv('/etc/passwd')`)).rejects.toThrow(/disabled|Permission/i);
      await expect(engine.run('INSTALL httpfs')).rejects.toThrow();
      await expect(engine.run('SET enable_external_access = true')).rejects.toThrow(/locked/i);
    } finally {
      await engine.close();
    }
  });

  it('returns dates as ISO strings and safe integers as numbers', async () => {
    const { engine, dispose } = await openTestEngine();
    try {
      const [row] = await engine.query(
        `SELECT DATE '2024-03-05' AS d, TIMESTAMP '2024-03-05 10:11:12' AS ts, 42::BIGINT AS n, 9007199254740993::BIGINT AS big, 3.25::DECIMAL(18,4) AS m, $1 AS p`,
        ['参数'],
      );
      expect(row).toEqual({ d: '2024-03-05', ts: '2024-03-05T10:11:12.000Z', n: 42, big: 9007199254740993n, m: 3.25, p: '参数' });
    } finally {
      await dispose();
    }
  });

  it('rolls a failed transaction back completely', async () => {
    const { engine, dispose } = await openTestEngine();
    try {
      await engine.run('CREATE TABLE t (x INTEGER)');
      await expect(
        engine.transaction(async (tx) => {
          await tx.run('INSERT INTO t VALUES (1)');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await engine.query('SELECT count(*) AS n FROM t')).toEqual([{ n: 0 }]);
      await engine.transaction((tx) => tx.run('INSERT INTO t VALUES (2)'));
      expect(await engine.query('SELECT x FROM t')).toEqual([{ x: 2 }]);
    } finally {
      await dispose();
    }
  });
});

describe('docs/data-model.md', () => {
  it('is the document generated from the data model (run npm run docs:data-model)', async () => {
    const { readFile } = await import('node:fs/promises');
    const { dataModelMarkdown } = await import('../../src/store/schema/data-model-doc.js');
    const onDisk = await readFile(new URL('../../docs/data-model.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(dataModelMarkdown());
  });
});
