/**
 * The authorization matrix: every route × every role × a customer of one's
 * own, of a teammate, of another team. Each cell's outcome is compared with
 * what the policy says; the test fails on any unexpected success (and any
 * unexpected refusal). A route the table below does not know fails it too.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/access/roles.js';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { apiRoutes, createApp } from '../../src/server/create-app.js';
import type { Access } from '../../src/server/route-spec.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';
import { createUser, signIn, type SignedIn } from '../support/signed-in.js';

type Target = 'own' | 'teammate' | 'other';
let demo: DemoStore;
let app: FastifyInstance;
const who = new Map<Role, SignedIn>();
const customerOf = new Map<Target, string>();
const taskOf = new Map<Target, number>();
let team = '';
let loginOf = { username: '', password: '' };
let repId = '';

beforeAll(async () => {
  demo = await demoStore({ seed: 5, customers: 150 });
  const now = () => new Date('2026-01-05T08:00:00Z');
  await runAnalysis(demo.store.engine, {}, now);
  app = createApp({ store: demo.store, now, defaultLang: 'en', controlToken: randomUUID() });
  const db = demo.store.engine;
  // A team with two reps who both have customers, and a customer of another team.
  const [pick] = await db.query<{ team: string; a: string; b: string }>(
    `WITH r AS (SELECT r.team, r.rep_id, count(*) AS n FROM reps r JOIN customers c USING (rep_id) GROUP BY r.team, r.rep_id)
     SELECT team, min(rep_id) AS a, max(rep_id) AS b FROM r GROUP BY team HAVING count(*) >= 2 ORDER BY team LIMIT 1`,
  );
  team = pick!.team;
  repId = pick!.a;
  const one = async (where: string) => (await db.query<{ id: string }>(`SELECT customer_id AS id FROM customers c WHERE ${where} ORDER BY customer_id LIMIT 1`))[0]!.id;
  customerOf.set('own', await one(`rep_id = '${pick!.a}'`));
  customerOf.set('teammate', await one(`rep_id = '${pick!.b}'`));
  customerOf.set('other', await one(`rep_id IN (SELECT rep_id FROM reps WHERE team <> '${team}')`));
  loginOf = await createUser(db, 'auditor');
  for (const role of roles) who.set(role, await signIn(app, db, role, role === 'rep' ? { repId } : role === 'manager' ? { team } : {}));
  const admin = who.get('admin')!;
  for (const [target, id] of customerOf) {
    const r = await app.inject({ method: 'POST', url: '/api/tasks', headers: admin.headers, payload: { title: `follow up ${target}`, customerIds: [id] } });
    taskOf.set(target, (r.json() as { tasks: { taskId: number }[] }).tasks[0]!.taskId);
  }
}, 180_000);
afterAll(async () => {
  await app.close();
  await demo.store.dispose();
});

const csv = '订单编号,下单日期,客户编号,金额\nM1,2024-03-05,MX1,100\n';
function multipart(): { payload: Buffer; headers: Record<string, string> } {
  const b = '----matrix';
  const body = `--${b}\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${b}--\r\n`;
  return { payload: Buffer.from(body), headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

/** One sample request per route; routes about a customer take the target. */
const samples: Record<string, (target: Target) => Promise<InjectOptions> | InjectOptions> = {
  'GET /api/health': () => ({ method: 'GET', url: '/api/health' }),
  'GET /api/docs': () => ({ method: 'GET', url: '/api/docs' }),
  'GET /api/overview': () => ({ method: 'GET', url: '/api/overview' }),
  ...Object.fromEntries(['funnel', 'team', 'satisfaction', 'churn', 'behaviour', 'segments', 'recommendations'].map((s) => [`GET /api/${s}`, () => ({ method: 'GET', url: `/api/${s}` })])),
  'GET /api/customers/export': () => ({ method: 'GET', url: '/api/customers/export?format=csv' }),
  'GET /api/customers/facets': () => ({ method: 'GET', url: '/api/customers/facets' }),
  'GET /api/customers': () => ({ method: 'GET', url: '/api/customers?pageSize=200' }),
  'GET /api/customers/:id': (t) => ({ method: 'GET', url: `/api/customers/${customerOf.get(t)}` }),
  'POST /api/customers/:id/contact': (t) => ({ method: 'POST', url: `/api/customers/${customerOf.get(t)}/contact`, payload: {} }),
  // Admins only, whoever the customer: it erases one no other cell uses.
  'POST /api/customers/:id/erase': async () => {
    const rows = await demo.store.engine.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id DESC LIMIT 10');
    const id = rows.map((r) => r.id).find((c) => ![...customerOf.values()].includes(c));
    return { method: 'POST', url: `/api/customers/${id}/erase`, payload: {} };
  },
  'GET /api/tasks': () => ({ method: 'GET', url: '/api/tasks?pageSize=200' }),
  'POST /api/tasks': (t) => ({ method: 'POST', url: '/api/tasks', payload: { title: 'matrix', customerIds: [customerOf.get(t)] } }),
  'PATCH /api/tasks/:id': async (t) => {
    const [row] = await demo.store.engine.query<{ v: number }>('SELECT version AS v FROM tasks WHERE task_id = $1', [taskOf.get(t)!]);
    return { method: 'PATCH', url: `/api/tasks/${taskOf.get(t)}`, payload: { version: row!.v, status: 'doing' } };
  },
  'GET /api/forecast': () => ({ method: 'GET', url: '/api/forecast?horizon=3' }),
  'GET /api/report': () => ({ method: 'GET', url: '/api/report?format=xlsx' }),
  'GET /api/settings': () => ({ method: 'GET', url: '/api/settings' }),
  'POST /api/settings/preview': () => ({ method: 'POST', url: '/api/settings/preview', payload: { patch: {} } }),
  'PUT /api/settings': () => ({ method: 'PUT', url: '/api/settings', payload: { patch: {}, note: 'matrix' } }),
  'POST /api/imports': () => ({ method: 'POST', url: '/api/imports', ...multipart() }),
  'POST /api/uploads': () => ({ method: 'POST', url: '/api/uploads', ...multipart() }),
  'POST /api/uploads/:id/preview': () => ({ method: 'POST', url: `/api/uploads/${randomUUID()}/preview`, payload: {} }),
  'POST /api/uploads/:id/import': () => ({ method: 'POST', url: `/api/uploads/${randomUUID()}/import`, payload: {} }),
  'GET /api/uploads/:id/progress': () => ({ method: 'GET', url: `/api/uploads/${randomUUID()}/progress` }),
  'DELETE /api/uploads/:id': () => ({ method: 'DELETE', url: `/api/uploads/${randomUUID()}` }),
  'GET /api/imports': () => ({ method: 'GET', url: '/api/imports' }),
  'GET /api/imports/entities': () => ({ method: 'GET', url: '/api/imports/entities' }),
  'POST /api/backup': () => ({ method: 'POST', url: '/api/backup', payload: { out: path.join(os.tmpdir(), `matrix-backup-${randomUUID()}`) } }),
  'GET /api/users': () => ({ method: 'GET', url: '/api/users' }),
  'GET /api/users/scopes': () => ({ method: 'GET', url: '/api/users/scopes' }),
  'POST /api/users': () => ({ method: 'POST', url: '/api/users', payload: { username: `matrix-${randomUUID().slice(0, 8)}`, role: 'analyst' } }),
  // A user of its own for each cell: a reset or a disable acts on nobody else's sign-in.
  'POST /api/users/:username/password': async () => ({ method: 'POST', url: `/api/users/${(await createUser(demo.store.engine, 'analyst')).username}/password`, payload: {} }),
  'POST /api/users/:username/enable': async () => ({ method: 'POST', url: `/api/users/${(await createUser(demo.store.engine, 'analyst')).username}/enable`, payload: {} }),
  'POST /api/users/:username/disable': async () => ({ method: 'POST', url: `/api/users/${(await createUser(demo.store.engine, 'analyst')).username}/disable`, payload: {} }),
  'GET /api/playbook': () => ({ method: 'GET', url: '/api/playbook' }),
  'GET /api/quarantine': () => ({ method: 'GET', url: '/api/quarantine' }),
  'GET /api/quarantine/export': () => ({ method: 'GET', url: '/api/quarantine/export' }),
  // A sign-in of someone else, without the role's cookie (a sign-in ends the session the browser held).
  'POST /api/session': () => ({ method: 'POST', url: '/api/session', headers: { cookie: '' }, payload: loginOf }),
  'GET /api/session': () => ({ method: 'GET', url: '/api/session' }),
  'DELETE /api/session': () => ({ method: 'GET', url: '/api/health' }), // signing out would end the role's session mid-matrix; tested apart
  'PUT /api/session/password': () => ({ method: 'GET', url: '/api/health' }), // tested apart, it ends sessions too
};

const perCustomer = new Set(['GET /api/customers/:id', 'POST /api/customers/:id/contact', 'POST /api/tasks', 'PATCH /api/tasks/:id']);

/** What the policy says: the route's roles, then the customers a rep (own) or manager (own team) sees. */
function expected(key: string, access: Access, role: Role, target: Target): 'allow' | 'deny' {
  // Only a local command with the server's control token: no session of any role.
  if (access === 'control') return 'deny';
  if (access !== 'public' && !access.includes(role)) return 'deny';
  if (!perCustomer.has(key)) return 'allow';
  if (role === 'rep') return target === 'own' ? 'allow' : 'deny';
  if (role === 'manager') return target === 'other' ? 'deny' : 'allow';
  return 'allow';
}

function outcome(status: number, body: string): 'allow' | 'deny' {
  if (status === 401 || status === 403) return 'deny';
  if (status === 404 && body.includes('unknown_customer')) return 'deny';
  if (status === 404 && body.includes('unknown_task')) return 'deny';
  return 'allow';
}

describe('authorization matrix', () => {
  it('knows every route of the app', () => {
    const keys = apiRoutes.map((r) => `${r.method} ${r.url}`).concat('GET /api/docs');
    expect(keys.filter((k) => !(k in samples))).toEqual([]);
  });

  it('admits each role only where the policy says, for own, teammate and other-team customers', async () => {
    const surprises: string[] = [];
    const routes = [...apiRoutes.map((r) => ({ key: `${r.method} ${r.url}`, access: r.access })), { key: 'GET /api/docs', access: 'public' as const }];
    for (const { key, access } of routes) {
      for (const role of roles) {
        for (const target of perCustomer.has(key) ? (['own', 'teammate', 'other'] as const) : (['own'] as const)) {
          const req = await samples[key]!(target);
          const r = await app.inject({ ...req, headers: { ...who.get(role)!.headers, ...(req.headers ?? {}) } });
          const got = outcome(r.statusCode, r.body);
          const want = expected(key, access, role, target);
          if (got !== want) surprises.push(`${key} as ${role} on ${target}: ${r.statusCode} ${r.body.slice(0, 120)} (expected ${want})`);
        }
      }
    }
    expect(surprises).toEqual([]);
  }, 300_000);

  it('answers without a session with 401, and a change without the CSRF token with 403', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/customers' })).statusCode).toBe(401);
    const admin = who.get('admin')!;
    const r = await app.inject({ method: 'POST', url: '/api/tasks', headers: { cookie: admin.headers.cookie! }, payload: { title: 'x' } });
    expect(r.statusCode).toBe(403);
    expect(r.json()).toMatchObject({ code: 'csrf' });
  });

  it('lists, exports and analyses only a rep\'s own customers and a manager\'s team\'s', async () => {
    const db = demo.store.engine;
    const count = async (where: string) => Number((await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM customer_scores s JOIN customers c USING (customer_id) WHERE s.snapshot_id = (SELECT max(snapshot_id) FROM analysis_snapshots WHERE scope IS NULL) AND ${where}`))[0]!.n);
    const rep = who.get('rep')!;
    const list = (await app.inject({ method: 'GET', url: '/api/customers?pageSize=200', headers: rep.headers })).json() as { total: number; items: { repId: string }[] };
    expect(list.total).toBe(await count(`c.rep_id = '${repId}'`));
    expect(list.items.every((c) => c.repId === repId)).toBe(true);
    const manager = who.get('manager')!;
    const teamTotal = ((await app.inject({ method: 'GET', url: '/api/customers?pageSize=1', headers: manager.headers })).json() as { total: number }).total;
    expect(teamTotal).toBe(await count(`c.rep_id IN (SELECT rep_id FROM reps WHERE team = '${team}')`));
    const exported = (await app.inject({ method: 'GET', url: '/api/customers/export?format=csv', headers: rep.headers })).body.split('\r\n').filter((l) => l !== '');
    expect(exported.length).toBe(list.total + 1);
    const overview = (await app.inject({ method: 'GET', url: '/api/overview', headers: rep.headers })).json() as { scope: string; kpis: { current: { customers: number } } };
    expect(overview.scope).toBe(`rep=${repId}`);
    const [bought] = await db.query<{ n: bigint }>(
      `SELECT count(DISTINCT customer_id) AS n FROM order_lines o JOIN customers c USING (customer_id) WHERE c.rep_id = $1 AND o.order_date BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE) AND NOT o.is_return`,
      [repId, ...(await db.query<{ f: string; t: string }>(`SELECT CAST(period_from AS VARCHAR) AS f, CAST(period_to AS VARCHAR) AS t FROM analysis_snapshots WHERE scope = 'rep=${repId}'`)).flatMap((p) => [p.f, p.t])],
    );
    expect(overview.kpis.current.customers).toBe(Number(bought!.n));
    const tasks = (await app.inject({ method: 'GET', url: '/api/tasks?pageSize=200', headers: rep.headers })).json() as { items: { customerId: string | null }[] };
    expect(tasks.items.map((t) => t.customerId).filter((id) => id !== null && id !== customerOf.get('own'))).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/api/funnel?snapshot=1', headers: rep.headers })).statusCode).toBe(403);
  }, 120_000);

  it('writes every reveal of contact details to the access log', async () => {
    const admin = who.get('admin')!;
    const id = customerOf.get('other')!;
    const r = await app.inject({ method: 'POST', url: `/api/customers/${id}/contact`, headers: admin.headers, payload: {} });
    expect(r.statusCode).toBe(200);
    const [raw] = await demo.store.engine.query<{ phone: string }>('SELECT contact_phone AS phone FROM customers WHERE customer_id = $1', [id]);
    expect(raw!.phone).toMatch(/^enc1:/);
    expect((r.json() as { contact: { phone: string } }).contact.phone).toBe(demo.store.cipher.open(raw!.phone));
    expect(demo.store.cipher.open(raw!.phone)).toMatch(/^1\d{10}$/);
    const log = await demo.store.engine.query<{ username: string; fields: string }>(`SELECT username, fields FROM access_log WHERE action = 'reveal' AND customer_id = $1`, [id]);
    expect(log.map((l) => l.username)).toContain(admin.username);
    expect(log[0]!.fields).toBe('contact_name,contact_phone,contact_email');
  });
});
