/** GET /api/satisfaction as the page reads it: the satisfaction section of the analysis (src/analytics/satisfaction/satisfaction.ts). */
import type { SatisfactionSection } from '../../../analytics/satisfaction/satisfaction.js';
import type { SectionResponse } from '../../app/section-response.js';

export type { ChurnReasonRow as ChurnReason, ComplaintCategoryRow as ComplaintCategory } from '../../../analytics/satisfaction/complaint-summary.js';
export type { IpaItem } from '../../../analytics/satisfaction/ipa.js';
export type { SatisfactionPoint } from '../../../analytics/satisfaction/satisfaction-trends.js';
export type { TextIssue } from '../../../analytics/satisfaction/text-issues.js';

export type SatisfactionData = SectionResponse<SatisfactionSection>;
