/**
 * DuckDB adapter: with result-columns.ts beside it, the only code that imports the DuckDB driver.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DuckDBInstance,
  DuckDBTypeId,
  dateValue,
  timestampValue,
  type DuckDBAppender,
  type DuckDBValue,
} from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppendSource, EngineOptions, Queryable, Row, Session, SessionEngine, SqlValue, TransactionOptions } from '../engine.js';
import { quoteLiteral } from '../engine.js';
import { CommitGate } from './commit-gate.js';
import { readResultColumns, type ResultColumns } from './result-columns.js';

export async function openDuckDb(options: EngineOptions): Promise<SessionEngine> {
  const instance = await DuckDBInstance.create(options.path, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
  });
  const main = await instance.connect();
  await lockDown(main, options);
  return new DuckDbEngine(instance, main);
}

/**
 * Settings are fixed once, at open: nothing that runs later (not even SQL
 * that reached us from a user) can install extensions or touch files outside
 * the directories the caller named.
 */
async function lockDown(conn: DuckDBConnection, options: EngineOptions): Promise<void> {
  const dirs = (options.allowedDirectories ?? []).map((d) => withSlash(path.resolve(d)));
  const settings: string[] = [];
  if (options.tempDirectory !== undefined) {
    mkdirSync(options.tempDirectory, { recursive: true });
    settings.push(`SET temp_directory = ${quoteLiteral(options.tempDirectory)}`);
    dirs.push(withSlash(path.resolve(options.tempDirectory)));
  }
  if (options.memoryLimit !== undefined) settings.push(`SET memory_limit = ${quoteLiteral(options.memoryLimit)}`);
  if (options.threads !== undefined) settings.push(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
  if (dirs.length > 0) settings.push(`SET allowed_directories = [${dirs.map(quoteLiteral).join(', ')}]`);
  settings.push('SET enable_external_access = false', 'SET lock_configuration = true');
  for (const sql of settings) await conn.run(sql);
}

function withSlash(dir: string): string {
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}

class DuckDbQueryable implements Queryable {
  readonly dialect = 'duckdb' as const;
  /** gate: for a connection whose statements commit on their own; null inside a transaction and for the readers. */
  constructor(
    protected readonly conn: DuckDBConnection,
    private readonly gate: CommitGate | null,
  ) {}

  private through<T>(work: () => Promise<T>): Promise<T> {
    return this.gate === null ? work() : this.gate.pass(work);
  }

  async query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return rowsOf(await this.read(sql, params)) as T[];
  }

  async queryColumns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, SqlValue[]>> {
    const { names, columns } = await this.read(sql, params);
    const out: Record<string, SqlValue[]> = {};
    names.forEach((name, i) => {
      out[name] = columns[i]!;
    });
    return out;
  }

  private read(sql: string, params?: readonly SqlValue[]): Promise<ResultColumns> {
    return this.through(async () => readResultColumns(await this.conn.run(sql, toDuckValues(params))));
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.through(() => this.conn.run(sql, toDuckValues(params)));
  }

  append(table: string, columns: readonly string[], rows: AppendSource): Promise<number> {
    return this.through(() => this.appendRows(table, columns, rows));
  }

  private async appendRows(table: string, columns: readonly string[], rows: AppendSource): Promise<number> {
    // Temporary tables live in the 'temp' catalog; callers name them 'temp.<table>'.
    const appender = table.startsWith('temp.')
      ? await this.conn.createAppender(table.slice(5), 'main', 'temp')
      : await this.conn.createAppender(table);
    let count = 0;
    try {
      const width = appender.columnCount;
      if (columns.length !== width) {
        throw new Error(`append to ${table}: ${columns.length} values per row, table has ${width} columns`);
      }
      const writers = Array.from({ length: width }, (_, i) => valueWriter(appender, appender.columnType(i).typeId));
      const write = (row: readonly SqlValue[]) => {
        // A short row would be padded with NULLs and a long one cut: both are a caller's bug.
        if (row.length !== width) throw new Error(`append to ${table}: ${row.length} values per row, ${width} columns named`);
        for (let i = 0; i < width; i++) writers[i]!(row[i] ?? null);
        appender.endRow();
        count++;
      };
      // An array is walked without awaiting each row: a hundred thousand microtasks cost more than the appending.
      if (Array.isArray(rows)) for (const row of rows as readonly (readonly SqlValue[])[]) write(row);
      else for await (const row of rows) write(row);
      appender.flushSync();
    } catch (error) {
      // Closing would write the rows still buffered; a failed append drops them (all of them, inside a transaction).
      appender.clear();
      throw error;
    } finally {
      appender.closeSync();
    }
    return count;
  }
}

async function inTransaction<T>(conn: DuckDBConnection, gate: CommitGate, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  await conn.run('BEGIN TRANSACTION');
  return committed(conn, gate, () => fn(new DuckDbQueryable(conn, null)));
}

/** The open transaction on conn committed when work resolves, rolled back when it throws. */
async function committed<T>(conn: DuckDBConnection, gate: CommitGate, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await gate.pass(() => conn.run('COMMIT'));
    return result;
  } catch (error) {
    await conn.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** A statement that takes the transaction's snapshot: DuckDB takes it at the first one that touches the database's catalog. */
const takeSnapshotSql = 'SELECT 1 FROM duckdb_tables() LIMIT 0';

class DuckDbSession extends DuckDbQueryable implements Session {
  constructor(
    conn: DuckDBConnection,
    private readonly commits: CommitGate,
  ) {
    super(conn, commits);
  }
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return inTransaction(this.conn, this.commits, fn);
  }
}

/** Statements go to the connection with the fewest waiting; each connection runs one at a time. */
class ReaderPool implements Queryable {
  readonly dialect = 'duckdb' as const;
  private readonly slots: { q: DuckDbQueryable; tail: Promise<unknown>; waiting: number }[];
  constructor(private readonly conns: readonly DuckDBConnection[]) {
    this.slots = conns.map((c) => ({ q: new DuckDbQueryable(c, null), tail: Promise.resolve(), waiting: 0 }));
  }
  /** Resolves once every statement sent so far has settled. */
  async settled(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.tail));
  }
  private on<T>(fn: (q: DuckDbQueryable) => Promise<T>): Promise<T> {
    const slot = this.slots.reduce((a, b) => (b.waiting < a.waiting ? b : a));
    slot.waiting++;
    const result = slot.tail.then(() => fn(slot.q)).finally(() => slot.waiting--);
    slot.tail = result.catch(() => undefined);
    return result;
  }
  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.on((q) => q.query<T>(sql, params));
  }
  queryColumns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, SqlValue[]>> {
    return this.on((q) => q.queryColumns(sql, params));
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    return this.on((q) => q.run(sql, params));
  }
  append(table: string, columns: readonly string[], rows: AppendSource): Promise<number> {
    return this.on((q) => q.append(table, columns, rows));
  }
  close(): void {
    for (const c of this.conns) c.closeSync();
  }
}

const readerConnections = 4;

class DuckDbEngine extends DuckDbQueryable implements SessionEngine {
  private closed = false;
  private pool: ReaderPool | null = null;
  private poolOpening: Promise<ReaderPool> | null = null;
  constructor(
    private readonly instance: DuckDBInstance,
    main: DuckDBConnection,
    private readonly commits = new CommitGate(),
  ) {
    super(main, commits);
  }

  // A DuckDB file has one writing process (its lock), so an in-process queue per name is exclusive enough.
  private readonly locks = new Map<string, Promise<unknown>>();

  transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.exclusively(options.exclusive, () => this.onOwnConnection((conn) => inTransaction(conn, this.commits, fn)));
  }

  transactionWithReader<T>(fn: (tx: Queryable, reader: Queryable) => Promise<T>): Promise<T> {
    return this.onOwnConnection((conn) =>
      this.onOwnConnection(async (other) => {
        await this.beginOnOneSnapshot([conn, other]);
        // One statement at a time on the reader's connection, whoever sends them.
        const reader = new ReaderPool([other]);
        try {
          return await committed(conn, this.commits, async () => {
            try {
              return await fn(new DuckDbQueryable(conn, null), reader);
            } finally {
              await reader.settled();
            }
          });
        } finally {
          await other.run('ROLLBACK').catch(() => undefined);
        }
      }),
    );
  }

  /** A transaction begun on each connection, all with the same snapshot: no commit can land while they are taken. */
  private beginOnOneSnapshot(conns: readonly DuckDBConnection[]): Promise<void> {
    return this.commits.holding(async () => {
      for (const c of conns) {
        await c.run('BEGIN TRANSACTION');
        await c.run(takeSnapshotSql);
      }
    });
  }

  session<T>(fn: (s: Session) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.exclusively(options.exclusive, () => this.onOwnConnection((conn) => fn(new DuckDbSession(conn, this.commits))));
  }

  private exclusively<T>(name: string | undefined, work: () => Promise<T>): Promise<T> {
    if (name === undefined) return work();
    const result = (this.locks.get(name) ?? Promise.resolve()).then(work);
    this.locks.set(name, result.catch(() => undefined));
    return result;
  }

  private async onOwnConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const conn = await this.instance.connect();
    try {
      return await fn(conn);
    } finally {
      conn.closeSync();
    }
  }

  private facade: Queryable | null = null;

  readers(): Queryable {
    this.facade ??= this.readerFacade();
    return this.facade;
  }

  private readerFacade(): Queryable {
    // Connections open lazily, on the first read: the CLI's one-shot commands never pay for them.
    const opening = () => {
      this.poolOpening ??= Promise.all(Array.from({ length: readerConnections }, () => this.instance.connect())).then((c) => (this.pool = new ReaderPool(c)));
      return this.poolOpening;
    };
    const via = <T>(fn: (p: ReaderPool) => Promise<T>) => (this.pool ? fn(this.pool) : opening().then(fn));
    return {
      dialect: 'duckdb',
      query: (sql, params) => via((p) => p.query(sql, params)),
      queryColumns: (sql, params) => via((p) => p.queryColumns(sql, params)),
      run: (sql, params) => via((p) => p.run(sql, params)),
      append: (table, columns, rows) => via((p) => p.append(table, columns, rows)),
    };
  }

  interrupt(): void {
    this.conn.interrupt();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A checkpoint folds the write-ahead log into the file so that a closed
    // database is one self-contained file (what backup and copy expect).
    this.pool?.close();
    await this.conn.run('CHECKPOINT').catch(() => undefined);
    this.conn.closeSync();
    this.instance.closeSync();
  }
}

function toDuckValues(params: readonly SqlValue[] | undefined): DuckDBValue[] | undefined {
  return params === undefined ? undefined : params.map((v) => v);
}

type Writer = (value: SqlValue) => void;

function valueWriter(a: DuckDBAppender, typeId: DuckDBTypeId): Writer {
  const orNull = (write: (v: Exclude<SqlValue, null>) => void): Writer => (v) => {
    if (v === null) a.appendNull();
    else write(v);
  };
  switch (typeId) {
    case DuckDBTypeId.VARCHAR:
      return orNull((v) => a.appendVarchar(String(v)));
    case DuckDBTypeId.DOUBLE:
      return orNull((v) => a.appendDouble(Number(v)));
    case DuckDBTypeId.BIGINT:
      return orNull((v) => a.appendBigInt(BigInt(v)));
    case DuckDBTypeId.INTEGER:
      return orNull((v) => a.appendInteger(Number(v)));
    case DuckDBTypeId.BOOLEAN:
      return orNull((v) => a.appendBoolean(Boolean(v)));
    case DuckDBTypeId.DATE:
      return orNull((v) => a.appendDate(dateValue(daysSinceEpoch(String(v)))));
    case DuckDBTypeId.TIMESTAMP:
      return orNull((v) => a.appendTimestamp(timestampValue(BigInt(Date.parse(String(v))) * 1000n)));
    default:
      return (v) => a.appendValue(v);
  }
}

function daysSinceEpoch(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

function rowsOf({ names, columns }: ResultColumns): Row[] {
  const n = columns[0]?.length ?? 0;
  const rows: Row[] = new Array<Row>(n);
  for (let r = 0; r < n; r++) {
    const row: Row = {};
    for (let c = 0; c < names.length; c++) row[names[c]!] = columns[c]![r] ?? null;
    rows[r] = row;
  }
  return rows;
}
