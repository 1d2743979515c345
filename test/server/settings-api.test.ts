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
});
