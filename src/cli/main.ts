/**
 * The command line: one program, one catch that turns errors into exit codes
 * (0 success, 1 failure, 2 bad usage or bad input) and messages in the
 * user's language.
 */
import { Command, CommanderError, Option } from 'commander';
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { openStore, type Store } from '../store/open-store.js';
import { isPostgresUrl } from '../store/postgres/postgres-engine.js';
import { z } from 'zod';
import { cliContext, UsageError, type CliContext, type CliIo, type GlobalOptions } from './cli-context.js';
import { translateError } from './cli-error.js';
import { importFiles, renderImport, type ImportOptions } from './import-command.js';
import { registerQuarantine } from './quarantine-command.js';
import { registerDemo } from './demo-command.js';
import { registerAnalyze } from './analyze-command.js';
import { registerCustomers } from './customers-command.js';
import { registerClv } from './clv-command.js';
import { registerForecast } from './forecast-command.js';
import { registerReport } from './report-command.js';
import { registerServe } from './serve-command.js';
import { registerUser } from './user-command.js';
import { registerBackup } from './backup-command.js';
import { registerErase } from './erase-command.js';

export type CommandRunner = (ctx: CliContext) => Promise<number>;

/** Opens the store for a command and always closes it. */
export async function withStore<T>(ctx: CliContext, fn: (store: Store) => Promise<T>): Promise<T> {
  if (ctx.memoryLimit !== null && isPostgresUrl(ctx.db)) ctx.err(translator(cliMessages, ctx.lang)('warn.memoryLimitIgnored', { limit: ctx.memoryLimit }));
  const store = await openStore({ db: ctx.db, env: ctx.io.env, ...(ctx.memoryLimit !== null ? { memoryLimit: ctx.memoryLimit } : {}) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function buildProgram(io: CliIo, run: (runner: CommandRunner, opts: GlobalOptions) => Promise<void>): Command {
  const program = new Command('salescope')
    .description('Sales-data analysis and customer management on an embedded DuckDB file, or on PostgreSQL for a team')
    .addOption(new Option('--db <file|url>', 'database file, or postgres://user:password@host/database?schema=name for a team store (env SALESCOPE_DB)').default(undefined, './salescope.duckdb'))
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['zh-CN', 'en']))
    .option('--memory-limit <size>', 'memory DuckDB may use before spilling to disk, e.g. 4GB (env SALESCOPE_MEMORY_LIMIT; default 80% of RAM; a team store\'s server sets its own)')
    .option('--json', 'machine-readable output on stdout')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('import')
    .description('import CSV, Excel (.xlsx) or Parquet files; every row ends inserted, updated, unchanged, duplicate or quarantined')
    .argument('<files...>', 'files to import')
    .option('--entity <name>', 'what the files hold (customers, order_lines, opportunities …); recognised from the headers when omitted')
    .option('--mapping <file>', 'YAML or JSON mapping of columns to fields')
    .option('--sheet <name>', 'worksheet to read (default: the first non-empty one)')
    .action(async (files: string[], options: ImportOptions, cmd: Command) => {
      await run(async (ctx) => {
        const outcome = await withStore(ctx, (store) => importFiles(ctx, store, files, options));
        renderImport(ctx, outcome);
        return outcome.failures.length > 0 ? 2 : 0;
      }, cmd.optsWithGlobals());
    });

  registerQuarantine(program, run);
  registerAnalyze(program, run);
  registerCustomers(program, run);
  registerClv(program, run);
  registerForecast(program, run);
  registerReport(program, run);
  registerServe(program, run);
  registerUser(program, run);
  registerBackup(program, run);
  registerErase(program, run);
  registerDemo(program, run);
  return program;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const run = async (runner: CommandRunner, opts: GlobalOptions) => {
    const ctx = cliContext(io, opts);
    // One language per run: the checks of settings, mapping and playbook files speak it too.
    z.config(ctx.lang === 'zh-CN' ? z.locales.zhCN() : z.locales.en());
    try {
      exitCode = await runner(ctx);
    } catch (error) {
      exitCode = translateError(ctx, error);
    }
  };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
  return exitCode;
}
