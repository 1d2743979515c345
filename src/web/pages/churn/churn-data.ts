/** The shape of GET /api/churn as the churn page reads it (the churn section of the analysis document). */
import type { SignalLike } from '../../../i18n/signal-evidence.js';

export type Band = 'low' | 'medium' | 'high' | 'critical';
export const bands: readonly Band[] = ['low', 'medium', 'high', 'critical'];
/** The lowest risk score of each band: [0, 25), [25, 50), [50, 75), [75, 100]. */
export const bandFloor: Readonly<Record<Band, number>> = { low: 0, medium: 25, high: 50, critical: 75 };

export interface ScoreQuality {
  readonly auc: number | null;
  readonly precisionAt10: number | null;
}

export interface CalibrationBin {
  readonly bin: number;
  readonly customers: number;
  readonly meanPredicted: number;
  readonly observed: number;
}

export interface ChurnModelReport {
  readonly labelDays: number;
  readonly trainDates: readonly string[];
  readonly testDate: string;
  readonly trainRows: number;
  readonly testRows: number;
  readonly testChurnRate: number;
  readonly coefficients: readonly { readonly feature: string; readonly weight: number }[];
  readonly model: ScoreQuality;
  readonly riskScore: ScoreQuality;
  readonly pAlive: ScoreQuality | null;
  readonly calibration: readonly CalibrationBin[];
}

export interface AtRiskCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly tier: string | null;
  readonly riskScore: number;
  readonly probability: number | null;
  readonly signals: readonly SignalLike[];
}

export interface ChurnData {
  readonly snapshotId: number;
  readonly period: { readonly asOf: string; readonly from: string; readonly to: string };
  readonly customers: number;
  readonly bands: Readonly<Record<Band, number>>;
  readonly signalCounts: Readonly<Record<string, { readonly warn: number; readonly alert: number }>>;
  readonly atRisk: readonly AtRiskCustomer[];
  readonly model: ChurnModelReport | null;
  readonly reasons: readonly { readonly reason: string; readonly customers: number; readonly share: number }[];
}
