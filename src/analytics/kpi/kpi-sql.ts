/**
 * The headline KPIs: a statement per period for what lies in it (sales,
 * orders, buyers, answers), and one statement each, for all the periods
 * asked, for what needs every customer's history (new, retained, to date)
 * and for renewals. Definitions in kpi-metrics.ts (and so in
 * docs/metrics.md). Revenue counts guest sales; everything about customers
 * counts known customers only.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { addDays, previousPeriod } from '../analysis-period.js';
import { dateLit, firstPurchasesFor, scopeFilter } from '../analysis-sql.js';

export interface PeriodRange {
  readonly from: string;
  readonly to: string;
}

function scoped(ctx: AnalysisContext, alias = ''): string {
  return scopeFilter(ctx, alias ? `${alias}.customer_id` : 'customer_id');
}

export function kpiSql(ctx: AnalysisContext, p: PeriodRange): string {
  const from = dateLit(p.from);
  const to = dateLit(p.to);
  const satisfied = ctx.config.satisfaction.csatSatisfied;
  const s = scoped(ctx);
  // An order is an order id of one customer, dated by its head (its first purchase line, marked at import):
  // counting orders is counting heads, with no fold of lines into orders. Returns are few, so their orders are folded.
  return `WITH lines AS (SELECT order_id, customer_id, amount, profit, is_return, opens_order FROM order_lines WHERE order_date BETWEEN ${from} AND ${to}${s}),
sums AS (SELECT sum(amount) AS revenue, sum(amount) FILTER (WHERE amount > 0) AS gross, -sum(amount) FILTER (WHERE amount < 0) AS returned, sum(profit) AS profit FROM lines),
heads AS (SELECT order_id, customer_id FROM lines WHERE opens_order),
buyers AS (SELECT customer_id, count(*) AS orders FROM heads WHERE customer_id IS NOT NULL GROUP BY customer_id),
returns AS (SELECT DISTINCT order_id, customer_id FROM lines WHERE is_return),
-- Return orders that also have a head in the period; the probe runs from the many heads into the few returns.
headed_returns AS (SELECT count(*) AS n FROM heads h
  WHERE h.order_id IN (SELECT order_id FROM returns) AND EXISTS (SELECT 1 FROM returns r WHERE r.order_id = h.order_id AND r.customer_id IS NOT DISTINCT FROM h.customer_id)),
nps AS (SELECT count(*) FILTER (WHERE score >= 9) AS promoters, count(*) FILTER (WHERE score <= 6) AS detractors, count(*) AS n
        FROM nps_responses WHERE response_date BETWEEN ${from} AND ${to}${s}),
csat AS (SELECT count(*) FILTER (WHERE score >= ${satisfied}) AS satisfied, count(*) AS n, avg(score) AS mean
         FROM survey_responses WHERE survey_date BETWEEN ${from} AND ${to}${s})
SELECT
  coalesce(CAST((SELECT revenue FROM sums) AS FLOAT8), 0) AS revenue,
  coalesce(CAST((SELECT gross FROM sums) AS FLOAT8), 0) AS gross_sales,
  coalesce(CAST((SELECT returned FROM sums) AS FLOAT8), 0) AS returned_amount,
  coalesce(CAST((SELECT profit FROM sums) AS FLOAT8), 0) AS profit,
  (SELECT count(*) FROM heads) AS orders,
  (SELECT count(*) FROM returns) AS return_orders,
  (SELECT count(*) FROM heads) + (SELECT count(*) FROM returns) - (SELECT n FROM headed_returns) AS all_orders,
  (SELECT count(*) FROM buyers) AS customers,
  (SELECT count(*) FROM buyers WHERE orders >= 2) AS repeat_customers,
  (SELECT promoters FROM nps) AS promoters, (SELECT detractors FROM nps) AS detractors, (SELECT n FROM nps) AS nps_responses,
  (SELECT satisfied FROM csat) AS satisfied, (SELECT n FROM csat) AS survey_responses, (SELECT mean FROM csat) AS csat_mean`;
}

/** The dates a period's customer KPIs compare: the period, the active window before it, and the period before (环比's). */
function windows(ctx: AnalysisContext, p: PeriodRange) {
  const before = previousPeriod({ asOf: p.to, ...p });
  return {
    from: dateLit(p.from),
    to: dateLit(p.to),
    activeFrom: dateLit(addDays(p.from, -ctx.config.activeDays)),
    dayBefore: dateLit(addDays(p.from, -1)),
    prevFrom: dateLit(before.from),
  };
}

const earliest = (dates: readonly string[]) => dates.reduce((a, b) => (b < a ? b : a));
const latest = (dates: readonly string[]) => dates.reduce((a, b) => (b > a ? b : a));

/**
 * Per period i (columns suffixed _i): new customers, customers to date and
 * their mean net total (historical CLV), customers active at the start and
 * those of them who ordered in the period. Every customer's history is one
 * pass over the lines for all the periods asked (the report asks three).
 */
export function customerHistorySql(ctx: AnalysisContext, periods: readonly PeriodRange[]): string {
  const s = scoped(ctx);
  const per = periods.map((p, i) => ({ i, ...windows(ctx, p) }));
  const flags = per.map(({ i, from, to, activeFrom, dayBefore }) => `bool_or(order_date <= ${to}) AS seen_${i}, sum(amount) FILTER (WHERE order_date <= ${to}) AS total_${i},
    bool_or(NOT is_return AND order_date BETWEEN ${activeFrom} AND ${dayBefore}) AS active_${i}, bool_or(opens_order AND order_date BETWEEN ${from} AND ${to}) AS bought_${i}`);
  const counts = per.map(({ i, from, to }) => `count(*) FILTER (WHERE first_date BETWEEN ${from} AND ${to}) AS new_customers_${i},
  count(*) FILTER (WHERE seen_${i}) AS customers_to_date_${i}, coalesce(CAST(avg(total_${i}) FILTER (WHERE seen_${i}) AS FLOAT8), 0) AS historical_clv_${i},
  count(*) FILTER (WHERE active_${i}) AS active_at_start_${i}, count(*) FILTER (WHERE active_${i} AND bought_${i}) AS retained_${i}`);
  // A first purchase in the period is the first ever, so one first date serves every period.
  return `SELECT ${counts.join(',\n  ')}
FROM (SELECT customer_id, min(order_date) FILTER (WHERE NOT is_return) AS first_date,
    ${flags.join(',\n    ')}
  FROM order_lines WHERE customer_id IS NOT NULL AND order_date <= ${latest(per.map((w) => w.to))}${s} GROUP BY customer_id) AS h`;
}

/** Per period i: (customer, category) pairs bought in the period before (renewable_i) and again in the period (renewed_i), in one pass. */
export function renewalSql(ctx: AnalysisContext, periods: readonly PeriodRange[]): string {
  const s = scoped(ctx);
  const per = periods.map((p, i) => ({ i, ...windows(ctx, p) }));
  const flags = per.map(({ i, from, to, prevFrom, dayBefore }) => `bool_or(order_date BETWEEN ${prevFrom} AND ${dayBefore}) AS earlier_${i}, bool_or(order_date BETWEEN ${from} AND ${to}) AS again_${i}`);
  const counts = per.map(({ i }) => `count(*) FILTER (WHERE earlier_${i}) AS renewable_${i}, count(*) FILTER (WHERE earlier_${i} AND again_${i}) AS renewed_${i}`);
  return `SELECT ${counts.join(',\n  ')}
FROM (SELECT customer_id, category, ${flags.join(',\n    ')}
  FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return AND category IS NOT NULL
    AND order_date BETWEEN ${earliest(per.map((w) => w.prevFrom))} AND ${latest(per.map((w) => w.to))}${s}
  GROUP BY customer_id, category) AS pairs`;
}

/** Campaign cost in the period per channel, and the customers it acquired (first order in the period). */
export function cacSql(ctx: AnalysisContext, p: PeriodRange): string {
  const from = dateLit(p.from);
  const to = dateLit(p.to);
  const s = scoped(ctx, 'c');
  return `WITH acquired AS (
  SELECT coalesce(c.acquisition_channel, cmp.channel, 'unknown') AS channel, count(*) AS customers
  FROM customers c
  JOIN ${firstPurchasesFor(ctx)} f USING (customer_id)
  LEFT JOIN campaigns cmp ON cmp.campaign_id = c.acquisition_campaign_id
  WHERE f.first_date BETWEEN ${from} AND ${to}${s}
  GROUP BY 1
), spend AS (
  -- A campaign's cost is spread evenly over its days; the period takes its days' part.
  SELECT channel, sum(CAST(cost AS FLOAT8) * greatest(0, least(coalesce(end_date, start_date), ${to}) - greatest(start_date, ${from}) + 1)
                   / nullif(coalesce(end_date, start_date) - start_date + 1, 0)) AS cost
  FROM campaigns WHERE start_date IS NOT NULL AND cost IS NOT NULL GROUP BY channel
)
SELECT coalesce(a.channel, sp.channel) AS channel, coalesce(sp.cost, 0) AS cost, coalesce(a.customers, 0) AS customers
FROM acquired a FULL JOIN spend sp ON a.channel = sp.channel
ORDER BY channel`;
}
