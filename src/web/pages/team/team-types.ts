/** GET /api/team as the page reads it: the team section of the analysis (src/analytics/team/team.ts and target-split.ts). */
import type { TeamSection } from '../../../analytics/team/team.js';
import type { SplitDimension } from '../../../analytics/team/target-split.js';
import type { SectionResponse } from '../../app/section-response.js';

export type { RepPerformance, TeamPerformance } from '../../../analytics/team/team.js';
export type { SplitDimension, SplitRow, TargetSplit } from '../../../analytics/team/target-split.js';

// A value, not a type: the analysis module itself would bring its SQL into the bundle.
export const splitDimensions: readonly SplitDimension[] = ['region', 'industry', 'tier', 'rep'];

export type TeamData = SectionResponse<TeamSection>;
