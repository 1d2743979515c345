/**
 * The churn section of an analysis: every customer's signals and risk score
 * at the as-of date (stored in customer_risk), the supervised model's
 * probability beside it, the at-risk list with its reasons, and the
 * recorded churn reasons. Definitions in churn-metrics.ts.
 */
import { alongside, type AnalysisContext } from '../analysis-context.js';
import { tierJoin } from '../analysis-sql.js';
import { churnReasonsSql } from '../satisfaction/complaint-summary.js';
import type { ChurnReasonRow } from '../satisfaction/complaint-summary.js';
import { churnFeaturesQuery } from './churn-features.js';
import { riskSummarySql, scoredRiskSql } from './churn-risk-sql.js';
import { fitChurnModel, type ChurnModelReport, type FittedChurnModel } from './churn-model.js';
import { signalCodes, type Signal, type SignalCode } from './churn-signals.js';

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

/** The statement that makes a table of every customer's churn features at the as-of date from the purchase days in `days`. */
export function churnFeaturesTableSql(ctx: AnalysisContext, table: string, days: string | null): string {
  const source = { scope: ctx.scope, days, history: ctx.purchaseHistory ?? null };
  return `CREATE TEMP TABLE ${table} AS ${churnFeaturesQuery(ctx.db.dialect, ctx.period.asOf, ctx.config, source)}`;
}

/**
 * `model`: the churn model when the caller trained it (an analysis trains it
 * beside its other statements, fitChurnModel); absent, trained here.
 */
export async function churnSection(ctx: AnalysisContext, snapshotId: number, model?: Promise<FittedChurnModel | null>): Promise<ChurnSection> {
  const c = ctx.config.churn;
  const id = Math.floor(snapshotId);
  // Every customer's features stay in the engine, which scores them there (churn-risk-sql.ts): only the at-risk list comes back.
  const features = ctx.churnFeatures ?? `churn_features_${id}`;
  if (ctx.churnFeatures === undefined) await ctx.db.run(churnFeaturesTableSql(ctx, features, ctx.purchaseDays ?? null));
  const fitted = await (model ?? trainedFor(ctx, features));
  const scored = scoredRiskSql(features, c, fitted?.model ?? null, ctx.db.dialect);
  // The model's report is worked out while the engine scores every customer.
  const [, report] = await alongside(
    ctx.db.run(
      `INSERT INTO customer_risk (snapshot_id, customer_id, risk_score, churn_probability, signals)
     SELECT ${id}, customer_id, risk, probability, CAST(signals AS JSON) FROM (${scored}) AS s`,
    ),
    () => fitted?.report() ?? null,
  );
  const [summary] = await ctx.db.query<Record<string, number>>(riskSummarySql(scored));
  if (ctx.churnFeatures === undefined) await ctx.db.run(`DROP TABLE ${features}`);
  return {
    customers: summary?.customers ?? 0,
    bands: { low: summary?.low ?? 0, medium: summary?.medium ?? 0, high: summary?.high ?? 0, critical: summary?.critical ?? 0 },
    signalCounts: Object.fromEntries(signalCodes.map((code) => [code, { warn: summary?.[`${code}_warn`] ?? 0, alert: summary?.[`${code}_alert`] ?? 0 }])) as ChurnSection['signalCounts'],
    atRisk: await atRiskCustomers(ctx, id),
    model: report,
    reasons: await ctx.db.query<ChurnReasonRow>(churnReasonsSql({ ...ctx, period: { ...ctx.period, from: '0001-01-01', to: ctx.period.asOf } })),
  };
}

async function trainedFor(ctx: AnalysisContext, features: string): Promise<FittedChurnModel | null> {
  const population = (await ctx.db.query<{ n: number }>(`SELECT count(*) AS n FROM ${features}`))[0]!.n;
  return fitChurnModel(ctx.db, ctx.period.asOf, ctx.config, ctx.scope, population);
}

const order = (r: string) => `${r}risk_score DESC, coalesce(${r}churn_probability, 0) DESC, ${r}customer_id`;

/** The customers most at risk in this snapshot: highest score first, then the model's probability, then id. */
async function atRiskCustomers(ctx: AnalysisContext, snapshotId: number): Promise<AtRiskCustomer[]> {
  const rows = await ctx.db.query<{ customer_id: string; name: string | null; tier: string | null; risk_score: number; churn_probability: number | null; signals: string }>(
    // The list is cut before the joins, which then look up a few customers instead of every scored one.
    `SELECT r.customer_id, c.name, t.tier, r.risk_score, r.churn_probability, CAST(r.signals AS VARCHAR) AS signals
     FROM (SELECT customer_id, risk_score, churn_probability, signals FROM customer_risk WHERE snapshot_id = ${snapshotId} AND risk_score > 0
       ORDER BY ${order('')} LIMIT ${Math.max(0, Math.floor(ctx.config.listed))}) AS r
     LEFT JOIN customers c ON c.customer_id = r.customer_id ${tierJoin(ctx, 't', 'r.customer_id')}
     ORDER BY ${order('r.')}`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    name: r.name,
    tier: r.tier,
    riskScore: r.risk_score,
    probability: r.churn_probability,
    signals: JSON.parse(r.signals) as Signal[],
  }));
}
