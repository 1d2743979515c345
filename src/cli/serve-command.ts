/**
 * `salescope serve`: the HTTP API on one store, until Ctrl-C (or SIGTERM),
 * then a clean shutdown: requests in flight finish, the store closes.
 */
import { once } from 'node:events';
import type { Command } from 'commander';
import { createApp, defaultWebRoot } from '../server/create-app.js';
import { translator } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import type { CliContext, GlobalOptions } from './cli-context.js';
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
  return withStore(ctx, (store) => serveStore(ctx, store, { port, host: opts.host }));
}

/** Serves an open store until Ctrl-C or SIGTERM; `salescope demo --serve` uses it too. */
export async function serveStore(ctx: CliContext, store: Store, opts: { port: number; host: string }): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  await ensureFirstAdmin(ctx, store);
  const webRoot = defaultWebRoot();
  const app = createApp({ store, now: ctx.now, defaultLang: ctx.lang }, webRoot !== undefined ? { webRoot } : {});
  const address = await app.listen({ port: opts.port, host: opts.host });
  ctx.out(t('serve.listening', { url: address, db: ctx.db }));
  await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  await app.close();
  return 0;
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
