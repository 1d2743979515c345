/** Tasks through the API: bulk creation from a list, filters, edits with optimistic versioning, bad bodies. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, signIn } from '../support/signed-in.js';
import { createApp } from '../../src/server/create-app.js';
import { fixtureStore } from '../support/fixture.js';
import type { Store } from '../../src/store/open-store.js';

let store: Store;
let app: FastifyInstance;
type Json = Record<string, unknown> & { code?: string; message?: string };
const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, lang = 'en') => {
  const r = await app.inject({ method, url, headers: { 'accept-language': lang, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) }, ...(payload !== undefined ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}) });
  return { status: r.statusCode, body: r.json() as Json };
};

beforeAll(async () => {
  store = await fixtureStore({ customers: [{ customer_id: 'A' }, { customer_id: 'B' }, { customer_id: 'C' }] });
  const raw = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en' });
  app = actingAs(raw, await signIn(raw, store.engine, 'admin'));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('tasks API', () => {
  it('creates one task per customer in bulk and lists them by due date', async () => {
    const r = await call('POST', '/api/tasks', { title: '电话回访，了解未采购原因', customerIds: ['A', 'B', 'B', 'C'], owner: 'E1017', dueDate: '2026-01-20' });
    expect(r.status).toBe(201);
    expect(r.body.created).toBe(3);
    const general = await call('POST', '/api/tasks', { title: 'Plan Q1 events', dueDate: '2026-01-10' });
    expect((general.body.tasks as { customerId: string | null }[])[0]!.customerId).toBeNull();
    const list = await call('GET', '/api/tasks?status=open');
    expect(list.body.total).toBe(4);
    expect((list.body.items as { title: string }[])[0]!.title).toBe('Plan Q1 events');
    expect((await call('GET', '/api/tasks?customer=B')).body.total).toBe(1);
    expect((await call('GET', '/api/tasks?owner=E1017')).body.total).toBe(3);
  });

  it('completes a task, and refuses a stale edit with 409', async () => {
    const [task] = (await call('GET', '/api/tasks?customer=A')).body.items as { taskId: number; version: number }[];
    const done = await call('PATCH', `/api/tasks/${task!.taskId}`, { version: task!.version, status: 'done' });
    expect(done).toMatchObject({ status: 200, body: { status: 'done', version: 2 } });
    const stale = await call('PATCH', `/api/tasks/${task!.taskId}`, { version: 1, owner: 'E1001' }, 'zh-CN');
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({ code: 'edit_conflict', message: `任务 ${task!.taskId} 在您打开后已被他人修改（当前版本 2），请刷新后重新修改` });
    expect((await call('GET', '/api/tasks?status=done')).body.total).toBe(1);
  });

  it.each([
    [{ title: 'x', customerIds: ['A', 'Z9'] }, 400, 'no such customers: Z9'],
    [{ title: '   ' }, 400, 'title: '],
    [{ title: 'x', dueDate: '2026-02-30' }, 400, 'dueDate: not a real date'],
    [{ title: 'x', colour: 'red' }, 400, 'colour: '],
    ['{"title": ', 400, ''],
  ])('refuses a bad body %#', async (payload, status, message) => {
    const r = await call('POST', '/api/tasks', payload);
    expect(r.status).toBe(status);
    expect(r.body.code).toBeDefined();
    expect(r.body.message).toContain(message);
  });

  it('answers unknown tasks and bad edits', async () => {
    expect(await call('PATCH', '/api/tasks/999', { version: 1, status: 'done' })).toEqual({ status: 404, body: { code: 'unknown_task', message: 'no task 999' } });
    expect((await call('PATCH', '/api/tasks/1', { version: 1, status: 'finished' })).status).toBe(400);
    expect((await call('PATCH', '/api/tasks/abc', { version: 1 })).status).toBe(400);
  });
});
