/**
 * The sections of the analysis document beyond scores and tiers: behaviour,
 * funnel, team and satisfaction, each computed by its own module.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { behaviourSection, type BehaviourSection } from '../behaviour/behaviour.js';

export interface AnalysisSections {
  readonly behaviour: BehaviourSection;
}

export async function analysisSections(ctx: AnalysisContext, snapshotId: number): Promise<AnalysisSections> {
  return { behaviour: await behaviourSection(ctx, snapshotId) };
}
