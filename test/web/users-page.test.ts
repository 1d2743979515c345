/**
 * The users page in a real browser: an administrator adds a user (picking
 * their rep id or team from those the data has) and sees the one-time
 * password once, gives a new one, disables a user, and reads the server's
 * reasons on the form; other roles neither see nor get the page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/signed-in.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 60, analyse: false });
}, 180_000);
afterAll(async () => web?.close());

interface Listed {
  users: { username: string; role: string; repId: string | null; team: string | null; disabled: boolean; mustChangePassword: boolean }[];
}
const listed = async () => (await web.api<Listed>('/api/users')).users;
const signInAs = (username: string, password: string) =>
  fetch(`${web.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
const addAsAdmin = async (body: Record<string, string>) => {
  const r = await fetch(`${web.url}/api/users`, { method: 'POST', headers: { ...web.admin.headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(r.status).toBe(201);
};

async function openUsers(locale: 'zh-CN' | 'en') {
  const opened = await web.newPage({ locale });
  await opened.page.goto(`${web.url}/#/users`);
  await opened.page.getByTestId('users-table').waitFor();
  return opened;
}
const row = (page: Page, username: string) => page.locator(`[data-testid=users-table] tr[data-row-key="${username}"]`);
const options = (page: Page) => page.locator('.ant-select-dropdown:visible .ant-select-item-option');
/** Opens a Select, searches it when told (the test id names its wrapper; the search goes into the input inside) and picks the option shown as `label`. */
async function pick(page: Page, testId: string, label: string, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search !== undefined) await page.getByTestId(testId).locator('input').fill(search);
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}
const pickRole = (page: Page, label: string) => pick(page, 'user-role', label);
const repLabel = (rep: { id: string; name: string }) => `${rep.id} · ${rep.name}`;

/**
 * A rep (and their team) in the data while the form is filled in, gone by
 * the time it is sent: the form offered it, the server refuses it.
 */
async function passingRep(id: string, team: string): Promise<() => Promise<void>> {
  const db = web.demo.store.engine;
  await db.run('INSERT INTO reps (rep_id, name, team) VALUES ($1, $2, $3)', [id, '过客', team]);
  return () => db.run('DELETE FROM reps WHERE rep_id = $1', [id]);
}
const confirm = (page: Page) => page.locator('.ant-popconfirm:visible .ant-btn-primary').click();

/** Reads the one-time password the dialog shows, checks what it says about it, and closes it. */
async function takePassword(page: Page, says: readonly string[]): Promise<string> {
  const password = (await page.getByTestId('otp-value').textContent()) ?? '';
  expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
  const note = await page.getByTestId('otp-note').textContent();
  for (const s of says) expect(note).toContain(s);
  await page.locator('[data-testid=otp] .ant-typography-copy').waitFor();
  await page.getByTestId('otp-done').click();
  await page.getByTestId('otp').waitFor({ state: 'detached' });
  return password;
}

describe('users page', () => {
  it('adds a rep; the one-time password it shows once signs them in', async () => {
    const rep = web.demo.company.reps[0]!;
    const { context, page } = await openUsers('en');
    await page.getByTestId('user-username').fill('wang.wei');
    await page.getByTestId('user-display-name').fill(rep.name);
    await pickRole(page, 'rep');
    // Found by the rep's name as well as by the id.
    await pick(page, 'user-rep', repLabel(rep), rep.name);
    await page.getByTestId('user-add').click();
    await page.getByTestId('otp').waitFor();
    await web.screenshot(page, 'users-one-time-password-en');
    const password = await takePassword(page, ['shown only now', 'changed at the first sign-in']);

    await expect.poll(() => row(page, 'wang.wei').count()).toBe(1);
    const shown = await row(page, 'wang.wei').textContent();
    for (const text of [rep.name, 'rep', rep.id, 'Active', 'Must change password']) expect(shown).toContain(text);
    expect(await page.getByTestId('user-username').inputValue()).toBe('');
    const session = await signInAs('wang.wei', password);
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({ username: 'wang.wei', role: 'rep', repId: rep.id, mustChangePassword: true });
    await context.close();
  });

  it('adds a manager for a team picked from the teams the reps belong to', async () => {
    const { teams } = await web.api<{ teams: string[] }>('/api/users/scopes');
    expect(teams).toEqual([...new Set(web.demo.company.reps.map((r) => r.team))].sort());
    const team = web.demo.company.reps[0]!.team;
    const { context, page } = await openUsers('en');
    await page.getByTestId('user-username').fill('chen.jing');
    await pickRole(page, 'manager');
    await page.getByTestId('user-team').click();
    await expect.poll(() => options(page).evaluateAll((os) => os.map((o) => o.getAttribute('title')))).toEqual(teams);
    await pick(page, 'user-team', team, team.slice(0, 2));
    await page.getByTestId('user-add').click();
    await takePassword(page, ['shown only now']);
    await expect.poll(() => row(page, 'chen.jing').textContent()).toContain(team);
    expect((await listed()).find((u) => u.username === 'chen.jing')).toMatchObject({ role: 'manager', team });
    await context.close();
  });

  it('shows the server\'s reason beside the form, marks the field it is about, and adds nobody', async () => {
    const before = (await listed()).length;
    const gone = await passingRep('E-GONE', '华东一组');
    const { context, page } = await openUsers('en');
    await page.getByTestId('user-username').fill('zhou');
    await pickRole(page, 'rep');
    await pick(page, 'user-rep', repLabel({ id: 'E-GONE', name: '过客' }), 'E-GONE');
    await gone();
    await page.getByTestId('user-add').click();
    await expect.poll(() => page.getByTestId('new-user-error').textContent()).toContain('no rep "E-GONE" in the data');
    expect(await page.locator('.ant-form-item-has-error').allTextContents()).toEqual([expect.stringContaining('Rep id')]);
    // The refusal says the list was out of date: it is read again, without the rep.
    await page.getByTestId('user-rep').click();
    await page.getByTestId('user-rep').locator('input').fill('E-GONE');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-empty').waitFor();
    expect(await options(page).count()).toBe(0);
    await page.getByTestId('user-rep').locator('input').fill('');

    await page.getByTestId('user-username').fill('zhou ming');
    await pick(page, 'user-rep', repLabel(web.demo.company.reps[0]!), web.demo.company.reps[0]!.id);
    await page.getByTestId('user-add').click();
    await expect.poll(() => page.locator('.ant-form-item-has-error').allTextContents()).toEqual([expect.stringContaining('1 to 100 letters')]);
    expect(await page.locator('.ant-form-item-has-error').textContent()).toContain('User name');
    // Said once, under the field, not again beside the form.
    expect(await page.getByTestId('new-user-error').count()).toBe(0);
    await web.screenshot(page, 'users-refused-en');

    await page.getByTestId('user-username').fill(web.admin.username);
    await page.getByTestId('user-add').click();
    await expect.poll(() => page.getByTestId('new-user-error').textContent()).toContain(`a user "${web.admin.username}" already exists`);
    expect(await page.locator('.ant-form-item-has-error').allTextContents()).toEqual([expect.stringContaining('User name')]);
    expect(await page.getByTestId('otp').count()).toBe(0);
    expect((await listed()).length).toBe(before);
    await context.close();
  });

  it('gives a new one-time password, disables a user and enables them again, each after asking, but not the administrator themself', async () => {
    await addAsAdmin({ username: '李娜', role: 'analyst' });
    const { context, page } = await openUsers('en');
    const me = row(page, web.admin.username);
    expect(await me.textContent()).toContain('you');
    expect(await me.getByTestId('user-disable').isDisabled()).toBe(true);
    expect(await me.getByTestId('user-password').isDisabled()).toBe(true);

    const li = row(page, '李娜');
    await li.getByTestId('user-password').click();
    expect(await page.locator('.ant-popconfirm:visible').textContent()).toContain('Their current password stops working');
    await confirm(page);
    const password = await takePassword(page, ['shown only now', 'sessions have ended']);
    expect((await signInAs('李娜', password)).status).toBe(200);

    await li.getByTestId('user-disable').click();
    await page.locator('.ant-popconfirm:visible').getByText('Cancel').click();
    expect((await listed()).find((u) => u.username === '李娜')?.disabled).toBe(false);
    await li.getByTestId('user-disable').click();
    await confirm(page);
    await expect.poll(() => li.getByTestId('user-state').textContent()).toBe('Disabled');
    expect(await li.getByTestId('user-disable').count()).toBe(0);
    expect(await li.getByTestId('user-password').isDisabled()).toBe(true);
    expect((await listed()).find((u) => u.username === '李娜')?.disabled).toBe(true);
    expect((await signInAs('李娜', password)).status).toBe(401);

    // Enabled again, with the password they had.
    await li.getByTestId('user-enable').click();
    expect(await page.locator('.ant-popconfirm:visible').textContent()).toContain('with the password they had');
    await confirm(page);
    await expect.poll(() => li.getByTestId('user-state').textContent()).toContain('Active');
    expect((await signInAs('李娜', password)).status).toBe(200);
    await context.close();
  });

  it('speaks Chinese in zh-CN', async () => {
    await addAsAdmin({ username: 'zhao', role: 'auditor' });
    const gone = await passingRep('E-GONE-ZH', '已撤销组');
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(web.url);
    await page.getByTestId('nav-users').click();
    await expect.poll(() => page.getByTestId('page-title').textContent()).toBe('用户管理');
    await page.getByTestId('users-table').waitFor();
    const headers = await page.locator('[data-testid=users-table] thead').textContent();
    for (const h of ['用户名', '显示名称', '角色', '数据范围', '状态', '操作']) expect(headers).toContain(h);
    const me = await row(page, web.admin.username).textContent();
    for (const text of ['管理员', '全部', '启用', '我', '新一次性密码', '停用']) expect(me).toContain(text);
    expect(await row(page, 'zhao').textContent()).toContain('审计');
    // A two-character label as written, not spaced out ("停 用") as antd would.
    expect(await row(page, 'zhao').getByTestId('user-disable').textContent()).toBe('停用');

    await pickRole(page, '销售');
    expect(await page.getByTestId('new-user-form').textContent()).toContain('销售代表编号');
    await pickRole(page, '经理');
    await page.getByTestId('user-username').fill('zhou');
    await pick(page, 'user-team', '已撤销组', '撤销');
    await gone();
    await page.getByTestId('user-add').click();
    await expect.poll(() => page.getByTestId('new-user-error').textContent()).toContain('销售代表中没有团队“已撤销组”');
    expect(await page.locator('.ant-form-item-has-error').allTextContents()).toEqual([expect.stringContaining('团队')]);

    await row(page, 'zhao').getByTestId('user-password').click();
    expect(await page.locator('.ant-popconfirm:visible .ant-btn').allTextContents()).toEqual(['取消', '生成']);
    await confirm(page);
    await page.getByTestId('otp').waitFor();
    await web.screenshot(page, 'users-one-time-password-zh');
    await takePassword(page, ['只显示这一次', '首次登录时必须修改密码', '登录会话已结束']);
    await context.close();
  });

  it('is neither in the menu nor open to other roles', async () => {
    const analyst = await signIn(web.app, web.demo.store.engine, 'analyst');
    const { context, page } = await web.newPage({ locale: 'en', signedIn: false });
    await context.addCookies([{ name: 'salescope_session', value: analyst.headers.cookie!.split('=')[1]!, url: web.url }]);
    await page.goto(web.url);
    await page.getByTestId('nav-import').waitFor();
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    await page.goto(`${web.url}/#/users`);
    await expect.poll(() => page.getByTestId('not-for-role').textContent()).toContain('This page is for admin only');
    expect(await page.getByTestId('users-page').count()).toBe(0);
    await context.close();
  });
});
