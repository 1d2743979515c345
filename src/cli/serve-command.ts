/**
 * `salescope serve`: the HTTP API on one store, until Ctrl-C (or SIGTERM),
 * then a clean shutdown: requests in flight finish, the store closes.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { createApp, defaultWebRoot } from '../server/create-app.js';
import { translator } from '../i18n/i18n.js';
import { analysisMessages, type AnalysisKey } from '../i18n/analysis-messages.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { wholeNumberOption } from './option-values.js';
import type { Store } from '../store/open-store.js';
import { oneTimePassword } from '../access/password-hash.js';
import { addUser, countUsers } from '../access/user-store.js';
import { userMessages } from '../i18n/user-messages.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface ServeOptions {
  readonly port: string;
  readonly host: string;
}

export function registerServe(program: Command, run: Run): void {
  program
    .command('serve')
    .description('serve the web app and its HTTP API on this store')
    .option('--port <n>', 'TCP port (0: any free one)', '3000')
    .option('--host <address>', 'address to listen on (127.0.0.1: this machine only)', '127.0.0.1')
    .action(async (opts: ServeOptions, cmd: Command) => {
      await run((ctx) => serve(ctx, opts), cmd.optsWithGlobals());
    });
}

async function serve(ctx: CliContext, opts: ServeOptions): Promise<number> {
  const port = wholeNumberOption(opts.port, '--port', 0, ctx.lang);
  if (port > 65_535) throw new UsageError(translator(analysisMessages, ctx.lang)('error.portRange', { value: opts.port }));
  return withStore(ctx, (store) => serveStore(ctx, store, { port, host: opts.host }));
}

/** Serves an open store until Ctrl-C or SIGTERM; `salescope demo --serve` uses it too. */
export async function serveStore(ctx: CliContext, store: Store, opts: { port: number; host: string }): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const webRoot = defaultWebRoot();
  const controlToken = randomBytes(32).toString('hex');
  const app = createApp({ store, now: ctx.now, defaultLang: ctx.lang, controlToken }, webRoot !== undefined ? { webRoot } : {});
  const address = await listen(app, opts, t);
  // After the port is ours: a server that cannot start leaves no user behind.
  await ensureFirstAdmin(ctx, store);
  const control = controlFile(store.workDir);
  await writeControl(control, address, controlToken);
  ctx.out(t('serve.listening', { url: address, db: ctx.dbName }));
  try {
    await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    await app.close();
  } finally {
    await rm(control, { force: true });
  }
  return 0;
}

/** The port and address, or a message saying why not (taken, privileged, no such address). */
async function listen(app: ReturnType<typeof createApp>, opts: { port: number; host: string }, t: ReturnType<typeof translator<AnalysisKey>>): Promise<string> {
  try {
    return await app.listen({ port: opts.port, host: opts.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const at = { port: opts.port, host: opts.host };
    if (code === 'EADDRINUSE') throw new UsageError(t('error.portInUse', at));
    if (code === 'EACCES') throw new UsageError(t('error.portDenied', at));
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new UsageError(t('error.hostUnknown', at));
    throw error;
  }
}

/** Where a running server tells local commands how to reach it (see backup). */
export const controlFile = (workDir: string) => path.join(workDir, 'control.json');

/** Readable by the server's owner only: the token lets a local command ask the server to write a backup anywhere it may. */
async function writeControl(file: string, url: string, token: string): Promise<void> {
  const loopback = url.replace(/^http:\/\/(0\.0\.0\.0|\[::\])/, 'http://127.0.0.1');
  await writeFile(file, JSON.stringify({ url: loopback, token, pid: process.pid }), { mode: 0o600 });
}

/**
 * A store with no users gets its first administrator when it is first
 * served: user "admin" with a one-time password printed here, once, to be
 * replaced at the first sign-in. There is no default password.
 */
async function ensureFirstAdmin(ctx: CliContext, store: Store): Promise<void> {
  if ((await countUsers(store.engine)) > 0) return;
  const password = oneTimePassword();
  await addUser(store.engine, { username: 'admin', role: 'admin' }, password, ctx.now());
  const u = translator(userMessages, ctx.lang);
  ctx.out(u('firstAdmin'));
  ctx.out(u('otp', { password }));
  ctx.out(u('otpNote'));
}
