import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Engine } from './engine.js';
import { openDuckDb } from './duckdb/duckdb-engine.js';
import { isPostgresUrl, openPostgres } from './postgres/postgres-engine.js';
import { migrate } from './schema/migrate.js';
import { fieldCipher, type FieldCipher } from '../access/field-cipher.js';
import { keyLocation, loadKey, missingKey, StoreKeyError, type Env } from './store-key.js';
import { sealStore } from './seal-columns.js';
import type { Queryable } from './engine.js';

export interface StoreOptions {
  /** Database file, ':memory:', or a PostgreSQL URL (postgres://…?schema=name) for a team store. */
  readonly db: string;
  readonly memoryLimit?: string;
  readonly threads?: number;
  /** Where the field key comes from (SALESCOPE_KEY, SALESCOPE_KEY_FILE); default: the key file beside the database. */
  readonly env?: Env;
}

export interface Store {
  readonly engine: Engine;
  /** Directory the engine may read (staged imports) and write (spill files). */
  readonly workDir: string;
  /** Seals and opens the personal fields (see store_key). */
  readonly cipher: FieldCipher;
  close(): Promise<void>;
}

/**
 * Work files live beside the database so they share its disk and permissions;
 * a store with no file of its own (in memory, or on a server) gets a temporary
 * directory that goes with it.
 */
export function workDirFor(db: string): string {
  if (hasOwnFile(db)) return `${path.resolve(db)}.work`;
  removeOrphanWorkDirs(os.tmpdir());
  return mkdtempSync(path.join(os.tmpdir(), `salescope-${process.pid}-`));
}

/**
 * A process killed while it held a store without a folder of its own leaves
 * its temporary work directory behind (named after its process id); the next
 * store opened on this machine removes those whose process is gone.
 */
export function removeOrphanWorkDirs(tmp: string, alive: (pid: number) => boolean = processAlive): void {
  let names: string[];
  try {
    names = readdirSync(tmp);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = /^salescope-(\d+)-[A-Za-z0-9]{6}$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(path.join(tmp, name), { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function hasOwnFile(db: string): boolean {
  return db !== ':memory:' && !isPostgresUrl(db);
}

function openEngine(options: StoreOptions, workDir: string): Promise<Engine> {
  if (isPostgresUrl(options.db)) return openPostgres({ url: options.db });
  return openDuckDb({
    path: options.db,
    allowedDirectories: [workDir],
    tempDirectory: path.join(workDir, 'spill'),
    ...(options.memoryLimit !== undefined ? { memoryLimit: options.memoryLimit } : {}),
    ...(options.threads !== undefined ? { threads: options.threads } : {}),
  });
}

/** Opens (creating if needed) the store and migrates it to the latest schema. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const workDir = workDirFor(options.db);
  let engine: Engine;
  try {
    engine = await openEngine(options, workDir);
  } catch (error) {
    if (!hasOwnFile(options.db)) rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    await engine.close();
    if (!hasOwnFile(options.db)) rmSync(workDir, { recursive: true, force: true });
  };
  try {
    await migrate(engine);
    const cipher = await storeCipher(engine, options.db, options.env ?? {});
    removeStaleScratch(workDir);
    return { engine, workDir, cipher, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Files an import staged (run-<id>.*) are removed when it ends; a process
 * killed mid-import leaves them. The database lock means no other process is
 * importing now, and run ids are never reused, so any found here are orphans.
 */
function removeStaleScratch(workDir: string): void {
  let names: string[];
  try {
    names = readdirSync(workDir);
  } catch {
    return;
  }
  for (const name of names) if (/^run-\d+\./.test(name)) rmSync(path.join(workDir, name), { recursive: true, force: true });
}

/** The store's field cipher: the key it was first sealed with, or a new one for a store that has none. */
async function storeCipher(db: Queryable, file: string, env: Env): Promise<FieldCipher> {
  const [known] = await db.query<{ id: string }>('SELECT key_id AS id FROM store_key LIMIT 1');
  const where = keyLocation(file, env);
  const key = loadKey(file, env, known === undefined);
  if (key === null) throw missingKey(file, env);
  const cipher = fieldCipher(key);
  if (known !== undefined && known.id !== cipher.keyId) throw new StoreKeyError('key_mismatch', where);
  if (known === undefined) await db.run('INSERT INTO store_key VALUES ($1, now()::TIMESTAMP)', [cipher.keyId]);
  await sealStore(db, cipher);
  return cipher;
}
