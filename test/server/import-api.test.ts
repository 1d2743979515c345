/** Uploads through the API: a GBK CSV imported by the intake, and the ways an upload goes wrong. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { datasets, testStore, type TestStore } from '../support/test-store.js';

let store: TestStore;
let app: FastifyInstance;
let small: FastifyInstance;

function multipart(filename: string, content: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----salescope-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, content, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  store = await testStore();
  const deps = { store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'zh-CN' as const };
  app = createApp(deps);
  small = createApp({ ...deps, uploadLimit: 1000 });
});
afterAll(async () => {
  await app.close();
  await small.close();
  await store.dispose();
});

describe('imports API', () => {
  it('imports an uploaded GBK CSV and lists the run', async () => {
    const body = multipart('天猫订单.gbk.csv', readFileSync(path.join(datasets, 'chinese_retail/tmall_order_report.gbk.csv')));
    const r = await app.inject({ method: 'POST', url: '/api/imports', ...body });
    expect(r.statusCode).toBe(201);
    const doc = r.json() as { file: string; entity: string; encoding: string; rows: number; inserted: number; quarantined: number };
    expect(doc).toMatchObject({ file: '天猫订单.gbk.csv', entity: 'order_lines', encoding: 'gb18030', rows: 28_010 });
    expect(doc.inserted + doc.quarantined).toBeLessThanOrEqual(doc.rows);
    const runs = (await app.inject({ method: 'GET', url: '/api/imports' })).json() as { items: { file: string; rows: number }[] };
    expect(runs.items[0]!.rows).toBe(28_010);
  }, 60_000);

  it('refuses a file over the limit with 413, and an upload without a file', async () => {
    const big = await small.inject({ method: 'POST', url: '/api/imports?lang=en', ...multipart('big.csv', Buffer.alloc(5000, 'a')) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'too_large' });
    expect((big.json() as { message: string }).message).toContain('big.csv is larger than the 0 MB');
    const none = await app.inject({ method: 'POST', url: '/api/imports', headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual({ code: 'no_file', message: '上传中没有文件：请用表单字段“file”发送' });
  });

  it('answers a file the intake cannot read with 422 and the intake\'s own message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/imports?lang=en', ...multipart('broken.xlsx', Buffer.from('this is not a workbook')) });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'import_failed' });
    expect((r.json() as { message: string }).message.startsWith('broken.xlsx: ')).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/imports?entity=planets', ...multipart('x.csv', Buffer.from('a\n1\n')) })).statusCode).toBe(400);
  });
});
