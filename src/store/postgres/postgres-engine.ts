/**
 * PostgreSQL adapter (the team store): with postgres-values.ts beside it, the
 * only code that imports the pg driver. A store is one schema of one
 * database, named by the URL's `schema` parameter (default `salescope`), so
 * several teams or test runs share a server without seeing each other.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copy-text.js';
import type { AppendSource, Engine, Queryable, Row, SqlValue, TransactionOptions } from '../engine.js';
import { quoteIdent, quoteLiteral } from '../engine.js';
import { postgresTypes } from './postgres-values.js';

export interface PostgresOptions {
  /** postgres://user:password@host:port/database?schema=name */
  readonly url: string;
  /** Connections for the readers (the server's concurrent requests). */
  readonly readers?: number;
}

export type ConnectionProblem = 'bad_url' | 'unreachable' | 'auth_failed' | 'no_database';

/** A team store that cannot be opened for a reason the user can fix; `where` never holds the password. */
export class StoreConnectionError extends Error {
  constructor(
    readonly code: ConnectionProblem,
    readonly where: string,
    readonly detail: string,
  ) {
    super(`${code}: ${where} (${detail})`);
    this.name = 'StoreConnectionError';
  }
}

/** The URL as it may be shown: the password replaced by ***. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
  }
}

const problemOf: Readonly<Record<string, ConnectionProblem>> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  ETIMEDOUT: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  // SQLSTATE: invalid_password, invalid_authorization_specification, invalid_catalog_name.
  '28P01': 'auth_failed',
  '28000': 'auth_failed',
  '3D000': 'no_database',
};

function connectionError(url: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  const problem = typeof code === 'string' ? problemOf[code] : undefined;
  if (problem === undefined) return error;
  const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return new StoreConnectionError(problem, redactUrl(url), detail);
}

export interface PostgresTarget {
  readonly connectionString: string;
  readonly schema: string;
}

/** Splits the store's own `schema` parameter off the URL; the rest goes to the driver as given. */
export function postgresTarget(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new StoreConnectionError('bad_url', redactUrl(url), 'not a URL');
  }
  const schema = parsed.searchParams.get('schema') ?? 'salescope';
  // A plain name: it goes into every connection's start-up options unquoted.
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new StoreConnectionError('bad_url', redactUrl(url), `schema name ${schema}`);
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}

export function isPostgresUrl(db: string): boolean {
  return /^postgres(ql)?:\/\//i.test(db);
}

export async function openPostgres(options: PostgresOptions): Promise<Engine> {
  const { connectionString, schema } = postgresTarget(options.url);
  // Settings travel with each connection's start-up packet, so a pooled connection is ready before its first query.
  // UTC and ISO so that dates never shift; everything the store reads and writes is in its own schema.
  const config: pg.ClientConfig = {
    connectionString,
    types: postgresTypes,
    application_name: 'salescope',
    options: `-c search_path=${schema} -c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601`,
  };
  const main = new pg.Client(config);
  try {
    await main.connect();
  } catch (error) {
    throw connectionError(options.url, error);
  }
  try {
    await main.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  } catch (error) {
    await main.end().catch(() => undefined);
    throw error;
  }
  const pool = new pg.Pool({ ...config, max: options.readers ?? 6 });
  // An idle pooled connection the server drops (restart, timeout) must not take the process down.
  pool.on('error', () => undefined);
  main.on('error', () => undefined);
  return new PostgresEngine(serial(direct(main)), main, pool, schema, config);
}

interface Client {
  query(sql: string | pg.QueryConfig, params?: unknown[]): Promise<pg.QueryResult>;
  /** Runs COPY … FROM STDIN with the given text. */
  copyIn(sql: string, text: AsyncIterable<string>): Promise<void>;
}

async function copyOn(client: pg.ClientBase, sql: string, text: AsyncIterable<string>): Promise<void> {
  await pipeline(Readable.from(text), client.query(copyFrom(sql)));
}

/** One connection of its own (the main one, a transaction's). */
function direct(client: pg.ClientBase): Client {
  return { query: (sql, params) => client.query(sql, params), copyIn: (sql, text) => copyOn(client, sql, text) };
}

/** Any free connection of the pool; a COPY holds one for its whole stream. */
function pooled(pool: pg.Pool): Client {
  return {
    query: (sql, params) => pool.query(sql, params),
    copyIn: async (sql, text) => {
      const client = await pool.connect();
      try {
        await copyOn(client, sql, text);
      } finally {
        client.release();
      }
    },
  };
}

/** One connection runs one statement at a time: callers that overlap wait their turn instead of interleaving on the wire. */
function serial(client: Client): Client & { settled(): Promise<unknown> } {
  let tail: Promise<unknown> = Promise.resolve();
  const turn = <T>(fn: () => Promise<T>): Promise<T> => {
    const result = tail.then(fn);
    tail = result.catch(() => undefined);
    return result;
  };
  return {
    query: (sql, params) => turn(() => client.query(sql, params)),
    copyIn: (sql, text) => turn(() => client.copyIn(sql, text)),
    settled: () => tail,
  };
}

/** Temporary tables live in pg_temp; callers use DuckDB's spelling 'temp.<table>'. */
function tableName(table: string): string {
  return table.startsWith('temp.') ? `pg_temp.${quoteIdent(table.slice(5))}` : quoteIdent(table);
}

class PostgresQueryable implements Queryable {
  readonly dialect = 'postgres' as const;
  constructor(protected readonly client: Client) {}

  async query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    const result = await this.client.query(sql, toParams(params));
    return lastResult(result).rows as T[];
  }

  async queryColumns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, SqlValue[]>> {
    const config: pg.QueryConfig = { text: sql, values: toParams(params) ?? [], rowMode: 'array' } as pg.QueryConfig;
    const result = lastResult(await this.client.query(config));
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
    let count = 0;
    const sql = `COPY ${tableName(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
    await this.client.copyIn(sql, copyText(rows, columns.length, table, () => count++));
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
    queue: Client,
    private readonly main: pg.Client,
    private readonly pool: pg.Pool,
    readonly schema: string,
    private readonly config: pg.ClientConfig,
  ) {
    super(queue);
    this.pooled = new PostgresQueryable(pooled(pool));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    return this.onPooledClient(options, (client) => fn(new PostgresQueryable(direct(client))));
  }

  /**
   * Both transactions are REPEATABLE READ: the first exports its snapshot
   * and the reader, on a connection opened for it (not one of the pool,
   * which concurrent analyses could otherwise exhaust while each waits for
   * a second), imports it.
   */
  transactionWithReader<T>(fn: (tx: Queryable, reader: Queryable) => Promise<T>): Promise<T> {
    return this.onPooledClient({ isolation: 'REPEATABLE READ' }, async (client) => {
      const [exported] = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows;
      const other = new pg.Client(this.config);
      other.on('error', () => undefined);
      try {
        await other.connect();
        await other.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await other.query(`SET TRANSACTION SNAPSHOT ${quoteLiteral(exported!.id)}`);
        const turns = serial(direct(other));
        try {
          return await fn(new PostgresQueryable(direct(client)), new PostgresQueryable(turns));
        } finally {
          // Nothing still queued may reach the reader's connection after its ROLLBACK.
          await turns.settled();
        }
      } finally {
        await other.query('ROLLBACK').catch(() => undefined);
        await other.end().catch(() => undefined);
      }
    });
  }

  private async onPooledClient<T>(
    options: TransactionOptions & { readonly isolation?: 'REPEATABLE READ' },
    fn: (client: pg.PoolClient) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(options.isolation === undefined ? 'BEGIN' : `BEGIN ISOLATION LEVEL ${options.isolation}`);
      // Held until COMMIT or ROLLBACK; the store's schema is in the key, so teams on one server do not wait for each other.
      if (options.exclusive !== undefined) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.schema}:${options.exclusive}`]);
      try {
        const result = await fn(client);
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
