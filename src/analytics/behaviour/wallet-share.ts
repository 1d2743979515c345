/**
 * Share of wallet: what a customer buys from us in a year ÷ their estimated
 * spend in our categories that year (wallet_estimates), using the latest
 * estimate year up to the as-of date; and where the rest goes, by competitor.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { customerGroupJoin, dateLit, scopeFilter } from '../analysis-sql.js';

export interface WalletGroup {
  readonly group: string;
  readonly customers: number;
  readonly wallet: number;
  readonly ours: number;
  /** Σ ours ÷ Σ wallet over the group's customers. */
  readonly share: number | null;
}

export interface WalletShare {
  readonly year: number;
  readonly overall: WalletGroup;
  readonly byTier: readonly WalletGroup[];
  readonly competitors: readonly { readonly competitor: string; readonly amount: number; readonly share: number | null }[];
  /** Customers with the most spend left to win (wallet − ours), largest first. */
  readonly headroom: readonly { readonly customerId: string; readonly name: string | null; readonly tier: string; readonly wallet: number; readonly ours: number; readonly share: number; readonly mainCompetitor: string | null }[];
}

function walletCte(ctx: AnalysisContext, year: number): string {
  const { joins, expr } = customerGroupJoin(ctx, 'tier');
  return `w AS (SELECT customer_id, max(total_wallet) AS wallet FROM wallet_estimates
  WHERE year = ${Math.floor(year)} AND total_wallet > 0${scopeFilter(ctx)} GROUP BY customer_id),
ours AS (SELECT customer_id, sum(amount) AS ours FROM order_lines
  WHERE extract(year FROM order_date) = ${Math.floor(year)} AND order_date <= ${dateLit(ctx.period.asOf)} AND customer_id IN (SELECT customer_id FROM w) GROUP BY customer_id),
x AS (SELECT w.customer_id, w.wallet, greatest(coalesce(ours.ours, 0), 0) AS ours FROM w LEFT JOIN ours USING (customer_id)),
g AS (SELECT x.*, ${expr} AS grp FROM x ${joins})`;
}

const groupCols = `count(*) AS customers, CAST(sum(wallet) AS FLOAT8) AS wallet, CAST(sum(ours) AS FLOAT8) AS ours,
  CAST(sum(ours) / nullif(sum(wallet), 0) AS FLOAT8) AS share`;

export function walletShareSql(ctx: AnalysisContext, year: number): string {
  return `WITH ${walletCte(ctx, year)}
SELECT '*' AS "group", ${groupCols} FROM g
UNION ALL (SELECT grp AS "group", ${groupCols} FROM g GROUP BY grp ORDER BY grp)`;
}

export function competitorShareSql(ctx: AnalysisContext, year: number): string {
  return `WITH ${walletCte(ctx, year)}
SELECT coalesce(e.competitor, 'unknown') AS competitor, CAST(sum(e.competitor_amount) AS FLOAT8) AS amount,
  CAST(sum(e.competitor_amount) / nullif((SELECT sum(wallet) FROM w), 0) AS FLOAT8) AS share
FROM wallet_estimates e WHERE e.year = ${Math.floor(year)} AND e.customer_id IN (SELECT customer_id FROM w) AND e.competitor_amount > 0
GROUP BY 1 ORDER BY amount DESC, competitor`;
}

export function walletHeadroomSql(ctx: AnalysisContext, year: number, limit: number): string {
  return `WITH ${walletCte(ctx, year)},
main AS (SELECT customer_id, (array_agg(competitor ORDER BY competitor_amount DESC, competitor))[1] AS competitor FROM wallet_estimates
  WHERE year = ${Math.floor(year)} AND competitor_amount > 0 GROUP BY customer_id)
SELECT g.customer_id AS "customerId", c.name, g.grp AS tier, CAST(g.wallet AS FLOAT8) AS wallet, CAST(g.ours AS FLOAT8) AS ours,
  CAST(g.ours / g.wallet AS FLOAT8) AS share, main.competitor AS "mainCompetitor"
FROM g LEFT JOIN customers c ON c.customer_id = g.customer_id LEFT JOIN main ON main.customer_id = g.customer_id
ORDER BY g.wallet - g.ours DESC, "customerId" LIMIT ${Math.floor(limit)}`;
}

export async function walletShare(ctx: AnalysisContext): Promise<WalletShare | null> {
  const [y] = await ctx.db.query<{ year: number | null }>(
    `SELECT max(year) AS year FROM wallet_estimates WHERE year <= extract(year FROM ${dateLit(ctx.period.asOf)}) AND total_wallet > 0`,
  );
  if (y?.year === null || y?.year === undefined) return null;
  const [overall, ...byTier] = await ctx.db.query<WalletGroup>(walletShareSql(ctx, y.year));
  if (overall === undefined || overall.customers === 0) return null;
  return {
    year: y.year,
    overall,
    byTier,
    competitors: await ctx.db.query(competitorShareSql(ctx, y.year)),
    headroom: await ctx.db.query(walletHeadroomSql(ctx, y.year, ctx.config.listed)),
  };
}
