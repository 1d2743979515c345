/**
 * `salescope clv`: fit the lifetime-value models, score every customer and
 * print the parameters, the holdout check and the totals (`--json`: the
 * document, as stored with the run).
 */
import type { Command } from 'commander';
import { NoDataError } from '../analytics/analysis-period.js';
import { CalibrationAfterDataError, runClv, timeUnits, TooLittleHistoryError, type ClvDocument, type TimeUnit } from '../analytics/clv/run-clv.js';
import { translator, type Lang } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { formatInteger, formatMoney, formatPercent } from '../i18n/number-format.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { choiceOption, dateOption, numberOption } from './option-values.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface ClvOptions {
  readonly calibrationEnd?: string;
  readonly timeUnit: string;
  readonly horizon: string;
  readonly discountRate: string;
}

export function registerClv(program: Command, run: Run): void {
  program
    .command('clv')
    .description('customer lifetime value: fit BG/NBD, Pareto/NBD and Gamma-Gamma, score every customer, check against a holdout')
    .option('--calibration-end <date>', 'fit on purchases up to this date; later purchases become the holdout (default: the last purchase date)')
    .option('--time-unit <unit>', `time unit of the models: ${timeUnits.join(', ')}`, 'week')
    .option('--horizon <n>', 'how many time units ahead CLV looks', '52')
    .option('--discount-rate <r>', 'yearly discount rate, e.g. 0.1 for 10%', '0.1')
    .action(async (opts: ClvOptions, cmd: Command) => {
      await run((ctx) => clv(ctx, opts), cmd.optsWithGlobals());
    });
}

async function clv(ctx: CliContext, opts: ClvOptions): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const request = {
    ...(opts.calibrationEnd !== undefined ? { calibrationEnd: dateOption(opts.calibrationEnd, '--calibration-end', ctx.lang) } : {}),
    timeUnit: choiceOption(opts.timeUnit, '--time-unit', timeUnits, ctx.lang),
    horizon: numberOption(opts.horizon, '--horizon', 1, 10_000, ctx.lang),
    discountRate: numberOption(opts.discountRate, '--discount-rate', 0, 1, ctx.lang),
  };
  return withStore(ctx, async (store) => {
    let doc: ClvDocument;
    try {
      doc = await runClv(store.engine, request, ctx.now);
    } catch (error) {
      if (error instanceof NoDataError) throw new UsageError(t('error.noData', { db: ctx.dbName }));
      if (error instanceof CalibrationAfterDataError) throw new UsageError(t('error.calibrationAfterData', { date: error.calibrationEnd, last: error.lastPurchase }));
      if (error instanceof TooLittleHistoryError) {
        throw new UsageError(t('error.tooLittleHistory', { repeat: error.repeatCustomers, needed: error.needed, date: request.calibrationEnd ?? '—' }));
      }
      throw error;
    }
    if (ctx.json) ctx.out(JSON.stringify(doc));
    else renderClv(ctx, doc);
    return 0;
  });
}

const modelNames = { bgnbd: 'BG/NBD', paretoNbd: 'Pareto/NBD', gammaGamma: 'Gamma-Gamma' } as const;

const unitNames: Readonly<Record<TimeUnit, { en: string; 'zh-CN': string }>> = {
  day: { en: 'day', 'zh-CN': '天' },
  week: { en: 'week', 'zh-CN': '周' },
  month: { en: 'month', 'zh-CN': '月' },
};

function renderClv(ctx: CliContext, d: ClvDocument): void {
  const t = translator(analysisMessages, ctx.lang);
  const lang: Lang = ctx.lang;
  const f = (x: number, digits = 3) => x.toFixed(digits);
  const unit = unitNames[d.timeUnit][lang];
  ctx.out(t('clv.title', { id: d.clvRunId, calibrationEnd: d.calibrationEnd, customers: formatInteger(d.customers, lang), repeat: formatInteger(d.repeatCustomers, lang), unit }));
  ctx.out(t('clv.bgnbd', { r: f(d.bgnbd.r), alpha: f(d.bgnbd.alpha), a: f(d.bgnbd.a), b: f(d.bgnbd.b), ll: f(d.bgnbd.logLik, 1) }));
  ctx.out(t('clv.paretoNbd', { r: f(d.paretoNbd.r), alpha: f(d.paretoNbd.alpha), s: f(d.paretoNbd.s), beta: f(d.paretoNbd.beta), ll: f(d.paretoNbd.logLik, 1) }));
  ctx.out(t('clv.gammaGamma', { p: f(d.gammaGamma.p, 2), q: f(d.gammaGamma.q, 2), v: f(d.gammaGamma.v, 2), customers: formatInteger(d.gammaGamma.customers, lang) }));
  if (d.boundaries.length > 0) ctx.out(t('clv.boundary', { models: d.boundaries.map((m) => modelNames[m]).join(', ') }));
  if (d.holdout) {
    const h = d.holdout;
    ctx.out(t('clv.holdout', { end: d.observationEnd, length: f(h.length, 1), unit, actual: formatInteger(h.actual, lang), bgnbd: f(h.bgnbd, 1), paretoNbd: f(h.paretoNbd, 1) }));
  }
  ctx.out(t('clv.totals', { horizon: d.horizon, unit, transactions: f(d.totals.expectedTransactions, 1), clv: formatMoney(d.totals.clv, lang), rate: formatPercent(d.discountRate, lang) }));
  ctx.out(t('clv.next', { id: d.clvRunId }));
}
