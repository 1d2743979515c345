/** GET /api/churn as the churn page reads it: the churn section of the analysis (src/analytics/churn/churn.ts). */
import type { ChurnSection } from '../../../analytics/churn/churn.js';
import type { SectionResponse } from '../../app/section-response.js';

export type { AtRiskCustomer } from '../../../analytics/churn/churn.js';
export type { ChurnModelReport } from '../../../analytics/churn/churn-model.js';

export type Band = keyof ChurnSection['bands'];
export const bands: readonly Band[] = ['low', 'medium', 'high', 'critical'];
/** The lowest risk score of each band: [0, 25), [25, 50), [50, 75), [75, 100]. */
export const bandFloor: Readonly<Record<Band, number>> = { low: 0, medium: 25, high: 50, critical: 75 };

export type ChurnData = SectionResponse<ChurnSection>;
