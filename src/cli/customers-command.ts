/**
 * `salescope customers`: the per-customer results of the latest analysis (or
 * a chosen snapshot), filtered by tier or segment.
 */
import type { Command } from 'commander';
import { translator, type Lang } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { formatDate, formatInteger, formatMoney } from '../i18n/number-format.js';
import { tierCode, tierCodes, tierLabel } from '../i18n/tier-labels.js';
import { listScoredCustomers, type CustomerPage, type CustomerSort, type ScoredCustomer } from '../analytics/snapshot/customer-list.js';
import { signalLabel } from '../i18n/signal-labels.js';
import { choiceOption, wholeNumberOption } from './option-values.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

interface CustomersOptions {
  readonly tier?: string;
  readonly segment?: string;
  readonly snapshot?: string;
  readonly sort: string;
  readonly limit: string;
  readonly offset: string;
}

const sorts: readonly CustomerSort[] = ['value', 'revenue', 'recency', 'health', 'risk'];

export function registerCustomers(program: Command, run: Run): void {
  program
    .command('customers')
    .description('list customers with their scores and tiers from the latest analysis')
    .option('--tier <tier>', 'value or RFM tier: strategic, high_value, potential, long_tail, churn_risk, low_value (or its Chinese name)')
    .option('--segment <segment>', 'named RFM segment: Champions, At Risk, Lost … (or its Chinese name)')
    .option('--snapshot <id>', 'analysis snapshot (default: the latest)')
    .option('--sort <key>', `order: ${sorts.join(', ')}`, 'value')
    .option('--limit <n>', 'at most this many customers', '20')
    .option('--offset <n>', 'skip this many first', '0')
    .action(async (opts: CustomersOptions, cmd: Command) => {
      await run((ctx) => customers(ctx, opts), cmd.optsWithGlobals());
    });
}

function code(value: string | undefined, flag: string, lang: Lang): string | undefined {
  if (value === undefined) return undefined;
  const c = tierCode(value);
  if (c === null) throw new UsageError(translator(analysisMessages, lang)('error.unknownTier', { flag, value, accepted: tierCodes.join(', ') }));
  return c;
}

async function customers(ctx: CliContext, opts: CustomersOptions): Promise<number> {
  const t = translator(analysisMessages, ctx.lang);
  const tier = code(opts.tier, '--tier', ctx.lang);
  const segment = code(opts.segment, '--segment', ctx.lang);
  const query = {
    limit: wholeNumberOption(opts.limit, '--limit', 1, ctx.lang),
    offset: wholeNumberOption(opts.offset, '--offset', 0, ctx.lang),
    sort: choiceOption(opts.sort, '--sort', sorts, ctx.lang),
    ...(opts.snapshot !== undefined ? { snapshotId: wholeNumberOption(opts.snapshot, '--snapshot', 1, ctx.lang) } : {}),
    ...(tier !== undefined ? { tier } : {}),
    ...(segment !== undefined ? { segment } : {}),
  };
  const page = await withStore(ctx, (store) => listScoredCustomers(store.engine, query));
  if (!page) throw new UsageError(query.snapshotId === undefined ? t('error.noSnapshot') : t('error.unknownSnapshot', { id: query.snapshotId }));
  if (ctx.json) ctx.out(JSON.stringify(page));
  else render(ctx, page);
  return 0;
}

function riskText(c: ScoredCustomer, lang: Lang): string {
  if (c.riskScore === null) return '—';
  const signals = c.riskSignals.map((s) => signalLabel(s.code, lang) + (s.level === 'alert' ? '!' : ''));
  if (signals.length === 0) return c.riskScore.toFixed(0);
  return lang === 'zh-CN' ? `${c.riskScore.toFixed(0)}（${signals.join('、')}）` : `${c.riskScore.toFixed(0)} (${signals.join(', ')})`;
}

function render(ctx: CliContext, page: CustomerPage): void {
  const t = translator(analysisMessages, ctx.lang);
  const { lang } = ctx;
  if (page.customers.length === 0) {
    ctx.out(t('customers.none'));
    return;
  }
  ctx.out(t('customers.header'));
  for (const c of page.customers) {
    ctx.out(t('customers.row', {
      id: c.customerId,
      name: c.name ?? '—',
      valueTier: tierLabel(c.valueTier, lang),
      rfmTier: tierLabel(c.rfmTier, lang),
      segment: tierLabel(c.segment, lang),
      rfm: c.rfmCode,
      revenue: formatMoney(c.monetary, lang),
      recency: c.recencyDays === null ? '—' : formatInteger(c.recencyDays, lang),
      health: c.healthScore === null ? '—' : c.healthScore.toFixed(0),
      risk: riskText(c, lang),
    }));
  }
  ctx.out(t('customers.total', { shown: page.customers.length, total: formatInteger(page.total, lang), id: page.snapshotId, asOf: formatDate(page.asOf, lang) }));
}
