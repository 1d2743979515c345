/** GET /api/funnel as the page reads it: the funnel section of the analysis (src/analytics/funnel/funnel.ts). */
import type { FunnelSection } from '../../../analytics/funnel/funnel.js';
import type { FunnelDimension } from '../../../analytics/funnel/funnel-sql.js';
import type { SectionResponse } from '../../app/section-response.js';

export type { FunnelDimension } from '../../../analytics/funnel/funnel-sql.js';
export type { FunnelSliceRow as FunnelSlice, FunnelStageRow as FunnelStage, LostReason, StalledDeal } from '../../../analytics/funnel/funnel.js';

// A value, not a type: the SQL module itself would come into the bundle.
export const funnelDimensions: readonly FunnelDimension[] = ['source', 'rep', 'region', 'quarter'];

export type FunnelData = SectionResponse<FunnelSection>;
