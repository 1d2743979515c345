import { describe, expect, it } from 'vitest';
import { scoreLabels } from '../../store/schema/score-labels.js';
import { otherSegment, rfmPackageSegments, rfmSegmentOf } from './rfm-segments.js';

describe('named RFM segments and the store', () => {
  it('every segment a score triple can get is a label the store column accepts', () => {
    const named = [...rfmPackageSegments.map((s) => s.segment), otherSegment];
    expect(named).toEqual(scoreLabels.rfm_segment);
    const reached = new Set(scoreLabels.rfm_code.map((code) => rfmSegmentOf(Number(code[0]), Number(code[1]), Number(code[2]))));
    for (const segment of reached) expect(scoreLabels.rfm_segment).toContain(segment);
  });

  it('the RFM codes run 111 … 555 in score-cell order ((r−1)·25 + (f−1)·5 + m)', () => {
    expect(scoreLabels.rfm_code).toHaveLength(125);
    expect([scoreLabels.rfm_code[0], scoreLabels.rfm_code[(3 - 1) * 25 + (4 - 1) * 5 + 2 - 1], scoreLabels.rfm_code[124]]).toEqual(['111', '342', '555']);
    // By the rules in order: 555 is Champions; 155 first fits At Risk (r 1–2, f 2–5, m 4–5); 111 only Lost (r 1).
    expect(rfmSegmentOf(5, 5, 5)).toBe('Champions');
    expect(rfmSegmentOf(1, 5, 5)).toBe('At Risk');
    expect(rfmSegmentOf(1, 1, 1)).toBe('Lost');
  });
});
