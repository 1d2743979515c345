/** The CLI's one error translator: expected problems become messages and exit codes; bugs become exit 1. */
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { isImportError } from '../intake/import-error.js';
import { importErrorMessage } from '../intake/describe-import.js';
import { SchemaTooNewError } from '../store/schema/migrate.js';
import { StoreKeyError } from '../store/store-key.js';
import { UsageError, type CliContext } from './cli-context.js';

export function translateError(ctx: CliContext, error: unknown): number {
  const t = translator(cliMessages, ctx.lang);
  if (error instanceof UsageError) {
    ctx.err(error.message);
    return 2;
  }
  if (isImportError(error)) {
    ctx.err(`${error.file}: ${importErrorMessage(error, ctx.lang)}`);
    return 2;
  }
  if (error instanceof SchemaTooNewError) {
    ctx.err(t('error.schemaTooNew', { db: ctx.db, found: error.found, known: error.known }));
    return 1;
  }
  if (error instanceof StoreKeyError) {
    ctx.err(t(`error.${error.code}`, { db: ctx.db, where: error.where }));
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock on file|Conflicting lock/i.test(message)) {
    ctx.err(t('error.dbLocked', { db: ctx.db }));
    return 1;
  }
  ctx.err(t('error.internal', { message: message.split('\n')[0] ?? message }));
  if (ctx.io.env.SALESCOPE_DEBUG && error instanceof Error && error.stack) ctx.err(error.stack);
  return 1;
}
