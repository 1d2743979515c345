/**
 * The satisfaction section: IPA quadrants, NPS and CSAT by month and tier,
 * complaint categories, recorded churn reasons and the issues customers
 * raise most in their own words. Definitions in satisfaction-metrics.ts.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';
import { churnReasons, complaintCategories, type ChurnReasonRow, type ComplaintCategoryRow } from './complaint-summary.js';
import { ipa, type IpaResult } from './ipa.js';
import { satisfactionTrend, type SatisfactionPoint } from './satisfaction-trends.js';
import { defaultStopWords, topIssues, type TextIssue } from './text-issues.js';

export interface SatisfactionSection {
  readonly ipa: IpaResult;
  readonly byMonth: readonly SatisfactionPoint[];
  readonly byTier: readonly SatisfactionPoint[];
  readonly complaintCategories: readonly ComplaintCategoryRow[];
  readonly churnReasons: readonly ChurnReasonRow[];
  /** From complaint texts and the comments of NPS detractors and passives (0–8). */
  readonly topIssues: { readonly texts: number; readonly issues: readonly TextIssue[] };
}

export function feedbackTextsSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  const inPeriod = (col: string) => `${col} BETWEEN ${dateLit(from)} AND ${dateLit(to)}${scopeFilter(ctx)}`;
  return `SELECT text FROM (
  SELECT complaint_date AS d, complaint_id AS id, text FROM complaints WHERE ${inPeriod('complaint_date')} AND nullif(trim(text), '') IS NOT NULL
  UNION ALL
  SELECT response_date, response_id, comment FROM nps_responses WHERE ${inPeriod('response_date')} AND score <= 8 AND nullif(trim(comment), '') IS NOT NULL
) AS texts ORDER BY d DESC, id`;
}

export async function satisfactionSection(ctx: AnalysisContext): Promise<SatisfactionSection> {
  const s = ctx.config.satisfaction;
  const texts = (await ctx.db.query<{ text: string }>(feedbackTextsSql(ctx))).map((r) => r.text);
  return {
    ipa: await ipa(ctx),
    byMonth: await satisfactionTrend(ctx, 'month'),
    byTier: await satisfactionTrend(ctx, 'tier'),
    complaintCategories: await complaintCategories(ctx),
    churnReasons: await churnReasons(ctx),
    topIssues: {
      texts: texts.length,
      issues: topIssues(texts, { limit: s.topIssues, minTexts: s.minIssueTexts, stopWords: new Set([...defaultStopWords, ...s.stopWords]), examples: 2 }),
    },
  };
}
