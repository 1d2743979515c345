/**
 * The server side of the dashboard load benchmark, in its own process so the
 * load generator does not share its core: a scaled dataset generated into a
 * fresh store, analysed once, then served until killed. Prints one JSON line
 * {url, customers, lines, analyzeMs} when ready.
 *
 *   npx tsx bench/dashboard-server.ts M
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { addUser, setPassword } from '../src/access/user-store.js';
import os from 'node:os';
import path from 'node:path';
import { runAnalysis } from '../src/analytics/snapshot/run-analysis.js';
import { createApp } from '../src/server/create-app.js';
import { openStore } from '../src/store/open-store.js';
import { generateScaled, sizes } from './scaled-data.js';

const sizeName = (process.argv[2] ?? 'M') as keyof typeof sizes;
const size = sizes[sizeName];
// A third argument reuses a store made by an earlier run (for profiling; the bench always makes a fresh one).
const reuse = process.argv[3];
const dir = reuse ? path.dirname(reuse) : mkdtempSync(path.join(os.tmpdir(), 'salescope-bench-dashboard-'));
const store = await openStore({ db: reuse ?? path.join(dir, 'bench.duckdb') });
let analyzeMs = 0;
if (!reuse) {
  await generateScaled(store.engine, size);
  await store.engine.run('CHECKPOINT');
  const t = performance.now();
  await runAnalysis(store.engine, { asOf: '2025-12-31' }, () => new Date());
  analyzeMs = Math.round(performance.now() - t);
}
const app = createApp({ store, now: () => new Date(), defaultLang: 'zh-CN' });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
// The load signs in like anyone else: an analyst (sees every customer, contacts masked) with a password made now.
const password = randomBytes(18).toString('base64url');
const user = await addUser(store.engine, { username: `bench-${randomBytes(4).toString('hex')}`, role: 'analyst' }, password, new Date());
await setPassword(store.engine, user.userId, password, false, new Date());
const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: user.username, password } });
const cookie = String(login.headers['set-cookie']).split(';')[0];
console.log(JSON.stringify({ url, dir, cookie, customers: size.customers, lines: size.lines, analyzeMs }));
process.on('SIGTERM', () => {
  void app.close().then(() => store.engine.close()).then(() => process.exit(0));
});
