/** `salescope user`: one-time passwords printed once and stored only as argon2id hashes; list, reset, disable; bad input. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordCost, passwordProblem, verifyPassword } from '../../src/access/password-hash.js';
import { resumeSession, startSession } from '../../src/access/session-store.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';

const folder = cliFolder('salescope-user-');
const u = folder.store('u.duckdb');
const bare = folder.store('bare.duckdb');
beforeAll(async () => {
  writeFileSync(path.join(folder.dir, 'reps.csv'), '员工编号,姓名,团队\nE1017,王伟,华东一组\nE1018,李娜,华东一组\nE2001,张强,华南组\n');
  expect((await runCli(['import', '--db', u.db, 'reps.csv'], folder.dir, u.env)).code).toBe(0);
});
afterAll(() => folder.dispose());

const cli = (...args: string[]) => runCli([...args, '--db', u.db, '--lang', 'en'], folder.dir, u.env);
const open = () => openStore({ db: u.db, env: u.env });
const hashOf = async (username: string) => {
  const store = await open();
  try {
    return (await store.engine.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE username = $1', [username]))[0]!.h;
  } finally {
    await store.close();
  }
};

describe('salescope user', () => {
  it('adds a user with a one-time password it prints once and keeps only as an argon2id hash', async () => {
    const r = await cli('user', 'add', 'wang', '--role', 'rep', '--rep', 'E1017', '--json');
    expect(r.code).toBe(0);
    const { oneTimePassword } = JSON.parse(r.stdout) as { oneTimePassword: string };
    expect(oneTimePassword).toMatch(/^[A-Za-z2-9]{16}$/);
    const hash = await hashOf('wang');
    expect(hash.startsWith(`$argon2id$v=19$m=${passwordCost.memoryCost},t=${passwordCost.timeCost},p=${passwordCost.parallelism}$`)).toBe(true);
    expect(hash).not.toContain(oneTimePassword);
    expect(await verifyPassword(hash, oneTimePassword)).toBe(true);
    expect(await verifyPassword(hash, oneTimePassword + 'x')).toBe(false);
    const list = JSON.parse((await cli('user', 'list', '--json')).stdout) as { users: { username: string; role: string; repId: string; mustChangePassword: boolean }[] };
    expect(list.users).toEqual([expect.objectContaining({ username: 'wang', role: 'rep', repId: 'E1017', mustChangePassword: true })]);
  });

  it('gives a new one-time password and ends the user\'s sessions; disabling ends them too', async () => {
    const store = await open();
    const id = (await store.engine.query<{ id: number }>(`SELECT user_id AS id FROM users WHERE username = 'wang'`))[0]!.id;
    const s = await startSession(store.engine, Number(id), new Date('2026-01-01T00:00:00Z'));
    await store.close();
    const before = await hashOf('wang');
    const r = await cli('user', 'passwd', 'wang');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/one-time password: [A-Za-z2-9]{16}/);
    expect(await hashOf('wang')).not.toBe(before);
    const again = await open();
    expect(await resumeSession(again.engine, s.token, new Date('2026-01-01T00:01:00Z'))).toBeNull();
    await again.close();
    expect((await cli('user', 'disable', 'wang')).stdout).toContain('user wang disabled');
    expect((await cli('user', 'enable', 'wang')).stdout).toContain('user wang may sign in again');
    expect((await cli('user', 'disable', 'wang')).stdout).toContain('user wang disabled');
  });

  it.each([
    [['user', 'add', 'x', '--role', 'king'], '--role: "king" is not one of: admin, manager, analyst, rep, auditor'],
    [['user', 'add', 'x', '--role', 'rep'], 'give it with --rep ID'],
    [['user', 'add', 'x', '--role', 'manager'], 'give it with --team NAME'],
    [['user', 'add', 'wang', '--role', 'admin'], 'a user "wang" already exists'],
    [['user', 'passwd', 'nobody'], 'no user "nobody"'],
    [['user', 'enable', 'nobody'], 'no user "nobody"'],
    [['user', 'add', '', '--role', 'analyst'], 'a user name is 1 to 100 letters'],
    [['user', 'add', 'li ming', '--role', 'analyst'], '"li ming" is not'],
    [['user', 'add', 'zhou', '--role', 'rep', '--rep', 'E999'], 'no rep "E999" in the data (3 known, e.g. E1017, E1018, E2001)'],
    [['user', 'add', 'zhou', '--role', 'manager', '--team', '华北组'], 'no team "华北组" among the reps (2 known, e.g. 华东一组, 华南组)'],
  ])('refuses %j with exit 2 and says what to do', async (args, message) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('adds a manager for a team the reps belong to, and lists users in the user\'s language', async () => {
    expect((await cli('user', 'add', 'chen', '--role', 'manager', '--team', '华东一组')).code).toBe(0);
    const zh = await runCli(['user', 'list', '--db', u.db, '--lang', 'zh-CN'], folder.dir, u.env);
    expect(zh.stdout).toContain('chen\tmanager\t华东一组\t启用');
    expect(zh.stdout).toContain('wang\trep\tE1017\t已停用');
  });

  it('refuses a rep user in a store without reps, and says to import them first', async () => {
    const r = await runCli(['user', 'add', 'wu', '--role', 'rep', '--rep', 'E1017', '--db', bare.db, '--lang', 'zh-CN'], folder.dir, bare.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('数据中还没有销售代表，无法核对“E1017”');
  });

  it('asks people for passwords of at least 10 characters and two kinds', () => {
    expect(passwordProblem('short1')).toBe('too_short');
    expect(passwordProblem('alllowercaseletters')).toBe('too_simple');
    expect(passwordProblem('Lower and UPPER')).toBeNull();
  });
});
