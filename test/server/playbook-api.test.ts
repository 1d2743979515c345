/** The playbook through the API: every group with its actions, owner and deadline, in the caller's language; bad queries refused. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { tierLabel } from '../../src/i18n/tier-labels.js';
import { defaultPlaybook, playbookGroups } from '../../src/playbook/default-playbook.js';
import type { Store } from '../../src/store/open-store.js';
import { fixtureStore } from '../support/fixture.js';
import { actingAs, signIn } from '../support/signed-in.js';

let store: Store;
let app: FastifyInstance;
interface Group { group: string; label: string; traits: string; direction: string; actions: string[]; owner: string; due: number | 'monthly'; expectedEffect: string }
const get = async (url: string, lang = 'en') => {
  const r = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  return { status: r.statusCode, body: r.json() as { groups: Group[]; code?: string; message?: string } };
};

beforeAll(async () => {
  store = await fixtureStore({});
  const raw = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en' });
  app = actingAs(raw, await signIn(raw, store.engine, 'rep', { repId: 'E1' }));
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe('playbook API', () => {
  it.each(['zh-CN', 'en'] as const)('gives every group in %s, as the default playbook has it', async (lang) => {
    const r = await get(`/api/playbook?lang=${lang}`, lang === 'en' ? 'zh-CN' : 'en');
    expect(r.status).toBe(200);
    expect(r.body.groups.map((g) => g.group)).toEqual(playbookGroups);
    for (const g of r.body.groups) {
      const entry = defaultPlaybook[g.group as keyof typeof defaultPlaybook];
      expect(g).toEqual({
        group: g.group,
        label: tierLabel(g.group, lang),
        traits: entry.traits[lang],
        direction: entry.direction[lang],
        actions: entry.actions.map((a) => a[lang]),
        owner: entry.owner[lang],
        due: entry.due,
        expectedEffect: entry.expectedEffect[lang],
      });
    }
  });

  it('follows Accept-Language when the query names no language', async () => {
    const r = await get('/api/playbook', 'zh-CN,zh;q=0.9');
    expect(r.body.groups.find((g) => g.group === 'churn_risk')?.owner).toBe(defaultPlaybook.churn_risk.owner['zh-CN']);
  });

  it.each([
    ['/api/playbook?lang=fr', 'lang: '],
    ['/api/playbook?group=strategic', 'group: '],
  ])('refuses a bad query %s with 400 and says which part is wrong', async (url, message) => {
    const r = await get(url);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('bad_request');
    expect(r.body.message).toContain(message);
  });

  it('is in the OpenAPI document', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(Object.keys((r.json() as { paths: Record<string, unknown> }).paths)).toContain('/api/playbook');
  });
});
