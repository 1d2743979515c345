/** The app's frame in a real browser: it follows the browser's language, switches and remembers it, and reaches every page. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../support/signed-in.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 150 });
}, 180_000);
afterAll(async () => web?.close());

describe('app shell', () => {
  it('opens in the browser\'s language, switches language and remembers it', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(web.url);
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('Overview');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('总览');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.reload();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('总览');
    await context.close();
  });

  it('turns its animations off when the system asks for reduced motion', async () => {
    const duration = async (motion: 'reduce' | 'no-preference') => {
      const { context, page } = await web.newPage({ locale: 'en', motion });
      await page.goto(web.url);
      const button = page.getByTestId('sign-out');
      await button.waitFor();
      // antd sets every transition and animation from this token.
      const value = await button.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).getPropertyValue('--ant-motion-duration-mid').trim());
      await context.close();
      return value;
    };
    expect(await duration('reduce')).toBe('0s');
    expect(await duration('no-preference')).toBe('0.2s');
  });

  it('reaches every page from the menu', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(web.url);
    const expected: [string, string][] = [
      ['customers', '客户'], ['segmentation', '客户分层'], ['funnel', '销售漏斗'], ['churn', '流失预警'], ['satisfaction', '满意度'],
      ['team', '团队业绩'], ['forecast', '预测'], ['plans', '行动计划'], ['reports', '报告'], ['import', '数据导入'], ['overview', '总览'],
    ];
    for (const [nav, title] of expected) {
      await page.getByTestId(`nav-${nav}`).click();
      await expect.poll(() => page.getByTestId('page-title').textContent()).toBe(title);
      await page.getByTestId(`${nav}-page`).waitFor({ state: 'attached' });
    }
    await context.close();
  });

  it('asks for a sign-in first, shows who is signed in, and signs out', async () => {
    const { username, password } = await createUser(web.demo.store.engine, 'rep', { repId: 'E-none' });
    const { context, page } = await web.newPage({ locale: 'en', signedIn: false });
    await page.goto(web.url);
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill('wrong password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe('wrong user name or password');
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain(`${username} · rep`);
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'salescope_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in').waitFor();
    await context.close();
  });

  it('says in the user\'s words when the server cannot be reached, on signing in and on a page', async () => {
    const { username, password } = await createUser(web.demo.store.engine, 'analyst');
    const { context, page } = await web.newPage({ locale: 'zh-CN', signedIn: false });
    await page.goto(web.url);
    await page.getByTestId('sign-in').waitFor();
    // The server stops answering between loading the page and signing in.
    await page.route('**/api/session**', (route) => route.abort('connectionrefused'));
    await page.getByTestId('sign-in-username').fill(username);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toBe('无法连接到 salescope 服务器：请检查网络，确认服务仍在运行，然后重试。');
    await page.unroute('**/api/session**');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-out').waitFor();
    // Signed in, in English now; then a page's data cannot be fetched.
    await page.getByTestId('lang-switch').getByText('English').click();
    await page.route('**/api/customers**', (route) => route.abort('internetdisconnected'));
    await page.getByTestId('nav-customers').click();
    await expect.poll(() => page.getByTestId('page-error').first().textContent()).toContain(
      'Cannot reach the salescope server: check the network and that the server is still running, then try again.',
    );
    await context.close();
  });

  it('serves the page fresh and the hashed assets for a year', async () => {
    const index = await fetch(web.url);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(asset).toBeDefined();
    expect((await fetch(`${web.url}/${asset}`)).headers.get('cache-control')).toContain('max-age=31536000');
  });
});
