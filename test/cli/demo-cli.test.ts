import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';
import { openStore } from '../../src/store/open-store.js';

const folder = cliFolder('salescope-demo-cli-');
const { dir } = folder;
const d = folder.store('d.duckdb');
const e = folder.store('e.duckdb');
const f = folder.store('f.duckdb');
afterAll(() => folder.dispose());

describe('salescope demo (what npm start runs)', () => {
  it('generates, imports and analyses a small company, reporting in Chinese', async () => {
    const r = await runCli(['demo', '--db', d.db, '--customers', '150', '--seed', '7', '--lang', 'zh-CN'], dir, d.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Beside a database file, or in the current folder for a server store: the test's folder either way.
    expect(readdirSync(path.join(dir, 'salescope-demo')).length).toBeGreaterThan(10);
    expect(r.stdout).toMatch(/演示公司已就绪：\d[\d,]* 个客户/);
    expect(r.stdout).toContain('分析快照 1：2025年1月1日 – 2025年12月31日');
    expect(r.stdout).toMatch(/销售漏斗：商机 [\d,]+ 个，赢单率 [\d.]+%，瓶颈 /);
    // Lifetime value is fitted too, so the customer 360 and the forecast show it from the start.
    const store = await openStore({ db: d.db, env: d.env });
    const [clv] = await store.engine.query<{ runs: bigint; customers: bigint; scored: bigint }>(
      'SELECT (SELECT count(*) FROM clv_runs) AS runs, (SELECT count(DISTINCT customer_id) FROM customer_clv) AS customers, (SELECT count(*) FROM customer_scores) AS scored',
    );
    await store.close();
    expect(Number(clv!.runs)).toBe(1);
    expect(Number(clv!.customers)).toBeGreaterThan(100);
  }, 60_000);

  it('imports only with --no-analyze, and says what comes next in JSON', async () => {
    const r = await runCli(['demo', '--db', e.db, '--customers', '100', '--out', 'files', '--no-analyze', '--json'], dir, e.env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { snapshotId: number | null; files: unknown[]; summary: { customers: number } };
    expect(doc.snapshotId).toBeNull();
    expect(doc.files.length).toBeGreaterThan(10);
    expect(doc.summary.customers).toBeGreaterThanOrEqual(100);
  }, 60_000);

  it.each([
    [['--customers', '0'], '--customers: "0" is not a whole number of at least 1'],
    [['--seed', 'abc'], '--seed: "abc" is not a whole number of at least 1'],
    [['--end', '2025-13-45'], '--end: "2025-13-45" is not a date; write it as YYYY-MM-DD'],
    [['--out', '/proc/salescope-demo'], 'the folder /proc/salescope-demo cannot be made (ENOENT): give a folder on a disk you may write to'],
  ])('refuses %j with a message that says what to write', async (args, message) => {
    const r = await runCli(['demo', '--db', f.db, '--lang', 'en', ...args], dir, f.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
