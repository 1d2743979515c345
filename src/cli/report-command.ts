/**
 * `salescope report`: the customer analysis report as HTML, PDF or XLSX,
 * in Chinese or English, for a period (an existing snapshot is reused).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { ZodError } from 'zod';
import { defaultPlaybook, mergePlaybook, type Playbook } from '../playbook/default-playbook.js';
import path from 'node:path';
import type { Command } from 'commander';
import { NoDataError } from '../analytics/analysis-period.js';
import { prepareReport } from '../report/build-report.js';
import { renderReportHtml } from '../report/report-html.js';
import { ChromiumMissingError, findChromium, htmlToPdf } from '../report/report-pdf.js';
import { writeReportXlsx } from '../report/report-xlsx.js';
import { svgRenderer } from '../report/svg-chart.js';
import { translator, langs, type Lang } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { choiceOption, outputFileOption, dateOption, scopeOption, settingsFileError } from './option-values.js';
import { scopeSql } from '../analytics/analysis-scope.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;
type Format = 'html' | 'pdf' | 'xlsx';
const formats: readonly Format[] = ['html', 'pdf', 'xlsx'];

interface ReportOptions {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly goal?: string;
  readonly format: string;
  readonly out?: string;
  readonly scope?: string;
  readonly playbook?: string;
}

export function registerReport(program: Command, run: Run): void {
  program
    .command('report')
    .description('write the customer analysis report (HTML, PDF or XLSX; --lang zh-CN or en)')
    .option('--as-of <date>', 'the analysis date (default: the last order date)')
    .option('--from <date>', 'first day of the period (default: 12 months before the as-of date)')
    .option('--to <date>', 'last day of the period (default: the as-of date)')
    .option('--goal <text>', 'the goal stated in the background section')
    .option('--scope <pairs>', 'only these customers, e.g. "region=华东,industry=制造业" (keys: region, industry, size, rep)')
    .option('--playbook <file>', 'YAML or JSON with your own strategy per tier (table 4); groups left out keep the defaults')
    .option('--format <format>', `one of ${formats.join(', ')}`, 'html')
    .option('--out <path>', 'file to write (default: customer-report-<as-of>.<format> here)')
    .action(async (opts: ReportOptions, cmd: Command) => {
      await run((ctx) => report(ctx, opts), cmd.optsWithGlobals());
    });
}

async function report(ctx: CliContext, opts: ReportOptions): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const lang: Lang = choiceOption(ctx.lang, '--lang', langs, ctx.lang);
  const format = choiceOption(opts.format, '--format', formats, ctx.lang);
  const dates = {
    ...(opts.asOf !== undefined ? { asOf: dateOption(opts.asOf, '--as-of', ctx.lang) } : {}),
    ...(opts.from !== undefined ? { from: dateOption(opts.from, '--from', ctx.lang) } : {}),
    ...(opts.to !== undefined ? { to: dateOption(opts.to, '--to', ctx.lang) } : {}),
  };
  const scope = opts.scope === undefined ? undefined : scopeOption(opts.scope, ctx.lang);
  const playbook = opts.playbook === undefined ? undefined : await readPlaybook(ctx, opts.playbook);
  const outFile = opts.out === undefined ? undefined : outputFileOption(opts.out, '--out', ctx.io.cwd, `customer-report.${format}`, ctx.lang);
  // Before the work, not after it: a missing browser is known at once.
  let chromiumPath: string | undefined;
  if (format === 'pdf') {
    try {
      chromiumPath = findChromium(ctx.io.env);
    } catch (error) {
      if (error instanceof ChromiumMissingError) throw new UsageError(t('error.noChromium', { tried: error.tried.join(', ') }));
      throw error;
    }
  }
  return withStore(ctx, async (store) => {
    let model;
    try {
      if (scope && (await store.engine.query<{ n: number }>(`SELECT count(*) AS n FROM (${scopeSql(scope)}) AS in_scope`))[0]?.n === 0) {
        throw new UsageError(t('error.emptyScope', { scope: opts.scope }));
      }
      model = await prepareReport(store.engine, { ...dates, lang, ...(opts.goal !== undefined ? { goal: opts.goal } : {}), ...(scope ? { scope } : {}), ...(playbook ? { playbook } : {}) }, ctx.now, store.cipher.open);
    } catch (error) {
      if (error instanceof NoDataError) throw new UsageError(t('error.noData', { db: ctx.dbName }));
      throw error;
    }
    const out = outFile ?? path.resolve(ctx.io.cwd, `customer-report-${model.period.asOf}.${format}`);
    if (format === 'xlsx') await writeReportXlsx(model, out, ctx.now());
    else {
      const renderSvg = await svgRenderer();
      const html = renderReportHtml(model, (c) => renderSvg(c.option, c.width, c.height));
      if (format === 'html') await writeFile(out, html);
      else await htmlToPdf(html, out, { lang, ...(chromiumPath !== undefined ? { chromiumPath } : {}) });
    }
    if (ctx.json) ctx.out(JSON.stringify({ path: out, format, lang, period: model.period }));
    else ctx.out(t('report.written', { path: out, format, lang, asOf: model.period.asOf }));
    return 0;
  });
}

async function readPlaybook(ctx: CliContext, file: string): Promise<Playbook> {
  const t = translator(analysisMessages, ctx.lang);
  let patch: unknown;
  try {
    patch = parseYaml(await readFile(path.resolve(ctx.io.cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(t('error.config', { file, message: (error as Error).message.split('\n')[0] ?? '' }));
  }
  try {
    return mergePlaybook(defaultPlaybook, patch, ctx.lang);
  } catch (error) {
    if (error instanceof ZodError) throw settingsFileError(ctx.lang, file, error);
    throw error;
  }
}
