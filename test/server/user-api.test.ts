/**
 * Users managed in the app by an administrator (the CLI cannot open a file
 * store the server holds): add with a one-time password answered once, list,
 * reset, disable; the rep ids and teams a user can be given, as adding one
 * checks them; the checks of `salescope user add`; every change logged.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/access/password-hash.js';
import { newUserProblem } from '../../src/access/user-admin.js';
import { createApp } from '../../src/server/create-app.js';
import type { Store } from '../../src/store/open-store.js';
import { fixtureStore } from '../support/fixture.js';
import { signIn, type SignedIn } from '../support/signed-in.js';

let store: Store;
let app: FastifyInstance;
let admin: SignedIn;

beforeAll(async () => {
  store = await fixtureStore({
    reps: [
      { rep_id: 'E1017', name: '王伟', team: '华东一组' },
      { rep_id: 'E1018', name: '李娜', team: '华东一组' },
      { rep_id: 'E2001', name: '张强', team: '华南组' },
    ],
    // A rep id named only on a customer: a rep may be scoped to it, and it has no name or team.
    customers: [{ customer_id: 'C1', rep_id: 'E3005' }],
  });
  app = createApp({ store, now: () => new Date('2026-01-05T08:00:00Z'), defaultLang: 'en' });
  admin = await signIn(app, store.engine, 'admin');
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const call = (method: 'GET' | 'POST', url: string, payload?: unknown, lang = 'en') =>
  app.inject({ method, url: `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, headers: admin.headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
const signInAs = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
const hashOf = async (username: string) => (await store.engine.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE username = $1', [username]))[0]!.h;

describe('an administrator managing users in the app', () => {
  it('adds a rep with a one-time password answered once, stored only as a hash, to be changed at the first sign-in', async () => {
    const r = await call('POST', '/api/users', { username: 'wang', role: 'rep', repId: 'E1017', displayName: '王伟' });
    expect(r.statusCode).toBe(201);
    const body = r.json() as { user: Record<string, unknown>; oneTimePassword: string };
    expect(body.user).toMatchObject({ username: 'wang', role: 'rep', repId: 'E1017', displayName: '王伟', mustChangePassword: true, disabled: false });
    expect(body.user).not.toHaveProperty('passwordHash');
    expect(body.oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await hashOf('wang')).not.toContain(body.oneTimePassword);
    expect(await verifyPassword(await hashOf('wang'), body.oneTimePassword)).toBe(true);
    const first = await signInAs('wang', body.oneTimePassword);
    expect(first.json()).toMatchObject({ role: 'rep', repId: 'E1017', mustChangePassword: true });
    const list = (await call('GET', '/api/users')).json() as { users: { username: string }[] };
    expect(list.users.map((u) => u.username)).toContain('wang');
  });

  it('lists the rep ids (with names) and teams a rep or manager can be given, each one adding a user accepts', async () => {
    const r = await call('GET', '/api/users/scopes');
    expect(r.statusCode).toBe(200);
    const scopes = r.json() as { reps: { id: string; name: string | null }[]; teams: string[] };
    expect(scopes).toEqual({
      reps: [{ id: 'E1017', name: '王伟' }, { id: 'E1018', name: '李娜' }, { id: 'E2001', name: '张强' }, { id: 'E3005', name: null }],
      teams: ['华东一组', '华南组'],
    });
    // Data, not words: the same in either language.
    expect((await call('GET', '/api/users/scopes', undefined, 'zh-CN')).json()).toEqual(scopes);
    for (const { id } of scopes.reps) expect(await newUserProblem(store.engine, { username: 'not-yet', role: 'rep', repId: id })).toBeNull();
    for (const team of scopes.teams) expect(await newUserProblem(store.engine, { username: 'not-yet', role: 'manager', team })).toBeNull();
  });

  it.each([
    ['en', 'your role (analyst) may not do this; ask an administrator'],
    ['zh-CN', '您的角色（分析师）无权执行此操作，请联系管理员'],
  ])('lists them to administrators only, refusing others in %s', async (lang, message) => {
    const analyst = await signIn(app, store.engine, 'analyst');
    const r = await app.inject({ method: 'GET', url: `/api/users/scopes?lang=${lang}`, headers: analyst.headers });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toEqual({ code: 'forbidden', message });
  });

  let chenPassword = '';
  it('adds a manager for a team the reps belong to', async () => {
    const r = await call('POST', '/api/users', { username: 'chen', role: 'manager', team: '华东一组' });
    expect(r.statusCode).toBe(201);
    chenPassword = (r.json() as { oneTimePassword: string }).oneTimePassword;
  });

  it.each([
    [{ username: 'li ming', role: 'analyst' }, 400, 'bad_request', 'username: 1 to 100 letters'],
    [{ username: 'zhou', role: 'king' }, 400, 'bad_request', 'role:'],
    [{ username: 'zhou', role: 'rep' }, 400, 'bad_request', 'repId: a rep sees the customers of one rep id: give it'],
    [{ username: 'zhou', role: 'manager' }, 400, 'bad_request', 'team: a manager sees one team\'s customers'],
    [{ username: 'zhou', role: 'rep', repId: 'E999' }, 400, 'unknown_rep', 'no rep "E999" in the data (4 known, e.g. E1017, E1018, E2001, E3005)'],
    [{ username: 'zhou', role: 'manager', team: '华北组' }, 400, 'unknown_team', 'no team "华北组" among the reps (2 known, e.g. 华东一组, 华南组)'],
    [{ username: 'wang', role: 'admin' }, 409, 'user_exists', 'a user "wang" already exists'],
  ])('refuses %j with %i %s and says why, adding nobody', async (payload, status, code, message) => {
    const before = ((await call('GET', '/api/users')).json() as { users: unknown[] }).users.length;
    const r = await call('POST', '/api/users', payload);
    expect(r.statusCode).toBe(status);
    expect(r.json()).toMatchObject({ code });
    expect((r.json() as { message: string }).message).toContain(message);
    expect(((await call('GET', '/api/users')).json() as { users: unknown[] }).users.length).toBe(before);
  });

  it('says why in Chinese too', async () => {
    const r = await call('POST', '/api/users', { username: 'zhou', role: 'rep', repId: 'E999' }, 'zh-CN');
    expect((r.json() as { message: string }).message).toBe('数据中没有销售代表“E999”（已有 4 个，例如 E1017, E1018, E2001, E3005）；按它限定的用户将看不到任何客户：请检查编号');
    const missing = await call('POST', '/api/users', { username: 'zhou', role: 'rep' }, 'zh-CN');
    expect((missing.json() as { message: string }).message).toBe('repId：销售角色只能看到一个销售代表的客户：请指定其编号');
  });

  it('gives a new one-time password, which ends the user\'s sessions, disables a user and enables them again', async () => {
    const wang = (await call('POST', '/api/users/wang/password')).json() as { username: string; oneTimePassword: string };
    expect(wang.username).toBe('wang');
    const session = await signInAs('wang', wang.oneTimePassword);
    const cookie = String(session.headers['set-cookie']).split(';')[0]!;
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await call('POST', '/api/users/wang/password')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
    expect((await call('POST', '/api/users/chen/disable')).json()).toEqual({ username: 'chen', disabled: true });
    const list = (await call('GET', '/api/users')).json() as { users: { username: string; disabled: boolean }[] };
    expect(list.users.find((u) => u.username === 'chen')?.disabled).toBe(true);
    expect((await signInAs('chen', chenPassword)).statusCode).toBe(401);
    expect((await call('POST', '/api/users/chen/enable')).json()).toEqual({ username: 'chen', disabled: false });
    expect((await signInAs('chen', chenPassword)).statusCode).toBe(200);
  });

  it('answers an unknown user with 404, and refuses to let administrators disable themselves', async () => {
    expect((await call('POST', '/api/users/nobody/password')).json()).toEqual({ code: 'unknown_user', message: 'no user "nobody"' });
    expect((await call('POST', '/api/users/nobody/disable')).statusCode).toBe(404);
    const self = await call('POST', `/api/users/${admin.username}/disable`, undefined, 'zh-CN');
    expect(self.statusCode).toBe(400);
    expect(self.json()).toEqual({ code: 'cannot_disable_self', message: '不能停用自己：如确有需要，请由另一位管理员操作' });
  });

  it('logs every change with who made it and to whom', async () => {
    const rows = await store.engine.query<{ username: string; action: string; fields: string }>(
      `SELECT username, action, fields FROM access_log WHERE action LIKE 'user_%' ORDER BY logged_at, action`,
    );
    const seen = rows.map((r) => `${r.username} ${r.action} ${r.fields}`);
    expect(seen).toEqual(expect.arrayContaining([`${admin.username} user_add wang`, `${admin.username} user_add chen`, `${admin.username} user_passwd wang`, `${admin.username} user_disable chen`, `${admin.username} user_enable chen`]));
    expect(seen.filter((s) => s.includes('user_add'))).toHaveLength(2);
  });
});
