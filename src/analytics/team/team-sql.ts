/**
 * One row per rep for the period: sales credited to them (the line's rep,
 * else the customer's owner), deals closed, activities logged, their
 * customers' satisfaction, and their revenue target prorated to the period.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { previousPeriod } from '../analysis-period.js';
import { customerGroupJoin, dateLit, firstPurchasesFor, scopeFilter, type CustomerAttribute } from '../analysis-sql.js';

/** A target row's amount times the share of its days that fall inside the period. */
function prorated(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  return `CAST(target_amount AS FLOAT8) * (least(period_end, ${dateLit(to)}) - greatest(period_start, ${dateLit(from)}) + 1) / (period_end - period_start + 1)`;
}

function overlaps(ctx: AnalysisContext): string {
  return `period_start <= ${dateLit(ctx.period.to)} AND period_end >= ${dateLit(ctx.period.from)} AND period_end >= period_start`;
}

export function repPerformanceSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  const inPeriod = (col: string) => `${col} BETWEEN ${dateLit(from)} AND ${dateLit(to)}`;
  const csat = Number(ctx.config.satisfaction.csatSatisfied);
  return `WITH lines AS (SELECT l.customer_id, l.amount, l.opens_order, coalesce(l.rep_id, c.rep_id) AS rep FROM order_lines l LEFT JOIN customers c ON c.customer_id = l.customer_id
  WHERE ${inPeriod('l.order_date')}${scopeFilter(ctx, 'l.customer_id')}),
firsts AS ${firstPurchasesFor(ctx)},
-- An order is credited to the rep of its head (its first purchase line), as the KPIs and slices date and place it.
sales AS (SELECT rep, sum(amount) AS revenue, count(*) FILTER (WHERE opens_order) AS orders,
    count(DISTINCT customer_id) FILTER (WHERE opens_order) AS customers,
    count(DISTINCT customer_id) FILTER (WHERE opens_order AND customer_id IN (SELECT customer_id FROM firsts WHERE ${inPeriod('first_date')})) AS new_customers
  FROM lines GROUP BY rep),
deals AS (SELECT rep_id AS rep, count(*) FILTER (WHERE status = 'won') AS won, count(*) FILTER (WHERE status = 'lost') AS lost,
    sum(coalesce(won_amount, expected_amount)) FILTER (WHERE status = 'won') AS won_amount,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY close_date - created_date) FILTER (WHERE status = 'won') AS cycle
  FROM opportunities WHERE ${inPeriod('close_date')}${scopeFilter(ctx)} GROUP BY rep_id),
leads AS (SELECT rep_id AS rep, count(*) AS created, count(*) FILTER (WHERE status = 'won' AND close_date <= ${dateLit(ctx.period.asOf)}) AS created_won
  FROM opportunities WHERE ${inPeriod('created_date')}${scopeFilter(ctx)} GROUP BY rep_id),
acts AS (SELECT rep_id AS rep, count(*) AS activities, count(*) FILTER (WHERE type = 'visit') AS visits
  FROM interactions WHERE ${inPeriod('interaction_date')}${scopeFilter(ctx)} GROUP BY rep_id),
sat AS (SELECT c.rep_id AS rep, avg(s.score) AS score, CAST(count(*) FILTER (WHERE s.score >= ${csat}) AS FLOAT8) / count(*) AS csat
  FROM survey_responses s JOIN customers c ON c.customer_id = s.customer_id WHERE ${inPeriod('s.survey_date')}${scopeFilter(ctx, 's.customer_id')} GROUP BY c.rep_id),
nps AS (SELECT c.rep_id AS rep, CAST(100 * (count(*) FILTER (WHERE n.score >= 9) - count(*) FILTER (WHERE n.score <= 6)) AS FLOAT8) / count(*) AS nps
  FROM nps_responses n JOIN customers c ON c.customer_id = n.customer_id WHERE ${inPeriod('n.response_date')}${scopeFilter(ctx, 'n.customer_id')} GROUP BY c.rep_id),
tg AS (SELECT scope_id AS rep, sum(${prorated(ctx)}) AS target
  FROM targets WHERE scope_type = 'rep' AND ${overlaps(ctx)} GROUP BY scope_id),
ids AS (${
  // For a set of customers (华东, 制造业): the reps who own or worked with them, not every rep with a target.
  ctx.scope === null
    ? 'SELECT rep_id AS rep FROM reps UNION SELECT rep FROM sales UNION SELECT rep FROM deals UNION SELECT rep FROM tg'
    : `SELECT rep FROM sales UNION SELECT rep FROM deals UNION SELECT rep FROM leads UNION SELECT rep FROM acts UNION SELECT c.rep_id FROM customers c WHERE TRUE${scopeFilter(ctx, 'c.customer_id')}`
})
SELECT ids.rep AS "repId", r.name, r.team, r.region, CAST(r.hire_date AS VARCHAR) AS "hireDate",
  CAST(coalesce(sales.revenue, 0) AS FLOAT8) AS revenue, coalesce(sales.orders, 0) AS orders, coalesce(sales.customers, 0) AS customers,
  coalesce(sales.new_customers, 0) AS "newCustomers", coalesce(deals.won, 0) AS won, coalesce(deals.lost, 0) AS lost,
  CAST(coalesce(deals.won_amount, 0) AS FLOAT8) AS "wonAmount", coalesce(leads.created, 0) AS "opportunitiesCreated", coalesce(leads.created_won, 0) AS "createdWon", deals.cycle AS "medianCycleDays",
  coalesce(acts.activities, 0) AS activities, coalesce(acts.visits, 0) AS visits,
  sat.score AS "meanSatisfaction", sat.csat, nps.nps, CAST(tg.target AS FLOAT8) AS target
FROM ids LEFT JOIN reps r ON r.rep_id = ids.rep LEFT JOIN sales ON sales.rep = ids.rep LEFT JOIN deals ON deals.rep = ids.rep LEFT JOIN leads ON leads.rep = ids.rep
  LEFT JOIN acts ON acts.rep = ids.rep LEFT JOIN sat ON sat.rep = ids.rep LEFT JOIN nps ON nps.rep = ids.rep LEFT JOIN tg ON tg.rep = ids.rep
WHERE ids.rep IS NOT NULL
ORDER BY "repId"`;
}

/**
 * Per group of customers: net revenue in the previous period (≥ 0 per
 * customer) and the sum of the snapshot's potential scores, the two bases
 * a target is split on.
 */
export function splitBasisSql(ctx: AnalysisContext, snapshotId: number, group: CustomerAttribute): string {
  const prev = previousPeriod(ctx.period);
  const { joins, expr } = customerGroupJoin(ctx, group);
  return `WITH prev AS (SELECT customer_id, greatest(sum(amount), 0) AS rev FROM order_lines
  WHERE customer_id IS NOT NULL AND order_date BETWEEN ${dateLit(prev.from)} AND ${dateLit(prev.to)} GROUP BY customer_id),
pot AS (SELECT customer_id, potential_score AS pot FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)}),
x AS (SELECT c0.customer_id, coalesce(prev.rev, 0) AS rev, coalesce(pot.pot, 0) AS pot
  FROM customers c0 LEFT JOIN prev USING (customer_id) LEFT JOIN pot USING (customer_id) WHERE TRUE${scopeFilter(ctx, 'c0.customer_id')})
SELECT ${expr} AS "group", CAST(sum(x.rev) AS FLOAT8) AS history, CAST(sum(x.pot) AS FLOAT8) AS potential
FROM x ${joins} GROUP BY 1 ORDER BY 1`;
}

/** The period's target: company targets overlapping it (prorated), else the sum of rep targets. */
export function periodTargetSql(ctx: AnalysisContext): string {
  return `SELECT scope_type, CAST(sum(${prorated(ctx)}) AS FLOAT8) AS target
FROM targets WHERE scope_type IN ('company', 'rep') AND ${overlaps(ctx)} GROUP BY scope_type`;
}
