import { describe, expect, it } from 'vitest';
import { Rng } from '../../domain/rng.js';
import { kmeans, nearestCentres, silhouette, silhouettes, standardise } from './kmeans.js';

describe('kmeans', () => {
  // Two tight groups: (0,0),(0,1),(1,0) and (10,10),(10,11),(11,10).
  const pts = [0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10];
  it('separates two obvious groups and puts the centres at their means', () => {
    const r = kmeans(Float64Array.from(pts), 6, 2, 2, 1);
    expect(new Set([r.labels[0], r.labels[1], r.labels[2]]).size).toBe(1);
    expect(new Set([r.labels[3], r.labels[4], r.labels[5]]).size).toBe(1);
    expect(r.labels[0]).not.toBe(r.labels[3]);
    const centres = [0, 1].map((j) => [r.centers[j * 2]!, r.centers[j * 2 + 1]!]).sort((a, b) => a[0]! - b[0]!);
    expect(centres[0]![0]).toBeCloseTo(1 / 3, 10);
    expect(centres[1]![1]).toBeCloseTo(31 / 3, 10);
    // inertia: each group's squared distances to its mean: 2·(1/9+1/9) + (4/9+1/9)… = 4/3 per group
    expect(r.inertia).toBeCloseTo(8 / 3, 10);
  });

  it('is deterministic for a seed', () => {
    const a = kmeans(Float64Array.from(pts), 6, 2, 2, 5);
    const b = kmeans(Float64Array.from(pts), 6, 2, 2, 5);
    expect([...a.labels]).toEqual([...b.labels]);
  });

  it('three columns (the RFM case) give the same groups, centres and inertia as two with a constant third', () => {
    // The 2-D points above with a third column of 5 everywhere: the third column adds no distance.
    const pts3 = Array.from({ length: 6 }, (_, i) => [pts[i * 2]!, pts[i * 2 + 1]!, 5]).flat();
    const [r2, r3] = [kmeans(Float64Array.from(pts), 6, 2, 2, 1), kmeans(Float64Array.from(pts3), 6, 3, 2, 1)];
    expect([...r3.labels]).toEqual([...r2.labels]);
    expect(r3.inertia).toBeCloseTo(8 / 3, 10);
    expect([0, 1].map((j) => [r3.centers[j * 3]!, r3.centers[j * 3 + 1]!])).toEqual([0, 1].map((j) => [r2.centers[j * 2]!, r2.centers[j * 2 + 1]!]));
    expect([r3.centers[2], r3.centers[5]]).toEqual([5, 5]);
  });

  it('assigns a point halfway between two centres to the lower-numbered one, in three columns as in two', () => {
    expect([...nearestCentres(Float64Array.from([1, 0, 0, 0, 0, 0, 1.9, 0, 0]), 3, 3, Float64Array.from([0, 0, 0, 2, 0, 0]), 2)]).toEqual([0, 0, 1]);
    // The third column decides: 1 + 9 against 1 + 0.
    expect([...nearestCentres(Float64Array.from([1, 0, 3]), 1, 3, Float64Array.from([0, 0, 0, 2, 0, 3]), 2)]).toEqual([1]);
    expect([...nearestCentres(Float64Array.from([1, 0, 0, 0, 1.9, 0]), 3, 2, Float64Array.from([0, 0, 2, 0]), 2)]).toEqual([0, 0, 1]);
  });

  it('silhouette near 1 for well-separated clusters (hand: a≈0.80, b≈14.0)', () => {
    const r = kmeans(Float64Array.from(pts), 6, 2, 2, 1);
    const s = silhouette(Float64Array.from(pts), 2, r.labels, 2, Int32Array.from([0, 1, 2, 3, 4, 5]));
    // point (0,0): a = (1 + 1)/2 = 1, b = (√200 + √221 + √221)/3 ≈ 14.62 → 0.9316; (0,1): a = (1+√2)/2, b = (√181+√200+√221)/3 …
    expect(s).toBeGreaterThan(0.9);
    expect(s).toBeLessThan(1);
  });

  it('one pass gives the silhouette of every labelling, on a subset of rows too', () => {
    // Four points on a line at 0, 1, 5, 6 (rows 1..4 of five; row 0 is left out), two clusters {0,1} and {5,6}.
    const x = Float64Array.from([99, 0, 1, 5, 6]);
    const rows = Int32Array.from([1, 2, 3, 4]);
    // Point 0: a = 1, b = (5 + 6)/2 = 5.5 → 4.5/5.5; point 1: a = 1, b = 4.5 → 3.5/4.5; symmetric for 5 and 6.
    const split = Int32Array.from([9, 0, 0, 1, 1]);
    // {0, 5} and {1, 6}: point 0: a = 5, b = (1 + 6)/2 = 3.5 → −1.5/5; point 1: a = 5, b = 2.5 → −0.5; points 5 and 6 alike.
    const mixed = Int32Array.from([9, 0, 1, 0, 1]);
    // Three clusters {0,1}, {5}, {6}: 5 and 6 are singletons and do not count; point 0: a = 1, b = min(5, 6) → 4/5; point 1: 3/4.
    const three = Int32Array.from([9, 0, 0, 1, 2]);
    const [s2, sMixed, s3] = silhouettes(x, 1, rows, [
      { labels: split, k: 2 },
      { labels: mixed, k: 2 },
      { labels: three, k: 3 },
    ]);
    expect(s2).toBeCloseTo((4.5 / 5.5 + 3.5 / 4.5) / 2, 12);
    expect(sMixed).toBeCloseTo((-1.5 / 5 - 0.5 - 0.5 - 1.5 / 5) / 4, 12);
    expect(s3).toBeCloseTo((4 / 5 + 3 / 4) / 2, 12);
    expect(silhouette(x, 1, split, 2, rows)).toBe(s2);
  });

  it('matches a silhouette worked out one labelling at a time from a stored distance matrix, to the last bit', () => {
    const rng = Rng.derive(11, 'silhouette-test');
    const n = 300;
    const x = Float64Array.from({ length: n * 3 }, () => rng.next() * 10);
    const rows = Int32Array.from({ length: 120 }, (_, i) => i * 2 + 1);
    const labellings = [2, 3, 5].map((k) => ({ k, labels: kmeans(x, n, 3, k, 3, 1, 20).labels }));
    const fused = silhouettes(x, 3, rows, labellings);
    labellings.forEach((l, i) => expect(fused[i]).toBe(referenceSilhouette(x, 3, l.labels, l.k, rows)));
  });

  it('standardises columns to mean 0 and sd 1, constant columns to 0', () => {
    const x = Float64Array.from([1, 5, 2, 5, 3, 5]);
    const { mean, sd } = standardise(x, 3, 2);
    expect([...mean]).toEqual([2, 5]);
    expect(sd[0]).toBe(1);
    expect([...x]).toEqual([-1, 0, 0, 0, 1, 0]);
  });

  it('refuses fewer points than clusters', () => {
    expect(() => kmeans(Float64Array.from([1, 2]), 1, 2, 2, 1)).toThrow(RangeError);
  });
});

/** The textbook silhouette: every distance stored first, then each labelling on its own. */
function referenceSilhouette(x: Float64Array, d: number, labels: Int32Array, k: number, rows: Int32Array): number {
  const m = rows.length;
  const dist = (a: number, b: number) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += (x[rows[a]! * d + t]! - x[rows[b]! * d + t]!) ** 2;
    return Math.sqrt(s);
  };
  const matrix = Array.from({ length: m }, (_, a) => Array.from({ length: m }, (_, b) => dist(a, b)));
  const own = Array.from(rows, (r) => labels[r]!);
  const size = Array.from({ length: k }, (_, c) => own.filter((o) => o === c).length);
  let total = 0;
  let counted = 0;
  for (let a = 0; a < m; a++) {
    const sum = new Array<number>(k).fill(0);
    for (let b = 0; b < m; b++) sum[own[b]!]! += matrix[a]![b]!;
    if (size[own[a]!]! === 1) continue;
    const inA = sum[own[a]!]! / (size[own[a]!]! - 1);
    const outB = Math.min(...sum.map((s, c) => (c === own[a] || size[c] === 0 ? Infinity : s / size[c]!)));
    if (!Number.isFinite(outB)) continue;
    total += (outB - inA) / Math.max(inA, outB);
    counted++;
  }
  return counted === 0 ? 0 : total / counted;
}
