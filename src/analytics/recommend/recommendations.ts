/**
 * The recommendations section: next-best products for every customer
 * (stored in customer_recommendations), checked on a holdout — the same
 * method run as of `holdoutDays` before the as-of date, scored against the
 * products customers then bought for the first time — beside the
 * most-popular-products baseline. Definitions in recommend-metrics.ts.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { addDays } from '../analysis-period.js';
import { scopeFilter } from '../analysis-sql.js';
import { holdoutSql, popularSql, recommendationsSql, type RecommendParams } from './recommend-sql.js';

export interface HoldoutQuality {
  readonly hitRate: number | null;
  readonly precision: number | null;
}

export interface RecommendSection {
  readonly k: number;
  readonly customers: number;
  readonly holdout: {
    readonly cutoff: string;
    /** Customers who bought a product new to them after the cutoff. */
    readonly customers: number;
    readonly model: HoldoutQuality;
    readonly popular: HoldoutQuality;
  };
  /** The most valuable customers' recommendations, with product names. */
  readonly top: readonly {
    readonly customerId: string;
    readonly name: string | null;
    readonly products: readonly { readonly productId: string; readonly name: string | null; readonly score: number; readonly because: string | null }[];
  }[];
}

async function quality(ctx: AnalysisContext, recs: string, cutoff: string): Promise<{ customers: number } & HoldoutQuality> {
  const [row] = await ctx.db.query<{ customers: number; hitRate: number | null; precision: number | null }>(holdoutSql(recs, cutoff, ctx.period.asOf));
  return { customers: row?.customers ?? 0, hitRate: row?.hitRate ?? null, precision: row?.precision ?? null };
}

export async function recommendSection(ctx: AnalysisContext, snapshotId: number): Promise<RecommendSection> {
  const r = ctx.config.recommend;
  const base: Omit<RecommendParams, 'cutoff'> = { k: r.k, minShared: r.minShared, scope: scopeFilter(ctx) };
  const cutoff = addDays(ctx.period.asOf, -r.holdoutDays);
  const model = await quality(ctx, recommendationsSql({ ...base, cutoff }), cutoff);
  const popular = await quality(ctx, popularSql({ ...base, cutoff }), cutoff);
  const id = Math.floor(snapshotId);
  await ctx.db.run(`INSERT INTO customer_recommendations SELECT ${id}, customer_id, rank, product_id, score, because FROM (${recommendationsSql({ ...base, cutoff: ctx.period.asOf })}) AS recs`);
  const [count] = await ctx.db.query<{ n: number }>(`SELECT count(DISTINCT customer_id) AS n FROM customer_recommendations WHERE snapshot_id = ${id}`);
  const rows = await ctx.db.query<{ customer_id: string; name: string | null; rank: number; product_id: string; product: string | null; score: number; because: string | null }>(
    `WITH top AS (SELECT customer_id, value_score FROM customer_scores WHERE snapshot_id = ${id}
       AND customer_id IN (SELECT customer_id FROM customer_recommendations WHERE snapshot_id = ${id}) ORDER BY value_score DESC, customer_id LIMIT ${Math.floor(ctx.config.listed)})
     SELECT r.customer_id, c.name, r.rank, r.product_id, p.name AS product, r.score, r.because
     FROM customer_recommendations r JOIN top USING (customer_id) LEFT JOIN customers c USING (customer_id) LEFT JOIN products p ON p.product_id = r.product_id
     WHERE r.snapshot_id = ${id} ORDER BY top.value_score DESC, r.customer_id, r.rank`,
  );
  const top = new Map<string, RecommendSection['top'][number]>();
  for (const row of rows) {
    const entry = top.get(row.customer_id) ?? { customerId: row.customer_id, name: row.name, products: [] };
    top.set(row.customer_id, { ...entry, products: [...entry.products, { productId: row.product_id, name: row.product, score: row.score, because: row.because }] });
  }
  return {
    k: r.k,
    customers: count?.n ?? 0,
    holdout: { cutoff, customers: model.customers, model: { hitRate: model.hitRate, precision: model.precision }, popular: { hitRate: popular.hitRate, precision: popular.precision } },
    top: [...top.values()],
  };
}
