/**
 * The edge of the HTTP API: whatever goes wrong with a request — a period
 * back to front, a mangled cookie, bad JSON, raw bytes in the address, a
 * bug — the caller gets {code, message} in their language, and bugs are logged.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes, createApp } from '../../src/server/create-app.js';
import { translateError } from '../../src/server/error-translator.js';
import type { Store } from '../../src/store/open-store.js';
import { fixtureStore } from '../support/fixture.js';
import { signIn, type SignedIn } from '../support/signed-in.js';
import { testDialect } from '../support/test-engine.js';

let store: Store;
let app: FastifyInstance;
let admin: SignedIn;
const token = randomUUID();

beforeAll(async () => {
  store = await fixtureStore({
    orders: [
      { order_id: 'O1', customer_id: 'A', order_date: '2025-02-10', unit_price: 100 },
      { order_id: 'O2', customer_id: 'B', order_date: '2025-04-12', unit_price: 250 },
      { order_id: 'O3', customer_id: 'A', order_date: '2025-07-01', unit_price: 80 },
    ],
  });
  app = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en', controlToken: token });
  admin = await signIn(app, store.engine, 'admin');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const snapshots = async () => Number((await store.engine.query<{ n: bigint }>('SELECT count(*) AS n FROM analysis_snapshots'))[0]!.n);
const takesPeriod = (schema: z.ZodType) => {
  const props = (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> }).properties ?? {};
  return 'from' in props && 'to' in props;
};
const periodRoutes = apiRoutes.filter((r) => takesPeriod(r.query)).map((r) => r.url);

describe('a period that starts after it ends', () => {
  it('is offered by the overview, the report and the analysis pages', () => {
    expect(periodRoutes).toEqual(expect.arrayContaining(['/api/overview', '/api/report', '/api/churn', '/api/funnel']));
  });

  it.each(periodRoutes)('is refused by %s with a 400 naming both dates, and nothing is stored', async (url) => {
    const before = await snapshots();
    const r = await app.inject({ method: 'GET', url: `${url}?from=2025-06-01&to=2025-01-01`, headers: admin.headers });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'period_order', message: 'the period starts (2025-06-01) after it ends (2025-01-01)' });
    const zh = await app.inject({ method: 'GET', url: `${url}?from=2025-06-01&asOf=2025-01-01&lang=zh-CN`, headers: admin.headers });
    expect(zh.json()).toEqual({ code: 'period_order', message: '期间的开始日期（2025-06-01）晚于结束日期（2025-01-01）' });
    expect(await snapshots()).toBe(before);
  });

  it('still answers a period in order', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/overview?from=2025-01-01&to=2025-06-30', headers: admin.headers });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ period: { from: '2025-01-01', to: '2025-06-30' } });
  });
});

describe('?lang= on every route', () => {
  it('is documented for every route, even those that take no other query', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs?lang=en' })).json() as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    const without = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).filter(([, op]) => !op.parameters.some((x) => x.name === 'lang' && x.in === 'query')).map(([m]) => `${m} ${p}`));
    expect(without).toEqual([]);
  });

  it('is accepted by health, discarding an upload and backup', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health?lang=zh-CN' })).json()).toEqual({ ok: true });
    const discard = await app.inject({ method: 'DELETE', url: `/api/uploads/${randomUUID()}?lang=zh-CN`, headers: admin.headers });
    expect(discard.statusCode).toBe(404);
    expect(discard.json()).toMatchObject({ code: 'unknown_upload', message: expect.stringContaining('请重新上传文件') });
    const backup = await app.inject({ method: 'POST', url: '/api/backup?lang=zh-CN', headers: { 'x-salescope-control': token }, payload: { out: 'relative' } });
    expect(backup.json()).toMatchObject({ code: 'bad_request', message: 'out：应为绝对路径' });
  });
});

describe('a session cookie that is not one we set', () => {
  it('is no session: a signed-in route asks to sign in, and sign-out still answers', async () => {
    const cookie = 'salescope_session=%zz';
    const r = await app.inject({ method: 'GET', url: '/api/customers', headers: { cookie } });
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ code: 'signed_out' });
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBeLessThan(300);
  });
});

describe('requests Fastify or Node refuse before any route', () => {
  const post = (headers: Record<string, string>, payload: string) => app.inject({ method: 'POST', url: '/api/tasks?lang=zh-CN', headers: { ...admin.headers, ...headers }, payload });

  it('answers bad JSON, a body too large and a content type not taken in the caller\'s language', async () => {
    const bad = await post({ 'content-type': 'application/json' }, '{"title": ');
    expect([bad.statusCode, bad.json()]).toEqual([400, { code: 'bad_json', message: '请求体不是有效的 JSON' }]);
    const big = await post({ 'content-type': 'application/json' }, JSON.stringify({ title: 'x'.repeat(1024 * 1024) }));
    expect([big.statusCode, big.json()]).toEqual([413, { code: 'body_too_large', message: '请求体超过了单个请求上限 1 MB' }]);
    const xml = await post({ 'content-type': 'text/xml' }, '<task/>');
    expect([xml.statusCode, xml.json()]).toEqual([415, { code: 'unsupported_media_type', message: expect.stringContaining('不接受此内容类型') }]);
  });

  it('answers an empty JSON body and a body shorter or longer than its Content-Length in the caller\'s language', async () => {
    const empty = await post({ 'content-type': 'application/json' }, '');
    expect([empty.statusCode, empty.json()]).toEqual([400, { code: 'empty_json', message: '请求体为空，但 Content-Type 声明为 JSON：请发送 JSON 请求体，或去掉 Content-Type 请求头' }]);
    const zhLength = '请求体的长度与 Content-Length 请求头不符：请重新发送，并由 HTTP 客户端自动设置 Content-Length';
    for (const length of ['3', '50']) {
      const r = await post({ 'content-type': 'application/json', 'content-length': length }, '{"title":"x"}');
      expect([r.statusCode, r.json()]).toEqual([400, { code: 'content_length_mismatch', message: zhLength }]);
    }
    const en = await app.inject({ method: 'POST', url: '/api/tasks', headers: { ...admin.headers, 'content-type': 'application/json', 'content-length': '50' }, payload: '{"title":"x"}' });
    expect(en.json()).toEqual({ code: 'content_length_mismatch', message: expect.stringContaining('is not as long as its Content-Length header says') });
  });

  it('answers an upload the multipart parser cannot read with 400 in the caller\'s language, at once', { timeout: 15_000 }, async () => {
    const upload = (contentType: string, payload: string) => app.inject({ method: 'POST', url: '/api/imports?lang=zh-CN', headers: { ...admin.headers, 'content-type': contentType }, payload });
    const zh = '无法按 multipart/form-data 读取上传内容（内容被截断、缺少分隔边界或部分过多）：请用表单字段“file”重新发送这一个文件';
    const noBoundary = await upload('multipart/form-data', 'a,b\n1,2\n');
    expect([noBoundary.statusCode, noBoundary.json()]).toEqual([400, { code: 'bad_multipart', message: zh }]);
    const cutOff = await upload('multipart/form-data; boundary=cut', '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\n1,2');
    expect([cutOff.statusCode, cutOff.json()]).toEqual([400, { code: 'bad_multipart', message: zh }]);
  });

  it('answers an address with a part longer than the router takes in the caller\'s language', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/customers/${'C'.repeat(200)}`, headers: { ...admin.headers, 'accept-language': 'zh-CN' } });
    expect([r.statusCode, r.json()]).toEqual([414, { code: 'address_part_too_long', message: '地址中有一部分过长：请检查其中的编号' }]);
  });

  it('names any other refusal of the framework by its code, not in its English', () => {
    const refusal = Object.assign(new Error('Some English only the framework speaks'), { statusCode: 418, code: 'FST_ERR_SOMETHING_NEW' });
    const zh = translateError(refusal, 'zh-CN', () => undefined, 'a test');
    expect(zh).toEqual({ status: 418, body: { code: 'request_refused', message: '请求被拒绝（FST_ERR_SOMETHING_NEW）：请检查地址、请求头和请求体' } });
    const en = translateError(Object.assign(new Error('Some English'), { statusCode: 400 }), 'en', () => undefined, 'a test');
    expect(en.body.message).toBe('the request was refused (HTTP 400): check its address, headers and body');
  });

  it('answers an address with a broken %-escape as the API does, with the usual headers', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/customers/%zz?lang=zh-CN', headers: admin.headers });
    expect([r.statusCode, r.json()]).toEqual([400, { code: 'bad_url', message: '地址的百分号编码无效：请用 encodeURIComponent 编码每一部分' }]);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers raw UTF-8 in the address (which Node cannot parse) as {code, message} in the language asked for', async () => {
    const server = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en' });
    const address = new URL(await server.listen({ port: 0, host: '127.0.0.1' }));
    try {
      const request = Buffer.concat([Buffer.from('GET /api/customers?q='), Buffer.from('张伟', 'utf8'), Buffer.from(' HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\n\r\n')]);
      const answer = await rawExchange(Number(address.port), request);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
      expect(JSON.parse(body!)).toEqual({ code: 'malformed_request', message: '请求不是有效的 HTTP：地址中的非 ASCII 字符必须先做百分号编码（encodeURIComponent）' });
    } finally {
      await server.close();
    }
  });
});

describe('a bug behind a request', () => {
  it('is logged on one line with its stack, and the caller gets the generic 500 without it', async () => {
    const lines: string[] = [];
    const broken = { engine: { readers: () => ({}), query: async () => Promise.reject(new Error('disk went away')) } } as unknown as Store;
    const failing = createApp({ store: broken, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en', log: (line) => lines.push(line) });
    const r = await failing.inject({ method: 'GET', url: '/api/health?lang=zh-CN' });
    await failing.close();
    expect([r.statusCode, r.json()]).toEqual([500, { code: 'internal', message: '服务器出错了，错误已记录' }]);
    expect(r.body).not.toContain('disk went away');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('GET /api/health?lang=zh-CN');
    expect(lines[0]).toContain('Error: disk went away');
    expect(lines[0]).toContain('http-edge.test.ts');
    expect(lines[0]).not.toContain('\n');
  });
});

/** Sends bytes as they are (no client would let us put raw UTF-8 in an address) and reads the whole answer. */
function rawExchange(port: number, request: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}

describe('a query or body the route does not accept', () => {
  it('is explained in the caller\'s language, an unknown key by its name', async () => {
    const zh = await app.inject({ method: 'GET', url: '/api/customers?page=0&lang=zh-CN', headers: admin.headers });
    expect(zh.statusCode).toBe(400);
    expect(zh.json()).toMatchObject({ code: 'bad_request', details: [{ field: 'page', problem: '数值过小：期望 number >=1' }] });
    const en = await app.inject({ method: 'GET', url: '/api/customers?page=0&colour=red', headers: admin.headers });
    expect(en.statusCode).toBe(400);
    const fields = (en.json() as { details: { field: string; problem: string }[] }).details;
    expect(fields).toContainEqual({ field: 'page', problem: 'Too small: expected number to be >=1' });
    expect(fields.map((f) => f.field)).toContain('colour');
  });
});

describe('a value the API\'s own checks refuse', () => {
  it('is explained in the caller\'s language: a day that does not exist, a date written otherwise', async () => {
    const problems = async (query: string, headers: Record<string, string> = {}) => {
      const r = await app.inject({ method: 'GET', url: `/api/overview?${query}`, headers: { ...admin.headers, ...headers } });
      expect(r.statusCode).toBe(400);
      return (r.json() as { details: { field: string; problem: string }[] }).details;
    };
    expect(await problems('from=2024-02-30&lang=zh-CN')).toEqual([{ field: 'from', problem: '不是真实存在的日期' }]);
    expect(await problems('from=2024-02-30')).toEqual([{ field: 'from', problem: 'not a real date' }]);
    expect(await problems('to=2024-2-3', { 'accept-language': 'zh-CN' })).toContainEqual({ field: 'to', problem: '应为 YYYY-MM-DD 格式的日期' });
    expect(await problems('to=2024-2-3')).toContainEqual({ field: 'to', problem: 'a date written YYYY-MM-DD' });
  });

  it('is explained in English too: a backup folder that is not an absolute path (in Chinese: see ?lang= above)', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/backup', headers: { 'x-salescope-control': token }, payload: { out: 'relative' } });
    expect(r.json()).toMatchObject({ code: 'bad_request', message: 'out: an absolute path' });
  });
});

describe('an as-of date before the first order', () => {
  it.each(periodRoutes)('is refused by %s with a 400 naming the first order date, in the caller\'s language, and nothing is stored', async (url) => {
    const before = await snapshots();
    const r = await app.inject({ method: 'GET', url: `${url}?asOf=2024-12-31`, headers: admin.headers });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'period_before_data', message: '2024-12-31 is before the first order (2025-02-10): there is nothing to analyse yet; choose a date on or after 2025-02-10' });
    const zh = await app.inject({ method: 'GET', url: `${url}?to=2025-01-31&lang=zh-CN`, headers: admin.headers });
    expect(zh.json()).toEqual({ code: 'period_before_data', message: '2025-01-31 早于第一笔订单（2025-02-10），还没有可分析的数据；请选择 2025-02-10 或之后的日期' });
    expect(await snapshots()).toBe(before);
  });
});

describe('a backup folder the server cannot make', () => {
  // A team store is refused before its path is looked at (backup-erase-api.test.ts).
  it.runIf(testDialect() === 'duckdb')('is answered with the reason instead of waiting forever', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/backup', headers: { 'x-salescope-control': token }, payload: { out: '/proc/salescope-backup/b' } });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toEqual({ code: 'backup_cannot_create', message: 'the folder /proc/salescope-backup/b cannot be made (ENOENT): choose a folder on a disk the server may write to' });
  });
});

describe('a period whose start is after the last order', () => {
  it('is refused as starting after it ends (it ends on the last order date), and nothing is stored', async () => {
    const before = await snapshots();
    const r = await app.inject({ method: 'GET', url: '/api/overview?from=2030-01-01', headers: admin.headers });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'period_order' });
    expect((r.json() as { message: string }).message).toContain('2030-01-01');
    expect(await snapshots()).toBe(before);
  });
});
