/** Pure shaping of the funnel section for the page: changes against history, per-group stage conversions. */
import type { FunnelData, FunnelStage } from './funnel-types.js';

export interface StageView extends FunnelStage {
  /** conversion − historical conversion (a ratio difference: −0.033 is 3.3 points down), null when either is missing. */
  readonly change: number | null;
  readonly isBottleneck: boolean;
}

export function stageViews(d: Pick<FunnelData, 'stages' | 'bottleneck'>): StageView[] {
  return d.stages.map((s, i) => ({
    ...s,
    change: s.conversion !== null && s.historicalConversion !== null ? s.conversion - s.historicalConversion : null,
    // The bottleneck names the transition by its stages; the row is the one it leads into.
    isBottleneck: d.bottleneck !== null && s.stage === d.bottleneck.to && d.stages[i - 1]?.stage === d.bottleneck.from,
  }));
}

/** The historical conversion of the bottleneck transition, to show beside the period's. */
export function bottleneckHistory(d: Pick<FunnelData, 'stages' | 'bottleneck'>): number | null {
  return stageViews(d).find((s) => s.isBottleneck)?.historicalConversion ?? null;
}

/** Conversion into each stage from the one before, for one group's reached counts (null for the first stage or after zero). */
export function stepConversions(reached: readonly number[]): (number | null)[] {
  return reached.map((n, i) => {
    const before = i === 0 ? undefined : reached[i - 1];
    return before === undefined || before === 0 ? null : n / before;
  });
}

/** reached at the last stage ÷ reached at the first, over all opportunities: the line groups are compared against. */
export function overallConversion(stages: readonly FunnelStage[]): number | null {
  const first = stages[0]?.reached ?? 0;
  const last = stages.at(-1)?.reached ?? 0;
  return first > 0 ? last / first : null;
}
