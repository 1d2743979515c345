/** The HTTP API in-process (app.inject) on a small demo company: every route, good and bad input, both languages. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { readXlsxRows } from '../../src/xlsx/xlsx-reader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { apiRoutes, createApp } from '../../src/server/create-app.js';
import { actingAs, signIn } from '../support/signed-in.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';

let demo: DemoStore;
let app: FastifyInstance;
const now = () => new Date('2026-01-05T08:00:00Z');
const get = async (url: string, lang = 'en') => {
  const r = await app.inject({ method: 'GET', url, headers: { 'accept-language': lang } });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> & { code?: string; message?: string } };
};

beforeAll(async () => {
  demo = await demoStore({ seed: 3, customers: 150 });
  await demo.store.engine.run(`UPDATE customers SET contact_phone = '13912345678', contact_email = 'zhangwei@qq.com', contact_name = '张伟'`);
  const raw = createApp({ store: demo.store, now, defaultLang: 'zh-CN' });
  app = actingAs(raw, await signIn(raw, demo.store.engine, 'admin'));
}, 120_000);
afterAll(async () => {
  await app.close();
  await demo.store.dispose();
});

describe('HTTP API', () => {
  it('answers health, and says what to do before any analysis, in the caller\'s language', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true } });
    const zh = await get('/api/overview', 'zh-CN,zh;q=0.9');
    expect(zh).toEqual({ status: 404, body: { code: 'no_snapshot', message: '还没有分析结果：请先导入数据（或加载演示数据）并运行分析' } });
    expect((await get('/api/customers?lang=en', 'zh-CN')).body.message).toBe('no analysis yet: import data (or load the demo) and run an analysis');
  });

  it('serves the overview of the latest analysis', async () => {
    const doc = await runAnalysis(demo.store.engine, {}, now);
    const r = await get('/api/overview');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ snapshotId: doc.snapshotId, period: doc.period, kpis: { current: { revenue: doc.kpis.current.revenue } } });
    expect((r.body.tiers as unknown[]).length).toBe(doc.tiers.value.length);
  });

  it('serves each analysis section of the latest snapshot, or of one asked for', async () => {
    const [row] = await demo.store.engine.query<{ summary: string }>('SELECT CAST(summary AS VARCHAR) AS summary FROM analysis_snapshots');
    const doc = JSON.parse(row!.summary) as Record<string, Record<string, unknown>>;
    expect((await get('/api/funnel')).body.bottleneck).toEqual(doc.funnel!.bottleneck);
    expect((await get('/api/team')).body.reps).toEqual(doc.team!.reps);
    expect((await get('/api/satisfaction')).body.ipa).toEqual(doc.satisfaction!.ipa);
    expect((await get('/api/churn')).body.bands).toEqual(doc.churn!.bands);
    expect((await get('/api/behaviour')).body.promotion).toEqual(doc.behaviour!.promotion);
    expect((await get('/api/segments')).body.pareto).toEqual(doc.pareto);
    expect((await get('/api/recommendations')).body.holdout).toEqual(doc.recommendations!.holdout);
    expect((await get(`/api/funnel?snapshot=${doc.snapshotId as unknown as number}`)).status).toBe(200);
    expect((await get('/api/funnel?snapshot=999')).body.code).toBe('no_snapshot');
    expect((await get('/api/funnel?snapshot=latest')).status).toBe(400);
  });

  it('pages, sorts and filters the customer list (tiers in either language)', async () => {
    const all = await get('/api/customers?pageSize=10&page=2');
    expect(all.status).toBe(200);
    const scored = await demo.store.one<{ n: number }>('SELECT count(*) AS n FROM customer_scores');
    expect(all.body).toMatchObject({ page: 2, pageSize: 10, total: scored.n });
    expect((all.body.items as unknown[]).length).toBe(10);
    const strategic = await get('/api/customers?tier=' + encodeURIComponent('战略客户') + '&pageSize=200');
    const items = strategic.body.items as { valueTier: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.valueTier === 'strategic')).toBe(true);
    const risky = (await get('/api/customers?sort=risk&pageSize=5')).body.items as { riskScore: number }[];
    expect(risky.map((c) => c.riskScore)).toEqual([...risky.map((c) => c.riskScore)].sort((a, b) => b - a));
  });

  it.each([
    ['/api/customers?pageSize=0', 'pageSize'],
    ['/api/customers?page=abc', 'page'],
    ['/api/customers?sort=name', 'sort'],
    ['/api/customers?colour=red', 'colour'],
  ])('refuses %s with a 400 that names %s', async (url, field) => {
    const r = await get(url);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('bad_request');
    expect(r.body.message!.startsWith(`${field}: `)).toBe(true);
    expect((r.body.details as { field: string }[])[0]!.field).toBe(field);
  });

  it('names the parameter meant when an unknown one is a slip away', async () => {
    const r = await get('/api/customers?pagesize=5', 'zh-CN');
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('pagesize：出现未知的键(key): "pagesize"；是否想写 pageSize？');
  });

  it('refuses an unknown tier and lists the ones it knows', async () => {
    const r = await get('/api/customers?tier=gold', 'zh-CN');
    expect(r.status).toBe(400);
    expect(r.body.message).toContain('“gold”不是分层或细分名称；可用：strategic');
  });

  it('shows one customer whole, with the contact masked', async () => {
    const [first] = (await get('/api/customers?pageSize=1')).body.items as { customerId: string }[];
    const r = await get(`/api/customers/${first!.customerId}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ customerId: first!.customerId, contact: { name: '张*', phone: '139****5678', email: 'z***@qq.com' } });
    expect(JSON.stringify(r.body)).not.toContain('13912345678');
    expect((r.body.scores as unknown[]).length).toBe(1);
    expect((r.body.orders as unknown[]).length).toBeGreaterThan(0);
    expect(await get('/api/customers/NOPE', 'en')).toEqual({ status: 404, body: { code: 'unknown_customer', message: 'no customer NOPE' } });
  });

  it('exports the filtered list as CSV with a BOM and as XLSX, formulas kept inert', async () => {
    const [first] = (await get('/api/customers?pageSize=1')).body.items as { customerId: string }[];
    await demo.store.engine.run(`UPDATE customers SET name = '=1+2' WHERE customer_id = $1`, [first!.customerId]);
    const csv = await app.inject({ method: 'GET', url: '/api/customers/export?format=csv&lang=zh-CN' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(String(csv.headers['content-disposition'])).toContain("filename*=UTF-8''customers-");
    const lines = csv.body.split('\r\n').filter((l) => l !== '');
    expect(lines[0]!.startsWith('\uFEFF客户编号,客户名称,行业')).toBe(true);
    const scored = await demo.store.one<{ n: number }>('SELECT count(*) AS n FROM customer_scores');
    expect(lines.length).toBe(scored.n + 1);
    expect(lines[1]).toContain(`${first!.customerId},'=1+2,`);
    const xlsx = await app.inject({ method: 'GET', url: '/api/customers/export?format=xlsx&lang=en' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const file = path.join(demo.store.dir, 'export.xlsx');
    writeFileSync(file, xlsx.rawPayload);
    const rows = [];
    for await (const r of readXlsxRows(file)) rows.push(r.cells);
    expect(rows[0]![0]).toBe('Customer');
    expect(rows[1]![1]).toBe('=1+2');
    expect((await get('/api/customers/export?format=pdf')).status).toBe(400);
  });

  it('forecasts and writes the report over HTTP', async () => {
    const f = await get('/api/forecast?horizon=3');
    expect(f.status).toBe(200);
    expect(f.body.horizon).toBe(3);
    expect((await get('/api/forecast?horizon=0')).status).toBe(400);
    const html = await app.inject({ method: 'GET', url: '/api/report?lang=en' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(html.body).toContain('<h2>1. Background and goals</h2>');
    const xlsx = await app.inject({ method: 'GET', url: '/api/report?format=xlsx' });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await app.inject({ method: 'GET', url: '/api/report?format=pdf&lang=zh-CN' });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await get('/api/report?scope=colour%3Dred', 'en')).toEqual({
      status: 400,
      body: { code: 'bad_scope', message: 'scope: cannot read "colour=red"; write key=value pairs separated by commas with keys region, industry, size, rep or team, e.g. region=华东,industry=制造业' },
    });
    expect((await get('/api/report?scope=colour%3Dred', 'zh-CN')).body.message).toBe('scope：无法识别“colour=red”；请写成以逗号分隔的 键=值，键可用 region/区域、industry/行业、size/规模、rep/负责人、team/团队，例如 区域=华东,行业=制造业');
  }, 60_000);

  it('previews and saves a tier threshold change', async () => {
    const put = async (url: string, payload: unknown, method: 'POST' | 'PUT' = 'POST') => {
      const r = await app.inject({ method, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
      return { status: r.statusCode, body: r.json() as Record<string, unknown> };
    };
    const current = (await get('/api/settings')).body as { version: number; config: { valueTiers: { strategic: number } } };
    // The same settings move nobody; a lower bar for strategic moves customers up into it.
    const same = await put('/api/settings/preview', { patch: {} });
    expect(same.body).toMatchObject({ movedValueTier: 0, movedRfmTier: 0 });
    const lower = await put('/api/settings/preview', { patch: { valueTiers: { strategic: current.config.valueTiers.strategic - 20 } } });
    expect(lower.status).toBe(200);
    const moves = lower.body.moves as { scheme: string; from: string; to: string; customers: number }[];
    expect(lower.body.movedValueTier).toBeGreaterThan(0);
    expect(moves.filter((m) => m.scheme === 'value' && m.from !== m.to).every((m) => m.to === 'strategic')).toBe(true);
    const bad = await put('/api/settings/preview', { patch: { valueTiers: { strategic: 150 } } });
    expect(bad.status).toBe(400);
    expect((bad.body.details as { field: string }[])[0]!.field).toBe('patch.valueTiers.strategic');
    const saved = await put('/api/settings', { patch: { valueTiers: { strategic: 70 } }, note: 'Q1 review' }, 'PUT');
    expect(saved.body).toMatchObject({ version: current.version + 1, config: { valueTiers: { strategic: 70 } } });
    // Two people edited the version before that one: the first saves, the second is told and nothing of theirs is saved.
    const v = current.version + 1;
    const first = await put('/api/settings', { patch: { valueTiers: { strategic: 72 } }, baseVersion: v }, 'PUT');
    expect(first.body).toMatchObject({ version: v + 1 });
    const second = await put('/api/settings?lang=en', { patch: { valueTiers: { strategic: 65 } }, baseVersion: v }, 'PUT');
    expect(second.status).toBe(409);
    expect(second.body).toEqual({ code: 'settings_conflict', message: `the settings were saved by someone else since you opened them (you edited version ${v}, now version ${v + 1}); reload, check their change and make yours again` });
    const after = (await get('/api/settings')).body as { version: number; history: { version: number; note: string | null; createdAt: string }[] };
    expect(after).toMatchObject({ version: v + 1, config: { valueTiers: { strategic: 72 } } });
    // Every version with when and why, newest first.
    expect(after.history.map((h) => h.version)).toEqual(Array.from({ length: v + 1 }, (_, i) => v + 1 - i));
    expect(after.history.find((h) => h.version === v)).toMatchObject({ note: 'Q1 review', createdAt: '2026-01-05T08:00:00Z' });
  });

  it('documents every route in OpenAPI, and answers unknown paths with {code, message}', async () => {
    const r = await get('/api/docs');
    expect(r.body.openapi).toBe('3.1.0');
    const paths = r.body.paths as Record<string, Record<string, { parameters: { name: string }[] }>>;
    for (const spec of apiRoutes) expect(paths[spec.url.replace(/:(\w+)/g, '{$1}')]?.[spec.method.toLowerCase()]).toBeDefined();
    expect(paths['/api/customers']!.get!.parameters.map((p) => p.name)).toContain('pageSize');
    expect(await get('/api/nothing-here', 'en')).toEqual({ status: 404, body: { code: 'not_found', message: 'no such address: /api/nothing-here' } });
  });
});

describe('filters', () => {
  it('searches and filters the customer list by industry, region, rep, risk and ABC class, counted by hand', async () => {
    const latest = (await demo.store.engine.query<{ id: number }>('SELECT max(snapshot_id) AS id FROM analysis_snapshots WHERE scope IS NULL'))[0]!.id;
    const [c] = await demo.store.engine.query<{ customer_id: string; name: string; industry: string; region: string; rep_id: string }>(
      `SELECT customer_id, name, industry, region, rep_id FROM customers JOIN customer_scores USING (customer_id) WHERE snapshot_id = ${latest} AND name <> '=1+2' ORDER BY customer_id LIMIT 1`,
    );
    const count = async (where: string) =>
      Number((await demo.store.engine.query<{ n: bigint }>(`SELECT count(*) AS n FROM customer_scores s JOIN customers c USING (customer_id) LEFT JOIN customer_risk r USING (snapshot_id, customer_id) WHERE s.snapshot_id = ${latest} AND ${where}`))[0]!.n);
    const total = async (qs: string) => (await get(`/api/customers?pageSize=200&${qs}`)).body.total;
    const part = c!.name.slice(2, 5);
    expect(await total(`q=${encodeURIComponent(part)}`)).toBe(await count(`c.name ILIKE '%${part}%' OR s.customer_id ILIKE '%${part}%'`));
    expect(await total(`q=${encodeURIComponent(c!.customer_id.toLowerCase())}`)).toBeGreaterThanOrEqual(1);
    expect(await total('q=' + encodeURIComponent('%'))).toBe(0);
    expect(await total(`industry=${encodeURIComponent(c!.industry)}`)).toBe(await count(`c.industry = '${c!.industry}'`));
    expect(await total(`region=${encodeURIComponent(c!.region)}&rep=${c!.rep_id}`)).toBe(await count(`c.region = '${c!.region}' AND c.rep_id = '${c!.rep_id}'`));
    expect(await total('minRisk=60')).toBe(await count('r.risk_score >= 60'));
    expect(await total('abc=A')).toBe(await count(`s.abc_class = 'A'`));
    // A cell of the RFM grid, and one customer by id (the id, not everyone whose id contains it).
    for (const [r, f] of [[5, 1], [1, 1], [3, 4]] as const) expect(await total(`r=${r}&f=${f}`)).toBe(await count(`s.r_score = ${r} AND s.f_score = ${f}`));
    expect(await total(`id=${encodeURIComponent(c!.customer_id)}`)).toBe(1);
    expect((await get('/api/customers?r=6')).status).toBe(400);
    // Customers showing a churn signal: counted here in the stored signals of the same snapshot, read as JSON.
    const stored = await demo.store.engine.query<{ signals: string | null }>(`SELECT CAST(signals AS VARCHAR) AS signals FROM customer_risk WHERE snapshot_id = ${latest}`);
    const showing = (code: string) => stored.filter((r) => r.signals !== null && (JSON.parse(r.signals) as { code: string }[]).some((s) => s.code === code)).length;
    for (const code of ['recency', 'value', 'competitor']) expect(await total(`signal=${code}`)).toBe(showing(code));
    expect(await total('signal=recency')).toBeGreaterThan(0);
    expect((await get('/api/customers?signal=astrology')).status).toBe(400);
    expect((await get('/api/customers?minRisk=101')).status).toBe(400);
    const facets = (await get('/api/customers/facets')).body as { industries: string[]; regions: string[]; reps: { id: string }[] };
    expect(facets.industries).toContain(c!.industry);
    expect(facets.reps.map((r) => r.id)).toContain(c!.rep_id);
    const csv = await app.inject({ method: 'GET', url: `/api/customers/export?format=csv&region=${encodeURIComponent(c!.region)}` });
    expect(csv.body.split('\r\n').filter((l) => l !== '').length).toBe((await count(`c.region = '${c!.region}'`)) + 1);
  });

  it('analyses a region once when the dashboard is filtered, and reads it back after', async () => {
    const [c] = await demo.store.engine.query<{ region: string }>('SELECT region, count(*) AS n FROM customers GROUP BY region ORDER BY n DESC, region LIMIT 1');
    const url = `/api/overview?region=${encodeURIComponent(c!.region)}`;
    const [a, b] = await Promise.all([get(url), get(url)]);
    expect(a.status).toBe(200);
    expect(a.body.scope).toBe(`region=${c!.region}`);
    expect(b.body.snapshotId).toBe(a.body.snapshotId);
    const inRegion = await demo.store.engine.query<{ revenue: number }>(
      `SELECT sum(o.amount) AS revenue FROM order_lines o JOIN customers c USING (customer_id)
       WHERE c.region = '${c!.region}' AND o.order_date BETWEEN CAST('${(a.body.period as { from: string }).from}' AS DATE) AND CAST('${(a.body.period as { to: string }).to}' AS DATE)`,
    );
    const revenue = (a.body.kpis as { current: { revenue: number } }).current.revenue;
    expect(revenue).toBeCloseTo(Number(inRegion[0]!.revenue), 0);
    expect((await get(url)).body.snapshotId).toBe(a.body.snapshotId);
    expect((await get(`/api/funnel?region=${encodeURIComponent(c!.region)}`)).body.snapshotId).toBe(a.body.snapshotId);
    expect((await get('/api/overview?tier=gold')).status).toBe(400);
    const strategic = (await get('/api/overview?tier=strategic')).body.atRisk as { tier: string }[];
    expect(strategic.every((x) => x.tier === 'strategic')).toBe(true);
    expect((await get('/api/overview?asOf=2025-13-01')).status).toBe(400);
  }, 60_000);

  it('keeps the analysis of record as every page\'s start after someone looked at one day', async () => {
    const before = (await get('/api/overview')).body as { snapshotId: number; period: { from: string; to: string } };
    const day = before.period.to;
    const oneDay = (await get(`/api/overview?from=${day}&to=${day}`)).body as { snapshotId: number; period: { from: string; to: string } };
    expect(oneDay.period).toMatchObject({ from: day, to: day });
    expect(oneDay.snapshotId).not.toBe(before.snapshotId);
    // 环比 of one day is the day before; 同比 the same day a year earlier. 12 months' 环比 is the 12 months before, its 同比 too.
    const shift = (iso: string, days: number, years = 0) => {
      const d = new Date(`${iso}T00:00:00Z`);
      d.setUTCFullYear(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const compared = (b: Record<string, unknown>) => (b as { kpis: { comparedWith: unknown } }).kpis.comparedWith;
    const dayBefore = shift(day, -1);
    expect(compared(oneDay)).toEqual({ previous: { from: dayBefore, to: dayBefore }, yearEarlier: { from: shift(day, 0, -1), to: shift(day, 0, -1) } });
    const year = { from: shift(before.period.from, 0, -1), to: shift(before.period.from, -1) };
    expect(compared(before)).toEqual({ previous: year, yearEarlier: year });
    const after = (await get('/api/overview')).body as { snapshotId: number; period: { from: string } };
    expect(after.snapshotId).toBe(before.snapshotId);
    expect(after.period.from).toBe(before.period.from);
    expect(((await get('/api/customers?pageSize=1')).body as { snapshotId: number }).snapshotId).toBe(before.snapshotId);
    // The same period asked again is read back, not analysed again.
    expect(((await get(`/api/funnel?from=${day}&to=${day}`)).body as { snapshotId: number }).snapshotId).toBe(oneDay.snapshotId);
  }, 60_000);
});

describe('customer 360 extras', () => {
  it('gives the playbook strategy the customer falls under and their latest feedback', async () => {
    const [risky] = (await get('/api/customers?sort=risk&pageSize=1')).body.items as { customerId: string; riskScore: number; valueTier: string }[];
    const r = (await get(`/api/customers/${risky!.customerId}`, 'zh-CN')).body as { strategy: { group: string; actions: string[] }; feedback: { nps: unknown[]; surveys: unknown[] } };
    expect(r.strategy.group).toBe(risky!.riskScore >= 50 ? 'churn_risk' : risky!.valueTier);
    expect(r.strategy.actions.length).toBeGreaterThan(0);
    const n = await demo.store.engine.query<{ nps: bigint; surveys: bigint }>(
      `SELECT (SELECT count(*) FROM nps_responses WHERE customer_id = $1) AS nps, (SELECT count(*) FROM survey_responses WHERE customer_id = $1) AS surveys`,
      [risky!.customerId],
    );
    expect(r.feedback.nps.length).toBe(Math.min(20, Number(n[0]!.nps)));
    expect(r.feedback.surveys.length).toBe(Math.min(20, Number(n[0]!.surveys)));
  });
});

// Last: it imports an order, which changes what the tests above read.
describe('forecast cache', () => {
  it('keeps a forecast until the data changes, then makes it again', async () => {
    type F = { series: { history: { month: string; revenue: number }[] }[] };
    const a = (await get('/api/forecast?horizon=2')).body as F;
    expect((await get('/api/forecast?horizon=2')).body).toEqual(a);
    const last = a.series[0]!.history.at(-1)!;
    const [c] = await demo.store.engine.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 1');
    const file = path.join(demo.store.dir, 'late-order.csv');
    writeFileSync(file, `订单编号,下单日期,客户编号,金额\nLATE-1,${last.month.slice(0, 7)}-15,${c!.id},1000000\n`);
    await demo.store.import(file);
    const b = (await get('/api/forecast?horizon=2')).body as F;
    expect(b.series[0]!.history.at(-1)!.revenue - last.revenue).toBeCloseTo(1_000_000, 0);
  }, 120_000);
});
