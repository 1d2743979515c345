/** Sign-in, sessions and the door: cookie attributes, rotation, timeouts, sign-out, rate limit, one-time passwords, security headers. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import type { Store } from '../../src/store/open-store.js';
import { fixtureStore } from '../support/fixture.js';
import { createUser } from '../support/signed-in.js';
import { disableUser } from '../../src/access/user-store.js';
import { openStore } from '../../src/store/open-store.js';
import { testDb, testDialect } from '../support/test-engine.js';

let store: Store;
let app: FastifyInstance;
let clock = new Date('2026-01-05T08:00:00Z');
let user = { username: '', password: '' };
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

beforeAll(async () => {
  store = await fixtureStore({ customers: [{ customer_id: 'A' }] });
  app = createApp({ store, now: () => clock, defaultLang: 'en' });
  user = await createUser(store.engine, 'analyst');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const signIn = async (password = user.password, cookie = '') => app.inject({ method: 'POST', url: '/api/session', headers: { cookie }, payload: { username: user.username, password } });
const cookieOf = (r: { headers: Record<string, unknown> }) => String(r.headers['set-cookie']).split(';')[0]!;
const get = (cookie: string, url = '/api/tasks') => app.inject({ method: 'GET', url, headers: { cookie } });

describe('sessions', () => {
  it('ends a session at once, even one just used (remembered for a few seconds), at sign-out and when its user is disabled', async () => {
    const a = cookieOf(await signIn());
    expect((await get(a)).statusCode).toBe(200);
    const out = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: a } });
    expect(out.statusCode).toBeLessThan(300);
    expect((await get(a)).statusCode).toBe(401);
    const other = await createUser(store.engine, 'rep', { repId: 'E1' });
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: other });
    const b = cookieOf(r);
    expect((await get(b)).statusCode).toBe(200);
    const [row] = await store.engine.query<{ id: number }>('SELECT user_id AS id FROM users WHERE username = $1', [other.username]);
    await disableUser(store.engine, Number(row!.id), clock);
    expect((await get(b)).statusCode).toBe(401);
  });

  it('sets an HttpOnly, SameSite=Strict cookie with a new token at every sign-in, ending the one the browser held', async () => {
    const a = await signIn();
    expect(a.statusCode).toBe(200);
    expect(String(a.headers['set-cookie'])).toMatch(/^salescope_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    const b = await signIn(user.password, cookieOf(a));
    expect(cookieOf(b)).not.toBe(cookieOf(a));
    expect((await get(cookieOf(a))).statusCode).toBe(401);
    expect((await get(cookieOf(b))).statusCode).not.toBe(401);
    const rows = await store.engine.query<{ h: string }>('SELECT token_hash AS h FROM sessions');
    expect(rows.map((r) => r.h)).not.toContain(cookieOf(b).split('=')[1]);
  });

  it('ends a session after 30 idle minutes and 12 hours after sign-in, and at sign-out', async () => {
    const s = cookieOf(await signIn());
    later(29);
    expect((await get(s)).statusCode).toBe(200);
    later(31);
    expect((await get(s)).statusCode).toBe(401);
    const long = cookieOf(await signIn());
    for (let i = 0; i < 25; i++) {
      later(29);
      await get(long);
    }
    expect((await get(long)).statusCode).toBe(401);
    const out = cookieOf(await signIn());
    const bye = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: out } });
    expect(String(bye.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await get(out)).statusCode).toBe(401);
  });

  it('slows down guessing: the sixth failure in 15 minutes is refused with 429, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('wrong-password')).statusCode).toBe(401);
    const blocked = await signIn();
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json()).toMatchObject({ code: 'too_many_logins' });
    later(16);
    expect((await signIn()).statusCode).toBe(200);
    const failed = await store.engine.query<{ n: bigint }>(`SELECT count(*) AS n FROM access_log WHERE action = 'login_failed' AND username = $1`, [user.username]);
    expect(Number(failed[0]!.n)).toBe(5);
  });

  it('counts failures per name and address: another address is not held up, a success starts the count again', async () => {
    const u = await createUser(store.engine, 'analyst');
    const from = (ip: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/session', remoteAddress: ip, payload: { username: u.username, password } });
    for (let i = 0; i < 4; i++) expect((await from('10.0.0.1', 'wrong-password')).statusCode).toBe(401);
    later(1);
    expect((await from('10.0.0.1', u.password)).statusCode).toBe(200);
    later(1);
    for (let i = 0; i < 5; i++) expect((await from('10.0.0.1', 'wrong-password')).statusCode).toBe(401);
    expect((await from('10.0.0.1', u.password)).statusCode).toBe(429);
    expect((await from('10.0.0.2', u.password)).statusCode).toBe(200);
  });

  // Several app processes share a team store; a DuckDB file is held by one.
  it.runIf(testDialect() === 'postgres')('counts the failures of every app process sharing the store together', async () => {
    const target = testDb(':memory:');
    const first = await openStore({ db: target.db, env: target.env });
    const second = await openStore({ db: target.db, env: target.env });
    const apps = [createApp({ store: first, now: () => clock, defaultLang: 'en' }), createApp({ store: second, now: () => clock, defaultLang: 'en' })];
    try {
      const u = await createUser(first.engine, 'analyst');
      const on = (k: number, password: string) => apps[k]!.inject({ method: 'POST', url: '/api/session', payload: { username: u.username, password } });
      for (const k of [0, 1, 0, 1, 0]) expect((await on(k, 'wrong-password')).statusCode).toBe(401);
      expect((await on(1, u.password)).statusCode).toBe(429);
      expect((await on(0, u.password)).statusCode).toBe(429);
    } finally {
      for (const a of apps) await a.close();
      await second.close();
      await first.close();
      await target.drop();
    }
  });

  it('lets a one-time password do nothing but be replaced by a real one', async () => {
    const { addUser } = await import('../../src/access/user-store.js');
    await addUser(store.engine, { username: 'newbie', role: 'rep', repId: 'E1' }, 'One-time-pw-123', clock);
    const first = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'newbie', password: 'One-time-pw-123' } });
    const c = cookieOf(first);
    const csrf = (first.json() as { csrfToken: string }).csrfToken;
    expect((await get(c)).json()).toMatchObject({ code: 'password_change_required' });
    const weak = await app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie: c, 'x-csrf-token': csrf }, payload: { current: 'One-time-pw-123', next: 'short' } });
    expect(weak.statusCode).toBe(400);
    const ok = await app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie: c, 'x-csrf-token': csrf }, payload: { current: 'One-time-pw-123', next: 'Mine-and-long-1' } });
    expect(ok.statusCode).toBe(200);
    expect((await get(c)).statusCode).toBe(401);
    expect((await get(cookieOf(ok))).statusCode).toBe(200);
  });

  it('sends the security headers with every answer, errors included', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/customers' });
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-security-policy']).toContain("script-src 'self'");
    expect(r.headers['x-frame-options']).toBe('DENY');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });
});
