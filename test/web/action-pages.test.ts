/** Import wizard, action plans and reports in a real browser on the demo company: what the pages show against the API and the store. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../src/xlsx/xlsx-reader.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 300 });
}, 180_000);
afterAll(async () => web?.close());

const api = <T>(path: string): Promise<T> => web.api<T>(path);
const one = async <T>(sql: string, params: (string | number)[] = []): Promise<T> => (await web.demo.store.engine.query<T & Record<string, unknown>>(sql, params))[0]!;
const count = async (sql: string, params: (string | number)[] = []) => Number((await one<{ n: bigint | number }>(sql, params)).n);
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** Opens an antd Select and picks the option whose title is `title`, typing first so a long list is filtered. */
async function pick(page: Page, select: Locator, title: string, search = true): Promise<void> {
  await select.click();
  if (search) await page.keyboard.type(title);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`).click();
}

const uploadsLeft = async () => (await readdir(path.join(web.demo.store.workDir, 'uploads')).catch(() => [])).length;

describe('import wizard', () => {
  it('reads a GBK CSV with unknown headers, imports it with the mapping fixed by hand, and shows what was quarantined', async () => {
    const ids = (await web.demo.store.engine.query<{ id: string }>('SELECT customer_id AS id FROM customers ORDER BY customer_id LIMIT 2')).map((r) => r.id);
    const good = [['WZ-0001', ids[0]!, '2025-11-03', '1200.50'], ['WZ-0002', ids[1]!, '2025-11-04', '880'], ['WZ-0003', ids[0]!, '2025-11-05', '300']];
    const bad = ['WZ-0004', ids[1]!, '2025-02-30', '500'];
    const text = ['单据号,买家,开单日,货款', ...[...good, bad].map((r) => r.join(','))].join('\n') + '\n';
    const runsBefore = await count('SELECT count(*) AS n FROM import_runs');
    const { context, page } = await web.newPage({ locale: 'zh-CN', downloads: true });
    await page.goto(`${web.url}/#/import`);
    await page.locator('[data-testid=upload-step] input[type=file]').setInputFiles({ name: '销售单.csv', mimeType: 'text/csv', buffer: iconv.encode(text, 'gbk') });

    await expect.poll(() => page.getByTestId('preview-encoding').textContent()).toBe('gb18030');
    expect(digits(await page.getByTestId('preview-rows').textContent())).toBe(good.length + 1);
    const sample = await page.getByTestId('preview-sample').textContent();
    for (const cell of [...good[0]!, ...bad]) expect(sample).toContain(cell);
    await page.getByTestId('preview-missing').waitFor();
    const entities = await api<{ name: string; label: Record<string, string> }[]>('/api/imports/entities');
    const orderLines = entities.find((e) => e.name === 'order_lines')!.label['zh-CN']!;
    if ((await page.getByTestId('preview-entity').textContent()) !== orderLines) await pick(page, page.getByTestId('preview-entity'), orderLines, false);
    await web.screenshot(page, 'import-preview-zh');

    for (const [index, field] of ['order_id', 'customer_id', 'order_date', 'amount'].entries()) {
      await pick(page, page.getByTestId(`map-select-${index}`), field);
      await expect.poll(() => page.getByTestId(`map-row-${index}`).textContent()).toContain(field);
    }
    await page.getByTestId('preview-missing').waitFor({ state: 'detached' });
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor();
    await web.screenshot(page, 'import-result-zh');

    const run = await one<{ runId: number; inserted: number; quarantined: number }>('SELECT run_id AS "runId", inserted, quarantined FROM import_runs ORDER BY run_id DESC LIMIT 1');
    expect(await count('SELECT count(*) AS n FROM import_runs')).toBe(runsBefore + 1);
    const inserted = digits(await page.getByTestId('result-inserted').locator('.ant-statistic-content').textContent());
    const quarantined = digits(await page.getByTestId('result-quarantined').locator('.ant-statistic-content').textContent());
    expect([inserted, quarantined]).toEqual([good.length, 1]);
    expect(await count(`SELECT count(*) AS n FROM order_lines WHERE order_id LIKE 'WZ-%'`)).toBe(inserted);
    expect(await count('SELECT count(*) AS n FROM quarantine WHERE run_id = $1', [run.runId])).toBe(quarantined);
    expect([Number(run.inserted), Number(run.quarantined)]).toEqual([inserted, quarantined]);

    const review = await api<{ items: { row: number; message: string }[] }>(`/api/quarantine?run=${run.runId}&lang=zh-CN`);
    await expect.poll(() => page.getByTestId('quarantine-heading').textContent()).toContain(String(run.runId));
    const rows = page.getByTestId('quarantine-rows');
    expect(await rows.textContent()).toContain(bad[2]);
    expect(await rows.textContent()).toContain(review.items[0]!.message);
    expect(review.items[0]!.message).toContain('开单日');
    expect(await page.getByTestId('import-runs').textContent()).toContain('销售单.csv');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('quarantine-download').click()]);
    expect(download.suggestedFilename()).toBe(`quarantine-run-${run.runId}.xlsx`);
    const cells: (string | null)[][] = [];
    for await (const r of readXlsxRows((await download.path())!)) cells.push(r.cells);
    expect(cells.some((r) => r.includes(bad[0]!) && r.includes(bad[2]!))).toBe(true);
    await web.screenshot(page, 'import-done-zh');
    await context.close();
  });

  it('warns in the preview and in the result when the chosen data type is not what the headers say', async () => {
    const text = '订单编号,下单日期,客户编号,客户名称,产品名称,数量,金额\nGD-0001,2025-11-03,GUARD-01,守望测试机械有限公司,伺服电机,2,3000\n';
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/import`);
    await page.locator('[data-testid=upload-step] input[type=file]').setInputFiles({ name: '订单.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await page.getByTestId('preview-step').waitFor();
    const entities = await api<{ name: string; label: Record<string, string> }[]>('/api/imports/entities');
    await pick(page, page.getByTestId('preview-entity'), entities.find((e) => e.name === 'customers')!.label['zh-CN']!, false);
    // The header names are listed the Chinese way, and the note is a warning before the import and after it.
    const said = '表头看起来是订单明细数据（订单编号、下单日期、金额），而不是所选的“客户”';
    await expect.poll(() => page.locator('[data-testid=preview-step] .ant-alert-warning').textContent()).toContain(said);
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor();
    expect(await page.locator('[data-testid=import-result] .ant-alert-warning').textContent()).toContain(said);
    expect(await page.locator('[data-testid=import-result] .ant-alert-info').count()).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM customers WHERE customer_id = 'GUARD-01'`)).toBe(1);
    await context.close();
  });

  it('shows the server\'s message for a file it cannot read, and discards an upload', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/import`);
    const input = page.locator('[data-testid=upload-step] input[type=file]');
    // Starts like a zip, as a workbook does, but is not one.
    const broken = Buffer.from('PK\x03\x04 not a workbook', 'latin1');
    await input.setInputFiles({ name: 'broken.xlsx', mimeType: 'application/octet-stream', buffer: broken });
    const form = new FormData();
    form.append('file', new Blob([broken]), 'broken.xlsx');
    const refused = await fetch(`${web.url}/api/uploads?lang=en`, { method: 'POST', body: form, headers: web.admin.headers });
    expect(refused.status).toBe(422);
    await expect.poll(() => page.getByTestId('upload-error').textContent()).toBe(((await refused.json()) as { message: string }).message);
    await input.setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from('客户编号,客户名称\nC1,甲\n') });
    await page.getByTestId('preview-step').waitFor();
    await web.screenshot(page, 'import-preview-en');
    expect(await uploadsLeft()).toBe(1);
    await page.getByTestId('import-discard').click();
    await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
    await page.getByTestId('upload-step').waitFor();
    await expect.poll(uploadsLeft).toBe(0);
    await context.close();
  });
});

describe('action plans', () => {
  it('creates tasks in bulk for a tier, moves one to done, and refuses a stale edit with the server\'s message', async () => {
    const tier = 'strategic';
    const list = await api<{ total: number }>(`/api/customers?tier=${tier}&pageSize=200`);
    const title = `回访战略客户 ${Date.now()}`;
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/plans?tier=${tier}&create=1`);
    await expect.poll(() => page.getByTestId('bulk-total').textContent()).toContain(String(list.total));
    await page.getByTestId('bulk-title').fill(title);
    await page.getByTestId('bulk-create').click();
    await expect.poll(() => page.getByTestId('bulk-outcome').textContent()).toContain(String(list.total));

    const ids = (await web.demo.store.engine.query<{ id: string }>('SELECT customer_id AS id FROM tasks WHERE title = $1 ORDER BY 1', [title])).map((r) => r.id);
    const expected = (await api<{ items: { customerId: string }[] }>(`/api/customers?tier=${tier}&pageSize=200`)).items.map((c) => c.customerId).sort();
    expect(ids).toEqual(expected);
    const open = page.getByTestId('task-column-open');
    await expect.poll(() => open.getByTestId('task-count').textContent()).toBe(String(await count(`SELECT count(*) AS n FROM tasks WHERE status = 'open'`)));
    await web.screenshot(page, 'plans-zh');

    const task = await one<{ id: number }>('SELECT task_id AS id FROM tasks WHERE title = $1 ORDER BY due_date NULLS LAST, task_id LIMIT 1', [title]);
    await pick(page, open.getByTestId(`task-${task.id}`).getByTestId('task-status'), '已完成', false);
    await page.getByTestId('task-column-done').getByTestId(`task-${task.id}`).waitFor();
    expect(await one<{ status: string; version: number }>('SELECT status, version FROM tasks WHERE task_id = $1', [task.id])).toEqual({ status: 'done', version: 2 });
    expect(await open.getByTestId(`task-${task.id}`).count()).toBe(0);

    // Someone else edits the task after the board read it: the board's edit names a stale version.
    await fetch(`${web.url}/api/tasks/${task.id}`, { method: 'PATCH', headers: { ...web.admin.headers, 'content-type': 'application/json' }, body: JSON.stringify({ version: 2, owner: '另一位同事' }) });
    const done = page.getByTestId('task-column-done').getByTestId(`task-${task.id}`);
    await pick(page, done.getByTestId('task-status'), '进行中', false);
    await expect.poll(() => page.getByTestId('task-error').textContent()).toContain(`任务 ${task.id}`);
    expect(await page.getByTestId('task-error').textContent()).toContain('当前版本 3');
    await expect.poll(() => done.getByTestId('task-owner').textContent()).toBe('另一位同事');
    expect(await one<{ status: string }>('SELECT status FROM tasks WHERE task_id = $1', [task.id])).toEqual({ status: 'done' });
    await context.close();
  });

  it('lists the playbook in the user\'s language and switches with it', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/plans`);
    const en = await api<{ groups: { label: string; owner: string }[] }>('/api/playbook?lang=en');
    const zh = await api<{ groups: { label: string; owner: string }[] }>('/api/playbook?lang=zh-CN');
    const playbook = page.getByTestId('playbook');
    await expect.poll(() => playbook.textContent()).toContain(en.groups[0]!.owner);
    for (const g of en.groups) expect(await playbook.textContent()).toContain(g.label);
    const headings = () => page.locator('[data-testid=plans-page] > .ant-card > .ant-card-head .ant-card-head-title').allTextContents();
    expect(await headings()).toEqual(['Playbook by customer group', 'Create tasks in bulk from a customer list', 'Task board']);
    await web.screenshot(page, 'plans-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(headings).toEqual(['分层行动手册', '按客户名单批量建任务', '任务看板']);
    await expect.poll(() => playbook.textContent()).toContain(zh.groups[3]!.label);
    expect(await playbook.textContent()).not.toContain(en.groups[0]!.owner);
    await context.close();
  });
});

describe('reports', () => {
  it('downloads the HTML report of a region, with its customers in it', async () => {
    const top = await one<{ region: string; name: string }>(
      `SELECT c.region, c.name FROM order_lines o JOIN customers c USING (customer_id) GROUP BY c.region, c.name ORDER BY sum(o.amount) DESC LIMIT 1`,
    );
    const { context, page } = await web.newPage({ locale: 'en', downloads: true });
    await page.goto(`${web.url}/#/reports`);
    await pick(page, page.getByTestId('report-region'), top.region, false);
    await web.screenshot(page, 'reports-en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-generate').click()]);
    expect(download.suggestedFilename()).toMatch(/^customer-report-\d{4}-\d{2}-\d{2}\.html$/);
    const html = await readFile((await download.path())!, 'utf8');
    expect(html).toContain(top.name);
    expect(html).toContain(top.region);
    expect(html).toContain('<html lang="en"');
    await expect.poll(() => page.getByTestId('report-outcome').textContent()).toContain(download.suggestedFilename());
    await context.close();
  });

  it('downloads a PDF in Chinese, showing progress while it is made, and the server\'s message when it cannot', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN', downloads: true });
    await page.goto(`${web.url}/#/reports`);
    await page.getByTestId('report-format').getByText('PDF').click();
    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await page.getByTestId('report-generate').click();
    await page.getByTestId('report-progress').waitFor();
    await web.screenshot(page, 'reports-progress-zh');
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect((await readFile((await download.path())!)).subarray(0, 4).toString('latin1')).toBe('%PDF');

    // A size typed with a comma is two scope parts, the second without a key: the server refuses it.
    await page.getByTestId('report-format').getByText('网页 (HTML)').click();
    await page.getByTestId('report-size').locator('input').fill('大型,中型');
    const refused = await api<{ message: string }>(`/api/report?format=html&scope=${encodeURIComponent('size=大型,中型')}&lang=zh-CN`);
    expect(refused.message).toContain('中型');
    await page.getByTestId('report-generate').click();
    await expect.poll(() => page.getByTestId('report-outcome').textContent()).toBe(refused.message);
    await web.screenshot(page, 'reports-zh');
    await context.close();
  }, 180_000);
});

describe('language switch', () => {
  it('changes the headings of the import and reports pages', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    const cases: [string, string, string[], string[]][] = [
      ['import', '> .ant-card > .ant-card-head .ant-card-head-title', ['导入数据', '导入记录', '隔离区（被拒绝的行）'], ['Import data', 'Past imports', 'Quarantine (rejected rows)']],
      ['reports', '.ant-form-item-label', ['范围（不选即全部客户）', '期间', '分析目标', '报告语言', '格式'], ['Scope (none: all customers)', 'Period', 'Goal', 'Report language', 'Format']],
    ];
    for (const [name, selector, zh, en] of cases) {
      await page.goto(`${web.url}/#/${name}`);
      const headings = () => page.locator(`[data-testid=${name}-page] ${selector}`).allTextContents();
      await page.getByTestId('lang-switch').getByText('中文').click();
      await expect.poll(headings).toEqual(zh);
      await web.screenshot(page, `${name}-zh`);
      await page.getByTestId('lang-switch').getByText('English').click();
      await expect.poll(headings).toEqual(en);
      await web.screenshot(page, `${name}-en`);
    }
    await context.close();
  });
});
