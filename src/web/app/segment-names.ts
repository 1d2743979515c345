/** The named RFM segments an analysis can give, in the rule order, for the segment filters: read from the rules themselves. */
import { otherSegment, rfmPackageSegments } from '../../analytics/tiers/rfm-segments.js';

export const segmentNames: readonly string[] = [...rfmPackageSegments.map((s) => s.segment), otherSegment];
