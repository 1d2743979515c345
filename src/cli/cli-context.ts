/**
 * What every command gets from the edge: streams, environment, the user's
 * language, the clock. Commands never touch process.* directly, so tests run
 * them in-process.
 */
import path from 'node:path';
import { resolveLang, type Lang } from '../i18n/i18n.js';
import { memoryOption } from './option-values.js';
import { isPostgresUrl, redactUrl } from '../store/postgres/postgres-engine.js';

export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Injected clock for timestamps in the store (never used for analysis dates). */
  readonly now?: () => Date;
}

export interface GlobalOptions {
  readonly db?: string;
  readonly memoryLimit?: string;
  readonly lang?: string;
  readonly json?: boolean;
}

export interface CliContext {
  readonly io: CliIo;
  readonly lang: Lang;
  readonly json: boolean;
  readonly db: string;
  /** The database as the user is shown it: a URL's password hidden. */
  readonly dbName: string;
  /** DuckDB's memory limit (--memory-limit, SALESCOPE_MEMORY_LIMIT), or null for its default (80% of RAM). */
  readonly memoryLimit: string | null;
  readonly now: () => Date;
  out(text: string): void;
  err(text: string): void;
}

export function cliContext(io: CliIo, opts: GlobalOptions): CliContext {
  const db = opts.db ?? io.env.SALESCOPE_DB ?? 'salescope.duckdb';
  const lang = resolveLang(opts.lang, io.env);
  const memory = opts.memoryLimit ?? io.env.SALESCOPE_MEMORY_LIMIT;
  return {
    io,
    lang,
    memoryLimit: memory === undefined ? null : memoryOption(memory, opts.memoryLimit === undefined ? 'SALESCOPE_MEMORY_LIMIT' : '--memory-limit', lang),
    json: opts.json === true,
    db: db === ':memory:' || isPostgresUrl(db) ? db : path.resolve(io.cwd, db),
    dbName: isPostgresUrl(db) ? redactUrl(db) : db === ':memory:' ? db : path.resolve(io.cwd, db),
    now: io.now ?? (() => new Date()),
    out: (text) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  };
}

/** Bad usage or bad input: exit code 2, with a message already in the user's language. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
