/**
 * What leaves the server, read back as a person without the reveal
 * permission would get it: every route's JSON, the CSV and XLSX exports, the
 * report as HTML, XLSX and PDF, the quarantine review and its download. No
 * real phone number or e-mail may appear in any of them. Beside it, hostile
 * customer names (markup, SQL, spreadsheet formulas) come out inert.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { apiRoutes, createApp } from '../../src/server/create-app.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';
import { signIn, type SignedIn } from '../support/signed-in.js';

const markup = `<img src=x onerror="window.__xss=1">'; DROP TABLE customers;--`;
const formula = '=HYPERLINK("http://evil.example","点我")';
// The two biggest customers are renamed by an import, so the names reach every top-customer table.
const evil = [
  { id: '', name: `${markup}华东精工`, phone: '13811112222', email: 'evil.one@example.com' },
  { id: '', name: formula, phone: '13911113333', email: 'evil.two@example.com' },
];
const quarantinedPhone = '13733334444';

let demo: DemoStore;
let app: FastifyInstance;
let rep: string;
const as = new Map<'analyst' | 'rep', SignedIn>();

beforeAll(async () => {
  demo = await demoStore({ customers: 80 });
  const dir = demo.store.dir;
  const top = await demo.store.engine.query<{ id: string; rep: string }>(
    'SELECT o.customer_id AS id, max(c.rep_id) AS rep FROM order_lines o JOIN customers c USING (customer_id) GROUP BY 1 ORDER BY sum(o.amount) DESC LIMIT 2',
  );
  evil.forEach((e, i) => (e.id = top[i]!.id));
  rep = top[0]!.rep;
  const customers = ['客户编号,客户名称,联系人,联系电话,邮箱,建档日期', ...evil.map((e) => `${e.id},"${e.name.replaceAll('"', '""')}",王五,${e.phone},${e.email},2024-01-05`)];
  customers.push(`ZX-3,坏日期公司,赵六,${quarantinedPhone},z6@example.com,2024/2/30`);
  writeFileSync(path.join(dir, 'evil-customers.csv'), customers.join('\n') + '\n');
  expect((await demo.store.import(path.join(dir, 'evil-customers.csv'))).quarantined).toBe(1);
  const now = () => new Date('2026-01-05T08:00:00Z');
  await runAnalysis(demo.store.engine, {}, now);
  app = createApp({ store: demo.store, now, defaultLang: 'zh-CN' });
  as.set('analyst', await signIn(app, demo.store.engine, 'analyst'));
  as.set('rep', await signIn(app, demo.store.engine, 'rep', { repId: rep }));
}, 180_000);
afterAll(async () => {
  await app.close();
  await demo.store.dispose();
});

/** Every phone and e-mail the store knows, opened: none may leave whole. */
async function secrets(): Promise<string[]> {
  const open = demo.store.cipher.open;
  const rows = await demo.store.engine.query<{ p: string | null; e: string | null }>('SELECT contact_phone AS p, contact_email AS e FROM customers UNION ALL SELECT phone, email FROM reps');
  const all = rows.flatMap((r) => [open(r.p), open(r.e)]).filter((v): v is string => v !== null && v.length > 5);
  return [...new Set([...all, quarantinedPhone])];
}

async function xlsxText(body: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

function pdfText(body: Buffer): string {
  const file = path.join(demo.store.dir, `scan-${Date.now()}.pdf`);
  writeFileSync(file, body);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** Every output a role can read: GET routes with their listing parameters, and each download format. */
const outputs: Record<string, string> = {
  'GET /api/customers': '/api/customers?pageSize=200&sort=revenue',
  'GET /api/customers/export csv': '/api/customers/export?format=csv',
  'GET /api/customers/export xlsx': '/api/customers/export?format=xlsx',
  'GET /api/report html': '/api/report?format=html',
  'GET /api/report xlsx': '/api/report?format=xlsx',
  'GET /api/report pdf': '/api/report?format=pdf',
  'GET /api/quarantine': '/api/quarantine',
  'GET /api/quarantine/export': '/api/quarantine/export',
  'GET /api/tasks': '/api/tasks?pageSize=200',
};

async function read(who: SignedIn, url: string): Promise<{ status: number; text: string }> {
  const r = await app.inject({ method: 'GET', url, headers: who.headers });
  const type = String(r.headers['content-type'] ?? '');
  const body = r.rawPayload;
  if (type.includes('spreadsheetml')) return { status: r.statusCode, text: await xlsxText(body) };
  if (type.includes('pdf')) return { status: r.statusCode, text: pdfText(body) };
  return { status: r.statusCode, text: body.toString('utf8') };
}

describe('no personal data leaves unmasked', () => {
  it.each(['analyst', 'rep'] as const)('finds no phone or e-mail in any output a %s reads', async (role) => {
    const who = as.get(role)!;
    const gets = apiRoutes.filter((r) => r.method === 'GET' && !r.url.includes(':') && !['/api/session', '/api/health'].includes(r.url)).map((r) => r.url);
    const urls = [...new Set([...gets, ...Object.values(outputs), ...evil.map((e) => `/api/customers/${e.id}`)])];
    const known = await secrets();
    expect(known).toContain('13811112222');
    const leaks: string[] = [];
    let read200 = 0;
    for (const url of urls) {
      const { status, text } = await read(who, url);
      if (status !== 200) continue;
      read200++;
      for (const s of known) if (text.includes(s)) leaks.push(`${url}: ${s}`);
    }
    expect(leaks).toEqual([]);
    // The scan read the places where contacts would show: the profile and the report list them masked.
    expect(read200).toBeGreaterThan(role === 'rep' ? 12 : 18);
    expect((await read(who, `/api/customers/${evil[0]!.id}`)).text).toContain('138****2222');
    expect((await read(who, '/api/report?format=html')).text).toContain('138****2222');
  }, 240_000);

  it('would see a phone where one is shown whole: an admin\'s logged reveal', async () => {
    const admin = await signIn(app, demo.store.engine, 'admin');
    const r = await app.inject({ method: 'POST', url: `/api/customers/${evil[0]!.id}/contact`, headers: admin.headers, payload: {} });
    expect((await secrets()).filter((s) => r.body.includes(s))).toEqual(['13811112222', 'evil.one@example.com']);
  });
});

describe('hostile names stay inert', () => {
  const analyst = () => as.get('analyst')!;

  it('stores the markup-and-SQL name as text: the table is there and the name is verbatim', async () => {
    const [row] = await demo.store.engine.query<{ name: string }>("SELECT name FROM customers WHERE customer_id = $1", [evil[0]!.id]);
    expect(row!.name).toBe(evil[0]!.name);
    const list = JSON.parse((await read(analyst(), `/api/customers?q=${encodeURIComponent("' OR 1=1 --")}`)).text) as { total: number };
    expect(list.total).toBe(0);
  });

  it('escapes the name in the HTML report (no live tag) and shows it as text in the PDF', async () => {
    const html = (await read(analyst(), '/api/report?format=html')).text;
    expect(html).toContain('&lt;img src=x onerror=');
    expect(html).not.toContain('<img src=x');
    expect((await read(analyst(), '/api/report?format=pdf')).text).toContain('华东精工');
  }, 120_000);

  it('writes formula-like names as text in CSV and XLSX exports', async () => {
    const csv = (await read(analyst(), '/api/customers/export?format=csv')).text;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const r = await app.inject({ method: 'GET', url: '/api/customers/export?format=xlsx', headers: analyst().headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    wb.eachSheet((s) => s.eachRow((row) => row.eachCell((c) => cells.push(c))));
    const cell = cells.find((c) => String(c.text).includes('HYPERLINK'))!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});
