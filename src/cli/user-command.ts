/**
 * `salescope user add|list|passwd|disable`: people who may sign in. New users
 * and password resets get a one-time password, printed once and changed at
 * the first sign-in; there is never a default password.
 */
import type { Command } from 'commander';
import { translator } from '../i18n/i18n.js';
import { userMessages } from '../i18n/user-messages.js';
import { roles, scopeNeeded, type Role } from '../access/roles.js';
import { listUsers } from '../access/user-store.js';
import { createUser, resetPassword, setDisabled, userNamePattern } from '../access/user-admin.js';
import { newUserProblemText } from '../i18n/user-messages.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { choiceOption } from './option-values.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface AddOptions {
  readonly role: string;
  readonly rep?: string;
  readonly team?: string;
  readonly name?: string;
}

export function registerUser(program: Command, run: Run): void {
  const user = program.command('user').description('people who may sign in to the web app: add, list, new password, disable, enable');
  user
    .command('add <username>')
    .description('add a user with a one-time password (printed once)')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--rep <id>', 'for a rep: their rep id (they see that rep\'s customers)')
    .option('--team <name>', 'for a manager: their team (they see its reps\' customers)')
    .option('--name <text>', 'name shown in the app')
    .action(async (username: string, opts: AddOptions, cmd: Command) => run((ctx) => add(ctx, username, opts), cmd.optsWithGlobals()));
  user.command('list').description('list users with role and scope').action(async (_o: unknown, cmd: Command) => run(list, cmd.optsWithGlobals()));
  user
    .command('passwd <username>')
    .description('issue a new one-time password (ends the user\'s sessions)')
    .action(async (username: string, _o: unknown, cmd: Command) => run((ctx) => passwd(ctx, username), cmd.optsWithGlobals()));
  user
    .command('disable <username>')
    .description('disable a user (ends their sessions)')
    .action(async (username: string, _o: unknown, cmd: Command) => run((ctx) => disable(ctx, username, true), cmd.optsWithGlobals()));
  user
    .command('enable <username>')
    .description('let a disabled user sign in again, with the password they had')
    .action(async (username: string, _o: unknown, cmd: Command) => run((ctx) => disable(ctx, username, false), cmd.optsWithGlobals()));
}

async function add(ctx: CliContext, username: string, opts: AddOptions): Promise<number> {
  const t = translator(userMessages, ctx.lang);
  const role: Role = choiceOption(opts.role, '--role', roles, ctx.lang);
  if (!userNamePattern.test(username)) throw new UsageError(t('badName', { username }));
  const needed = scopeNeeded(role, { repId: opts.rep, team: opts.team });
  if (needed !== null) throw new UsageError(t(needed === 'repId' ? 'repNeeded' : 'teamNeeded'));
  return withStore(ctx, async (store) => {
    const user = { username, role, ...(opts.name ? { displayName: opts.name } : {}), ...(opts.rep ? { repId: opts.rep } : {}), ...(opts.team ? { team: opts.team } : {}) };
    const r = await createUser(store.engine, user, ctx.now());
    if (!r.ok) throw new UsageError(newUserProblemText(r.problem, username, ctx.lang));
    printPassword(ctx, t('added', { username: r.value.user.username, role: r.value.user.role }), username, r.value.password);
    return 0;
  });
}

function printPassword(ctx: CliContext, headline: string, username: string, password: string): void {
  const t = translator(userMessages, ctx.lang);
  if (ctx.json) {
    ctx.out(JSON.stringify({ username, oneTimePassword: password }));
    return;
  }
  ctx.out(headline);
  ctx.out(t('otp', { password }));
  ctx.out(t('otpNote'));
}

async function list(ctx: CliContext): Promise<number> {
  const t = translator(userMessages, ctx.lang);
  return withStore(ctx, async (store) => {
    const users = await listUsers(store.engine);
    if (ctx.json) ctx.out(JSON.stringify({ users }));
    else if (users.length === 0) ctx.out(t('none'));
    else for (const u of users) ctx.out(t('row', { username: u.username, role: u.role, scope: u.repId ?? u.team ?? '*', state: t(u.disabled ? 'state.disabled' : 'state.active') }));
    return 0;
  });
}

async function passwd(ctx: CliContext, username: string): Promise<number> {
  const password = await withStore(ctx, (store) => resetPassword(store.engine, username, ctx.now()));
  if (password === null) throw unknownUser(ctx, username);
  printPassword(ctx, translator(userMessages, ctx.lang)('passwd', { username }), username, password);
  return 0;
}

async function disable(ctx: CliContext, username: string, disabled: boolean): Promise<number> {
  if (!(await withStore(ctx, (store) => setDisabled(store.engine, username, disabled, ctx.now())))) throw unknownUser(ctx, username);
  ctx.out(translator(userMessages, ctx.lang)(disabled ? 'disabled' : 'enabled', { username }));
  return 0;
}

function unknownUser(ctx: CliContext, username: string): UsageError {
  return new UsageError(translator(userMessages, ctx.lang)('unknownUser', { username }));
}
