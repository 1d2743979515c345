/**
 * The rfm package's named segments (rsquaredacademy/rfm 0.3.0): rules tried
 * in order, the first whose R, F and M score ranges all hold wins, else
 * "Others". Kept as data so a user can edit the grid.
 */
import { scoreLabels } from '../../store/schema/score-labels.js';

export interface SegmentRule {
  readonly segment: string;
  readonly r: readonly [number, number];
  readonly f: readonly [number, number];
  readonly m: readonly [number, number];
}

export const rfmPackageSegments: readonly SegmentRule[] = [
  { segment: 'Champions', r: [5, 5], f: [5, 5], m: [5, 5] },
  { segment: 'Potential Loyalist', r: [3, 5], f: [3, 5], m: [2, 5] },
  { segment: 'Loyal Customers', r: [2, 4], f: [2, 4], m: [2, 4] },
  { segment: 'Promising', r: [3, 4], f: [1, 3], m: [3, 5] },
  { segment: 'New Customers', r: [4, 5], f: [1, 3], m: [1, 5] },
  { segment: "Can't Lose Them", r: [1, 2], f: [3, 4], m: [4, 5] },
  { segment: 'At Risk', r: [1, 2], f: [2, 5], m: [4, 5] },
  { segment: 'Need Attention', r: [1, 3], f: [3, 5], m: [3, 5] },
  { segment: 'About To Sleep', r: [2, 3], f: [1, 3], m: [1, 4] },
  { segment: 'Lost', r: [1, 1], f: [1, 5], m: [1, 5] },
];

export const otherSegment = 'Others';

/**
 * The 1-based position of (r_score, f_score, m_score) among the 125 score
 * triples, 111 first and 555 last: a per-customer value becomes one lookup
 * in a constant array, which costs the engine less than a CASE or a string
 * built per row.
 */
export const scoreCellSql = '((r_score - 1) * 25 + (f_score - 1) * 5 + m_score)';

/** Each of the 125 score triples in scoreCellSql's order: the store's RFM codes, 111 … 555, digit by digit. */
const cells = scoreLabels.rfm_code.map((code) => [Number(code[0]), Number(code[1]), Number(code[2])] as const);

const textArray = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replaceAll("'", "''")}'`).join(', ')}]`;

/** SQL naming the segment of (r_score, f_score, m_score): rfmSegmentOf worked out for every triple, looked up by cell. */
export function rfmSegmentSql(rules: readonly SegmentRule[] = rfmPackageSegments): string {
  return `coalesce((${textArray(cells.map(([r, f, m]) => rfmSegmentOf(r, f, m, rules)))})[${scoreCellSql}], '${otherSegment}')`;
}

/** SQL for the RFM code ('555') of (r_score, f_score, m_score). */
export function rfmCodeSql(): string {
  return `(${textArray(scoreLabels.rfm_code)})[${scoreCellSql}]`;
}

/** The same rule in TypeScript, for one customer (used by the threshold-editor preview). */
export function rfmSegmentOf(r: number, f: number, m: number, rules: readonly SegmentRule[] = rfmPackageSegments): string {
  const inside = (x: number, [lo, hi]: readonly [number, number]) => x >= lo && x <= hi;
  return rules.find((s) => inside(r, s.r) && inside(f, s.f) && inside(m, s.m))?.segment ?? otherSegment;
}
