/**
 * Backup and restore of a whole store: the restored file has the same rows
 * (counted and summed here, table by table, independently of the manifest),
 * its sequences go on where they were, and a damaged or misplaced backup is
 * refused with nothing left behind.
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { backupStore, restoreStore, RestoreError, type BackupManifest } from '../../src/store/backup-store.js';
import { openStore } from '../../src/store/open-store.js';
import { openDuckDb } from '../../src/store/duckdb/duckdb-engine.js';
import type { Queryable } from '../../src/store/engine.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';
import { fixedClock } from '../support/test-store.js';

let demo: DemoStore;
let dir: string;
beforeAll(async () => {
  demo = await demoStore({ customers: 60 });
  await runAnalysis(demo.store.engine, {}, fixedClock);
  dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-backup-'));
}, 120_000);
afterAll(async () => {
  await demo.store.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** What a person would check after a restore: rows per table and the money. */
async function facts(db: Queryable): Promise<Record<string, string>> {
  const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) out[name] = String((await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM "${name}"`))[0]!.n);
  const [money] = await db.query<{ revenue: string; cost: string; qty: string }>(
    'SELECT CAST(sum(amount) AS VARCHAR) AS revenue, CAST(sum(cost) AS VARCHAR) AS cost, CAST(sum(quantity) AS VARCHAR) AS qty FROM order_lines',
  );
  return { ...out, revenue: money!.revenue, cost: money!.cost, quantity: money!.qty };
}

describe('backup and restore', () => {
  let manifest: BackupManifest;
  const out = () => path.join(dir, 'b1');

  it('writes every table with its row count, and restores a store with the same rows and sums', async () => {
    // Three task ids handed out before the backup: the restored store must not hand them out again.
    for (let i = 0; i < 3; i++) await demo.store.engine.query("SELECT nextval('task_seq')");
    manifest = await backupStore(demo.store, out(), new Date('2026-02-01T00:00:00Z'));
    const before = await facts(demo.store.engine);
    expect(Number(before.order_lines)).toBeGreaterThan(1000);
    expect(manifest.tables.order_lines?.rows).toBe(Number(before.order_lines));
    expect(manifest.tables.analysis_snapshots?.rows).toBe(Number(before.analysis_snapshots));
    expect(manifest.createdAt).toBe('2026-02-01T00:00:00.000Z');

    const restored = path.join(dir, 'restored.duckdb');
    // The key is kept apart from backups: the new store is pointed at it.
    const env = { SALESCOPE_KEY_FILE: path.join(demo.store.dir, 'salescope.key') };
    await expect(restoreStore(restored, out())).rejects.toMatchObject({ code: 'key_missing' });
    expect(existsSync(restored)).toBe(false);
    await restoreStore(restored, out(), env);
    const store = await openStore({ db: restored, env });
    try {
      expect(await facts(store.engine)).toEqual(before);
      const [row] = await store.engine.query<{ next: bigint }>("SELECT nextval('task_seq') AS next");
      expect(Number(row!.next)).toBe(4);
    } finally {
      await store.close();
    }
  }, 120_000);

  it('refuses to write into a folder that already holds files', async () => {
    await expect(backupStore(demo.store, out(), new Date())).rejects.toMatchObject({ code: 'target_exists' });
  });

  it('refuses to restore over an existing store, and a folder that is no backup', async () => {
    const existing = path.join(dir, 'restored.duckdb');
    await expect(restoreStore(existing, out())).rejects.toMatchObject({ code: 'target_exists' });
    await expect(restoreStore(path.join(dir, 'nothing.duckdb'), dir)).rejects.toBeInstanceOf(RestoreError);
    expect(existsSync(path.join(dir, 'nothing.duckdb'))).toBe(false);
  });

  it('notices a damaged backup (a table file missing one row) and keeps no half-restored store', async () => {
    const damaged = path.join(dir, 'b2');
    await backupStore(demo.store, damaged, new Date());
    const file = path.join(damaged, readdirSync(damaged).find((f) => /order_lines.*\.parquet$/.test(f))!);
    const engine = await openDuckDb({ path: ':memory:', allowedDirectories: [damaged] });
    try {
      await engine.run(`COPY (SELECT * FROM read_parquet('${file}') LIMIT (SELECT count(*) - 1 FROM read_parquet('${file}'))) TO '${file}.cut' (FORMAT parquet)`);
    } finally {
      await engine.close();
    }
    renameSync(`${file}.cut`, file);
    const target = path.join(dir, 'damaged.duckdb');
    await expect(restoreStore(target, damaged, { SALESCOPE_KEY_FILE: path.join(demo.store.dir, 'salescope.key') })).rejects.toMatchObject({ code: 'mismatch', detail: 'order_lines' });
    expect(existsSync(target)).toBe(false);
  }, 60_000);
});
