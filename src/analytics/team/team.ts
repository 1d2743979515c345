/**
 * The team section: a leaderboard of reps (ranked by target attainment, then
 * revenue), the same figures rolled up per team, and the period's target
 * split by history and potential (target-split.ts). Definitions in team-metrics.ts.
 */
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { targetSplit, type TargetSplit } from './target-split.js';
import { repPerformanceSql } from './team-sql.js';

interface RepRow {
  readonly repId: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly region: string | null;
  readonly hireDate: string | null;
  readonly revenue: number;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly won: number;
  readonly lost: number;
  readonly wonAmount: number;
  readonly opportunitiesCreated: number;
  readonly createdWon: number;
  readonly medianCycleDays: number | null;
  readonly activities: number;
  readonly visits: number;
  readonly meanSatisfaction: number | null;
  readonly csat: number | null;
  readonly nps: number | null;
  readonly target: number | null;
}

export interface RepPerformance extends RepRow {
  readonly winRate: number | null;
  /** Opportunities created in the period and won by the as-of date ÷ opportunities created. */
  readonly conversion: number | null;
  readonly averageDealSize: number | null;
  readonly attainment: number | null;
  /** 1 = best; reps with a target first (by attainment), then the rest by revenue. */
  readonly rank: number;
}

export interface TeamPerformance {
  readonly team: string;
  readonly reps: number;
  readonly revenue: number;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly activities: number;
}

export interface TeamSection {
  readonly reps: readonly RepPerformance[];
  readonly teams: readonly TeamPerformance[];
  /** The period's target split by region, industry, tier and owner; null without targets. */
  readonly targetSplit: TargetSplit | null;
}

/** Attainment descending (reps without a target last), then revenue descending, then id. */
export function rankReps(rows: readonly RepRow[]): RepPerformance[] {
  const scored = rows.map((r) => ({
    ...r,
    winRate: ratio(r.won, r.won + r.lost),
    conversion: ratio(r.createdWon, r.opportunitiesCreated),
    averageDealSize: ratio(r.wonAmount, r.won),
    attainment: r.target !== null && r.target > 0 ? r.revenue / r.target : null,
  }));
  scored.sort((a, b) => (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) || b.revenue - a.revenue || (a.repId < b.repId ? -1 : 1));
  return scored.map((r, i) => ({ ...r, rank: i + 1 }));
}

export function rollUpTeams(reps: readonly RepPerformance[]): TeamPerformance[] {
  const byTeam = new Map<string, RepPerformance[]>();
  for (const r of reps) byTeam.set(r.team ?? 'unknown', [...(byTeam.get(r.team ?? 'unknown') ?? []), r]);
  return [...byTeam].map(([team, rs]) => {
    const sum = (f: (r: RepPerformance) => number) => rs.reduce((s, r) => s + f(r), 0);
    const hasTarget = rs.some((r) => r.target !== null);
    const target = hasTarget ? sum((r) => r.target ?? 0) : null;
    const won = sum((r) => r.won);
    const lost = sum((r) => r.lost);
    return {
      team,
      reps: rs.length,
      revenue: sum((r) => r.revenue),
      target,
      attainment: target !== null && target > 0 ? sum((r) => r.revenue) / target : null,
      won,
      lost,
      winRate: ratio(won, won + lost),
      activities: sum((r) => r.activities),
    };
  }).sort((a, b) => (b.attainment ?? -Infinity) - (a.attainment ?? -Infinity) || b.revenue - a.revenue);
}

export async function teamSection(ctx: AnalysisContext, snapshotId: number): Promise<TeamSection> {
  const reps = rankReps(await ctx.db.query<RepRow>(repPerformanceSql(ctx)));
  return { reps, teams: rollUpTeams(reps), targetSplit: await targetSplit(ctx, snapshotId) };
}
