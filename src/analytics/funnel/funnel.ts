/**
 * The sales funnel of opportunities created in the period: how many reach
 * each stage, where they convert worst (the bottleneck), how long they dwell,
 * why they are lost and which open deals have stalled. Definitions in
 * funnel-metrics.ts.
 */
import { ratio, type AnalysisContext } from '../analysis-context.js';
import { addDays } from '../analysis-period.js';
import { dwellSql, funnelDimensions, funnelOutcomeSql, funnelSliceSql, funnelStagesSql, lostReasonsSql, stalledSql, type FunnelDimension } from './funnel-sql.js';

export interface FunnelStageRow {
  readonly stage: string;
  readonly reached: number;
  /** reached ÷ reached at the previous stage (null for the first stage or when none reached it). */
  readonly conversion: number | null;
  readonly fromFirst: number | null;
  readonly open: number;
  readonly lost: number;
  readonly medianDwellDays: number | null;
  readonly meanDwellDays: number | null;
  /** The same conversion over every opportunity created before the period (null without history). */
  readonly historicalConversion: number | null;
}

export interface FunnelSliceRow {
  /** The rep's id for the rep slice (the customers list filters by it); the group itself otherwise. */
  readonly key: string;
  readonly group: string;
  readonly opportunities: number;
  readonly reached: readonly number[];
  readonly won: number;
  readonly lost: number;
  readonly winRate: number | null;
  readonly conversion: number | null;
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

export interface LostReason {
  readonly reason: string;
  readonly opportunities: number;
  readonly share: number;
  readonly amount: number;
}

export interface Bottleneck {
  readonly from: string;
  readonly to: string;
  readonly conversion: number;
  readonly medianDwellDays: number | null;
  /** Deals lost at the stage before the bottleneck, and why. */
  readonly lost: number;
  readonly lostReasons: readonly LostReason[];
}

export interface FunnelSection {
  readonly stages: readonly FunnelStageRow[];
  readonly opportunities: number;
  readonly won: number;
  readonly lost: number;
  readonly open: number;
  readonly winRate: number | null;
  readonly wonAmount: number;
  readonly medianCycleDays: number | null;
  readonly bottleneck: Bottleneck | null;
  /** The transition whose conversion fell most below its historical rate (null when none fell). */
  readonly decline: { readonly from: string; readonly to: string; readonly conversion: number; readonly historical: number; readonly change: number } | null;
  readonly slices: Readonly<Record<FunnelDimension, readonly FunnelSliceRow[]>>;
  readonly lostReasons: readonly LostReason[];
  readonly stalled: { readonly opportunities: number; readonly amount: number; readonly stalledDays: number; readonly top: readonly StalledDeal[] };
}

type StageCount = { stage: number; reached: number; open: number; lost: number };

async function stageRows(ctx: AnalysisContext): Promise<FunnelStageRow[]> {
  const names = ctx.config.funnel.stages;
  const counts = await ctx.db.query<StageCount>(funnelStagesSql(ctx));
  const before = await ctx.db.query<StageCount>(funnelStagesSql(ctx, { from: '0001-01-01', to: addDays(ctx.period.from, -1) }));
  const dwell = new Map((await ctx.db.query<{ stage: number; median: number; mean: number }>(dwellSql(ctx))).map((d) => [d.stage, d]));
  const first = counts[0]?.reached ?? 0;
  return counts.map((c, i) => ({
    stage: names[c.stage] ?? String(c.stage),
    reached: c.reached,
    conversion: i === 0 ? null : ratio(c.reached, counts[i - 1]!.reached),
    fromFirst: ratio(c.reached, first),
    open: c.open,
    lost: c.lost,
    medianDwellDays: dwell.get(c.stage)?.median ?? null,
    meanDwellDays: dwell.get(c.stage)?.mean ?? null,
    historicalConversion: i === 0 ? null : ratio(before[i]?.reached ?? 0, before[i - 1]?.reached ?? 0),
  }));
}

/** Index of the stage whose conversion into it is lowest (the earlier one on a tie), or null. */
export function bottleneckIndex(stages: readonly Pick<FunnelStageRow, 'conversion'>[]): number | null {
  let best: number | null = null;
  stages.forEach((s, i) => {
    if (i > 0 && s.conversion !== null && (best === null || s.conversion < stages[best]!.conversion!)) best = i;
  });
  return best;
}

async function bottleneck(ctx: AnalysisContext, stages: readonly FunnelStageRow[]): Promise<Bottleneck | null> {
  const i = bottleneckIndex(stages);
  if (i === null) return null;
  const from = stages[i - 1]!;
  return {
    from: from.stage,
    to: stages[i]!.stage,
    conversion: stages[i]!.conversion!,
    medianDwellDays: from.medianDwellDays,
    lost: from.lost,
    lostReasons: (await ctx.db.query<LostReason>(lostReasonsSql(ctx, i - 1))).slice(0, 3),
  };
}

/** The transition that fell most below its own history. */
export function findDecline(stages: readonly FunnelStageRow[]): FunnelSection['decline'] {
  let worst: FunnelSection['decline'] = null;
  for (let i = 1; i < stages.length; i++) {
    const { conversion, historicalConversion: historical } = stages[i]!;
    if (conversion === null || historical === null) continue;
    const change = conversion - historical;
    if (change < 0 && (worst === null || change < worst.change)) worst = { from: stages[i - 1]!.stage, to: stages[i]!.stage, conversion, historical, change };
  }
  return worst;
}

async function slices(ctx: AnalysisContext): Promise<FunnelSection['slices']> {
  const out = {} as Record<FunnelDimension, FunnelSliceRow[]>;
  for (const dim of funnelDimensions) {
    const rows = await ctx.db.query<Omit<FunnelSliceRow, 'winRate' | 'conversion'>>(funnelSliceSql(ctx, dim));
    out[dim] = rows.map((r) => ({ ...r, winRate: ratio(r.won, r.won + r.lost), conversion: ratio(r.reached.at(-1) ?? 0, r.reached[0] ?? 0) }));
  }
  return out;
}

export async function funnelSection(ctx: AnalysisContext, listed: number): Promise<FunnelSection> {
  const stages = await stageRows(ctx);
  const [o] = await ctx.db.query<{ opportunities: number; won: number; lost: number; open: number; wonAmount: number; medianCycleDays: number | null }>(funnelOutcomeSql(ctx));
  const stalled = await ctx.db.query<StalledDeal & { total: number; totalAmount: number | null }>(stalledSql(ctx, listed));
  const won = o?.won ?? 0;
  const lost = o?.lost ?? 0;
  return {
    stages,
    opportunities: o?.opportunities ?? 0,
    won,
    lost,
    open: o?.open ?? 0,
    winRate: ratio(won, won + lost),
    wonAmount: o?.wonAmount ?? 0,
    medianCycleDays: o?.medianCycleDays ?? null,
    bottleneck: await bottleneck(ctx, stages),
    decline: findDecline(stages),
    slices: await slices(ctx),
    lostReasons: await ctx.db.query<LostReason>(lostReasonsSql(ctx)),
    stalled: {
      opportunities: stalled[0]?.total ?? 0,
      amount: stalled[0]?.totalAmount ?? 0,
      stalledDays: ctx.config.funnel.stalledDays,
      top: stalled.map(({ total: _t, totalAmount: _a, ...d }) => d),
    },
  };
}
