/** The CLI's one error translator: expected problems become messages and exit codes; bugs become exit 1. */
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { isImportError } from '../intake/import-error.js';
import { importErrorMessage } from '../intake/describe-import.js';
import { SchemaTooNewError } from '../store/schema/migrate.js';
import { StoreKeyError } from '../store/store-key.js';
import { StoreConnectionError } from '../store/postgres/postgres-engine.js';
import { UsageError, type CliContext } from './cli-context.js';
import { PeriodBeforeDataError, PeriodOrderError } from '../analytics/analysis-period.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { FolderError } from '../store/make-folder.js';

export function translateError(ctx: CliContext, error: unknown): number {
  const t = translator(cliMessages, ctx.lang);
  // A team store's URL may carry a password: it is never echoed.
  const db = ctx.dbName;
  if (error instanceof UsageError) {
    ctx.err(error.message);
    return 2;
  }
  if (isImportError(error)) {
    ctx.err(`${error.file}: ${importErrorMessage(error, ctx.lang, 'cli')}`);
    return 2;
  }
  if (error instanceof PeriodOrderError) {
    ctx.err(translator(analysisMessages, ctx.lang)('error.periodOrder', { from: error.from, to: error.to }));
    return 2;
  }
  if (error instanceof PeriodBeforeDataError) {
    ctx.err(translator(analysisMessages, ctx.lang)('error.beforeData', { date: error.date, first: error.firstOrder }));
    return 2;
  }
  if (error instanceof FolderError) {
    ctx.err(t(`error.${error.code}`, { dir: error.dir, reason: error.reason }));
    return 2;
  }
  if (error instanceof StoreConnectionError) {
    ctx.err(t(`error.${error.code}`, { where: error.where, detail: error.detail }));
    return 2;
  }
  if (error instanceof SchemaTooNewError) {
    ctx.err(t('error.schemaTooNew', { db, found: error.found, known: error.known }));
    return 1;
  }
  if (error instanceof StoreKeyError) {
    ctx.err(t(`error.${error.code}`, { db, where: error.where }));
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/Could not set lock on file|Conflicting lock/i.test(message)) {
    ctx.err(t('error.dbLocked', { db }));
    return 1;
  }
  ctx.err(t('error.internal', { message: message.split('\n')[0] ?? message }));
  if (ctx.io.env.SALESCOPE_DEBUG && error instanceof Error && error.stack) ctx.err(error.stack);
  return 1;
}
