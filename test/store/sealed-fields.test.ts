/**
 * Personal fields at rest: sealed in the store, still compared by imports,
 * opened only where the server masks or reveals them; a wrong or missing key
 * is named at open; erasure empties them for good and is logged.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../src/access/erase-customer.js';
import { customerProfile } from '../../src/analytics/snapshot/customer-profile.js';
import { importFile } from '../../src/intake/import-file.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { StoreKeyError } from '../../src/store/store-key.js';
import { runCli } from '../support/cli-harness.js';
import { fixedClock } from '../support/test-store.js';

let dir: string;
let store: Store;
const db = () => path.join(dir, 's.duckdb');
const customers = ['客户编号,客户名称,联系人,联系电话,邮箱', 'C1,华东精密机械有限公司,张三,13912345678,zhangsan@qq.com', 'C2,北方自动化设备厂,李四,18600001111,lisi@163.com'].join('\n') + '\n';
const bad = '客户编号,客户名称,联系人,联系电话,邮箱,建档日期\nC1,华东精密机械有限公司,张三,13912345678,zhangsan@qq.com,2024/2/30\n';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-sealed-'));
  writeFileSync(path.join(dir, 'customers.csv'), customers);
  store = await openStore({ db: db() });
  await importFile(store, { file: path.join(dir, 'customers.csv') }, { now: fixedClock });
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const raw = async (id: string) =>
  (await store.engine.query<{ name: string | null; phone: string | null; email: string | null }>('SELECT contact_name AS name, contact_phone AS phone, contact_email AS email FROM customers WHERE customer_id = $1', [id]))[0]!;

describe('sealed personal fields', () => {
  it('stores contact name, phone and e-mail sealed, never as written', async () => {
    const c1 = await raw('C1');
    for (const v of Object.values(c1)) expect(v).toMatch(/^enc1:/);
    expect(JSON.stringify(c1)).not.toMatch(/13912345678|zhangsan|张三/);
    const [n] = await store.engine.query<{ n: bigint }>("SELECT count(*) AS n FROM customers WHERE contact_phone LIKE '%139%' OR contact_phone LIKE '%186%'");
    expect(Number(n!.n)).toBe(0);
    expect(store.cipher.open(c1.phone)).toBe('13912345678');
  });

  it('sees a re-import of the same file as unchanged (equal values seal equally)', async () => {
    const again = await importFile(store, { file: path.join(dir, 'customers.csv') }, { now: fixedClock });
    expect([again.inserted, again.updated, again.unchanged]).toEqual([0, 0, 2]);
  });

  it('shows the profile masked from the opened value: 139****5678, z***@qq.com, 张*', async () => {
    const p = await customerProfile(store.engine, 'C1', store.cipher.open);
    expect(p!.contact).toEqual({ name: '张*', phone: '139****5678', email: 'z***@qq.com' });
  });

  it('seals what an older store held in the clear when it is next opened', async () => {
    await store.engine.run("UPDATE customers SET contact_phone = '13700002222' WHERE customer_id = 'C2'");
    await store.close();
    store = await openStore({ db: db() });
    const c2 = await raw('C2');
    expect(c2.phone).toMatch(/^enc1:/);
    expect(store.cipher.open(c2.phone)).toBe('13700002222');
  });

  it('names a wrong key and a missing key at open, in the CLI in words', async () => {
    await store.close();
    const keyFile = path.join(dir, 'salescope.key');
    const key = readFileSync(keyFile, 'utf8');
    await expect(openStore({ db: db(), env: { SALESCOPE_KEY: Buffer.alloc(32, 1).toString('base64') } })).rejects.toMatchObject({ code: 'key_mismatch' });
    await expect(openStore({ db: db(), env: { SALESCOPE_KEY: 'c2hvcnQ=' } })).rejects.toBeInstanceOf(StoreKeyError);
    renameSync(keyFile, `${keyFile}.away`);
    await expect(openStore({ db: db() })).rejects.toMatchObject({ code: 'key_missing', where: keyFile });
    const r = await runCli(['customers', '--db', 's.duckdb', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the key that seals the personal data of');
    expect(r.stderr).toContain('put the key file back');
    renameSync(`${keyFile}.away`, keyFile);
    expect(readFileSync(keyFile, 'utf8')).toBe(key);
    store = await openStore({ db: db() });
  });
});

describe('erasure', () => {
  it('empties the personal fields, drops rejected rows naming the customer, logs it, and keeps them empty on re-import', async () => {
    writeFileSync(path.join(dir, 'bad.csv'), bad);
    const rejected = await importFile(store, { file: path.join(dir, 'bad.csv') }, { now: fixedClock });
    expect(rejected.quarantined).toBe(1);
    const erased = await eraseCustomer(store.engine, 'C1', { userId: 7, username: 'dpo' }, new Date('2026-03-01T10:00:00Z'));
    expect(erased).toEqual({ fields: ['contact_name', 'contact_phone', 'contact_email', 'contact_title', 'gender', 'birth_date'], quarantineRows: 1 });
    expect(await raw('C1')).toEqual({ name: null, phone: null, email: null });
    expect(store.cipher.open((await raw('C2')).phone)).toBe('13700002222');
    const [log] = await store.engine.query<{ action: string; username: string; fields: string }>("SELECT action, username, fields FROM access_log WHERE customer_id = 'C1'");
    expect(log).toEqual({ action: 'erase', username: 'dpo', fields: 'contact_name,contact_phone,contact_email,contact_title,gender,birth_date' });
    const again = await importFile(store, { file: path.join(dir, 'customers.csv') }, { now: fixedClock });
    expect(again.quarantined).toBe(0);
    expect(await raw('C1')).toEqual({ name: null, phone: null, email: null });
    expect(await eraseCustomer(store.engine, 'NOPE', { userId: 7, username: 'dpo' }, new Date())).toBeNull();
  });

  it('asks the console for --yes first, then erases and says what it did', async () => {
    await store.close();
    const ask = await runCli(['erase', 'C2', '--db', 's.duckdb', '--lang', 'en'], dir);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('run it again with --yes');
    const done = await runCli(['erase', 'C2', '--yes', '--db', 's.duckdb', '--lang', 'zh-CN'], dir);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('已删除客户 C2 的个人信息');
    expect((await runCli(['erase', 'C9', '--yes', '--db', 's.duckdb', '--lang', 'en'], dir)).stderr).toContain('no customer "C9"');
    store = await openStore({ db: db() });
    expect(await raw('C2')).toEqual({ name: null, phone: null, email: null });
  });
});
