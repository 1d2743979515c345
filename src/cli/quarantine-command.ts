/**
 * Reviewing rejected rows: list them with their reasons, or export them to a
 * file (the original columns plus the reasons) to fix in Excel and import again.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { listQuarantine, type QuarantinedRow } from '../intake/quarantine-store.js';
import { exportQuarantine as exportRows, reasonsText } from '../intake/quarantine-export.js';
import type { CliContext, GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { choiceOption, outputFileOption, wholeNumberOption } from './option-values.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

export function registerQuarantine(program: Command, run: Run): void {
  const q = program.command('quarantine').description('review rows the import rejected, and export them to fix and re-import');
  q.command('list')
    .description('list quarantined rows with their reasons')
    .option('--run <id>', 'only this import run')
    .option('--limit <n>', 'at most this many rows', '50')
    .action(async (opts: { run?: string; limit: string }, cmd: Command) => {
      await run(async (ctx) => {
        const runId = opts.run === undefined ? undefined : wholeNumberOption(opts.run, '--run', 1, ctx.lang);
        const limit = wholeNumberOption(opts.limit, '--limit', 1, ctx.lang);
        const rows = await withStore(ctx, (store) => listQuarantine(store.engine, { ...(runId ? { runId } : {}), limit }));
        renderList(ctx, rows);
        return 0;
      }, cmd.optsWithGlobals());
    });
  q.command('export')
    .description('write quarantined rows (original columns + reasons) to .xlsx or .csv')
    .requiredOption('--out <file>', 'output file (.xlsx or .csv)')
    .option('--run <id>', 'import run (default: the latest with rejected rows)')
    .action(async (opts: { run?: string; out: string }, cmd: Command) => {
      await run(async (ctx) => {
        const runId = opts.run === undefined ? undefined : wholeNumberOption(opts.run, '--run', 1, ctx.lang);
        choiceOption(path.extname(opts.out).toLowerCase(), '--out', ['.xlsx', '.csv'], ctx.lang);
        const out = outputFileOption(opts.out, '--out', ctx.io.cwd, 'quarantine.xlsx', ctx.lang);
        const rows = await withStore(ctx, (store) => listQuarantine(store.engine, { ...(runId ? { runId } : { latestRun: true }) }));
        await exportRows(out, rows, ctx.lang);
        if (ctx.json) ctx.out(JSON.stringify({ file: out, rows: rows.length }));
        else ctx.out(translator(cliMessages, ctx.lang)('quarantine.exported', { rows: rows.length, file: out }));
        return 0;
      }, cmd.optsWithGlobals());
    });
}

function renderList(ctx: CliContext, rows: readonly QuarantinedRow[]): void {
  if (ctx.json) {
    ctx.out(JSON.stringify({ rows: rows.map((r) => ({ ...r, message: reasonsText(r, ctx.lang) })) }));
    return;
  }
  const t = translator(cliMessages, ctx.lang);
  if (rows.length === 0) ctx.out(t('quarantine.none'));
  for (const r of rows) {
    ctx.out(t('quarantine.header', { run: r.runId, file: r.file, row: r.row }));
    ctx.out(t('quarantine.row', { reasons: reasonsText(r, ctx.lang) }));
  }
}

