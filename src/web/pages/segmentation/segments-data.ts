/** GET /api/segments as the segmentation page reads it: tiers, migration, RFM grid and Pareto of the analysis (src/analytics/snapshot/run-analysis.ts). */
import type { AnalysisDocument } from '../../../analytics/snapshot/run-analysis.js';
import type { SectionResponse } from '../../app/section-response.js';

export type { Migration, TierTrait } from '../../../analytics/tiers/tier-traits.js';
export type { ParetoSummary } from '../../../analytics/value/pareto.js';

export type RfmSection = AnalysisDocument['rfm'];
/** The three tier schemes as the document names them. */
export type TierScheme = keyof AnalysisDocument['tiers'];

export type SegmentsData = SectionResponse<Pick<AnalysisDocument, 'tiers' | 'migration' | 'rfm' | 'pareto'>>;
