/** `salescope erase CUSTOMER_ID --yes`: a customer's personal data erased on request, from the console (logged as the console's user). */
import type { Command } from 'commander';
import { eraseCustomer } from '../access/erase-customer.js';
import { translator } from '../i18n/i18n.js';
import { userMessages } from '../i18n/user-messages.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

export function registerErase(program: Command, run: Run): void {
  program
    .command('erase <customerId>')
    .description("erase a customer's personal data on request (contact, gender, birth date); orders stay; logged")
    .option('--yes', 'confirm: erasing cannot be undone')
    .action(async (id: string, opts: { yes?: boolean }, cmd: Command) => run((ctx) => erase(ctx, id, opts.yes === true), cmd.optsWithGlobals()));
}

async function erase(ctx: CliContext, id: string, confirmed: boolean): Promise<number> {
  const t = translator(userMessages, ctx.lang);
  if (!confirmed) throw new UsageError(t('eraseConfirm', { id }));
  const who = { userId: null, username: `console:${ctx.io.env.USER ?? ctx.io.env.USERNAME ?? 'unknown'}` };
  return withStore(ctx, async (store) => {
    const done = await eraseCustomer(store.engine, id, who, ctx.now());
    if (done === null) throw new UsageError(t('unknownCustomer', { id, db: ctx.dbName }));
    if (ctx.json) ctx.out(JSON.stringify({ customerId: id, ...done }));
    else ctx.out(t('erased', { id, fields: done.fields.join(', '), rows: done.quarantineRows }));
    return 0;
  });
}
