/** GET /api/funnel as the page reads it (the funnel section of the analysis document, src/analytics/funnel/funnel.ts). */

export type FunnelDimension = 'source' | 'rep' | 'region' | 'quarter';
export const funnelDimensions: readonly FunnelDimension[] = ['source', 'rep', 'region', 'quarter'];

export interface FunnelStage {
  readonly stage: string;
  readonly reached: number;
  readonly conversion: number | null;
  readonly fromFirst: number | null;
  readonly open: number;
  readonly lost: number;
  readonly medianDwellDays: number | null;
  readonly meanDwellDays: number | null;
  readonly historicalConversion: number | null;
}

export interface FunnelSlice {
  readonly key: string;
  readonly group: string;
  readonly opportunities: number;
  readonly reached: readonly number[];
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly conversion: number | null;
}

export interface LostReason {
  readonly reason: string;
  readonly opportunities: number;
  readonly share: number;
  readonly amount: number;
}

export interface StalledDeal {
  readonly opportunityId: string;
  readonly name: string | null;
  readonly customerId: string | null;
  readonly customerName: string | null;
  readonly rep: string | null;
  readonly stage: string | null;
  readonly amount: number | null;
  readonly idleDays: number;
}

export interface FunnelData {
  readonly period: { readonly asOf: string; readonly from: string; readonly to: string };
  readonly scope: string | null;
  readonly stages: readonly FunnelStage[];
  readonly opportunities: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly winRate: number | null;
  readonly wonAmount: number;
  readonly medianCycleDays: number | null;
  readonly bottleneck: {
    readonly from: string;
    readonly to: string;
    readonly conversion: number;
    readonly medianDwellDays: number | null;
    readonly lost: number;
    readonly lostReasons: readonly LostReason[];
  } | null;
  readonly decline: { readonly from: string; readonly to: string; readonly conversion: number; readonly historical: number; readonly change: number } | null;
  readonly slices: Readonly<Record<FunnelDimension, readonly FunnelSlice[]>>;
  readonly lostReasons: readonly LostReason[];
  readonly stalled: { readonly opportunities: number; readonly amount: number; readonly stalledDays: number; readonly top: readonly StalledDeal[] };
}
