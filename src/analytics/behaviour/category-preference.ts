/**
 * What each group of customers buys: a category's share of the group's
 * purchase lines and revenue, and its lift (the group's share ÷ everyone's
 * share; above 1 the group prefers it).
 */
import type { AnalysisContext } from '../analysis-context.js';
import { customerGroupJoin, customerGroups, periodPurchasesSql, type CustomerGroup } from '../analysis-sql.js';

export interface PreferenceRow {
  readonly group: string;
  readonly category: string;
  readonly lines: number;
  readonly sales: number;
  readonly lineShare: number;
  readonly salesShare: number | null;
  readonly lift: number;
}

export function categoryPreferenceSql(ctx: AnalysisContext, group: CustomerGroup): string {
  const { joins, expr } = customerGroupJoin(ctx, group);
  return `WITH g AS (
  SELECT ${expr} AS grp, coalesce(x.category, 'unknown') AS category, count(*) AS lines, sum(x.amount) AS sales
  FROM ${periodPurchasesSql(ctx)} x ${joins} GROUP BY 1, 2
), gt AS (SELECT grp, sum(lines) AS lines, sum(sales) AS sales FROM g GROUP BY grp),
ov AS (SELECT category, sum(lines) AS lines FROM g GROUP BY category),
tot AS (SELECT sum(lines) AS lines FROM g)
SELECT g.grp AS "group", g.category, g.lines, CAST(g.sales AS FLOAT8) AS sales,
  CAST(g.lines AS FLOAT8) / gt.lines AS "lineShare", CAST(g.sales / nullif(gt.sales, 0) AS FLOAT8) AS "salesShare",
  (CAST(g.lines AS FLOAT8) / gt.lines) / (CAST(ov.lines AS FLOAT8) / tot.lines) AS lift
FROM g JOIN gt USING (grp) JOIN ov USING (category), tot
ORDER BY "group", lift DESC, category`;
}

export async function categoryPreferences(ctx: AnalysisContext): Promise<Record<CustomerGroup, readonly PreferenceRow[]>> {
  const out = {} as Record<CustomerGroup, readonly PreferenceRow[]>;
  for (const g of customerGroups) out[g] = await ctx.db.query<PreferenceRow>(categoryPreferenceSql(ctx, g));
  return out;
}
