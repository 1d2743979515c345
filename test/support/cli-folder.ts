/**
 * A CLI test file's folder and the stores its tests name, of this run's kind
 * (see testDb): a `--db x.duckdb` would test DuckDB on the PostgreSQL run too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { testDb, type TestDb } from './test-engine.js';

export interface CliStore {
  /** What --db takes: the file on DuckDB, a URL with a schema of its own on PostgreSQL. */
  readonly db: string;
  /** What runCli takes: the store's key on PostgreSQL (a server store has no folder for a key file), nothing on DuckDB. */
  readonly env: Record<string, string>;
}

export interface CliFolder {
  /** The current folder the CLI runs in. */
  readonly dir: string;
  /** The store called `name`: the file dir/name on DuckDB, a fresh schema on PostgreSQL; the same name gives the same store. */
  store(name: string): CliStore;
  /** Drops the server stores handed out and removes the folder. */
  dispose(): Promise<void>;
}

export function cliFolder(prefix: string): CliFolder {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const stores = new Map<string, TestDb & CliStore>();
  return {
    dir,
    store: (name) => {
      const known = stores.get(name);
      if (known !== undefined) return known;
      const target = testDb(path.join(dir, name));
      const env = Object.fromEntries(Object.entries(target.env).filter((e): e is [string, string] => e[1] !== undefined));
      const made = { ...target, env };
      stores.set(name, made);
      return made;
    },
    dispose: async () => {
      await Promise.all([...stores.values()].map((s) => s.drop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
