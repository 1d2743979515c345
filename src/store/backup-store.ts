/**
 * Backup and restore of the whole store. A backup is the engine's own export
 * (schema, sequences at their current values, one Parquet file per table)
 * taken inside one transaction, so it is consistent while others write,
 * plus a manifest with each table's row count and checksum; a restore loads
 * it into a new file and refuses to finish unless every count and checksum
 * matches.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openDuckDb } from './duckdb/duckdb-engine.js';
import { quoteIdent as q, quoteLiteral as lit, type Queryable } from './engine.js';
import { openStore, workDirFor, type Store } from './open-store.js';
import { isPostgresUrl, redactUrl } from './postgres/postgres-engine.js';
import { keyLocation, loadKey, missingKey, StoreKeyError, type Env } from './store-key.js';
import { fieldCipher } from '../access/field-cipher.js';
import { FolderError, makeFolder } from './make-folder.js';

export interface BackupManifest {
  readonly format: 1;
  readonly createdAt: string;
  readonly schemaVersion: number;
  /** Fingerprint of the key that sealed the personal fields (the key itself is never in a backup). */
  readonly keyId?: string;
  readonly tables: Readonly<Record<string, { readonly rows: number; readonly checksum: string }>>;
}

export class RestoreError extends Error {
  constructor(readonly code: 'target_exists' | 'not_a_folder' | 'cannot_create' | 'not_a_backup' | 'mismatch' | 'server_store', readonly detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'RestoreError';
  }
}

/** Row count and an order-independent checksum of every row of every table. */
async function tableSums(db: Queryable): Promise<BackupManifest['tables']> {
  const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' ORDER BY 1`);
  const out: Record<string, { rows: number; checksum: string }> = {};
  for (const { name } of tables) {
    const [r] = await db.query<{ n: bigint; c: string | null }>(`SELECT count(*) AS n, CAST(sum(hash(t)::HUGEINT) AS VARCHAR) AS c FROM ${q(name)} t`);
    out[name] = { rows: Number(r!.n), checksum: r!.c ?? '0' };
  }
  return out;
}

async function schemaVersion(db: Queryable): Promise<number> {
  const [r] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return Number(r?.v ?? 0);
}

export async function backupStore(store: Store, outDir: string, now: Date): Promise<BackupManifest> {
  // A server store is backed up by the server (pg_dump); this copies DuckDB files.
  if (store.engine.dialect !== 'duckdb') throw new RestoreError('server_store', outDir);
  // Made and looked in before the export, which takes a while: a file where
  // the folder should be (or on its way), a folder that cannot be made or
  // one with files in it is the caller's mistake, known at once.
  await makeFolder(outDir).catch((error: unknown) => {
    throw error instanceof FolderError ? new RestoreError(error.code, error.reason) : error;
  });
  await assertEmpty(outDir);
  const staging = path.join(store.workDir, `backup-${randomUUID()}`);
  try {
    const manifest = await store.engine.transaction(async (tx) => {
      await tx.run(`EXPORT DATABASE ${lit(staging)} (FORMAT parquet)`);
      const [key] = await tx.query<{ id: string }>('SELECT key_id AS id FROM store_key LIMIT 1');
      return { format: 1 as const, createdAt: now.toISOString(), schemaVersion: await schemaVersion(tx), ...(key ? { keyId: key.id } : {}), tables: await tableSums(tx) };
    });
    // Someone may have written there during the export.
    await assertEmpty(outDir);
    await cp(staging, outDir, { recursive: true });
    await writeFile(path.join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function assertEmpty(dir: string): Promise<void> {
  if ((await readdir(dir)).length > 0) throw new RestoreError('target_exists', dir);
}

export async function restoreStore(db: string, fromDir: string, env: Env = {}): Promise<BackupManifest> {
  if (isPostgresUrl(db)) throw new RestoreError('server_store', redactUrl(db));
  if (existsSync(db)) throw new RestoreError('target_exists', db);
  const manifest = await readManifest(fromDir);
  if (manifest.keyId !== undefined) checkKey(db, env, manifest.keyId);
  const workDir = workDirFor(db);
  const staging = path.join(workDir, `restore-${randomUUID()}`);
  await cp(fromDir, staging, { recursive: true });
  try {
    const engine = await openDuckDb({ path: db, allowedDirectories: [workDir] });
    try {
      await engine.run(`IMPORT DATABASE ${lit(staging)}`);
      const got = await tableSums(engine);
      const wrong = Object.entries(manifest.tables).filter(([t, s]) => got[t]?.rows !== s.rows || got[t]?.checksum !== s.checksum);
      if (wrong.length > 0) throw new RestoreError('mismatch', wrong.map(([t]) => t).join(', '));
    } finally {
      await engine.close();
    }
  } catch (error) {
    await rm(db, { force: true });
    await rm(`${db}.wal`, { force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  // Opening migrates a backup taken by an older version to the current schema.
  // It also checks the field key: a backup never holds it, it must be where this store looks.
  await (await openStore({ db, env })).close();
  return manifest;
}

/** Before anything is written: the key that opens the backup's sealed fields must be where the new store will look. */
function checkKey(db: string, env: Env, keyId: string): void {
  const where = keyLocation(db, env);
  const key = loadKey(db, env, false);
  if (key === null) throw missingKey(db, env);
  if (fieldCipher(key).keyId !== keyId) throw new StoreKeyError('key_mismatch', where);
}

async function readManifest(dir: string): Promise<BackupManifest> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
    if (m.format !== 1 || typeof m.tables !== 'object') throw new Error('format');
    return m;
  } catch {
    throw new RestoreError('not_a_backup', dir);
  }
}
