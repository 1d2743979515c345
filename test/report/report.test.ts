/**
 * The report on a small demo company (300 customers, seed 7): the model and
 * the HTML against golden files (UPDATE_GOLDEN=1 rewrites them), the XLSX
 * read back, the PDF's text extracted, in both languages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareReport } from '../../src/report/build-report.js';
import { renderReportHtml } from '../../src/report/report-html.js';
import type { ReportModel } from '../../src/report/report-model.js';
import { htmlToPdf } from '../../src/report/report-pdf.js';
import { writeReportXlsx } from '../../src/report/report-xlsx.js';
import { svgRenderer } from '../../src/report/svg-chart.js';
import { readXlsxRows, listSheets } from '../../src/xlsx/xlsx-reader.js';
import { demoStore, type DemoStore } from '../support/demo-store.js';

const golden = path.resolve(import.meta.dirname, '../golden');
const now = () => new Date('2026-01-05T08:00:00Z');
let demo: DemoStore;
const models: Partial<Record<'zh-CN' | 'en', ReportModel>> = {};

beforeAll(async () => {
  demo = await demoStore({ seed: 7, customers: 300 });
  // A contact and a name that must never leak or run: a full phone number, and a formula.
  await demo.store.engine.run(`UPDATE customers SET contact_phone = '13912345678', contact_name = '王小明'`);
  models['zh-CN'] = await prepareReport(demo.store.engine, { lang: 'zh-CN' }, now, demo.store.cipher.open);
  const [top] = models['zh-CN'].sections.flatMap((s) => s.tables).find((t) => t.id === 'table1')!.rows;
  await demo.store.engine.run(`UPDATE customers SET name = '=HYPERLINK("http://x.invalid","点我")' WHERE customer_id = $1`, [String(top![0])]);
  models['zh-CN'] = await prepareReport(demo.store.engine, { lang: 'zh-CN' }, now, demo.store.cipher.open);
  models.en = await prepareReport(demo.store.engine, { lang: 'en' }, now, demo.store.cipher.open);
}, 180_000);
afterAll(() => demo.store.dispose());

/** Numbers to 6 significant digits, chart options left out: what a reader checks, stable across float summation order. */
function normalised(model: ReportModel): unknown {
  return JSON.parse(
    JSON.stringify({ ...model, sections: model.sections.map((s) => ({ ...s, charts: s.charts.map((c) => c.id) })) }, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v,
    ),
  );
}

function matchGolden(name: string, actual: string): void {
  const file = path.join(golden, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const renderSvg = await svgRenderer();
const html = (m: ReportModel) => renderReportHtml(m, (c) => renderSvg(c.option, c.width, c.height));

describe('the customer analysis report', () => {
  it.each(['zh-CN', 'en'] as const)('model (%s) matches its golden file', (lang) => {
    matchGolden(`report-model.${lang}.json`, `${JSON.stringify(normalised(models[lang]!), null, 1)}\n`);
  });

  it('has the six sections in order, then the appendices, with numbers from the analysis', () => {
    const m = models['zh-CN']!;
    expect(m.sections.map((s) => s.title)).toEqual([
      '一、分析背景与目标', '二、客户整体概况', '三、客户分层结果', '四、关键问题与需求', '五、分层维护策略', '六、下一步计划', '附表一：客户基础信息表', '附表三：客户行为与需求分析表',
    ]);
    const overview = m.sections[1]!.paragraphs.join('');
    expect(overview).toContain(`客户总数 ${demo.company.customers.length} 个`);
    const table4 = m.sections[4]!.tables[0]!;
    expect(table4.rows.map((r) => r[0])).toEqual(['战略客户', '高价值客户', '潜力客户', '流失风险客户', '长尾客户']);
  });

  it('masks contacts in table 1 and in every output', () => {
    const table1 = models['zh-CN']!.sections.flatMap((s) => s.tables).find((t) => t.id === 'table1')!;
    expect(table1.rows.every((r) => r[4] === '王**' && r[5] === '139****5678')).toBe(true);
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = html(models[lang]!);
      expect(page).not.toContain('13912345678');
      expect(page).not.toContain('王小明');
    }
  });

  it('writes one self-contained HTML file: inline SVG charts, no script, no external URL', () => {
    const page = html(models['zh-CN']!);
    expect(page.match(/<svg /g)?.length).toBe(models['zh-CN']!.sections.reduce((n, s) => n + s.charts.length, 0));
    expect(page).not.toMatch(/<script|<link|src="http|url\(http/i);
    // The hostile customer name is shown as text.
    expect(page).toContain('=HYPERLINK(&quot;http://x.invalid&quot;,&quot;点我&quot;)');
    matchGolden('report.zh-CN.html', page.replace(/<svg[\s\S]*?<\/svg>/g, '<svg/>'));
  });

  it('writes the four tables as XLSX: numbers as numbers, ids and names as text', async () => {
    const file = path.join(demo.store.dir, 'report.xlsx');
    await writeReportXlsx(models['zh-CN']!, file, now());
    expect((await listSheets(file)).map((s) => s.name)).toEqual(['表1 客户基础信息', '表2 客户价值分析', '表3 客户行为与需求', '表4 客户维护策略']);
    const rows = [];
    for await (const r of readXlsxRows(file, { sheet: '表2 客户价值分析' })) rows.push(r);
    expect(rows[1]!.cells).toEqual(['客户编号', '客户名称', '最近购买时间（天前）', '购买频次（次/年）', '购买金额（万元/年）', 'RFM 得分', '客户分层']);
    const t2 = models['zh-CN']!.sections.flatMap((s) => s.tables).find((t) => t.id === 'table2')!;
    // 万元 as a number rounded to the cent of 万元; the RFM code "555" stays text.
    expect(Number(rows[2]!.cells[4])).toBeCloseTo(Number(t2.rows[0]![4]) / 10_000, 2);
    expect(rows[2]!.cells[5]).toBe(String(t2.rows[0]![5]));
    const t1 = [];
    for await (const r of readXlsxRows(file, { sheet: '表1 客户基础信息' })) t1.push(r);
    expect(t1[2]!.cells[1]).toBe('=HYPERLINK("http://x.invalid","点我")');
  });

  it('prints a PDF whose text has the section titles and key numbers, in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const file = path.join(demo.store.dir, `report.${lang}.pdf`);
      await htmlToPdf(html(models[lang]!), file, { lang });
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const m = models[lang]!;
      for (const s of m.sections) expect(text).toContain(s.title.split(/[:：]/)[0]!.trim());
      expect(text.replace(/\s+/g, '')).toContain(m.sections[1]!.paragraphs[0]!.replace(/\s+/g, '').slice(0, 20));
      expect(text).toContain(lang === 'zh-CN' ? '第 1 页' : 'Page 1 of');
      expect(text).not.toContain('13912345678');
    }
  }, 120_000);

  it('covers only the customers in scope, in its own snapshot', async () => {
    const [{ region, n }] = (await demo.store.engine.query<{ region: string; n: number }>(
      `SELECT region, count(*) AS n FROM customers WHERE region IS NOT NULL GROUP BY region ORDER BY n DESC, region LIMIT 1`,
    )) as [{ region: string; n: number }];
    const m = await prepareReport(demo.store.engine, { lang: 'zh-CN', scope: { region } }, now, demo.store.cipher.open);
    expect(m.sections[0]!.paragraphs).toContain(`分析范围：区域：${region}。`);
    expect(m.sections[1]!.paragraphs[0]).toContain(`客户总数 ${n} 个`);
    const table2 = m.sections.flatMap((x) => x.tables).find((t) => t.id === 'table2')!;
    const ids = table2.rows.map((r) => String(r[0]));
    const outside = await demo.store.engine.query<{ n: number }>(
      `SELECT count(*) AS n FROM customers WHERE region <> $1 AND customer_id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
      [region, ...ids],
    );
    expect(outside[0]!.n).toBe(0);
    const snaps = await demo.store.engine.query<{ scope: string | null }>('SELECT scope FROM analysis_snapshots ORDER BY snapshot_id');
    expect(snaps.map((x) => x.scope)).toEqual([null, `region=${region}`]);
  });
});
