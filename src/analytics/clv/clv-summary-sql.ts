/**
 * The per-customer transaction summary, computed in the engine: purchase
 * days (a day with several orders is one transaction, as BTYD and lifetimes
 * count them; returns are not purchases), per customer whose first purchase
 * is on or before the calibration end:
 *   x        purchase days after the first, up to the calibration end
 *   tx_days  days from the first purchase to the last of those
 *   t_days   days from the first purchase to the calibration end
 *   mx       mean value of those repeat purchase days (null when x = 0)
 *   x_star   purchase days after the calibration end, up to the observation end (the holdout)
 */
import { quoteIdent } from '../../store/engine.js';
import { dateLit, purchaseDayValuesSql } from '../analysis-sql.js';

export interface ClvWindow {
  readonly calibrationEnd: string;
  readonly observationEnd: string;
}

/**
 * `filter`: a further condition on the customer (` AND …`), e.g. a sample.
 * `days`: a table of purchase days (purchaseDaysSql) made at the observation
 * end or later, read instead of grouping the order lines again.
 */
export function clvSummarySql(w: ClvWindow, filter = '', days: string | null = null): string {
  const cal = dateLit(w.calibrationEnd);
  const end = dateLit(w.observationEnd);
  const source = days === null ? purchaseDayValuesSql(w.observationEnd, filter) : `SELECT customer_id, d, v FROM ${quoteIdent(days)} WHERE d <= ${end}${filter}`;
  return `WITH d AS (
  ${source}
), f AS (SELECT customer_id, min(d) AS first FROM d GROUP BY customer_id HAVING min(d) <= ${cal})
SELECT d.customer_id, CAST(count(*) FILTER (WHERE d.d > f.first AND d.d <= ${cal}) AS INTEGER) AS x,
  max(d.d) FILTER (WHERE d.d <= ${cal}) - f.first AS tx_days,
  ${cal} - f.first AS t_days,
  CAST(avg(d.v) FILTER (WHERE d.d > f.first AND d.d <= ${cal}) AS FLOAT8) AS mx,
  CAST(count(*) FILTER (WHERE d.d > ${cal}) AS INTEGER) AS x_star
FROM d JOIN f USING (customer_id)
GROUP BY d.customer_id, f.first
ORDER BY d.customer_id`;
}

/** The last purchase date in the store, the default calibration and observation end. */
export const lastPurchaseSql = `SELECT CAST(max(order_date) AS VARCHAR) AS d FROM order_lines WHERE customer_id IS NOT NULL AND NOT is_return`;
