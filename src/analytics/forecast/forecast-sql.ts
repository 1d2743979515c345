/**
 * Monthly revenue series for forecasting, computed in the engine: net sales
 * per calendar month (guest sales and returns included, as the revenue KPI
 * counts them), per group when asked, with empty months as 0.
 */
import { dateLit, inScope } from '../analysis-sql.js';

export type ForecastBy = 'none' | 'category' | 'region';
export const forecastBys: readonly ForecastBy[] = ['none', 'category', 'region'];

function groupExpr(by: ForecastBy): string {
  switch (by) {
    case 'none':
      return `'*'`;
    case 'category':
      return `coalesce(l.category, 'unknown')`;
    case 'region':
      return `coalesce(l.region, c.region, 'unknown')`;
    default:
      throw new Error(`unknown grouping ${String(by satisfies never)}`);
  }
}

/** (group, month 'YYYY-MM', revenue) for every month from the first sale to `lastMonth`, every group; `scope` a relation of customers, or null for all (guest sales included). */
export function monthlyRevenueSql(by: ForecastBy, lastMonthEnd: string, scope: string | null = null): string {
  return `WITH l AS (
  SELECT ${groupExpr(by)} AS grp, date_trunc('month', l.order_date) AS m, sum(l.amount) AS v
  FROM order_lines l LEFT JOIN customers c ON c.customer_id = l.customer_id
  WHERE l.order_date <= ${dateLit(lastMonthEnd)}${inScope(scope, 'l.customer_id')} GROUP BY 1, 2
), months AS (
  SELECT s.m FROM (SELECT min(m) AS first FROM l) AS b, generate_series(b.first, date_trunc('month', ${dateLit(lastMonthEnd)}), INTERVAL '1 month') AS s(m)
), groups AS (SELECT grp, sum(v) AS total FROM l GROUP BY grp)
SELECT g.grp AS "group", substr(CAST(CAST(months.m AS DATE) AS VARCHAR), 1, 7) AS month, CAST(coalesce(l.v, 0) AS FLOAT8) AS revenue
FROM groups g CROSS JOIN months LEFT JOIN l ON l.grp = g.grp AND l.m = months.m
ORDER BY g.total DESC, g.grp, months.m`;
}

export const lastOrderSql = `SELECT CAST(max(order_date) AS VARCHAR) AS d FROM order_lines`;
