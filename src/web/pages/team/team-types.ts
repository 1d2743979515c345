/** GET /api/team as the page reads it (src/analytics/team/team.ts and target-split.ts). */

export interface RepPerformance {
  readonly repId: string;
  readonly name: string | null;
  readonly team: string | null;
  readonly region: string | null;
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
  readonly winRate: number | null;
  readonly conversion: number | null;
  readonly averageDealSize: number | null;
  readonly attainment: number | null;
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

export type SplitDimension = 'region' | 'industry' | 'tier' | 'rep';
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

export interface TeamData {
  readonly period: { readonly asOf: string; readonly from: string; readonly to: string };
  readonly scope: string | null;
  readonly reps: readonly RepPerformance[];
  readonly teams: readonly TeamPerformance[];
  readonly targetSplit: TargetSplit | null;
}
