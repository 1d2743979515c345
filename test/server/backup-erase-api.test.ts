/** The backup and erasure routes over HTTP: what they do, and the requests they refuse. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { fixtureStore } from '../support/fixture.js';
import { signIn, type SignedIn } from '../support/signed-in.js';
import { testDialect } from '../support/test-engine.js';
import type { Store } from '../../src/store/open-store.js';
import os from 'node:os';

let store: Store;
let app: FastifyInstance;
let admin: SignedIn;
const token = randomUUID();

beforeAll(async () => {
  store = await fixtureStore({ customers: [{ customer_id: 'A', contact_phone: '13812345678' }, { customer_id: 'B' }] });
  app = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en', controlToken: token });
  admin = await signIn(app, store.engine, 'admin');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const backup = (out: unknown, headers: Record<string, string> = { 'x-salescope-control': token }) =>
  app.inject({ method: 'POST', url: '/api/backup', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ out }) });

describe('POST /api/backup', () => {
  // The app copies DuckDB files only; a team store on PostgreSQL is backed up by the database server's own tools.
  it.runIf(testDialect() === 'postgres')('refuses a team store, pointing to pg_dump and pg_restore in the caller\'s language, and writes nothing', async () => {
    const out = path.join(os.tmpdir(), `api-backup-${randomUUID()}`);
    const r = await backup(out);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toEqual({
      code: 'backup_server_store',
      message: "this is a team store on PostgreSQL, which the app does not copy: back it up with the database server's own tools (pg_dump --schema=NAME, and pg_restore to bring it back), which keep it consistent while everyone works",
    });
    const zh = await backup(out, { 'x-salescope-control': token, 'accept-language': 'zh-CN' });
    expect(zh.json()).toMatchObject({ code: 'backup_server_store', message: expect.stringContaining('pg_dump --schema=名称，恢复用 pg_restore') });
    expect(existsSync(out)).toBe(false);
  });

  it.runIf(testDialect() === 'duckdb')('writes a backup with the control token, and refuses a folder that is not empty', async () => {
    const out = path.join(os.tmpdir(), `api-backup-${randomUUID()}`);
    const r = await backup(out);
    expect(r.statusCode).toBe(200);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
    expect(manifest.tables.customers?.rows).toBe(2);
    const again = await backup(out);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({ code: 'backup_not_empty', message: `${out} is not empty: give a new or empty folder for the backup` });
  });

  // A team store is refused before its path is looked at (the test above).
  it.runIf(testDialect() === 'duckdb')('refuses a file where the folder should be, or a path through one, with a 409 in the caller\'s language, leaving the file alone', async () => {
    const file = path.join(os.tmpdir(), `api-backup-${randomUUID()}.txt`);
    writeFileSync(file, 'keep me');
    const r = await backup(file);
    expect(r.statusCode).toBe(409);
    expect(r.json()).toEqual({ code: 'backup_not_folder', message: `${file} is a file, not a folder (or lies under a file): choose a new or empty folder for the backup` });
    const zh = await backup(path.join(file, 'backup'), { 'x-salescope-control': token, 'accept-language': 'zh-CN' });
    expect(zh.statusCode).toBe(409);
    expect(zh.json()).toEqual({ code: 'backup_not_folder', message: `${path.join(file, 'backup')} 是文件而不是文件夹（或位于某个文件之下）：请另选一个新的或空的备份文件夹` });
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    rmSync(file);
  });

  it('refuses a relative or missing path, a wrong token, and a signed-in admin without the token', async () => {
    expect((await backup('relative/dir')).statusCode).toBe(400);
    expect((await backup(42)).statusCode).toBe(400);
    expect((await backup('/tmp/x', { 'x-salescope-control': 'guess' })).statusCode).toBe(403);
    const signedIn = await backup('/tmp/x', { ...admin.headers, 'accept-language': 'zh-CN' });
    expect([signedIn.statusCode, signedIn.json()]).toEqual([
      403,
      { code: 'control_only', message: '只有服务器上的 salescope 命令可以执行此操作（salescope backup 会凭控制令牌请求正在运行的服务），任何登录用户都不行' },
    ]);
    expect(existsSync('/tmp/x/manifest.json')).toBe(false);
  });
});

describe('POST /api/customers/:id/erase', () => {
  it('erases as an admin, says so, and answers 404 for a customer that does not exist', async () => {
    // Two rejected rows: one names customer A in a cell (dropped), one only has it inside longer text (kept).
    await store.engine.run(
      `INSERT INTO quarantine VALUES (1, 2, 'customers', CAST($1 AS JSON), CAST('[]' AS JSON)), (1, 3, 'customers', CAST($2 AS JSON), CAST('[]' AS JSON))`,
      ['{"customer_id": "A", "contact_phone": "1381234567"}', '{"customer_id": "AB", "name": "A and B"}'],
    );
    const r = await app.inject({ method: 'POST', url: '/api/customers/A/erase', headers: admin.headers, payload: {} });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ customerId: 'A', quarantineRows: 1 });
    expect(await store.engine.query('SELECT row_number AS n FROM quarantine ORDER BY 1')).toEqual([{ n: 3 }]);
    const [row] = await store.engine.query<{ p: string | null }>("SELECT contact_phone AS p FROM customers WHERE customer_id = 'A'");
    expect(row!.p).toBeNull();
    const missing = await app.inject({ method: 'POST', url: '/api/customers/NOPE/erase?lang=zh-CN', headers: admin.headers, payload: {} });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'unknown_customer' });
    expect((await app.inject({ method: 'POST', url: '/api/customers/B/erase?color=red', headers: admin.headers, payload: {} })).statusCode).toBe(400);
  });
});
