/**
 * A period's target split across regions, industries, tiers and reps in
 * proportion to history and potential: weight = (1 − α) × the group's share
 * of last period's revenue + α × its share of the customers' potential
 * scores (α = team.potentialWeight, default 0.3), in whole 元 by the largest
 * remainder, so every split adds up to the total. Customers count under
 * their own region, industry, tier and owner.
 */
import type { AnalysisContext } from '../analysis-context.js';
import type { CustomerAttribute } from '../analysis-sql.js';
import { decomposeTarget } from './target-decomposition.js';
import { periodTargetSql, splitBasisSql } from './team-sql.js';

export type SplitDimension = CustomerAttribute;
export const splitDimensions: readonly SplitDimension[] = ['region', 'industry', 'tier', 'rep'];

export interface SplitRow {
  readonly group: string;
  readonly historyShare: number | null;
  readonly potentialShare: number | null;
  readonly weight: number;
  readonly suggested: number;
}

export interface TargetSplit {
  readonly total: number;
  readonly source: 'company' | 'rep';
  readonly potentialWeight: number;
  readonly byDimension: Readonly<Record<SplitDimension, readonly SplitRow[]>>;
}

/** Blended weights; a basis that is all zero drops out, and with neither the split is even. */
export function blendWeights(rows: readonly { history: number; potential: number }[], alpha: number): { historyShare: number | null; potentialShare: number | null; weight: number }[] {
  const h = rows.reduce((s, r) => s + r.history, 0);
  const p = rows.reduce((s, r) => s + r.potential, 0);
  const a = h > 0 && p > 0 ? alpha : h > 0 ? 0 : 1;
  return rows.map((r) => {
    const historyShare = h > 0 ? r.history / h : null;
    const potentialShare = p > 0 ? r.potential / p : null;
    const weight = h > 0 || p > 0 ? (1 - a) * (historyShare ?? 0) + a * (potentialShare ?? 0) : 1 / rows.length;
    return { historyShare, potentialShare, weight };
  });
}

export async function targetSplit(ctx: AnalysisContext, snapshotId: number): Promise<TargetSplit | null> {
  const totals = new Map((await ctx.db.query<{ scope_type: string; target: number }>(periodTargetSql(ctx))).map((r) => [r.scope_type, r.target]));
  const source = (totals.get('company') ?? 0) > 0 ? 'company' : (totals.get('rep') ?? 0) > 0 ? 'rep' : null;
  if (source === null) return null;
  const total = Math.round(totals.get(source)!);
  const alpha = ctx.config.team.potentialWeight;
  const byDimension = {} as Record<SplitDimension, SplitRow[]>;
  for (const dim of splitDimensions) {
    const basis = await ctx.db.query<{ group: string; history: number; potential: number }>(splitBasisSql(ctx, snapshotId, dim));
    const weights = blendWeights(basis, alpha);
    const parts = decomposeTarget(total, basis.map((b, i) => ({ key: b.group, weight: weights[i]!.weight })));
    byDimension[dim] = basis.map((b, i) => ({ group: b.group, ...weights[i]!, suggested: parts[i]!.amount }));
  }
  return { total, source, potentialWeight: alpha, byDimension };
}
