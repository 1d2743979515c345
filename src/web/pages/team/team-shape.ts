/** Pure shaping of the team section: the whole team's totals, and how an attainment reads. */
import type { RepPerformance } from './team-types.js';

export interface TeamTotals {
  readonly reps: number;
  readonly revenue: number;
  /** Sum of the reps' targets, or null when no rep has one. */
  readonly target: number | null;
  /** Revenue of the reps with a target ÷ their targets: reps without a target do not dilute it. */
  readonly attainment: number | null;
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly newCustomers: number;
  readonly activities: number;
}

export function teamTotals(reps: readonly RepPerformance[]): TeamTotals {
  const sum = (f: (r: RepPerformance) => number) => reps.reduce((s, r) => s + f(r), 0);
  const withTarget = reps.filter((r) => r.target !== null && r.target > 0);
  const target = withTarget.length > 0 ? withTarget.reduce((s, r) => s + (r.target ?? 0), 0) : null;
  const won = sum((r) => r.won);
  const lost = sum((r) => r.lost);
  return {
    reps: reps.length,
    revenue: sum((r) => r.revenue),
    target,
    attainment: target !== null && target > 0 ? withTarget.reduce((s, r) => s + r.revenue, 0) / target : null,
    won,
    lost,
    winRate: won + lost > 0 ? won / (won + lost) : null,
    newCustomers: sum((r) => r.newCustomers),
    activities: sum((r) => r.activities),
  };
}

export type AttainmentBand = 'met' | 'close' | 'behind' | 'none';

/** Met at 100%, close from 80%: the colours of the progress bars. */
export function attainmentBand(attainment: number | null): AttainmentBand {
  if (attainment === null || !Number.isFinite(attainment)) return 'none';
  return attainment >= 1 ? 'met' : attainment >= 0.8 ? 'close' : 'behind';
}

export function bandColor(band: AttainmentBand): string {
  switch (band) {
    case 'met':
      return '#52c41a';
    case 'close':
      return '#1f6feb';
    case 'behind':
      return '#fa8c16';
    case 'none':
      return '#d9d9d9';
    default:
      return band satisfies never;
  }
}

/**
 * In a scoped analysis (a region, an industry) the API still lists every
 * rep and team, most with nothing among the scoped customers; those rows
 * only add zeros, so a scoped view keeps the ones with any sale, deal or activity.
 */
export function activeReps(reps: readonly RepPerformance[], scoped: boolean): readonly RepPerformance[] {
  return scoped ? reps.filter((r) => r.revenue !== 0 || r.orders > 0 || r.won + r.lost > 0 || r.opportunitiesCreated > 0 || r.activities > 0) : reps;
}

export function activeTeams<T extends { revenue: number; won: number; lost: number; activities: number }>(teams: readonly T[], scoped: boolean): readonly T[] {
  return scoped ? teams.filter((t) => t.revenue !== 0 || t.won + t.lost > 0 || t.activities > 0) : teams;
}
