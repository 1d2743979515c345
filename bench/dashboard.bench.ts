/**
 * Dashboard API under load: 20 clients on loopback, each sending its next
 * request as soon as the last one answers, for a fixed time, over the
 * endpoints the dashboard pages call. Latency percentiles per endpoint, and
 * the same load on /api/health (one SELECT 1 through the same server, driver
 * and framework) as the baseline of the run.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface EndpointLoad {
  readonly name: string;
  readonly requests: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly errors: number;
}

export interface DashboardBenchResult {
  readonly size: string;
  readonly customers: number;
  readonly lines: number;
  readonly analyzeMs: number;
  readonly clients: number;
  readonly seconds: number;
  readonly baseline: EndpointLoad;
  readonly mixed: EndpointLoad;
  readonly endpoints: readonly EndpointLoad[];
  /** Every request a list page not asked for before: no kept answer to reuse. */
  readonly coldList: EndpointLoad;
}

const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

/** Runs `clients` loops for `seconds`, each taking the next path from `paths` in turn. */
export async function load(base: string, paths: readonly string[], clients: number, seconds: number, headers: Record<string, string> = {}): Promise<Map<string, { ms: number[]; errors: number }>> {
  const out = new Map<string, { ms: number[]; errors: number }>();
  const end = performance.now() + seconds * 1000;
  let next = 0;
  const client = async () => {
    while (performance.now() < end) {
      const p = paths[next++ % paths.length]!;
      const key = p.split('?')[0]!.replace(/\/C\d+$/, '/:id');
      const rec = out.get(key) ?? { ms: [], errors: 0 };
      out.set(key, rec);
      const t = performance.now();
      const res = await fetch(base + p, { headers }).catch(() => null);
      if (res) await res.arrayBuffer();
      rec.ms.push(performance.now() - t);
      if (!res || !res.ok) rec.errors++;
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return out;
}

export function summary(name: string, recs: readonly { ms: number[]; errors: number }[]): EndpointLoad {
  const ms = recs.flatMap((r) => r.ms).sort((a, b) => a - b);
  return { name, requests: ms.length, p50: round(percentile(ms, 50)), p95: round(percentile(ms, 95)), p99: round(percentile(ms, 99)), errors: recs.reduce((s, r) => s + r.errors, 0) };
}

export async function benchDashboard(sizeName: string, clients = 20, seconds = 20): Promise<DashboardBenchResult> {
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/dashboard-server.ts'), sizeName], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<{ url: string; dir: string; cookie: string; customers: number; lines: number; analyzeMs: number }>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{')) resolve(JSON.parse(line) as { url: string; dir: string; cookie: string; customers: number; lines: number; analyzeMs: number });
    });
    child.on('exit', (code) => reject(new Error(`dashboard server exited with ${code}`)));
  });
  try {
    // One "page view" asks each dashboard endpoint once; the customer 360 takes a different customer each time.
    const views = [
      '/api/overview', '/api/customers?page=1', '/api/customers?sort=risk', '/api/customers?tier=strategic&page=3', '/api/customers?region=%E5%8D%8E%E4%B8%9C&sort=revenue',
      '/api/funnel', '/api/team', '/api/churn', '/api/segments', '/api/satisfaction', '/api/customers/facets',
    ];
    const paths = Array.from({ length: 40 }, (_, i) => [...views, `/api/customers/C${String(Math.floor((i * ready.customers) / 40) + 7).padStart(8, '0')}`]).flat();
    const auth = { cookie: ready.cookie };
    await load(ready.url, paths, clients, 3, auth); // warm-up: caches, JIT
    const baseline = summary('/api/health (baseline)', [...(await load(ready.url, ['/api/health'], clients, seconds, auth)).values()]);
    const byEndpoint = await load(ready.url, paths, clients, seconds, auth);
    const endpoints = [...byEndpoint.entries()].map(([name, rec]) => summary(name, [rec]));
    const pages = Array.from({ length: Math.floor(ready.customers / 20) }, (_, i) => `/api/customers?sort=revenue&page=${i + 1}`);
    const coldList = summary('/api/customers, a new page each time', [...(await load(ready.url, pages, clients, seconds, auth)).values()]);
    return { size: sizeName, customers: ready.customers, lines: ready.lines, analyzeMs: ready.analyzeMs, clients, seconds, baseline, mixed: summary('all dashboard requests', [...byEndpoint.values()]), endpoints, coldList };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(ready.dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchDashboard(process.argv[2] ?? 'M', 20, Number(process.argv[3] ?? 20))));
}
