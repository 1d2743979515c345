/**
 * The sections of the analysis document beyond scores and tiers: behaviour,
 * funnel, team and satisfaction, each computed by its own module.
 */
import type { AnalysisContext } from '../analysis-context.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalysisSections {}

export async function analysisSections(_ctx: AnalysisContext): Promise<AnalysisSections> {
  return {};
}
