/**
 * `salescope backup` and `salescope restore`: a store copied and brought
 * back with the same rows and revenue, also while a server holds it; places
 * that would lose data are refused with a message that says what to do.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-harness.js';
import { startServing } from '../support/serve-process.js';

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-backup-cli-'));
  const lines = ['订单编号,下单日期,客户编号,金额'];
  for (let i = 1; i <= 40; i++) lines.push(`SO${i},2024-0${(i % 9) + 1}-1${i % 10},C${i % 7},${i * 100}.5`);
  writeFileSync(path.join(dir, 'orders.csv'), lines.join('\n') + '\n');
  expect((await runCli(['import', '--db', 's.duckdb', 'orders.csv'], dir)).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, '--lang', 'en'], dir);

/** Read with the store closed again afterwards: what a restored file holds. */
async function revenueOf(db: string): Promise<{ lines: number; revenue: string; customers: number }> {
  const store = await openStore({ db: path.join(dir, db) });
  try {
    const [r] = await store.engine.query<{ lines: bigint; revenue: string; customers: bigint }>(
      'SELECT (SELECT count(*) FROM order_lines) AS lines, CAST((SELECT sum(amount) FROM order_lines) AS VARCHAR) AS revenue, (SELECT count(*) FROM customers) AS customers',
    );
    return { lines: Number(r!.lines), revenue: r!.revenue, customers: Number(r!.customers) };
  } finally {
    await store.close();
  }
}

describe('salescope backup and restore', () => {
  it('backs up and restores a store with the same rows and revenue (40 lines summing to 82,020)', async () => {
    const b = await cli('backup', '--db', 's.duckdb', '--out', 'b1', '--json');
    expect(b.code).toBe(0);
    const manifest = JSON.parse(b.stdout) as { tables: Record<string, { rows: number }> };
    expect(manifest.tables.order_lines?.rows).toBe(40);
    const r = await cli('restore', '--db', 'r1.duckdb', '--from', 'b1');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/store .*r1\.duckdb restored: \d+ tables, \d+ rows/);
    // 100.5 + 200.5 + … + 4000.5 = 100 × (1 + … + 40) + 40 × 0.5
    expect(await revenueOf('r1.duckdb')).toEqual({ lines: 40, revenue: '82020.0000', customers: 7 });
    expect(await revenueOf('r1.duckdb')).toEqual(await revenueOf('s.duckdb'));
  }, 60_000);

  it('backs up through the running server that holds the store, and stops it cleanly after', async () => {
    const server = await startServing(['serve', '--db', 's.duckdb', '--port', '0', '--lang', 'en'], dir);
    try {
      const control = path.join(dir, 's.duckdb.work', 'control.json');
      expect(statSync(control).mode & 0o077).toBe(0);
      const b = await cli('backup', '--db', 's.duckdb', '--out', 'b2');
      expect(b.stderr).toBe('');
      expect(b.code).toBe(0);
      expect(b.stdout).toContain('backup written to');
      // The token is the only way in: the same request without it is refused.
      const refused = await fetch(`${server.url}/api/backup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ out: path.join(dir, 'b3') }) });
      expect(refused.status).toBe(403);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(() => statSync(path.join(dir, 's.duckdb.work', 'control.json'))).toThrow();
    expect((await cli('restore', '--db', 'r2.duckdb', '--from', 'b2')).code).toBe(0);
    expect(await revenueOf('r2.duckdb')).toEqual(await revenueOf('s.duckdb'));
  }, 90_000);

  it.each([
    [['backup', '--db', 's.duckdb', '--out', 'b1'], 'is not empty: give a new or empty folder for the backup'],
    [['restore', '--db', 'r1.duckdb', '--from', 'b1'], 'already exists: restore into a new file (--db NEW.duckdb)'],
    [['restore', '--db', 'r9.duckdb', '--from', 'empty'], 'is not a salescope backup (no readable manifest.json)'],
    [['backup', '--db', 's.duckdb'], "required option '--out <dir>' not specified"],
    [['backup', '--db', 's.duckdb', '--out', 'a-file'], 'is a file, or a file is on its path: give a new or empty folder for the backup'],
    [['backup', '--db', 's.duckdb', '--out', 'a-file/b'], 'is a file, or a file is on its path'],
    // The system refuses new entries there: Node's own recursive mkdir never returned.
    [['backup', '--db', 's.duckdb', '--out', '/proc/salescope-backup/b'], 'the folder /proc/salescope-backup/b cannot be made (ENOENT): give a folder on a disk you may write to'],
  ])('refuses %j with exit 2 and says what to do', async (args, message) => {
    mkdirSync(path.join(dir, 'empty'), { recursive: true });
    writeFileSync(path.join(dir, 'a-file'), 'not a folder');
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('says so in Chinese', async () => {
    const r = await runCli(['restore', '--db', 'r1.duckdb', '--from', 'b1', '--lang', 'zh-CN'], dir);
    expect(r.stderr).toContain('已存在：请恢复到一个新文件');
  });
});
