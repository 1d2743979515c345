import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

const draw = (rng: Rng, n: number, f: (r: Rng) => number) => Array.from({ length: n }, () => f(rng));
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('Rng', () => {
  it('repeats itself for the same seed and differs for another', () => {
    expect(draw(new Rng(7), 5, (r) => r.uint32())).toEqual(draw(new Rng(7), 5, (r) => r.uint32()));
    expect(draw(new Rng(7), 5, (r) => r.uint32())).not.toEqual(draw(new Rng(8), 5, (r) => r.uint32()));
  });

  it('derives independent streams from labels', () => {
    const a = draw(Rng.derive(1, 'orders', 3), 3, (r) => r.next());
    expect(draw(Rng.derive(1, 'orders', 3), 3, (r) => r.next())).toEqual(a);
    expect(draw(Rng.derive(1, 'orders', 4), 3, (r) => r.next())).not.toEqual(a);
    expect(draw(Rng.derive(1, 'orders3'), 3, (r) => r.next())).not.toEqual(a);
    expect(draw(Rng.derive(2, 'orders', 3), 3, (r) => r.next())).not.toEqual(a);
  });

  it('draws from the distributions it names', () => {
    const rng = new Rng(42);
    const u = draw(rng, 20_000, (r) => r.next());
    expect(Math.min(...u)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u)).toBeLessThan(1);
    expect(mean(u)).toBeCloseTo(0.5, 1);
    expect(mean(draw(rng, 20_000, (r) => r.normal(3, 2)))).toBeCloseTo(3, 1);
    expect(mean(draw(rng, 20_000, (r) => r.gamma(4, 15)))).toBeCloseTo(60, 0);
    expect(mean(draw(rng, 20_000, (r) => r.gamma(0.5, 2)))).toBeCloseTo(1, 1);
    expect(mean(draw(rng, 20_000, (r) => r.gammaMean(45, 0.5)))).toBeCloseTo(45, 0);
    expect(mean(draw(rng, 20_000, (r) => r.poisson(3.5)))).toBeCloseTo(3.5, 1);
    expect(mean(draw(rng, 5_000, (r) => r.poisson(80)))).toBeCloseTo(80, 0);
    const ln = draw(rng, 20_000, (r) => r.lognormal(Math.log(100), 0.5)).sort((a, b) => a - b);
    expect(ln[10_000]!).toBeGreaterThan(95);
    expect(ln[10_000]!).toBeLessThan(105);
    const ints = draw(rng, 10_000, (r) => r.int(1, 6));
    expect(new Set(ints)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('picks by weight and samples without repeats', () => {
    const rng = new Rng(1);
    const picks = draw(rng, 10_000, (r) => r.choose([[0, 1], [1, 3], [2, 0]] as const));
    expect(picks.filter((p) => p === 2)).toHaveLength(0);
    expect(picks.filter((p) => p === 1).length / picks.length).toBeCloseTo(0.75, 1);
    expect(rng.weighted(['a', 'b'], [0, 1])).toBe('b');
    const sample = rng.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(sample).size).toBe(5);
    expect(() => rng.pick([])).toThrow();
  });
});
