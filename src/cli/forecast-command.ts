/**
 * `salescope forecast`: monthly revenue forecasts with intervals and their
 * backtest, the pipeline-weighted and the CLV bottom-up views.
 */
import type { Command } from 'commander';
import { NoDataError } from '../analytics/analysis-period.js';
import { runForecast, type ForecastDocument } from '../analytics/forecast/forecast.js';
import { forecastBys } from '../analytics/forecast/forecast-sql.js';
import { latestConfig } from '../analytics/snapshot/config-versions.js';
import { defaultAnalysisConfig } from '../config/analysis-config.js';
import { translator } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { formatInteger, formatMoney, formatPercent } from '../i18n/number-format.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { choiceOption, dateOption, wholeNumberOption } from './option-values.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface ForecastOptions {
  readonly by: string;
  readonly horizon: string;
  readonly asOf?: string;
}

export function registerForecast(program: Command, run: Run): void {
  program
    .command('forecast')
    .description('forecast monthly revenue (ETS chosen by AICc, with intervals and a backtest), plus the pipeline and CLV views')
    .option('--by <grouping>', `one series per: ${forecastBys.join(', ')}`, 'none')
    .option('--horizon <months>', 'months ahead', '12')
    .option('--as-of <date>', 'use data up to this date only (default: all)')
    .action(async (opts: ForecastOptions, cmd: Command) => {
      await run((ctx) => forecast(ctx, opts), cmd.optsWithGlobals());
    });
}

async function forecast(ctx: CliContext, opts: ForecastOptions): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const by = choiceOption(opts.by, '--by', forecastBys, ctx.lang);
  const horizon = wholeNumberOption(opts.horizon, '--horizon', 1, ctx.lang);
  if (horizon > 60) throw new UsageError(t('error.badRange', { flag: '--horizon', value: opts.horizon, min: 1, max: 60 }));
  const asOf = opts.asOf === undefined ? undefined : dateOption(opts.asOf, '--as-of', ctx.lang);
  return withStore(ctx, async (store) => {
    const config = (await latestConfig(store.engine))?.config ?? defaultAnalysisConfig();
    let doc: ForecastDocument;
    try {
      doc = await runForecast(store.engine, config, { by, horizon, ...(asOf !== undefined ? { asOf } : {}) });
    } catch (error) {
      if (error instanceof NoDataError) throw new UsageError(t('error.noData', { db: ctx.dbName }));
      throw error;
    }
    if (ctx.json) ctx.out(JSON.stringify(doc));
    else render(ctx, doc);
    return 0;
  });
}

function render(ctx: CliContext, d: ForecastDocument): void {
  const t = translator(analysisMessages, ctx.lang);
  const money = (x: number) => formatMoney(x, ctx.lang);
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(x, ctx.lang));
  ctx.out(t('forecast.title', { horizon: d.horizon, lastMonth: d.lastMonth }));
  for (const s of d.series) {
    const group = s.group === '*' ? (ctx.lang === 'zh-CN' ? '全部' : 'all') : s.group;
    if (s.status === 'too_little_history') {
      ctx.out(t('forecast.short', { group, months: s.months, needed: s.needed }));
      continue;
    }
    const next = s.forecast[0]!;
    ctx.out(
      t('forecast.series', {
        group, model: s.model, next: money(next.revenue), lo80: money(next.lower80), hi80: money(next.upper80), lo95: money(next.lower95), hi95: money(next.upper95),
        horizon: d.horizon, total: money(s.forecast.reduce((a, p) => a + p.revenue, 0)), mape: pct(s.backtest.model.mape), naive: pct(s.backtest.seasonalNaive.mape),
      }),
    );
  }
  ctx.out(t('forecast.pipeline', { open: formatInteger(d.pipeline.openOpportunities, ctx.lang), amount: money(d.pipeline.openAmount), weighted: money(d.pipeline.weightedAmount) }));
  ctx.out(d.clv ? t('forecast.clv', { id: d.clv.clvRunId, calibrationEnd: d.clv.calibrationEnd, horizon: d.horizon, total: money(d.clv.total) }) : t('forecast.noClv'));
}
