/**
 * The sections of the analysis document beyond scores and tiers: behaviour,
 * funnel, team, satisfaction, churn warning and recommendations, each
 * computed by its own module.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { behaviourSection, type BehaviourSection } from '../behaviour/behaviour.js';
import { churnSection, type ChurnSection } from '../churn/churn.js';
import type { FittedChurnModel } from '../churn/churn-model.js';
import { recommendSection, type RecommendSection } from '../recommend/recommendations.js';
import { funnelSection, type FunnelSection } from '../funnel/funnel.js';
import { satisfactionSection, type SatisfactionSection } from '../satisfaction/satisfaction.js';
import { teamSection, type TeamSection } from '../team/team.js';

export interface AnalysisSections {
  readonly behaviour: BehaviourSection;
  readonly funnel: FunnelSection;
  readonly team: TeamSection;
  readonly satisfaction: SatisfactionSection;
  readonly churn: ChurnSection;
  readonly recommendations: RecommendSection;
}

/** `churnModel`: the churn model, when the caller trains it (churnSection). */
export async function analysisSections(ctx: AnalysisContext, snapshotId: number, churnModel?: Promise<FittedChurnModel | null>): Promise<AnalysisSections> {
  return {
    behaviour: await behaviourSection(ctx, snapshotId),
    funnel: await funnelSection(ctx, ctx.config.listed),
    team: await teamSection(ctx, snapshotId),
    satisfaction: await satisfactionSection(ctx),
    churn: await churnSection(ctx, snapshotId, churnModel),
    recommendations: await recommendSection(ctx, snapshotId),
  };
}
