import { describe, expect, it } from 'vitest';
import { filter, fitEts, forecastEts, initialState } from './ets.js';
import { normals, rollingBacktest, selectEts, simulateIntervals } from './ets-select.js';

const season = [5, -3, 8, -10, 2, 0, -4, 6, -7, 3, 1, -1];
const factor = [1.1, 0.9, 1.2, 0.7, 1.05, 1, 0.85, 1.15, 0.8, 1.05, 1, 1.0];

describe('exponential smoothing', () => {
  it('simple exponential smoothing by hand: α = ½ on 10, 12, 11, 13', () => {
    const spec = { trend: 'N', season: 'N', period: 12 } as const;
    const run = filter([10, 12, 11, 13], spec, { alpha: 0.5, beta: 0, gamma: 0, phi: 0 }, initialState([10, 12, 11, 13], spec));
    // Level 10 → 10 (error 0) → 11 (error 2) → 11 (error 0) → 12 (error 2).
    expect(run.fitted).toEqual([10, 10, 11, 11]);
    expect(run.sse).toBe(8);
    expect(run.final.level).toBe(12);
  });

  it("Holt's linear trend continues a straight line exactly", () => {
    const y = Array.from({ length: 24 }, (_, t) => 10 + 2 * t);
    const fit = fitEts(y, { trend: 'A', season: 'N', period: 12 });
    expect(fit.sse).toBeLessThan(1e-9);
    forecastEts(fit, 3).forEach((f, k) => expect(f).toBeCloseTo(10 + 2 * (24 + k), 6));
  });

  it('recovers an additive and a multiplicative season with trend, and AICc picks the right kind', () => {
    const add = Array.from({ length: 36 }, (_, t) => 100 + t + season[t % 12]!);
    const fa = fitEts(add, { trend: 'A', season: 'A', period: 12 });
    forecastEts(fa, 12).forEach((f, k) => expect(f).toBeCloseTo(100 + 36 + k + season[k]!, 4));
    const mul = Array.from({ length: 36 }, (_, t) => (100 + 2 * t) * factor[t % 12]!);
    const fm = fitEts(mul, { trend: 'A', season: 'M', period: 12 });
    // The heuristic initial seasons are approximate for a product of trend and season: within 0.1%.
    forecastEts(fm, 12).forEach((f, k) => expect(Math.abs(f / ((100 + 2 * (36 + k)) * factor[k]!) - 1)).toBeLessThan(1e-3));
    // With a little noise, AICc prefers the seasonal structure that generated the data.
    const z = normals(3);
    const noisyMul = mul.map((v) => v + 0.5 * z());
    expect(selectEts(noisyMul, { period: 12 }).best.spec.season).toBe('M');
    const noisyAdd = add.map((v) => v + 0.5 * z());
    expect(selectEts(noisyAdd, { period: 12 }).best.spec.season).not.toBe('N');
  });

  it('recovers the smoothing parameters of a simulated ETS(A,N,A) and selects a seasonal model', () => {
    const z = normals(21);
    let level = 200;
    const seasons = [...season];
    const y: number[] = [];
    for (let t = 0; t < 144; t++) {
      const s = seasons[0]!;
      const e = 2 * z();
      y.push(level + s + e);
      level += 0.3 * e;
      seasons.shift();
      seasons.push(s + 0.1 * e);
    }
    const { best } = selectEts(y, { period: 12 });
    expect(best.spec.season).toBe('A');
    expect(best.params.alpha).toBeGreaterThan(0.15);
    expect(best.params.alpha).toBeLessThan(0.45);
    expect(Math.sqrt(best.sigma2)).toBeGreaterThan(1.6);
    expect(Math.sqrt(best.sigma2)).toBeLessThan(2.4);
  });

  it('gives intervals of the right width for a local-level series with known noise', () => {
    const z = normals(11);
    let level = 100;
    const y = Array.from({ length: 120 }, () => {
      level += 0.5 * z();
      return level + z();
    });
    const fit = fitEts(y, { trend: 'N', season: 'N', period: 12 });
    const [first] = simulateIntervals(fit, 1, 4000, 5);
    // One step ahead the forecast error is N(0, σ²): the 80% interval is ±1.2816 σ.
    const halfWidth = (first!.upper80 - first!.lower80) / 2;
    expect(halfWidth / (1.2816 * Math.sqrt(fit.sigma2))).toBeGreaterThan(0.93);
    expect(halfWidth / (1.2816 * Math.sqrt(fit.sigma2))).toBeLessThan(1.07);
    expect(first!.lower95).toBeLessThan(first!.lower80);
    // The same seed gives the same interval.
    expect(simulateIntervals(fit, 3, 500, 9)).toEqual(simulateIntervals(fit, 3, 500, 9));
  });

  it('backtests on rolling origins against seasonal naive', () => {
    const y = Array.from({ length: 48 }, (_, t) => 100 + 2 * t + season[t % 12]!);
    const b = rollingBacktest(y, { period: 12 }, 6, 3);
    expect(b.origins).toBe(6);
    // 3 + 3 + 3 + 3 + 2 + 1 forecasts; the trend makes seasonal naive miss by 2 × 12 each time.
    expect(b.model.forecasts).toBe(15);
    expect(b.model.mape!).toBeLessThan(0.001);
    expect(b.seasonalNaive.mape!).toBeGreaterThan(0.1);
  });
});
