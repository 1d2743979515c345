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

const root = path.resolve(import.meta.dirname, '../..');
const entry = path.resolve(import.meta.dirname, '../../src/cli/run.ts');
const file = path.join(datasets, 'online_retail/Online_Retail.csv');
const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importThenKill(db: string, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    // One process (node with the TypeScript loader), so the kill reaches the one holding the database.
    const child = spawn(process.execPath, ['--import', 'tsx', entry, 'import', '--db', db, file], { stdio: 'ignore', cwd: root });
    const timer = setTimeout(() => child.kill('SIGKILL'), afterMs);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function state(db: string): Promise<{ lines: number; committed: number }> {
  const store = await openStore({ db });
  try {
    const [r] = await store.engine.query<{ lines: number; committed: number }>(
      `SELECT (SELECT count(*) FROM order_lines) AS lines, (SELECT count(*) FROM import_runs WHERE status = 'committed') AS committed`,
    );
    return r!;
  } finally {
    await store.close();
  }
}

describe('an import killed at any moment', () => {
  // Delays spread over start-up, reading, validating and writing (a full import takes a few seconds here).
  it.each([700, 1500, 2300, 3100, 3900])('killed after %i ms: all or nothing', async (ms) => {
    const db = path.join(dir, `kill-${ms}.duckdb`);
    await importThenKill(db, ms);
    const s = await state(db);
    expect([0, 536_641]).toContain(s.lines);
    expect(s.committed).toBe(s.lines === 0 ? 0 : 1);
    // And the store still works: the same import now completes.
    await importThenKill(db, 120_000);
    expect(await state(db)).toMatchObject({ lines: 536_641 });
  });
});
