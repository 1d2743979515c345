/**
 * Hostile customer names in a real browser: markup that would run script if
 * it were inserted as HTML is shown as text on every page that names
 * customers, in chart tooltips and in the downloaded report; nothing runs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

const marker = '华东精工';
const hostile = `<img src=x onerror="window.__xss=(window.__xss||0)+1">${marker}<script>window.__xss=99</script>`;
let web: WebApp;
let id: string;

beforeAll(async () => {
  web = await startWebApp({ customers: 200, analyse: false });
  const store = web.demo.store;
  const [top] = await store.engine.query<{ id: string }>('SELECT customer_id AS id FROM order_lines GROUP BY 1 ORDER BY sum(amount) DESC LIMIT 1');
  id = top!.id;
  writeFileSync(path.join(store.dir, 'rename.csv'), `客户编号,客户名称\n${id},"${hostile.replaceAll('"', '""')}"\n`);
  expect((await store.import(path.join(store.dir, 'rename.csv'))).updated).toBe(1);
  await runAnalysis(store.engine, {}, () => new Date('2026-01-05T08:00:00Z'));
}, 180_000);
afterAll(async () => web?.close());

/** Opens a page, fails on any dialog, and answers whether injected script ran. */
async function visit(page: Page, hash: string): Promise<void> {
  await page.goto(`${web.url}/#${hash}`);
  await page.waitForLoadState('networkidle');
}
const ran = (page: Page) => page.evaluate(() => (globalThis as { __xss?: number }).__xss ?? 0);

describe('hostile names in the app', () => {
  it('shows the name as text on the customer list, the customer 360 and the overview, and runs nothing', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await visit(page, '/customers');
    await page.getByTestId('customer-search').locator('input').fill(marker);
    await page.getByTestId('customer-search').locator('input').press('Enter');
    const row = page.getByTestId('customer-table').getByText(marker, { exact: false }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('<img src=x onerror=');
    await row.click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain('<script>window.__xss=99</script>');
    expect(page.url()).toContain(encodeURIComponent(id));
    await visit(page, '/');
    const charts = page.locator('[_echarts_instance_]');
    await charts.first().waitFor();
    // Tooltips are HTML: hover every chart so each shows one.
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    }
    await web.screenshot(page, 'injection-overview');
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await ran(page)).toBe(0);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('keeps the downloaded report inert when opened in the browser', async () => {
    const r = await fetch(`${web.url}/api/report?format=html`, { headers: web.admin.headers });
    const html = await r.text();
    expect(html).toContain('&lt;img src=x onerror=');
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.setContent(html);
    expect(await page.getByText(marker, { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('img[src=x]').count()).toBe(0);
    expect(await ran(page)).toBe(0);
    await context.close();
  });
});
