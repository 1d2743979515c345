/**
 * What every analysis takes: a query function, the period, the settings, and
 * the relations earlier steps produced. Analytics never read files, HTTP or
 * the clock: the same data and context always give the same numbers.
 */
import type { AnalysisConfig } from '../config/analysis-config.js';
import type { Queryable } from '../store/engine.js';

export interface AnalysisPeriod {
  /** The date "now" is for this analysis (default: the last order date in the data). */
  readonly asOf: string;
  /** First and last day of the period measured (default: the 12 months ending at asOf). */
  readonly from: string;
  readonly to: string;
}

export interface AnalysisContext {
  readonly db: Queryable;
  readonly period: AnalysisPeriod;
  readonly config: AnalysisConfig;
  /**
   * A relation (customer_id, tier) with each customer's value tier in this
   * analysis (scheme a), or null before tiers exist. Analyses "by tier" join it.
   */
  readonly tiers: string | null;
  /**
   * A relation (customer_id) of the customers in scope (a report for
   * 华东 / 制造业, a rep's own book), or null for all customers.
   */
  readonly scope: string | null;
  /**
   * A table of each customer's purchase days to the as-of date with the gap
   * since the previous one (purchaseDaysSql), made once by an analysis for the
   * purchase cycles and the churn features; absent, each works its own out.
   */
  readonly purchaseDays?: string;
  /**
   * A table of each customer's purchase history at the as-of date, made from
   * purchaseDays (purchaseHistorySql): last purchase day, purchase days, and
   * the median gap. The scores' purchase cycle and the churn features at the
   * as-of date both read it instead of each taking the median again.
   */
  readonly purchaseHistory?: string;
  /**
   * A table of every customer's churn features at the as-of date
   * (churnFeaturesTableSql), made by an analysis while JavaScript fits the
   * clusters; absent, the churn section makes and drops its own.
   */
  readonly churnFeatures?: string;
}

/** Rows in a report never carry NaN: an undefined ratio is null, with the reason in `empty`. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * `work` (JavaScript) done while the engine runs `pending`, a statement
 * already sent: the two overlap instead of waiting on each other. Should
 * `work` throw first, the statement's failure is not left unhandled.
 */
export async function alongside<T, U>(pending: Promise<T>, work: () => U): Promise<[T, U]> {
  pending.catch(() => undefined);
  const done = work();
  return [await pending, done];
}
