/**
 * `salescope demo`: generate the demo company's files, import them through
 * the same intake as any user's file, analyse them (unless --no-analyze) and
 * say what is in the store.
 */
import { makeFolder } from '../store/make-folder.js';
import path from 'node:path';
import { isPostgresUrl } from '../store/postgres/postgres-engine.js';
import type { Command } from 'commander';
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { formatDate, formatInteger, formatMoney } from '../i18n/number-format.js';
import { generateDemo } from '../demo/generate-demo.js';
import { writeDemoFiles } from '../demo/write-demo-files.js';
import type { Store } from '../store/open-store.js';
import { dateText } from '../store/sql-dialect.js';
import { runAnalysis } from '../analytics/snapshot/run-analysis.js';
import { runClv, TooLittleHistoryError } from '../analytics/clv/run-clv.js';
import { renderSummary } from './analyze-command.js';
import { serveStore } from './serve-command.js';
import { dateOption, wholeNumberOption } from './option-values.js';
import { importFiles, renderImport } from './import-command.js';
import type { CliContext, GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface DemoOptions {
  readonly seed: string;
  readonly customers: string;
  readonly end: string;
  readonly out?: string;
  /** False with --no-analyze. */
  readonly analyze: boolean;
  /** Then serve the app on the store (npm start). */
  readonly serve?: boolean;
  readonly port: string;
  readonly host: string;
}

export function registerDemo(program: Command, run: Run): void {
  program
    .command('demo')
    .description('generate the demo company (A公司, industrial automation) and import it')
    .option('--seed <n>', 'random seed: the same seed gives the same company', '42')
    .option('--customers <n>', 'number of customers', '2000')
    .option('--end <date>', 'last day of the three years of history', '2025-12-31')
    .option('--out <dir>', 'where to write the files (default: salescope-demo beside the database)')
    .option('--no-analyze', 'import only; run salescope analyze later')
    .option('--serve', 'then serve the web app on it, as salescope serve does')
    .option('--port <n>', 'with --serve: TCP port', '3000')
    .option('--host <address>', 'with --serve: address to listen on', '127.0.0.1')
    .action(async (opts: DemoOptions, cmd: Command) => {
      await run((ctx) => runDemo(ctx, opts), cmd.optsWithGlobals());
    });
}

async function runDemo(ctx: CliContext, opts: DemoOptions): Promise<number> {
  const t = translator(cliMessages, ctx.lang);
  const seed = wholeNumberOption(opts.seed, '--seed', 1, ctx.lang);
  const customers = wholeNumberOption(opts.customers, '--customers', 1, ctx.lang);
  const end = dateOption(opts.end, '--end', ctx.lang);
  const port = wholeNumberOption(opts.port, '--port', 0, ctx.lang);
  // The files go beside a database file; a store in memory or on a server has no folder, so they go in the current one.
  const besideDb = ctx.db === ':memory:' || isPostgresUrl(ctx.db) ? ctx.io.cwd : path.dirname(ctx.db);
  const dir = path.resolve(ctx.io.cwd, opts.out ?? path.join(besideDb, 'salescope-demo'));
  const log = (text: string) => (ctx.json ? ctx.err(text) : ctx.out(text));
  log(t('demo.generating', { seed, customers }));
  await makeFolder(dir);
  const company = generateDemo({ seed, customers, endDate: end, years: 3 });
  const files = await writeDemoFiles(company, dir);
  log(t('demo.written', { files: files.length, dir }));
  log(t('demo.importing', { db: ctx.dbName }));
  return withStore(ctx, async (store) => {
    const outcome = await importFiles({ ...ctx, json: false, out: () => undefined }, store, files.map((f) => f.path), {});
    if (!ctx.json) renderImport({ ...ctx, json: false }, outcome);
    const summary = await storeSummary(store);
    const analysis = opts.analyze && outcome.failures.length === 0 ? await runAnalysis(store.engine, {}, ctx.now) : null;
    if (analysis) await demoClv(store, ctx.now);
    if (ctx.json) {
      const files = outcome.results.map((r) => ({ file: r.file, entity: r.entity, rows: r.rows, inserted: r.inserted, quarantined: r.quarantined }));
      ctx.out(JSON.stringify({ dir, files, summary, snapshotId: analysis?.snapshotId ?? null }));
    } else {
      ctx.out(
        t('demo.summary', {
          customers: formatInteger(summary.customers, ctx.lang),
          orders: formatInteger(summary.orders, ctx.lang),
          lines: formatInteger(summary.lines, ctx.lang),
          revenue: formatMoney(summary.revenue, ctx.lang),
          from: summary.from ? formatDate(summary.from, ctx.lang) : '—',
          to: summary.to ? formatDate(summary.to, ctx.lang) : '—',
        }),
      );
      if (analysis) renderSummary(ctx, analysis);
      else ctx.out(t('demo.next', { db: ctx.dbName }));
    }
    if (outcome.failures.length > 0) return 1;
    return opts.serve ? serveStore(ctx, store, { port, host: opts.host }) : 0;
  });
}

export interface StoreSummary {
  readonly customers: number;
  readonly orders: number;
  readonly lines: number;
  readonly revenue: number;
  readonly from: string | null;
  readonly to: string | null;
}

export async function storeSummary(store: Store): Promise<StoreSummary> {
  const day = (value: string) => dateText(store.engine.dialect, value, 'day');
  const rows = await store.engine.query<StoreSummary>(
    `SELECT (SELECT count(*) FROM customers) AS customers, count(DISTINCT order_id) AS orders, count(*) AS lines,
            coalesce(CAST(sum(amount) AS FLOAT8), 0) AS revenue, ${day('min(order_date)')} AS "from", ${day('max(order_date)')} AS "to"
     FROM order_lines`,
  );
  return rows[0]!;
}

/**
 * The demo shows customer lifetime value too (customer 360, forecast), with
 * `salescope clv`'s defaults; a demo too small to fit the models goes without.
 */
async function demoClv(store: Store, now: () => Date): Promise<void> {
  try {
    await runClv(store.engine, { timeUnit: 'week', horizon: 52, discountRate: 0.1 }, now);
  } catch (error) {
    if (!(error instanceof TooLittleHistoryError)) throw error;
  }
}
