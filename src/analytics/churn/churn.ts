/**
 * The churn section of an analysis: every customer's signals and risk score
 * at the as-of date (stored in customer_risk), the supervised model's
 * probability beside it, the at-risk list with its reasons, and the
 * recorded churn reasons. Definitions in churn-metrics.ts.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { purchaseDaysSql, scopeFilter, tierJoin } from '../analysis-sql.js';
import { churnReasonsSql } from '../satisfaction/complaint-summary.js';
import type { ChurnReasonRow } from '../satisfaction/complaint-summary.js';
import { modelFeatures, readChurnFeatures } from './churn-features.js';
import { trainChurnModel, type ChurnModelReport } from './churn-model.js';
import { churnSignals, riskScore, signalCodes, type Signal, type SignalCode } from './churn-signals.js';
import { predictLogistic } from './logistic-regression.js';

export interface AtRiskCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly tier: string | null;
  readonly riskScore: number;
  readonly probability: number | null;
  readonly signals: readonly Signal[];
}

export interface ChurnSection {
  readonly customers: number;
  /** Customers by risk score: [0, 25), [25, 50), [50, 75), [75, 100]. */
  readonly bands: { readonly low: number; readonly medium: number; readonly high: number; readonly critical: number };
  readonly signalCounts: Readonly<Record<SignalCode, { readonly warn: number; readonly alert: number }>>;
  readonly atRisk: readonly AtRiskCustomer[];
  /** Null when the history is too short to train and test a model. */
  readonly model: ChurnModelReport | null;
  /** Recorded churn reasons up to the as-of date. */
  readonly reasons: readonly ChurnReasonRow[];
}

function band(score: number): keyof ChurnSection['bands'] {
  return score >= 75 ? 'critical' : score >= 50 ? 'high' : score >= 25 ? 'medium' : 'low';
}

export async function churnSection(ctx: AnalysisContext, snapshotId: number): Promise<ChurnSection> {
  const c = ctx.config.churn;
  // The purchase days are worked out once for the six dates read below (the analysis's table when it made one).
  const days = ctx.purchaseDays ?? `churn_days_${Math.floor(snapshotId)}`;
  if (ctx.purchaseDays === undefined) await ctx.db.run(`CREATE TEMP TABLE ${days} AS ${purchaseDaysSql(ctx.period.asOf, scopeFilter(ctx))}`);
  const features = await readChurnFeatures(ctx.db, ctx.period.asOf, ctx.config, { scope: ctx.scope, days });
  const trained = await trainChurnModel(ctx.db, ctx.period.asOf, ctx.config, ctx.scope, features.length, days);
  if (ctx.purchaseDays === undefined) await ctx.db.run(`DROP TABLE ${days}`);
  const scored = features.map((f) => {
    const signals = churnSignals(f, c);
    return { f, signals, risk: riskScore(signals, c.weights), probability: trained ? predictLogistic(trained.model, modelFeatures(f, c.csatLow)) : null };
  });
  await ctx.db.append(
    'customer_risk',
    ['snapshot_id', 'customer_id', 'risk_score', 'churn_probability', 'signals'],
    scored.map((s) => [snapshotId, s.f.customerId, s.risk, s.probability, JSON.stringify(s.signals)]),
  );
  const bands = { low: 0, medium: 0, high: 0, critical: 0 };
  const signalCounts = Object.fromEntries(signalCodes.map((code) => [code, { warn: 0, alert: 0 }])) as Record<SignalCode, { warn: number; alert: number }>;
  for (const s of scored) {
    bands[band(s.risk)]++;
    for (const sig of s.signals) signalCounts[sig.code][sig.level]++;
  }
  const top = scored
    .filter((s) => s.risk > 0)
    .sort((a, b) => b.risk - a.risk || (b.probability ?? 0) - (a.probability ?? 0) || (a.f.customerId < b.f.customerId ? -1 : 1))
    .slice(0, ctx.config.listed);
  const names = await namesAndTiers(ctx, top.map((t) => t.f.customerId));
  return {
    customers: scored.length,
    bands,
    signalCounts,
    atRisk: top.map((t) => ({ customerId: t.f.customerId, ...(names.get(t.f.customerId) ?? { name: null, tier: null }), riskScore: t.risk, probability: t.probability, signals: t.signals })),
    model: trained?.report ?? null,
    reasons: await ctx.db.query<ChurnReasonRow>(churnReasonsSql({ ...ctx, period: { ...ctx.period, from: '0001-01-01', to: ctx.period.asOf } })),
  };
}

async function namesAndTiers(ctx: AnalysisContext, ids: readonly string[]): Promise<Map<string, { name: string | null; tier: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.db.query<{ customer_id: string; name: string | null; tier: string | null }>(
    `SELECT c.customer_id, c.name, t.tier FROM customers c ${tierJoin(ctx, 't', 'c.customer_id')}
     WHERE c.customer_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`,
    ids,
  );
  return new Map(rows.map((r) => [r.customer_id, { name: r.name, tier: r.tier }]));
}
