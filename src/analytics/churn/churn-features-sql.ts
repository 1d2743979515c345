/**
 * The evidence behind the churn signals, one row per customer who had bought
 * by the as-of date, from any as-of date (the model trains on past dates).
 * Everything is measured as it stood at that date: an opportunity counts as
 * open when created by then and not closed before; stage movements and
 * answers after it are ignored.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { quoteIdent, type Dialect } from '../../store/engine.js';
import { distinctListAgg } from '../../store/sql-dialect.js';
import { dateLit, purchaseDaysSql, purchaseHistorySql } from '../analysis-sql.js';
import { addDays } from '../analysis-period.js';

const stalledWords = `('stalled', '停滞', '暂停', '搁置')`;

/** Tables an analysis made once and shares; each absent one is worked out from the stored data. */
export interface FeatureTables {
  /** Made by purchaseDaysSql at this date or later (shared by the dates read), or null to work the gaps out here. */
  readonly days?: string | null;
  /** Made by purchaseHistorySql at exactly this date. */
  readonly history?: string | null;
  /** Order lines with customer_id, order_date and amount from featureLinesFrom(asOf) on (order_lines itself by default). */
  readonly lines?: string;
}

/** The first order date the features at asOf read (the value a year before it). */
export function featureLinesFrom(asOf: string): string {
  return addDays(asOf, -364);
}

/**
 * `scopeFilter` (conditions on customer_id: the scope, the training sample)
 * applies to every source, not only to the purchases that decide the rows:
 * a sample of one customer in fifteen then reads one in fifteen.
 */
export function churnFeaturesSql(asOf: string, config: AnalysisConfig, scopeFilter: string, dialect: Dialect, tables: FeatureTables = {}): string {
  const { days = null, history = null } = tables;
  const lines = tables.lines === undefined ? 'order_lines' : quoteIdent(tables.lines);
  const c = config.churn;
  const a = dateLit(asOf);
  const since = (n: number) => dateLit(addDays(asOf, -n + 1));
  const recent = since(c.recentDays);
  const gaps = days === null ? purchaseDaysSql(asOf, scopeFilter) : `SELECT customer_id, d, gap FROM ${quoteIdent(days)} WHERE d <= ${a}${scopeFilter}`;
  const buy = history !== null
    ? `SELECT customer_id, last_purchase, purchase_days, cycle_days FROM ${quoteIdent(history)} WHERE TRUE${scopeFilter}`
    : purchaseHistorySql(`(${gaps}) AS gaps`);
  return `WITH buy AS (
  ${buy}
), val AS (
  SELECT customer_id,
    coalesce(sum(amount) FILTER (WHERE order_date >= ${since(182)}), 0) AS value_recent,
    coalesce(sum(amount) FILTER (WHERE order_date < ${since(182)} AND order_date >= ${since(365)}), 0) AS value_before
  FROM ${lines} WHERE customer_id IS NOT NULL AND order_date <= ${a} AND order_date >= ${dateLit(featureLinesFrom(asOf))}${scopeFilter} GROUP BY customer_id
), act AS (
  SELECT customer_id,
    avg(response_hours) FILTER (WHERE lower(type) = 'quote' AND interaction_date >= ${recent}) AS quote_recent,
    avg(response_hours) FILTER (WHERE lower(type) = 'quote' AND interaction_date < ${recent} AND interaction_date >= ${since(c.recentDays + 365)}) AS quote_before,
    count(*) FILTER (WHERE nullif(trim(competitor), '') IS NOT NULL AND interaction_date >= ${recent}) AS competitor_contacts,
    ${distinctListAgg(dialect, 'competitor', `nullif(trim(competitor), '') IS NOT NULL AND interaction_date >= ${recent}`)} AS competitors,
    count(*) FILTER (WHERE lower(project_status) IN ${stalledWords} AND interaction_date >= ${recent}) AS stalled_projects
  FROM interactions WHERE customer_id IS NOT NULL AND interaction_date <= ${a}${scopeFilter} GROUP BY customer_id
), moved AS (
  SELECT opportunity_id, max(entered_date) AS d FROM opportunity_stage_history WHERE entered_date <= ${a} GROUP BY opportunity_id
), opp AS (
  SELECT o.customer_id, count(*) AS stalled_opportunities,
    max(${a} - greatest(o.created_date, coalesce(m.d, o.created_date))) AS stalled_days
  FROM opportunities o LEFT JOIN moved m USING (opportunity_id)
  WHERE o.customer_id IS NOT NULL AND o.created_date <= ${a} AND (o.close_date IS NULL OR o.close_date > ${a})
    AND (o.status = 'open' OR o.close_date > ${a})
    AND ${a} - greatest(o.created_date, coalesce(m.d, o.created_date)) >= ${Math.floor(config.funnel.stalledDays)}${scopeFilter}
  GROUP BY o.customer_id
), cmp AS (
  SELECT customer_id, count(*) AS complaints,
    count(*) FILTER (WHERE resolved_date IS NULL OR resolved_date > ${a}) AS unresolved
  FROM complaints WHERE complaint_date <= ${a} AND complaint_date >= ${since(c.complaintDays)}${scopeFilter} GROUP BY customer_id
), sat AS (
  SELECT customer_id, avg(score) AS csat_mean, count(*) AS csat_answers FROM survey_responses
  WHERE survey_date <= ${a} AND survey_date >= ${since(365)} AND score IS NOT NULL${scopeFilter} GROUP BY customer_id
), nps AS (
  SELECT customer_id, (array_agg(score ORDER BY response_date DESC, response_id DESC))[1] AS nps_last FROM nps_responses
  WHERE response_date <= ${a} AND response_date >= ${since(365)} AND score IS NOT NULL${scopeFilter} GROUP BY customer_id
)
SELECT buy.customer_id, CAST(buy.last_purchase AS VARCHAR) AS last_purchase, ${a} - buy.last_purchase AS days_since,
  buy.purchase_days, buy.cycle_days,
  CAST(coalesce(val.value_recent, 0) AS FLOAT8) AS value_recent, CAST(coalesce(val.value_before, 0) AS FLOAT8) AS value_before,
  act.quote_recent, act.quote_before, coalesce(act.competitor_contacts, 0) AS competitor_contacts, act.competitors,
  coalesce(act.stalled_projects, 0) AS stalled_projects, coalesce(opp.stalled_opportunities, 0) AS stalled_opportunities, opp.stalled_days,
  coalesce(cmp.complaints, 0) AS complaints, coalesce(cmp.unresolved, 0) AS unresolved_complaints,
  sat.csat_mean, nps.nps_last
FROM buy LEFT JOIN val USING (customer_id) LEFT JOIN act USING (customer_id) LEFT JOIN opp USING (customer_id)
  LEFT JOIN cmp USING (customer_id) LEFT JOIN sat USING (customer_id) LEFT JOIN nps USING (customer_id)
ORDER BY buy.customer_id`;
}

/**
 * Customers who bought in (asOf, asOf + days]: the complement is the churn
 * label. `purchaseDays`: a table made by purchaseDaysSql at asOf + days or
 * later (a distinct customer-day list, half the lines or less), or null to read the lines.
 */
export function boughtAfterSql(asOf: string, days: number, filter = '', purchaseDays: string | null = null): string {
  const window = (col: string) => `${col} > ${dateLit(asOf)} AND ${col} <= ${dateLit(addDays(asOf, days))}`;
  if (purchaseDays !== null) return `SELECT DISTINCT customer_id FROM ${quoteIdent(purchaseDays)} WHERE ${window('d')}${filter}`;
  return `SELECT DISTINCT customer_id FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return
  AND ${window('order_date')}${filter}`;
}
