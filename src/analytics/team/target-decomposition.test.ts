import { describe, expect, it } from 'vitest';
import { decomposeTarget } from './target-decomposition.js';

describe('decomposeTarget (largest remainder)', () => {
  it('splits 100 by weights 1:1:1 as 34, 33, 33', () => {
    // Quotas 33⅓ each; one unit left goes to the first on a full tie.
    expect(decomposeTarget(100, [{ key: 'a', weight: 1 }, { key: 'b', weight: 1 }, { key: 'c', weight: 1 }])).toEqual([
      { key: 'a', amount: 34 },
      { key: 'b', amount: 33 },
      { key: 'c', amount: 33 },
    ]);
  });

  it('gives leftover units to the largest remainders, not the largest weights', () => {
    // 10 units by 0.46 / 0.27 / 0.27: quotas 4.6, 2.7, 2.7 → floors 4, 2, 2, two left → b and c (0.7 > 0.6).
    expect(decomposeTarget(10, [{ key: 'a', weight: 46 }, { key: 'b', weight: 27 }, { key: 'c', weight: 27 }]).map((p) => p.amount)).toEqual([4, 3, 3]);
  });

  it('works in units of 10,000 元 and always adds up', () => {
    const parts = decomposeTarget(12_340_000, [{ key: 'a', weight: 3 }, { key: 'b', weight: 5 }, { key: 'c', weight: 4 }], 10_000);
    // 1,234 units: quotas 308.5, 514.1667, 411.3333 → 308, 514, 411 (1,233), one left → a (0.5).
    expect(parts.map((p) => p.amount)).toEqual([3_090_000, 5_140_000, 4_110_000]);
    expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(12_340_000);
  });

  it('splits evenly when every weight is zero, and refuses bad input', () => {
    expect(decomposeTarget(5, [{ key: 'a', weight: 0 }, { key: 'b', weight: 0 }]).map((p) => p.amount)).toEqual([3, 2]);
    expect(decomposeTarget(5, [])).toEqual([]);
    expect(() => decomposeTarget(5, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
    expect(() => decomposeTarget(5, [{ key: 'a', weight: 1 }], 0)).toThrow(RangeError);
  });
});
