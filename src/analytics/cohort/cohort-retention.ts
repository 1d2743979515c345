/**
 * Cohort retention by first-purchase month: for each cohort (the months of
 * the analysis period), the share of its customers who bought again in each
 * later month, up to the as-of date.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';

export interface CohortRow {
  readonly cohort: string;
  readonly customers: number;
  /** retention[k] = share of the cohort buying in month cohort + k (k = 0 is 1 by definition). */
  readonly retention: readonly (number | null)[];
}

export function cohortSql(ctx: AnalysisContext): string {
  const scope = scopeFilter(ctx);
  // Orders by their heads (an order's month is its first purchase line's), read from the stored lines: a table made
  // in the open transaction (the analysis's purchase days) scanned about 1.5x slower for this query.
  const heads = `FROM order_lines WHERE customer_id IS NOT NULL AND opens_order AND order_date <= ${dateLit(ctx.period.asOf)}${scope}`;
  // The cohorts are the period's first buyers, a small share of the customers: their first months come from one
  // pass over the heads, and only their own heads are folded into (customer, month).
  return `WITH firsts AS (
  SELECT customer_id, date_trunc('month', min(order_date)) AS cohort ${heads} GROUP BY customer_id
  HAVING date_trunc('month', min(order_date)) BETWEEN date_trunc('month', ${dateLit(ctx.period.from)}) AND date_trunc('month', ${dateLit(ctx.period.to)})
),
buys AS (SELECT DISTINCT customer_id, date_trunc('month', order_date) AS month ${heads} AND customer_id IN (SELECT customer_id FROM firsts)),
sized AS (SELECT cohort, count(*) AS n FROM firsts GROUP BY cohort)
SELECT CAST(f.cohort AS VARCHAR) AS cohort, max(s.n) AS customers,
  CAST((extract(year FROM b.month) - extract(year FROM f.cohort)) * 12 + extract(month FROM b.month) - extract(month FROM f.cohort) AS INTEGER) AS k,
  -- buys holds each (customer, month) once, so a plain count counts customers.
  count(*) AS active
FROM firsts f JOIN buys b USING (customer_id) JOIN sized s USING (cohort)
GROUP BY f.cohort, k ORDER BY f.cohort, k`;
}

export async function cohortRetention(ctx: AnalysisContext): Promise<CohortRow[]> {
  const rows = await ctx.db.query<{ cohort: string; customers: number; k: number; active: number }>(cohortSql(ctx));
  const lastMonth = ctx.period.asOf.slice(0, 7);
  const byCohort = new Map<string, { customers: number; active: Map<number, number> }>();
  for (const r of rows) {
    const c = byCohort.get(r.cohort) ?? { customers: r.customers, active: new Map() };
    c.active.set(r.k, r.active);
    byCohort.set(r.cohort, c);
  }
  return [...byCohort].map(([cohort, c]) => {
    const span = monthsBetween(cohort.slice(0, 7), lastMonth);
    // Months after the as-of date have not happened: null, not 0.
    const retention = Array.from({ length: span + 1 }, (_, k) => (c.active.get(k) ?? 0) / c.customers);
    return { cohort: cohort.slice(0, 7), customers: c.customers, retention };
  });
}

function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number) as [number, number];
  const [yb, mb] = b.split('-').map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma);
}
