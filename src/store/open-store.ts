import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine, EngineOptions } from './engine.js';
import { openDuckDb } from './duckdb/duckdb-engine.js';
import { migrate } from './schema/migrate.js';

export interface StoreOptions {
  /** Database file or ':memory:'. */
  readonly db: string;
  readonly memoryLimit?: string;
  readonly threads?: number;
}

export interface Store {
  readonly engine: Engine;
  /** Directory the engine may read (staged imports) and write (spill files). */
  readonly workDir: string;
  close(): Promise<void>;
}

/** Work files live beside the database so they share its disk and permissions. */
export function workDirFor(db: string): string {
  return db === ':memory:' ? mkdtempSync(path.join(os.tmpdir(), 'salescope-')) : `${path.resolve(db)}.work`;
}

/** Opens (creating if needed) the store and migrates it to the latest schema. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const workDir = workDirFor(options.db);
  const engineOptions: EngineOptions = {
    path: options.db,
    allowedDirectories: [workDir],
    tempDirectory: path.join(workDir, 'spill'),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  };
  const engine = await openDuckDb(engineOptions);
  try {
    await migrate(engine);
  } catch (error) {
    await engine.close();
    throw error;
  }
  return { engine, workDir, close: () => engine.close() };
}
