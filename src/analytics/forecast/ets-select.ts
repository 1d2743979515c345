/**
 * Choosing among the ETS models by AICc, prediction intervals by simulating
 * the chosen model's future (seeded, so the same data gives the same
 * interval), and the rolling-origin backtest against seasonal naive.
 */
import { filter, fitEts, forecastEts, type EtsFit, type EtsSpec, type SeasonKind, type TrendKind } from './ets.js';

export interface SelectOptions {
  readonly period: number;
}

/** Seasonal models need two full seasons; multiplicative ones a positive series. */
export function candidateSpecs(y: readonly number[], o: SelectOptions): EtsSpec[] {
  const trends: TrendKind[] = ['N', 'A', 'Ad'];
  const seasons: SeasonKind[] = ['N'];
  if (y.length >= 2 * o.period) seasons.push('A');
  if (y.length >= 2 * o.period && y.every((v) => v > 0)) seasons.push('M');
  return seasons.flatMap((season) => trends.map((trend) => ({ trend, season, period: o.period })));
}

export function selectEts(y: readonly number[], o: SelectOptions): { best: EtsFit; candidates: readonly { name: string; aicc: number }[] } {
  const fits = candidateSpecs(y, o).map((spec) => fitEts(y, spec));
  const sorted = [...fits].sort((a, b) => a.aicc - b.aicc);
  return { best: sorted[0]!, candidates: sorted.map((f) => ({ name: `ETS(A,${f.spec.trend},${f.spec.season})`, aicc: f.aicc })) };
}

/** Mulberry32 with Box–Muller: seeded standard normals. */
export function normals(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

export interface Interval {
  readonly lower80: number;
  readonly upper80: number;
  readonly lower95: number;
  readonly upper95: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Intervals from `paths` simulated futures: the model's own recursion fed Gaussian errors of the residual variance. */
export function simulateIntervals(fit: EtsFit, h: number, paths = 2000, seed = 1): Interval[] {
  const z = normals(seed);
  const sigma = Math.sqrt(fit.sigma2);
  const byStep: number[][] = Array.from({ length: h }, () => []);
  for (let p = 0; p < paths; p++) {
    // filter() with the future as "observations" = forecast + error walks the state forward.
    let state = fit.final;
    for (let step = 0; step < h; step++) {
      const [mean] = forecastEts({ ...fit, final: state }, 1);
      const y = mean! + sigma * z();
      byStep[step]!.push(y);
      state = filter([y], fit.spec, fit.params, state).final;
    }
  }
  return byStep.map((xs) => {
    const s = xs.sort((a, b) => a - b);
    return { lower80: quantile(s, 0.1), upper80: quantile(s, 0.9), lower95: quantile(s, 0.025), upper95: quantile(s, 0.975) };
  });
}

export interface Accuracy {
  readonly mape: number | null;
  readonly smape: number | null;
  readonly forecasts: number;
}

function accuracy(pairs: readonly [actual: number, forecast: number][]): Accuracy {
  const ape = pairs.filter(([a]) => a !== 0).map(([a, f]) => Math.abs((a - f) / a));
  const sape = pairs.filter(([a, f]) => Math.abs(a) + Math.abs(f) > 0).map(([a, f]) => (2 * Math.abs(a - f)) / (Math.abs(a) + Math.abs(f)));
  const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
  return { mape: avg(ape), smape: avg(sape), forecasts: pairs.length };
}

export interface Backtest {
  readonly origins: number;
  readonly horizon: number;
  readonly model: Accuracy;
  readonly seasonalNaive: Accuracy;
}

/**
 * Rolling origin: for each of the last `origins` points as forecast origin,
 * the model chosen and fitted on the data before it forecasts up to
 * `horizon` steps; seasonal naive repeats the value one period earlier.
 */
export function rollingBacktest(y: readonly number[], o: SelectOptions, origins: number, horizon: number): Backtest {
  const model: [number, number][] = [];
  const naive: [number, number][] = [];
  const first = Math.max(o.period, y.length - origins);
  for (let t = first; t < y.length; t++) {
    const train = y.slice(0, t);
    const h = Math.min(horizon, y.length - t);
    const f = forecastEts(selectEts(train, o).best, h);
    for (let k = 0; k < h; k++) {
      model.push([y[t + k]!, f[k]!]);
      const back = t + k - o.period * Math.ceil((k + 1) / o.period);
      naive.push([y[t + k]!, train[back] ?? train[train.length - 1]!]);
    }
  }
  return { origins: Math.max(0, y.length - first), horizon, model: accuracy(model), seasonalNaive: accuracy(naive) };
}
