/** GET /api/satisfaction as the page reads it (src/analytics/satisfaction/satisfaction.ts). */
import type { Quadrant } from '../../charts/ipa-option.js';

export interface IpaItem {
  readonly item: string;
  readonly responses: number;
  readonly meanScore: number;
  readonly meanImportance: number;
  readonly quadrant: Quadrant;
  readonly gap: number;
}

export interface SatisfactionPoint {
  readonly group: string;
  readonly npsResponses: number;
  readonly nps: number | null;
  readonly surveyResponses: number;
  readonly csat: number | null;
  readonly meanScore: number | null;
}

export interface ComplaintCategory {
  readonly category: string;
  readonly complaints: number;
  readonly share: number;
  readonly unresolved: number;
  readonly medianResolutionDays: number | null;
}

export interface ChurnReason {
  readonly reason: string;
  readonly customers: number;
  readonly share: number;
}

export interface TextIssue {
  readonly term: string;
  readonly texts: number;
  readonly share: number;
  readonly examples: readonly string[];
}

export interface SatisfactionData {
  readonly period: { readonly asOf: string; readonly from: string; readonly to: string };
  readonly scope: string | null;
  readonly ipa: { readonly items: readonly IpaItem[]; readonly cut: { readonly score: number; readonly importance: number } | null; readonly improveFirst: readonly string[] };
  readonly byMonth: readonly SatisfactionPoint[];
  readonly byTier: readonly SatisfactionPoint[];
  readonly complaintCategories: readonly ComplaintCategory[];
  readonly churnReasons: readonly ChurnReason[];
  readonly topIssues: { readonly texts: number; readonly issues: readonly TextIssue[] };
}
