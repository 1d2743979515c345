/** Saving the analysis settings when several people (and, on a team store, several app processes) save at once. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actingAs, signIn } from '../support/signed-in.js';
import { createApp } from '../../src/server/create-app.js';
import { fixtureStore } from '../support/fixture.js';
import type { Store } from '../../src/store/open-store.js';

let store: Store;
let app: FastifyInstance;

beforeAll(async () => {
  store = await fixtureStore({ customers: [{ customer_id: 'A' }] });
  const raw = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en' });
  app = actingAs(raw, await signIn(raw, store.engine, 'admin'));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const save = (strategic: number) =>
  app.inject({ method: 'PUT', url: '/api/settings', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ patch: { valueTiers: { strategic } }, baseVersion: 0 }) });

describe('PUT /api/settings', () => {
  it('lets one of several saves of the same version through and tells the others, whatever their timing', async () => {
    const answers = await Promise.all([71, 72, 73, 74].map(save));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json() as { version: number; config: { valueTiers: { strategic: number } } };
    expect(winner.version).toBe(1);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ code: 'settings_conflict' });
    const after = (await app.inject({ method: 'GET', url: '/api/settings' })).json() as { version: number; config: unknown; history: { version: number }[] };
    expect(after.version).toBe(1);
    expect(after.config).toEqual(winner.config);
    expect(after.history.map((h) => h.version)).toEqual([1]);
  });
});

describe('a save from a version that was never saved', () => {
  it('is not blamed on someone else\'s save: 409 settings_unknown_version naming both versions, in either language, and nothing is saved', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/settings' })).json() as { version: number };
    const put = (headers: Record<string, string> = {}) =>
      app.inject({ method: 'PUT', url: '/api/settings', headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ patch: { valueTiers: { strategic: 75 } }, baseVersion: 999 }) });
    const en = await put();
    expect([en.statusCode, en.json()]).toEqual([
      409,
      { code: 'settings_unknown_version', message: `there is no version 999 of the settings (the current version is ${before.version}); reload the settings and make your change again` },
    ]);
    const zh = await put({ 'accept-language': 'zh-CN' });
    expect([zh.statusCode, zh.json()]).toEqual([409, { code: 'settings_unknown_version', message: `分析设置没有第 999 版（当前为第 ${before.version} 版）；请刷新设置后重新修改` }]);
    const after = (await app.inject({ method: 'GET', url: '/api/settings' })).json() as { version: number };
    expect(after.version).toBe(before.version);
  });
});

describe('settings a person writes', () => {
  it('refuses fixed RFM scoring without its cut points, naming the field, and saves nothing', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/settings' })).json() as { version: number };
    const r = await app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ patch: { rfm: { method: 'fixed' } }, baseVersion: before.version }),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'bad_request', details: [{ field: 'patch.rfm.thresholds' }] });
    const after = (await app.inject({ method: 'GET', url: '/api/settings' })).json() as { version: number };
    expect(after.version).toBe(before.version);
  });

  it('says what is wrong in the caller\'s language: our own checks and zod\'s', async () => {
    const preview = (patch: unknown, lang: string) =>
      app.inject({ method: 'POST', url: `/api/settings/preview?lang=${lang}`, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ patch }) });
    const ours = { valueTiers: { strategic: 10, highValue: 90 } };
    expect((await preview(ours, 'zh-CN')).json()).toMatchObject({ code: 'bad_request', details: [{ field: 'patch.valueTiers.strategic', problem: '不能小于 valueTiers.highValue' }] });
    expect((await preview(ours, 'en')).json()).toMatchObject({ details: [{ field: 'patch.valueTiers.strategic', problem: 'must be at least valueTiers.highValue' }] });
    const zods = (await preview({ rfm: { profile: 'luxury' } }, 'zh-CN')).json() as { details: { field: string; problem: string }[] };
    expect(zods.details[0]).toEqual({ field: 'patch.rfm.profile', problem: expect.stringContaining('无效选项') as string });
  });
});
