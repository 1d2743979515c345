/**
 * kill -9 at several moments of a large import: afterwards the store holds
 * either nothing of that file or all of it, never a part.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { datasets } from '../support/test-store.js';
import { testDb, testDialect, type TestDb } from '../support/test-engine.js';

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.resolve(import.meta.dirname, '../../src/cli/run.ts');
const file = path.join(datasets, 'online_retail/Online_Retail.csv');
const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importThenKill(target: TestDb, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    // One process (node with the TypeScript loader), so the kill reaches the one holding the database.
    const env = { ...process.env, ...target.env };
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'import', '--db', target.db, file], { stdio: 'ignore', cwd: root, env });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function state(target: TestDb): Promise<{ lines: number; committed: number }> {
  const store = await openStore({ db: target.db, env: target.env });
  try {
    const [r] = await store.engine.query<{ lines: number; committed: number }>(
      `SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM import_runs WHERE status = 'committed') AS committed`,
    );
    return r!;
  } finally {
    await store.close();
  }
}

// Delays spread over start-up, reading, validating and writing: a full import
// takes a few seconds on DuckDB; on PostgreSQL the file is parsed as fast and
// sending the rows to the server takes some twenty seconds more (each case
// then imports the file whole once more, hence the longer time limit).
const onPostgres = testDialect() === 'postgres';
const delays = onPostgres ? [1500, 4000, 9000, 14_000, 19_000] : [700, 1500, 2300, 3100, 3900];
const timeout = onPostgres ? 240_000 : undefined;

describe('an import killed at any moment', () => {
  it.each(delays)('killed after %i ms: all or nothing', async (ms) => {
    const target = testDb(path.join(dir, `kill-${ms}.duckdb`));
    try {
      await importThenKill(target, ms);
      const s = await state(target);
      expect([0, 536_641]).toContain(s.lines);
      expect(s.committed).toBe(s.lines === 0 ? 0 : 1);
      // And the store still works: the same import now completes.
      await importThenKill(target, 120_000);
      expect(await state(target)).toMatchObject({ lines: 536_641 });
    } finally {
      await target.drop();
    }
  }, timeout);
});
