/**
 * Where an import reads and parses its file. The intake's readers
 * (read_csv, read_parquet, the workbook appender) and its value SQL
 * (try_cast, strptime, regexps …) are DuckDB's: they are the intake's
 * parser, not analytics. A DuckDB store runs them in its own engine, inside
 * the import's transaction, as it always has. A PostgreSQL store gets a
 * private in-memory DuckDB for the length of one import, and only the part
 * that must see the store (comparing with stored rows, the upsert, parents,
 * quarantine, issues, the run's record) runs on the store, fed with the
 * shaped rows.
 */
import path from 'node:path';
import type { Queryable, SessionEngine, SqlValue } from '../store/engine.js';
import { hasSessions, quoteIdent as q } from '../store/engine.js';
import { openDuckDb } from '../store/duckdb/duckdb-engine.js';
import type { Store } from '../store/open-store.js';
import { ddlFor } from '../store/sql-dialect.js';

/**
 * Runs fn with the engine that parses for `store`: the store's own engine
 * (DuckDB), or a private DuckDB closed when fn ends (PostgreSQL). The private
 * one may read and spill only in the store's work directory, like the store's.
 */
export async function withParsingEngine<T>(store: Store, fn: (engine: SessionEngine) => Promise<T>): Promise<T> {
  if (store.engine.dialect === 'duckdb') {
    // The shaped rows of a DuckDB store never leave its engine: a parser apart from it is PostgreSQL's arrangement only.
    if (!hasSessions(store.engine)) throw new Error('a DuckDB store engine parses in sessions of its own');
    return fn(store.engine);
  }
  const engine = await openDuckDb({ path: ':memory:', allowedDirectories: [store.workDir], tempDirectory: path.join(store.workDir, 'spill') });
  try {
    return await fn(engine);
  } finally {
    await engine.close();
  }
}

/** The two connections of an import's write: the same one on a DuckDB store. */
export interface ImportSides {
  /** Holds the staged, normalised and shaped rows (temporary tables). */
  readonly parse: Queryable;
  /** The store's transaction. */
  readonly store: Queryable;
}

export function apart(sides: ImportSides): boolean {
  return sides.parse !== sides.store;
}

/** An INSERT … SELECT whose SELECT reads the parse side and whose target is a store table. */
export interface InsertSelect {
  readonly table: string;
  readonly columns: readonly string[];
  /** A SELECT (or VALUES) over the parse side's tables, one output column per target column. */
  readonly select: string;
  readonly params?: readonly SqlValue[];
}

/** INSERT … SELECT, for a store that is the engine that parsed. */
export function insertSql(x: InsertSelect): string {
  return `INSERT INTO ${q(x.table)} (${x.columns.map((c) => q(c)).join(', ')})\n${x.select}`;
}

/**
 * One statement when both sides are one engine; otherwise the SELECT runs on
 * the parse side and its rows are appended to the store table.
 */
export async function insertSelect(sides: ImportSides, x: InsertSelect): Promise<void> {
  if (!apart(sides)) {
    await sides.store.run(insertSql(x), x.params);
    return;
  }
  await transfer(sides.parse, x.select, x.params, sides.store, x.table, x.columns);
}

export interface ColumnType {
  readonly name: string;
  /** In DuckDB's spelling (the schema's); ddlFor gives PostgreSQL's. */
  readonly type: string;
}

/** Copies the rows of `select` on one engine into a new temporary table of another. */
export async function copyRows(from: Queryable, select: string, to: Queryable, target: string, columns: readonly ColumnType[]): Promise<void> {
  await to.run(`CREATE TEMP TABLE ${q(target)} (${columns.map((c) => `${q(c.name)} ${ddlFor(to.dialect, c.type)}`).join(', ')})`);
  await transfer(from, select, undefined, to, `temp.${target}`, columns.map((c) => c.name));
}

const portableType = /^(VARCHAR|BIGINT|INTEGER|SMALLINT|DOUBLE|BOOLEAN|DATE|TIMESTAMP|JSON|DECIMAL\(\d+,\d+\))$/;

/** A parse-side table (or view) copied to the store as a temporary table of the same name, columns and types. */
export async function copyToStore(sides: ImportSides, table: string): Promise<void> {
  const described = await sides.parse.query<{ column_name: string; column_type: string }>(`DESCRIBE ${q(table)}`);
  const columns = described.map((d) => {
    if (!portableType.test(d.column_type)) throw new Error(`cannot copy column ${d.column_name} of type ${d.column_type}`);
    return { name: d.column_name, type: d.column_type };
  });
  await copyRows(sides.parse, `SELECT ${columns.map((c) => q(c.name)).join(', ')} FROM ${q(table)}`, sides.store, table, columns);
}

const pageRows = 50_000;
let shipCounter = 0;

/**
 * Appends the rows of `select` (run on `from`) to `table` of `to`, a page at
 * a time, so that half a million wide rows are never held whole. Columns
 * that are NULL on every row are left out: each value costs the server a
 * parameter, and a column left out is NULL all the same (no store table has
 * a DEFAULT a NULL would have overridden: row_version's is 1, and freshRows
 * always writes it).
 */
async function transfer(from: Queryable, select: string, params: readonly SqlValue[] | undefined, to: Queryable, table: string, columns: readonly string[]): Promise<void> {
  const names = columns.map((_, i) => `c${i}`);
  const numbered = q(`_ship_${++shipCounter}`);
  // Output columns renamed by position: constants in a SELECT have no usable names.
  await from.run(`CREATE TEMP TABLE ${numbered} AS SELECT row_number() OVER () AS _n, * FROM (${select}) AS s(${names.map((n) => q(n)).join(', ')})`, params);
  try {
    const counts = (await from.query<Record<string, number>>(`SELECT count(*) AS _total, ${names.map((n) => `count(${q(n)}) AS ${q(n)}`).join(', ')} FROM ${numbered}`))[0]!;
    const total = counts._total ?? 0;
    if (total === 0) return;
    const filled = names.flatMap((n, i) => ((counts[n] ?? 0) > 0 ? [i] : []));
    // Rows that are NULL throughout are still rows.
    const kept = filled.length > 0 ? filled : [0];
    const list = kept.map((i) => q(names[i]!)).join(', ');
    async function* pages(): AsyncIterable<SqlValue[]> {
      for (let first = 1; first <= total; first += pageRows) {
        const page = await from.queryColumns(`SELECT ${list} FROM ${numbered} WHERE _n BETWEEN ${first} AND ${first + pageRows - 1}`);
        const cols = kept.map((i) => page[names[i]!] ?? []);
        const n = cols[0]?.length ?? 0;
        for (let r = 0; r < n; r++) yield cols.map((c) => c[r] ?? null);
      }
    }
    await to.append(table, kept.map((i) => columns[i]!), pages());
  } finally {
    await from.run(`DROP TABLE ${numbered}`);
  }
}
