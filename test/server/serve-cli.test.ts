/** `salescope serve` as a real process: it prints where it listens, answers, and stops cleanly on SIGTERM. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { startServing as serving } from '../support/serve-process.js';

const startServing = (args: readonly string[]) => serving(args, dir);

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-serve-'));
  writeFileSync(path.join(dir, 'orders.csv'), '订单编号,下单日期,客户编号,金额\nSO1,2024-03-05,C1,1000\nSO2,2024-12-20,C1,3000\nSO3,2024-06-01,C2,500\n');
  expect((await runCli(['import', '--db', 's.duckdb', 'orders.csv'], dir)).code).toBe(0);
  expect((await runCli(['analyze', '--db', 's.duckdb'], dir)).code).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Signs in as the first admin with the printed one-time password, replaces it, and returns a fetch that carries the session. */
async function firstAdmin(url: string, output: string) {
  const otp = /one-time password: (\S+)/.exec(output)?.[1];
  expect(otp).toBeDefined();
  const post = (path: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const login = await post('/api/session', 'POST', { username: 'admin', password: otp });
  expect(login.status).toBe(200);
  const first = (await login.json()) as { csrfToken: string; mustChangePassword: boolean };
  expect(first.mustChangePassword).toBe(true);
  const cookie1 = login.headers.get('set-cookie')!.split(';')[0]!;
  expect((await fetch(`${url}/api/customers`, { headers: { cookie: cookie1 } })).status).toBe(403);
  const changed = await post('/api/session/password', 'PUT', { current: otp, next: 'A-new-Passw0rd' }, { cookie: cookie1, 'x-csrf-token': first.csrfToken });
  expect(changed.status).toBe(200);
  const cookie = changed.headers.get('set-cookie')!.split(';')[0]!;
  expect(cookie).not.toBe(cookie1);
  return (path: string) => fetch(`${url}${path}`, { headers: { cookie } });
}

describe('salescope serve', () => {
  it('serves the API on a free port and stops on SIGTERM', async () => {
    const { stop, url, output } = await startServing(['serve', '--db', 's.duckdb', '--port', '0', '--lang', 'en']);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/api/customers`)).status).toBe(401);
    const get = await firstAdmin(url, output());
    const customers = (await (await get('/api/customers')).json()) as { total: number };
    expect(customers.total).toBe(2);
    expect(await stop()).toBe(0);
  }, 60_000);

  it('npm start\'s demo --serve: generates, imports, analyses, then serves the app on the demo company', async () => {
    const { stop, url, output } = await startServing(['demo', '--db', 'demo.duckdb', '--customers', '80', '--serve', '--port', '0', '--lang', 'en']);
    expect(output()).toContain('Strategic');
    const page = await fetch(url);
    expect(await page.text()).toContain('<div id="root">');
    const get = await firstAdmin(url, output());
    const overview = (await (await get('/api/overview')).json()) as { kpis: { current: { customers: number } } };
    expect(overview.kpis.current.customers).toBeGreaterThan(0);
    expect(await stop()).toBe(0);
  }, 120_000);

  it('refuses a port past 65535, and one in use, with a message and no user made', async () => {
    const past = await runCli(['serve', '--db', 'fresh.duckdb', '--port', '99999', '--lang', 'en'], dir);
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--port: "99999" is not a port; give a number from 0 to 65535');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      const busy = await runCli(['serve', '--db', 'fresh.duckdb', '--port', String(port), '--lang', 'zh-CN'], dir);
      expect(busy.code).toBe(2);
      expect(busy.stderr).toContain(`127.0.0.1 上的端口 ${port} 已被其他程序占用`);
      expect(busy.stdout).not.toContain('admin');
    } finally {
      taken.close();
    }
    const users = await runCli(['user', 'list', '--db', 'fresh.duckdb', '--json'], dir);
    expect(JSON.parse(users.stdout)).toMatchObject({ users: [] });
  });

  it('refuses a port that is not a number', async () => {
    const r = await runCli(['serve', '--db', 's.duckdb', '--port', 'http', '--lang', 'en'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port: "http" is not a whole number of at least 0');
  });
});
