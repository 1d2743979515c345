/**
 * PostgreSQL adapter (the team store): with postgres-values.ts beside it, the
 * only code that imports the pg driver. A store is one schema of one
 * database, named by the URL's `schema` parameter (default `salescope`), so
 * several teams or test runs share a server without seeing each other.
 */
import pg from 'pg';
import type { AppendSource, Engine, Queryable, Row, SqlValue } from '../engine.js';
import { quoteIdent } from '../engine.js';
import { postgresTypes } from './postgres-values.js';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database?schema=name */
  readonly url: string;
  /** Connections for the readers (the server's concurrent requests). */
  readonly readers?: number;
}

export interface PostgresTarget {
  readonly connectionString: string;
  readonly schema: string;
}

/** Splits the store's own `schema` parameter off the URL; the rest goes to the driver as given. */
export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? 'salescope';
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openPostgres(options: PostgresOptions): Promise<Engine> {
  const { connectionString, schema } = postgresTarget(options.url);
  const config: pg.ClientConfig = { connectionString, types: postgresTypes, application_name: 'salescope' };
  const main = new pg.Client(config);
  await main.connect();
  try {
    // Everything the store reads and writes is in its own schema; UTC so that dates never shift.
    await main.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await main.query(sessionSettings(schema));
  } catch (error) {
    await main.end().catch(() => undefined);
    throw error;
  }
  const pool = new pg.Pool({ ...config, max: options.readers ?? 6 });
  pool.on('connect', (client) => {
    client.query(sessionSettings(schema)).catch(() => undefined);
  });
  // An idle pooled connection the server drops (restart, timeout) must not take the process down.
  pool.on('error', () => undefined);
  main.on('error', () => undefined);
  return new PostgresEngine(main, pool, schema);
}

function sessionSettings(schema: string): string {
  return `SET search_path TO ${quoteIdent(schema)}; SET TimeZone TO 'UTC'; SET DateStyle TO 'ISO'; SET IntervalStyle TO 'iso_8601'`;
}

interface Client {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

/** Temporary tables live in pg_temp; callers use DuckDB's spelling 'temp.<table>'. */
function tableName(table: string): string {
  return table.startsWith('temp.') ? `pg_temp.${quoteIdent(table.slice(5))}` : quoteIdent(table);
}

// PostgreSQL takes at most 65,535 parameters per statement.
const maxParams = 60_000;

class PostgresQueryable implements Queryable {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly client: Client) {}

  async query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const result = await this.client.query(sql, toParams(params));
    return lastResult(result).rows as T[];
  }

  async queryColumns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, SqlValue[]>> {
    const result = lastResult(await this.client.query({ text: sql, values: toParams(params), rowMode: 'array' } as never));
    const out: Record<string, SqlValue[]> = {};
    result.fields.forEach((f, i) => {
      out[f.name] = result.rows.map((r) => (r as SqlValue[])[i] ?? null);
    });
    return out;
  }

  async run(sql: string, params?: readonly SqlValue[]): Promise<void> {
    await this.client.query(sql, toParams(params));
  }

  async append(table: string, columns: readonly string[], rows: AppendSource): Promise<number> {
    const perBatch = Math.max(1, Math.floor(maxParams / Math.max(1, columns.length)));
    const head = `INSERT INTO ${tableName(table)} (${columns.map(quoteIdent).join(', ')}) VALUES `;
    let batch: SqlValue[][] = [];
    let count = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const tuples = batch.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      await this.client.query(head + tuples.join(', '), batch.flat().map(toParam));
      count += batch.length;
      batch = [];
    };
    for await (const row of rows) {
      if (row.length !== columns.length) throw new Error(`append to ${table}: ${row.length} values per row, ${columns.length} columns named`);
      batch.push([...row]);
      if (batch.length >= perBatch) await flush();
    }
    await flush();
    return count;
  }
}

/** A multi-statement text returns one result per statement; the caller wants the last. */
function lastResult(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult {
  return Array.isArray(result) ? result[result.length - 1]! : result;
}

function toParams(params: readonly SqlValue[] | undefined): unknown[] | undefined {
  return params === undefined ? undefined : params.map(toParam);
}

function toParam(value: SqlValue): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

class PostgresEngine extends PostgresQueryable implements Engine {
  private closed = false;
  private readonly pooled: Queryable;
  constructor(
    private readonly main: pg.Client,
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {
    super(main);
    this.pooled = new PostgresQueryable(pool);
  }

  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      try {
        const result = await fn(new PostgresQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      client.release();
    }
  }

  readers(): Queryable {
    return this.pooled;
  }

  interrupt(): void {
    const pid = (this.main as unknown as { processID?: number }).processID;
    if (pid !== undefined) this.pool.query('SELECT pg_cancel_backend($1)', [pid]).catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end().catch(() => undefined);
    await this.main.end().catch(() => undefined);
  }
}
