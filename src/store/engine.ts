/**
 * The seam between salescope and a SQL engine. Everything above the store
 * speaks to this interface; only an adapter imports a driver.
 *
 * Values crossing it are plain JavaScript: numbers (64-bit integers that fit
 * in a double become numbers), strings, booleans, null; DATE columns come
 * back as 'YYYY-MM-DD' strings and TIMESTAMP columns as ISO-8601 strings so
 * that results compare equal across engines and survive JSON.
 */
export type SqlValue = string | number | boolean | null | bigint;
export type Row = Record<string, SqlValue | readonly SqlValue[] | Record<string, unknown>>;

export type Dialect = 'duckdb' | 'postgres';

export interface Queryable {
  readonly dialect: Dialect;
  /** Runs one statement and returns its rows. Parameters are positional ($1, $2 ...). */
  query<T extends object = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /**
   * Runs one statement and returns its result by column: for models that
   * read a million per-customer rows into typed arrays without a million objects.
   */
  queryColumns(sql: string, params?: readonly SqlValue[]): Promise<Record<string, SqlValue[]>>;
  /** Runs one or more statements and discards any result. */
  run(sql: string, params?: readonly SqlValue[]): Promise<void>;
  /** Bulk-appends rows to an existing table, in column order. */
  append(table: string, columns: readonly string[], rows: AppendSource): Promise<number>;
}

export type AppendSource = Iterable<readonly SqlValue[]> | AsyncIterable<readonly SqlValue[]>;

export interface Engine extends Queryable {
  /**
   * Runs fn inside one transaction on a connection of its own: committed when
   * fn resolves, rolled back when it throws. Nothing fn wrote is visible to
   * others before the commit, and a crash before it leaves no trace.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /**
   * transaction, with `reader`: a second transaction that sees the same
   * snapshot as `tx`, on a connection of its own, for reads that need
   * nothing `tx` writes: they run beside its statements instead of after
   * them. The reader writes nothing but temporary tables, and fn awaits
   * everything it started on it before returning.
   */
  transactionWithReader<T>(fn: (tx: Queryable, reader: Queryable) => Promise<T>): Promise<T>;
  /**
   * A queryable for short independent reads that run beside each other and
   * beside the main connection (the server's many small requests), on a few
   * connections of their own. It does not see the main connection's
   * temporary tables; each statement commits on its own. It is left out of
   * what keeps a transactionWithReader's two snapshots equal: all it writes
   * is sign-in sessions, which no analysis reads.
   */
  readers(): Queryable;
  /** Asks a running statement to stop (best effort). */
  interrupt(): void;
  close(): Promise<void>;
}

/**
 * A connection of its own without a transaction: each statement commits as
 * it runs, so it is for work tables only (temporary tables, private to the
 * connection, gone when it closes). `transaction` then runs on the same
 * connection and sees them.
 */
export interface Session extends Queryable {
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
}

/**
 * An engine that also offers sessions (DuckDB, the intake's parser). DuckDB
 * scans a table made inside the open transaction on one thread, whatever its
 * size: work tables made before the transaction begins scan on all of them.
 */
export interface SessionEngine extends Engine {
  session<T>(fn: (s: Session) => Promise<T>, options?: TransactionOptions): Promise<T>;
}

export function hasSessions(engine: Engine): engine is SessionEngine {
  return typeof (engine as Partial<SessionEngine>).session === 'function';
}

export interface TransactionOptions {
  /**
   * Transactions that name the same lock run one at a time, across every
   * process that uses the store (an import read-compares-writes natural
   * keys: two at once would both insert the same key).
   */
  readonly exclusive?: string;
}

export interface EngineOptions {
  /** Database file, or ':memory:'. */
  readonly path: string;
  /**
   * Directories the engine may read or write besides its own files. Every
   * other file-system access is refused, so SQL cannot reach arbitrary files.
   */
  readonly allowedDirectories?: readonly string[];
  readonly memoryLimit?: string;
  readonly threads?: number;
  readonly tempDirectory?: string;
  readonly readOnly?: boolean;
}

/** Quotes an identifier for either engine. */
/**
 * work, then the temporary tables it makes dropped. When work fails they are
 * dropped as far as they can be (a failed transaction refuses even a DROP,
 * and its end takes them anyway) and work's own error is the one thrown.
 */
export async function withTempTables<T>(db: Queryable, tables: readonly string[], work: () => Promise<T>): Promise<T> {
  const drop = async () => {
    for (const t of tables) await db.run(`DROP TABLE IF EXISTS ${quoteIdent(t)}`);
  };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  await drop();
  return result;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A finite JavaScript number as a FLOAT8 both engines read back to the same
 * double. Written as text: DuckDB reads a long decimal literal as DECIMAL,
 * and its cast to a double is off by one unit in the last place for about
 * one value in twelve.
 */
export function floatLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `CAST('${String(x)}' AS FLOAT8)`;
}

/** Quotes a string literal for either engine (standard SQL doubling). */
export function quoteLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
