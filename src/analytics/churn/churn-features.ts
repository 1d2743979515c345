/**
 * Reading the churn features at an as-of date, and turning them into the
 * numbers the model learns from (bounded, with missing evidence neutral).
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import type { Dialect, Queryable } from '../../store/engine.js';
import { inScope } from '../analysis-sql.js';
import { boughtAfterSql, churnFeaturesSql, type FeatureTables } from './churn-features-sql.js';
import type { ChurnFeatures } from './churn-signals.js';

interface FeatureRow {
  customer_id: string;
  last_purchase: string;
  days_since: number;
  purchase_days: number;
  cycle_days: number | null;
  value_recent: number;
  value_before: number;
  quote_recent: number | null;
  quote_before: number | null;
  competitor_contacts: number;
  /** Null when there were none (an empty list has no engine-neutral literal). */
  competitors: string[] | null;
  stalled_projects: number;
  stalled_opportunities: number;
  stalled_days: number | null;
  complaints: number;
  unresolved_complaints: number;
  csat_mean: number | null;
  nps_last: number | null;
}

/** Where the features are read from: which customers, and the shared tables (FeatureTables); every part is optional. */
export interface FeatureSource extends FeatureTables {
  /** A relation (customer_id) of the customers to read; all of them when absent. */
  readonly scope?: string | null;
  /** A further condition on customer_id (the training sample). */
  readonly sample?: string;
}

/** The churn features of the customers `source` names at an as-of date (churnFeaturesSql). */
export function churnFeaturesQuery(dialect: Dialect, asOf: string, config: AnalysisConfig, source: FeatureSource = {}): string {
  const filter = inScope(source.scope ?? null) + (source.sample ?? '');
  return churnFeaturesSql(asOf, config, filter, dialect, source);
}

type FeatureColumns = { [K in keyof FeatureRow]: FeatureRow[K][] };

export async function readChurnFeatures(db: Queryable, asOf: string, config: AnalysisConfig, source: FeatureSource = {}): Promise<ChurnFeatures[]> {
  // Columns, not row objects: at a million customers the rows' generic objects cost more than the query.
  return featuresOf((await db.queryColumns(churnFeaturesQuery(db.dialect, asOf, config, source))) as unknown as FeatureColumns);
}

/**
 * The features at a past date with the churn label beside each: 1 when the
 * customer bought nothing in the config's labelDays after it (boughtAfterSql),
 * read in the same statement.
 */
export async function readLabelledFeatures(
  db: Queryable,
  asOf: string,
  config: AnalysisConfig,
  source: FeatureSource = {},
): Promise<{ readonly f: ChurnFeatures; readonly label: number }[]> {
  const bought = boughtAfterSql(asOf, config.churn.labelDays, source.sample ?? '', source.days ?? null);
  const cols = (await db.queryColumns(
    `SELECT f.*, CASE WHEN b.customer_id IS NULL THEN 1 ELSE 0 END AS churned
     FROM (${churnFeaturesQuery(db.dialect, asOf, config, source)}) AS f LEFT JOIN (${bought}) AS b ON b.customer_id = f.customer_id
     ORDER BY f.customer_id`,
  )) as unknown as FeatureColumns & { churned: number[] };
  return featuresOf(cols).map((f, i) => ({ f, label: cols.churned[i]! }));
}

function featuresOf(cols: FeatureColumns): ChurnFeatures[] {
  const n = cols.customer_id?.length ?? 0;
  const out = new Array<ChurnFeatures>(n);
  for (let i = 0; i < n; i++) {
    out[i] = {
      customerId: cols.customer_id[i]!,
      lastPurchase: cols.last_purchase[i]!,
      daysSince: cols.days_since[i]!,
      purchaseDays: cols.purchase_days[i]!,
      cycleDays: cols.cycle_days[i] ?? null,
      valueRecent: cols.value_recent[i]!,
      valueBefore: cols.value_before[i]!,
      quoteRecent: cols.quote_recent[i] ?? null,
      quoteBefore: cols.quote_before[i] ?? null,
      competitorContacts: cols.competitor_contacts[i]!,
      competitors: cols.competitors[i] ?? [],
      stalledProjects: cols.stalled_projects[i]!,
      stalledOpportunities: cols.stalled_opportunities[i]!,
      stalledDays: cols.stalled_days[i] ?? null,
      complaints: cols.complaints[i]!,
      unresolvedComplaints: cols.unresolved_complaints[i]!,
      csatMean: cols.csat_mean[i] ?? null,
      npsLast: cols.nps_last[i] ?? null,
    };
  }
  return out;
}

export const modelFeatureNames = [
  'log_days_since',
  'recency_cycles',
  'no_cycle',
  'log_purchase_days',
  'value_change',
  'quote_ratio',
  'competitor_contacts',
  'stalled',
  'complaints',
  'csat_gap',
  'detractor',
] as const;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** One row of model inputs, in modelFeatureNames order. */
export function modelFeatures(f: ChurnFeatures, csatLow: number): number[] {
  const cycles = f.cycleDays !== null && f.cycleDays > 0 ? clamp(f.daysSince / f.cycleDays, 0, 10) : 0;
  return [
    Math.log1p(f.daysSince),
    cycles,
    f.cycleDays === null ? 1 : 0,
    Math.log1p(f.purchaseDays),
    f.valueBefore > 0 ? clamp((f.valueRecent - f.valueBefore) / f.valueBefore, -1, 3) : 0,
    f.quoteRecent !== null && f.quoteBefore !== null && f.quoteBefore > 0 ? clamp(f.quoteRecent / f.quoteBefore, 0, 10) : 1,
    Math.log1p(f.competitorContacts),
    Math.log1p(f.stalledOpportunities + f.stalledProjects),
    Math.log1p(f.complaints),
    f.csatMean === null ? 0 : Math.max(0, csatLow - f.csatMean),
    f.npsLast !== null && f.npsLast <= 6 ? 1 : 0,
  ];
}
