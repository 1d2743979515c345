/** Overview, customers and customer 360 in a real browser on the demo company: numbers against the API and the store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signalEvidence, type SignalLike } from '../../src/i18n/signal-evidence.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 300 });
}, 180_000);
afterAll(async () => web?.close());

const api = <T>(path: string): Promise<T> => web.api<T>(path);
const wan = (v: number) => `${(v / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;

describe('overview', () => {
  it('shows the KPIs of the latest analysis in the chosen unit, with 同比 and 环比', async () => {
    type Range = { from: string; to: string };
    const o = await api<{ period: Range; kpis: { current: { revenue: number; orders: number; averageOrderValue: number }; comparedWith: { previous: Range; yearEarlier: Range } } }>('/api/overview');
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(web.url);
    const revenue = page.getByTestId('kpi-revenue');
    await expect.poll(() => revenue.textContent()).toContain(wan(o.kpis.current.revenue));
    expect(await revenue.textContent()).toContain('同比');
    // The dates both changes compare with: the demo's 12 months have the 12 months before as 环比 and 同比.
    const before = o.kpis.comparedWith.previous;
    expect(Date.parse(o.period.from) - Date.parse(before.to)).toBe(86_400_000);
    expect(o.kpis.comparedWith.yearEarlier).toEqual(before);
    const zhDate = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
    expect(await page.getByTestId('overview-compared').textContent()).toBe(` · 同比、环比对比 ${zhDate(before.from)} 至 ${zhDate(before.to)}`);
    expect(await page.getByTestId('kpi-orders').textContent()).toContain(o.kpis.current.orders.toLocaleString('zh-CN'));
    await page.getByTestId('unit-switch').getByText('亿元').click();
    const yi = `${(o.kpis.current.revenue / 1e8).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 亿元`;
    await expect.poll(() => revenue.textContent()).toContain(yi);
    // An amount per order stays in 万元: in 亿元 it would be 0.000x.
    expect(await page.getByTestId('kpi-averageOrderValue').textContent()).toContain(wan(o.kpis.current.averageOrderValue));
    await expect.poll(() => page.getByTestId('trend-chart').locator('path').count()).toBeGreaterThan(10);
    await web.screenshot(page, 'overview-zh');
    await context.close();
  });

  it('drills from the tier chart into the customers of that tier', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(web.url);
    const slice = page.getByTestId('tier-chart').locator('path[fill]:not([fill="none"])').first();
    await slice.waitFor();
    await slice.click();
    await expect.poll(() => page.url()).toMatch(/#\/customers\?tier=\w+/);
    const tier = new URL(page.url().replace('#/customers', '')).searchParams.get('tier')!;
    const list = await api<{ total: number }>(`/api/customers?tier=${tier}`);
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`${list.total} customers`);
    await context.close();
  });

  it('filters the dashboard by region: the revenue is the region\'s, summed in the store', async () => {
    const [r] = await web.demo.store.engine.query<{ region: string }>('SELECT region, count(*) AS n FROM customers GROUP BY region ORDER BY n DESC, region LIMIT 1');
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/?region=${encodeURIComponent(r!.region)}`);
    const period = await api<{ period: { from: string; to: string } }>('/api/overview');
    const [sum] = await web.demo.store.engine.query<{ revenue: number }>(
      `SELECT CAST(sum(o.amount) AS FLOAT8) AS revenue FROM order_lines o JOIN customers c USING (customer_id)
       WHERE c.region = $1 AND o.order_date BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)`,
      [r!.region, period.period.from, period.period.to],
    );
    await expect.poll(() => page.getByTestId('kpi-revenue').textContent(), { timeout: 60_000 }).toContain(wan(sum!.revenue));
    await context.close();
  });
});

describe('customers and customer 360', () => {
  it('finds a customer by name and shows them whole, contact masked, risk explained', async () => {
    const [risky] = (await api<{ items: { customerId: string; name: string }[] }>('/api/customers?sort=risk&pageSize=1')).items;
    const [raw] = await web.demo.store.engine.query<{ contact_phone: string }>('SELECT contact_phone FROM customers WHERE customer_id = $1', [risky!.customerId]);
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/customers`);
    await page.getByTestId('customer-search').locator('input').fill(risky!.name.slice(0, 6));
    await page.getByTestId('customer-search').locator('input').press('Enter');
    await page.getByTestId('customer-table').getByText(risky!.name).click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain(risky!.name);
    const phone = await page.getByTestId('contact-phone').textContent();
    expect(phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(raw!.contact_phone).toMatch(/^enc1:/);
    expect(await page.content()).not.toContain(web.demo.store.cipher.open(raw!.contact_phone));
    const profile = await api<{ risk: { signals: SignalLike[] }; orders: { orderId: string }[] }>(`/api/customers/${risky!.customerId}?lang=zh-CN`);
    const risk = await page.getByTestId('customer-risk').textContent();
    for (const s of profile.risk.signals) expect(risk).toContain(signalEvidence(s, 'zh-CN'));
    expect(await page.getByTestId('customer-orders').textContent()).toContain(profile.orders[0]!.orderId);
    await web.screenshot(page, 'customer-360-zh');
    await context.close();
  });

  it('sorts by risk and filters by minimum risk, with the totals the API gives', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/customers?sort=risk&minRisk=50`);
    const expected = await api<{ total: number; items: { name: string }[] }>('/api/customers?sort=risk&minRisk=50');
    await expect.poll(() => page.locator('.ant-pagination-total-text').textContent()).toBe(`${expected.total} customers`);
    const firstRow = page.getByTestId('customer-table').locator('tbody tr.ant-table-row').first();
    expect(await firstRow.textContent()).toContain(expected.items[0]!.name);
    await web.screenshot(page, 'customers-en');
    await context.close();
  });
});
