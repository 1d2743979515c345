/** The shape of GET /api/segments as the segmentation page reads it (a section of the analysis document). */
export interface TierTrait {
  readonly tier: string;
  readonly customers: number;
  readonly customerShare: number;
  readonly revenue: number;
  readonly revenueShare: number | null;
  readonly profit: number;
  readonly profitShare: number | null;
  readonly avgRecencyDays: number;
  readonly avgFrequency: number;
  readonly avgMonetary: number;
  readonly mainIndustries: readonly { readonly industry: string; readonly customers: number }[];
}

export interface Migration {
  readonly from: string;
  readonly to: string;
  readonly customers: number;
}

export interface RfmSection {
  readonly windowDays: number;
  readonly breaks: { readonly r: readonly number[]; readonly f: readonly number[]; readonly m: readonly number[] };
  readonly grid: readonly { readonly r: number; readonly f: number; readonly customers: number; readonly revenue: number }[];
}

export interface ParetoSummary {
  readonly customers: number;
  readonly topShare: number;
  readonly topCustomers: number;
  readonly topRevenueShare: number | null;
  readonly topProfitShare: number | null;
  readonly gini: number | null;
  readonly abc: readonly { readonly class: string; readonly customers: number; readonly revenueShare: number | null }[];
}

export type TierScheme = 'value' | 'rfm' | 'segments';

export interface SegmentsData {
  readonly snapshotId: number;
  readonly period: { readonly asOf: string; readonly from: string; readonly to: string };
  readonly scope: string | null;
  readonly tiers: Readonly<Record<TierScheme, readonly TierTrait[]>>;
  readonly migration: { readonly value: readonly Migration[]; readonly rfm: readonly Migration[] } | null;
  readonly rfm: RfmSection;
  readonly pareto: ParetoSummary;
}
