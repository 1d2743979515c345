/** Uploads through the API: a GBK CSV imported by the intake, and the ways an upload goes wrong. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, signIn } from '../support/signed-in.js';
import { createApp } from '../../src/server/create-app.js';
import { datasets, testStore, type TestStore } from '../support/test-store.js';
import { makeZip } from '../support/make-zip.js';

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
  const raw = createApp(deps);
  app = actingAs(raw, await signIn(raw, store.engine, 'analyst'));
  const rawSmall = createApp({ ...deps, uploadLimit: 1000, uploadRowLimit: 2 });
  small = actingAs(rawSmall, await signIn(rawSmall, store.engine, 'admin'));
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

  it('refuses a file with more rows than an upload may bring, importing none of them', async () => {
    const csv = Buffer.from('订单编号,下单日期,客户编号,金额\nRC1,2024-03-05,C1,100\nRC2,2024-03-06,C1,100\nRC3,2024-03-07,C2,100\n');
    const r = await small.inject({ method: 'POST', url: '/api/imports?lang=en', ...multipart('three.csv', csv) });
    expect(r.statusCode).toBe(422);
    expect((r.json() as { message: string }).message).toBe('three.csv: the file has 3 rows, more than the 2 one upload may bring; split it, or import it with the salescope import command');
    const [n] = await store.engine.query<{ n: bigint }>("SELECT count(*) AS n FROM order_lines WHERE order_id LIKE 'RC%'");
    expect(Number(n!.n)).toBe(0);
  });

  it('refuses a zip bomb dressed as a workbook before unpacking it, in the user\'s language', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x20) },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    const r = await app.inject({ method: 'POST', url: '/api/uploads', ...multipart('报表.xlsx', bomb) });
    expect(r.statusCode).toBe(422);
    expect((r.json() as { message: string }).message).toBe('报表.xlsx: Excel 文件的压缩比异常（可能是压缩炸弹），已拒绝打开');
  });

  it('answers a file the intake cannot read with 422 and the intake\'s own message', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/imports?lang=en', ...multipart('broken.xlsx', Buffer.from('this is not a workbook')) });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'import_failed' });
    expect((r.json() as { message: string }).message.startsWith('broken.xlsx: ')).toBe(true);
    expect((await app.inject({ method: 'POST', url: '/api/imports?entity=planets', ...multipart('x.csv', Buffer.from('a\n1\n')) })).statusCode).toBe(400);
  });
});

describe('a file whose data type or columns the intake cannot tell', () => {
  const message = async (url: string, headers: Record<string, string> = {}) => {
    const body = multipart('账目.csv', Buffer.from('甲,乙\n1,2\n'));
    const r = await app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...headers } });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ code: 'import_failed' });
    return (r.json() as { message: string }).message;
  };

  it('is told to choose the data type and columns on the import page (or the API\'s fields), not the command line\'s flags', async () => {
    const zh = await message('/api/imports');
    expect(zh).toMatch(/^账目\.csv: 无法从表头判断文件内容（甲, 乙）；/);
    expect(zh).toContain('在“数据导入”页面上传该文件，并在“预览与映射”中选择数据类型和对应的列');
    expect(zh).toContain('entity 和 columns');
    const en = await message('/api/imports?lang=en');
    expect(en).toContain('upload the file on the Import page and choose its data type and columns under "Preview and mapping"');
    expect(en).toContain('POST /api/uploads/:id/import with entity and columns');
    for (const text of [zh, en]) expect(text).not.toMatch(/--entity|--mapping/);
  });

  it('is told, when its columns are missing, to pick them in the mapping, not to write a mapping file', async () => {
    const zh = await message('/api/imports?entity=order_lines', { 'accept-language': 'zh-CN' });
    expect(zh).toContain('缺少必填列');
    expect(zh).toContain('在“预览与映射”中为它们选择对应的列');
    const en = await message('/api/imports?entity=order_lines&lang=en');
    expect(en).toContain('lacks required columns');
    expect(en).toContain('pick the column for each under "Preview and mapping"');
    for (const text of [zh, en]) expect(text).not.toMatch(/--entity|--mapping/);
  });
});

describe('import wizard API', () => {
  const file = () => {
    // Headers no synonym list knows: the wizard must let the user say what they are.
    const text = '单据号,买家,开单日,货款\nW1,WZ001,2025-01-03,100\nW2,WZ002,2025/1/5,"1,200"\nW3,WZ003,不是日期,300\n';
    return multipart('往来账.csv', iconv.encode(text, 'gbk'));
  };

  it('previews, takes an edited mapping, imports, and shows the rejected row with its reason', async () => {
    const up = await app.inject({ method: 'POST', url: '/api/uploads?lang=en', ...file() });
    expect(up.statusCode).toBe(201);
    const preview = up.json() as { uploadId: string; encoding: string; headers: string[]; sample: string[][]; rows: number; missing: string[]; fields: { name: string }[] };
    expect(preview.encoding).toBe('gb18030');
    expect(preview.headers).toEqual(['单据号', '买家', '开单日', '货款']);
    expect(preview.sample[1]).toEqual(['W2', 'WZ002', '2025/1/5', '1,200']);
    expect(preview.rows).toBe(3);
    expect(preview.missing.length).toBeGreaterThan(0);

    const mapping = { entity: 'order_lines', columns: { order_id: '单据号', customer_id: '买家', order_date: '开单日', amount: 4 } };
    const again = await app.inject({ method: 'POST', url: `/api/uploads/${preview.uploadId}/preview`, payload: mapping });
    expect(again.statusCode).toBe(200);
    const mapped = again.json() as { missing: string[]; mapping: { header: string; field: string; how: string }[] };
    expect(mapped.missing).toEqual([]);
    expect(mapped.mapping.map((m) => [m.header, m.field, m.how])).toEqual([
      ['单据号', 'order_id', 'mapping'],
      ['买家', 'customer_id', 'mapping'],
      ['开单日', 'order_date', 'mapping'],
      ['货款', 'amount', 'mapping'],
    ]);

    const done = await app.inject({ method: 'POST', url: `/api/uploads/${preview.uploadId}/import?lang=en`, payload: mapping });
    expect(done.statusCode).toBe(201);
    const result = done.json() as { runId: number; inserted: number; quarantined: number; file: string };
    expect(result).toMatchObject({ file: '往来账.csv', inserted: 2, quarantined: 1 });
    const lines = await store.engine.query<{ amount: number }>(`SELECT amount FROM order_lines WHERE order_id = 'W2'`);
    expect(lines.map((l) => Number(l.amount))).toEqual([1200]);
    // The upload is gone once imported.
    expect((await app.inject({ method: 'POST', url: `/api/uploads/${preview.uploadId}/preview`, payload: {} })).statusCode).toBe(404);

    const q = (await app.inject({ method: 'GET', url: `/api/quarantine?run=${result.runId}&lang=en` })).json() as { total: number; items: { row: number; raw: Record<string, string>; message: string }[] };
    expect(q.total).toBe(1);
    expect(q.items[0]!.row).toBe(4);
    expect(q.items[0]!.raw['开单日']).toBe('不是日期');
    expect(q.items[0]!.message).toContain('开单日');
    const csv = await app.inject({ method: 'GET', url: `/api/quarantine/export?run=${result.runId}&format=csv&lang=zh-CN` });
    expect(csv.headers['content-disposition']).toContain(`quarantine-run-${result.runId}.csv`);
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\ufeff单据号,买家,开单日,货款,salescope: 问题,salescope: 原行号')).toBe(true);
    expect(text).toContain('W3,WZ003,不是日期,300,');
    const xlsx = await app.inject({ method: 'GET', url: `/api/quarantine/export?run=${result.runId}` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  }, 60_000);

  it('tells the wizard where a running import is, phase by phase, and idle when it is done', async () => {
    const up = (await app.inject({ method: 'POST', url: '/api/uploads', ...multipart('sample40k.xlsx', readFileSync(path.join(datasets, 'online_retail/Online_Retail_sample40k.xlsx'))) })).json() as { uploadId: string };
    const progress = async () => (await app.inject({ method: 'GET', url: `/api/uploads/${up.uploadId}/progress?lang=en` })).json() as { phase: string; done: number; total: number };
    expect(await progress()).toEqual({ phase: 'idle', done: 0, total: 0 });
    const importing = app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/import`, payload: {} });
    const seen: { phase: string; done: number; total: number }[] = [];
    let finished = false;
    void importing.then(() => (finished = true));
    while (!finished) {
      seen.push(await progress());
      await new Promise((r) => setTimeout(r, 25));
    }
    expect((await importing).statusCode).toBe(201);
    const phases = [...new Set(seen.map((s) => s.phase).filter((p) => p !== 'idle'))];
    // Phases come in order, and reading reports bytes of the file as it goes.
    expect(phases.length).toBeGreaterThan(0);
    expect(['reading', 'validating', 'writing'].filter((p) => phases.includes(p))).toEqual(phases);
    const reading = seen.filter((s) => s.phase === 'reading' && s.total > 0);
    for (const r of reading) expect(r.done).toBeLessThanOrEqual(r.total);
    expect(await progress()).toEqual({ phase: 'idle', done: 0, total: 0 });
  }, 120_000);

  it('refuses a mapping that names no such field or column, and unknown uploads', async () => {
    const up = (await app.inject({ method: 'POST', url: '/api/uploads', ...file() })).json() as { uploadId: string };
    const badField = await app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/preview?lang=en`, payload: { entity: 'order_lines', columns: { colour: '买家' } } });
    expect(badField.statusCode).toBe(400);
    expect(badField.json()).toMatchObject({ code: 'bad_mapping' });
    expect((badField.json() as { message: string }).message).toContain('"colour" is not a field of order_lines');
    const badColumn = await app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/preview?lang=en`, payload: { entity: 'order_lines', columns: { order_date: '交货日' } } });
    expect(badColumn.statusCode).toBe(422);
    expect((badColumn.json() as { message: string }).message).toContain('交货日');
    const badBody = await app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/import`, payload: { columns: { order_date: 0 } } });
    expect(badBody.statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: `/api/uploads/${up.uploadId}` })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/uploads/${up.uploadId}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/uploads/not-an-id/preview', payload: {} })).statusCode).toBe(400);
  }, 60_000);

  it('words a refused mapping in the caller\'s language, naming the field meant', async () => {
    const up = (await app.inject({ method: 'POST', url: '/api/uploads', ...file() })).json() as { uploadId: string };
    const preview = (lang: string) =>
      app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/preview?lang=${lang}`, payload: { entity: 'order_lines', columns: { custmer_id: '买家', colour: '货款' } } });
    const zh = await preview('zh-CN');
    expect(zh.statusCode).toBe(400);
    const first12 = ['order_id', 'line_no', 'order_date', 'customer_id', 'customer_name', 'industry', 'product_id', 'product_name', 'category', 'subcategory', 'quantity', 'unit_price'];
    expect(zh.json()).toEqual({
      code: 'bad_mapping',
      message: '列映射 columns.custmer_id：order_lines 没有字段“custmer_id”；是否想写 customer_id？',
      details: [
        { field: 'columns.custmer_id', problem: 'order_lines 没有字段“custmer_id”；是否想写 customer_id？' },
        { field: 'columns.colour', problem: `order_lines 没有字段“colour”；可用字段：${first12.join('、')}…（另 17 个）` },
      ],
    });
    const en = await preview('en');
    expect(en.json()).toEqual({
      code: 'bad_mapping',
      message: 'column mapping, columns.custmer_id: "custmer_id" is not a field of order_lines; did you mean customer_id?',
      details: [
        { field: 'columns.custmer_id', problem: '"custmer_id" is not a field of order_lines; did you mean customer_id?' },
        { field: 'columns.colour', problem: `"colour" is not a field of order_lines; fields: ${first12.join(', ')}, … (17 more)` },
      ],
    });
    // A misspelt key of the wizard's body itself is refused before the mapping is read, with the key meant.
    const typo = await app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/preview?lang=en`, payload: { entity: 'order_lines', colums: { customer_id: '买家' } } });
    expect(typo.statusCode).toBe(400);
    expect((typo.json() as { message: string }).message).toBe('colums: Unrecognized key: "colums"; did you mean columns?');
    expect((await app.inject({ method: 'DELETE', url: `/api/uploads/${up.uploadId}` })).statusCode).toBe(200);
  }, 60_000);
});

describe('a data type chosen against what the headers clearly say', () => {
  const file = () => multipart('订单.csv', readFileSync(path.resolve(import.meta.dirname, '../fixtures/entity-guard/order-lines.csv')));
  const en = 'the headers look like order lines (订单编号, 下单日期, 金额), not customers as chosen; the rows are read as customers all the same — if the file holds order lines, choose that data type instead';
  const zh = '表头看起来是订单明细数据（订单编号、下单日期、金额），而不是所选的“客户”；各行仍按“客户”读取——如果文件内容是订单明细，请改选该数据类型';
  type Preview = { uploadId: string; entity: string; notes: { code: string; severity: string; message: string }[] };

  it('is warned of in the wizard\'s preview, before anything is written, in the caller\'s language', async () => {
    const up = await app.inject({ method: 'POST', url: '/api/uploads?entity=customers', ...file() });
    expect(up.statusCode).toBe(201);
    const first = up.json() as Preview;
    expect(first).toMatchObject({ entity: 'customers', notes: [{ code: 'entity_mismatch', severity: 'warning', message: zh }] });
    const again = await app.inject({ method: 'POST', url: `/api/uploads/${first.uploadId}/preview?lang=en`, payload: { entity: 'customers' } });
    expect(again.json()).toMatchObject({ entity: 'customers', notes: [{ code: 'entity_mismatch', severity: 'warning', message: en }] });
    // Recognised, or chosen as recognised, the file draws no warning.
    for (const payload of [{}, { entity: 'order_lines' }]) {
      const agreed = await app.inject({ method: 'POST', url: `/api/uploads/${first.uploadId}/preview?lang=en`, payload });
      expect(agreed.json()).toMatchObject({ entity: 'order_lines', notes: [] });
    }
    expect((await app.inject({ method: 'DELETE', url: `/api/uploads/${first.uploadId}` })).statusCode).toBe(200);
  }, 60_000);

  it('does not stop the import, and is in its result too', async () => {
    const up = (await app.inject({ method: 'POST', url: '/api/uploads?lang=en', ...file() })).json() as Preview;
    const done = await app.inject({ method: 'POST', url: `/api/uploads/${up.uploadId}/import?lang=en`, payload: { entity: 'customers' } });
    expect(done.statusCode).toBe(201);
    expect(done.json()).toMatchObject({ entity: 'customers', rows: 2, notes: [{ code: 'entity_mismatch', severity: 'warning', message: en }] });
  }, 60_000);
});
