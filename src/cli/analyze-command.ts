/**
 * `salescope analyze`: computes and stores a dated snapshot; prints a summary
 * (or, with --json, the whole analysis document).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { ZodError } from 'zod';
import { joinList, translator, type Lang } from '../i18n/i18n.js';
import { analysisMessages, type AnalysisKey } from '../i18n/analysis-messages.js';
import { formatDate, formatInteger, formatMoney, formatPercent } from '../i18n/number-format.js';
import { NoDataError } from '../analytics/analysis-period.js';
import { latestConfig, mergeConfig } from '../analytics/snapshot/config-versions.js';
import { runAnalysis, type AnalysisDocument } from '../analytics/snapshot/run-analysis.js';
import { defaultAnalysisConfig } from '../config/analysis-config.js';
import { tierLabel } from '../i18n/tier-labels.js';
import type { Queryable } from '../store/engine.js';
import { dateOption, settingsFileError } from './option-values.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface AnalyzeOptions {
  readonly asOf?: string;
  readonly from?: string;
  readonly to?: string;
  readonly config?: string;
}

export function registerAnalyze(program: Command, run: Run): void {
  program
    .command('analyze')
    .description('compute and store a dated analysis snapshot: KPIs, RFM, tiers, segments, behaviour, funnel, team, satisfaction')
    .option('--as-of <date>', 'the analysis date YYYY-MM-DD (default: the last order date in the data)')
    .option('--from <date>', 'first day of the period (default: 12 months before the as-of date)')
    .option('--to <date>', 'last day of the period (default: the as-of date)')
    .option('--config <file>', 'YAML or JSON analysis settings to apply (stored as a new settings version)')
    .action(async (opts: AnalyzeOptions, cmd: Command) => {
      await run((ctx) => analyze(ctx, opts), cmd.optsWithGlobals());
    });
}

async function settingsFrom(ctx: CliContext, db: Queryable, file: string | undefined) {
  if (file === undefined) return undefined;
  const t = translator(analysisMessages, ctx.lang);
  let patch: unknown;
  try {
    patch = parseYaml(await readFile(path.resolve(ctx.io.cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(t('error.config', { file, message: (error as Error).message.split('\n')[0] ?? '' }));
  }
  try {
    return mergeConfig((await latestConfig(db))?.config ?? defaultAnalysisConfig(), patch, ctx.lang);
  } catch (error) {
    if (error instanceof ZodError) {
      throw settingsFileError(ctx.lang, file, error);
    }
    throw error;
  }
}

async function analyze(ctx: CliContext, opts: AnalyzeOptions): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const dates = {
    ...(opts.asOf !== undefined ? { asOf: dateOption(opts.asOf, '--as-of', ctx.lang) } : {}),
    ...(opts.from !== undefined ? { from: dateOption(opts.from, '--from', ctx.lang) } : {}),
    ...(opts.to !== undefined ? { to: dateOption(opts.to, '--to', ctx.lang) } : {}),
  };
  return withStore(ctx, async (store) => {
    const config = await settingsFrom(ctx, store.engine, opts.config);
    let doc: AnalysisDocument;
    try {
      doc = await runAnalysis(store.engine, { ...dates, ...(config ? { config, configNote: `from ${opts.config}` } : {}) }, ctx.now);
    } catch (error) {
      if (error instanceof NoDataError) throw new UsageError(t('error.noData', { db: ctx.dbName }));
      throw error;
    }
    if (ctx.json) ctx.out(JSON.stringify(doc));
    else renderSummary(ctx, doc);
    return 0;
  });
}

export function renderSummary(ctx: CliContext, doc: AnalysisDocument): void {
  const t = translator(analysisMessages, ctx.lang);
  const { lang } = ctx;
  const pct = (x: number | null) => (x === null ? '—' : formatPercent(x, lang));
  const delta = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : ''}${formatPercent(x, lang)}`);
  const k = doc.kpis.current;
  ctx.out(t('summary.title', { id: doc.snapshotId, from: formatDate(doc.period.from, lang), to: formatDate(doc.period.to, lang), asOf: formatDate(doc.period.asOf, lang), version: doc.configVersion }));
  ctx.out(t('summary.revenue', { revenue: formatMoney(k.revenue, lang), yoy: delta(doc.kpis.yearOverYear.revenue), pop: delta(doc.kpis.periodOverPeriod.revenue) }));
  ctx.out(t('summary.customers', { customers: formatInteger(k.customers, lang), newCustomers: formatInteger(k.newCustomers, lang), orders: formatInteger(k.orders, lang), aov: k.averageOrderValue === null ? '—' : formatMoney(k.averageOrderValue, lang) }));
  ctx.out(t('summary.rates', { repeat: pct(k.repeatPurchaseRate), retention: pct(k.retentionRate), churn: pct(k.churnRate), refund: pct(k.refundRate), nps: k.nps === null ? '—' : k.nps.toFixed(1), csat: pct(k.csat) }));
  ctx.out(t('summary.tiersHeader'));
  for (const tier of doc.tiers.value) {
    ctx.out(t('summary.tier', { tier: tierLabel(tier.tier, lang), customers: formatInteger(tier.customers, lang), share: pct(tier.customerShare), revenue: pct(tier.revenueShare), profit: pct(tier.profitShare) }));
  }
  ctx.out(t('summary.pareto', { top: pct(doc.pareto.topRevenueShare), profit: pct(doc.pareto.topProfitShare), gini: doc.pareto.gini === null ? '—' : doc.pareto.gini.toFixed(2) }));
  if (doc.clusters.k !== null) ctx.out(t('summary.clusters', { k: doc.clusters.k, silhouette: (doc.clusters.silhouette ?? 0).toFixed(2) }));
  for (const line of sectionLines(doc, lang)) ctx.out(t(line.key, line.values));
  ctx.out(t('summary.next', { db: ctx.dbName }));
}

/** One summary line per analysis section that has something to say. */
function sectionLines(doc: AnalysisDocument, lang: Lang): { key: AnalysisKey; values: Record<string, string | number> }[] {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatPercent(x, lang));
  const arrow = (a: string, b: string) => `${a} → ${b}`;
  const out: { key: AnalysisKey; values: Record<string, string | number> }[] = [];
  const { behaviour: b, funnel: f, team, satisfaction: s } = doc;
  const rule = b.basket.rules[0];
  if (rule) out.push({ key: 'summary.behaviour', values: { pair: arrow(rule.from, rule.to), confidence: pct(rule.confidence), lift: rule.lift.toFixed(1), promo: pct(b.promotion.overall.promoOrderShare), wallet: pct(b.wallet?.overall.share) } });
  if (f.opportunities > 0) {
    const rate = pct(f.bottleneck?.conversion);
    const bottleneck = f.bottleneck ? arrow(f.bottleneck.from, f.bottleneck.to) + (lang === 'zh-CN' ? `（${rate}）` : ` (${rate})`) : '—';
    out.push({ key: 'summary.funnel', values: { opportunities: formatInteger(f.opportunities, lang), winRate: pct(f.winRate), bottleneck, stalled: formatInteger(f.stalled.opportunities, lang) } });
  }
  const ranked = team.reps.filter((r) => r.attainment !== null);
  const first = ranked[0];
  const last = ranked.at(-1);
  if (first && last) out.push({ key: 'summary.team', values: { best: first.name ?? first.repId, bestAttainment: pct(first.attainment), worst: last.name ?? last.repId, worstAttainment: pct(last.attainment) } });
  const complaint = s.complaintCategories[0]?.category;
  const issue = s.topIssues.issues[0]?.term;
  if (s.ipa.items.length > 0 || complaint !== undefined) out.push({ key: 'summary.satisfaction', values: { improve: joinList(s.ipa.improveFirst, lang) || '—', complaint: complaint ?? '—', issue: issue ?? '—' } });
  const m = doc.churn.model;
  const a = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
  out.push({
    key: 'summary.churn',
    values: { high: formatInteger(doc.churn.bands.high + doc.churn.bands.critical, lang), modelAuc: a(m?.model.auc), scoreAuc: a(m?.riskScore.auc), aliveAuc: a(m?.pAlive?.auc), testDate: m?.testDate ?? '—' },
  });
  const rh = doc.recommendations.holdout;
  out.push({ key: 'summary.recommend', values: { k: doc.recommendations.k, cutoff: rh.cutoff, hit: pct(rh.model.hitRate), popular: pct(rh.popular.hitRate) } });
  return out;
}
