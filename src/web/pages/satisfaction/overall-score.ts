/**
 * The period's NPS and CSAT from the monthly points. Each month's NPS is
 * 100 × (promoters − detractors) ÷ answers, so weighting it by its answers
 * and dividing by all answers gives the period's NPS exactly; CSAT likewise.
 */
import type { SatisfactionPoint } from './satisfaction-types.js';

export interface OverallScore {
  readonly nps: number | null;
  readonly npsResponses: number;
  readonly csat: number | null;
  readonly meanScore: number | null;
  readonly surveyResponses: number;
}

function weighted(points: readonly SatisfactionPoint[], value: (p: SatisfactionPoint) => number | null, weight: (p: SatisfactionPoint) => number): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    const v = value(p);
    const w = weight(p);
    if (v === null || w <= 0) continue;
    sum += v * w;
    n += w;
  }
  return n > 0 ? sum / n : null;
}

export function overallScore(months: readonly SatisfactionPoint[]): OverallScore {
  return {
    nps: weighted(months, (p) => p.nps, (p) => p.npsResponses),
    npsResponses: months.reduce((s, p) => s + p.npsResponses, 0),
    csat: weighted(months, (p) => p.csat, (p) => p.surveyResponses),
    meanScore: weighted(months, (p) => p.meanScore, (p) => p.surveyResponses),
    surveyResponses: months.reduce((s, p) => s + p.surveyResponses, 0),
  };
}

/** Examples without repeats: the same short comment is often written by several customers. */
export function distinctExamples(examples: readonly string[]): string[] {
  return [...new Set(examples.map((e) => e.trim()))].filter((e) => e.length > 0);
}
