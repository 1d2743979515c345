/**
 * Importance-performance analysis (IPA): each survey item's mean importance
 * and mean satisfaction in the period, placed against the means over all
 * items. High importance with low satisfaction is where to improve first.
 */
import type { AnalysisContext } from '../analysis-context.js';
import { dateLit, scopeFilter } from '../analysis-sql.js';

export type IpaQuadrant = 'concentrate_here' | 'keep_up_the_good_work' | 'low_priority' | 'possible_overkill';

export interface IpaItem {
  readonly item: string;
  readonly responses: number;
  readonly meanScore: number;
  readonly meanImportance: number;
  readonly quadrant: IpaQuadrant;
  /** meanImportance − meanScore: how far satisfaction falls short of what matters. */
  readonly gap: number;
}

export interface IpaResult {
  readonly items: readonly IpaItem[];
  /** The grand means the quadrants are cut at (means of the item means), or null with no items. */
  readonly cut: { readonly score: number; readonly importance: number } | null;
  /** concentrate_here items, largest gap first. */
  readonly improveFirst: readonly string[];
}

export function ipaSql(ctx: AnalysisContext): string {
  const { from, to } = ctx.period;
  return `SELECT item, count(*) AS responses, avg(score) AS "meanScore", avg(importance) AS "meanImportance"
FROM survey_responses
WHERE survey_date BETWEEN ${dateLit(from)} AND ${dateLit(to)} AND item IS NOT NULL AND score IS NOT NULL AND importance IS NOT NULL${scopeFilter(ctx)}
GROUP BY item ORDER BY item`;
}

/** Quadrants against the means of the item means (an item on a cut line counts as high). */
export function ipaQuadrants(items: readonly Omit<IpaItem, 'quadrant' | 'gap'>[]): IpaResult {
  if (items.length === 0) return { items: [], cut: null, improveFirst: [] };
  const score = items.reduce((s, i) => s + i.meanScore, 0) / items.length;
  const importance = items.reduce((s, i) => s + i.meanImportance, 0) / items.length;
  const placed = items.map((i) => {
    const high = i.meanImportance >= importance;
    const good = i.meanScore >= score;
    const quadrant: IpaQuadrant = high ? (good ? 'keep_up_the_good_work' : 'concentrate_here') : good ? 'possible_overkill' : 'low_priority';
    return { ...i, quadrant, gap: i.meanImportance - i.meanScore };
  });
  const improveFirst = placed
    .filter((i) => i.quadrant === 'concentrate_here')
    .sort((a, b) => b.gap - a.gap || (a.item < b.item ? -1 : 1))
    .map((i) => i.item);
  return { items: placed, cut: { score, importance }, improveFirst };
}

export async function ipa(ctx: AnalysisContext): Promise<IpaResult> {
  return ipaQuadrants(await ctx.db.query<Omit<IpaItem, 'quadrant' | 'gap'>>(ipaSql(ctx)));
}
