/**
 * Exponential smoothing state-space models with additive errors (Hyndman et
 * al. 2008): trend none / additive / additive damped, seasonality none /
 * additive / multiplicative. Smoothing parameters by least squares (the
 * Gaussian likelihood) with Nelder–Mead on a bounded transform; initial
 * states by the classical heuristic (first seasons' means and deviations).
 * Pure: series in, fitted model and forecasts out.
 */
import { minimise } from '../clv/nelder-mead.js';

export type TrendKind = 'N' | 'A' | 'Ad';
export type SeasonKind = 'N' | 'A' | 'M';

export interface EtsSpec {
  readonly trend: TrendKind;
  readonly season: SeasonKind;
  /** Season length (12 for months); ignored without a season. */
  readonly period: number;
}

export interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

export interface EtsState {
  readonly level: number;
  readonly trend: number;
  /** The last `period` seasonal states, oldest first (the next step uses seasons[0]). */
  readonly seasons: readonly number[];
}

export interface EtsFit {
  readonly spec: EtsSpec;
  readonly params: EtsParams;
  readonly initial: EtsState;
  readonly final: EtsState;
  readonly fitted: readonly number[];
  readonly sse: number;
  /** Residual variance SSE ÷ (n − k). */
  readonly sigma2: number;
  /** Estimated quantities: smoothing parameters, initial states and the variance. */
  readonly k: number;
  readonly aicc: number;
}

export function specName(s: EtsSpec): string {
  return `ETS(A,${s.trend},${s.season})`;
}

const sigmoid = (u: number) => 1 / (1 + Math.exp(-u));

/** Unconstrained u → admissible parameters: 0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98. */
function params(u: readonly number[], spec: EtsSpec): EtsParams {
  const alpha = sigmoid(u[0]!);
  return {
    alpha,
    beta: spec.trend === 'N' ? 0 : alpha * sigmoid(u[1]!),
    gamma: spec.season === 'N' ? 0 : (1 - alpha) * sigmoid(u[2]!),
    phi: spec.trend === 'Ad' ? 0.8 + 0.18 * sigmoid(u[3]!) : spec.trend === 'A' ? 1 : 0,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / (xs.length || 1);

/**
 * Seasonal indices by classical decomposition over the whole series: the
 * 2×m centred moving average as the trend-cycle, each observation against it,
 * averaged by position in the season and normalised (additive: sum 0,
 * multiplicative: mean 1). Using every season, not only the first, keeps one
 * unusual early month from skewing the model for good.
 */
function seasonalIndices(y: readonly number[], m: number, kind: 'A' | 'M'): number[] {
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  const half = m / 2;
  for (let t = half; t + half < y.length; t++) {
    // 2×m MA: half weight on the two ends.
    let ma = (y[t - half]! + y[t + half]!) / 2;
    for (let j = t - half + 1; j < t + half; j++) ma += y[j]!;
    ma /= m;
    sums[t % m]! += kind === 'A' ? y[t]! - ma : y[t]! / ma;
    counts[t % m]!++;
  }
  const raw = sums.map((v, i) => (counts[i]! > 0 ? v / counts[i]! : kind === 'A' ? 0 : 1));
  const centre = mean(raw);
  return raw.map((v) => (kind === 'A' ? v - centre : v / centre));
}

/** Least-squares line a + b t through the points. */
function line(ys: readonly number[]): { a: number; b: number } {
  const n = ys.length;
  const tm = (n - 1) / 2;
  const ym = mean(ys);
  let sxy = 0;
  let sxx = 0;
  ys.forEach((v, t) => {
    sxy += (t - tm) * (v - ym);
    sxx += (t - tm) ** 2;
  });
  const b = sxx > 0 ? sxy / sxx : 0;
  return { a: ym - b * tm, b };
}

export function initialState(y: readonly number[], spec: EtsSpec): EtsState {
  const m = spec.period;
  if (spec.season === 'N') {
    const trend = spec.trend === 'N' || y.length < 2 ? 0 : y[1]! - y[0]!;
    return { level: y[0]! - trend, trend, seasons: [] };
  }
  const seasons = seasonalIndices(y, m, spec.season);
  // Level and trend from a line through the first two seasons with the season taken out; the state is the one just before t = 0.
  const head = y.slice(0, 2 * m).map((v, t) => (spec.season === 'A' ? v - seasons[t % m]! : v / seasons[t % m]!));
  const fit = line(head);
  const trend = spec.trend === 'N' ? 0 : fit.b;
  return { level: spec.trend === 'N' ? mean(head) : fit.a - fit.b, trend, seasons };
}

/**
 * One pass over the series: fitted one-step forecasts, SSE and the final
 * state. The seasons turn in a ring (the optimiser calls this thousands of
 * times per fit; shifting the array each month was most of its cost).
 */
export function filter(y: readonly number[], spec: EtsSpec, p: EtsParams, init: EtsState): { fitted: number[]; sse: number; final: EtsState } {
  let { level, trend } = init;
  const seasons = init.seasons.slice();
  const m = seasons.length;
  let at = 0;
  const fitted = new Array<number>(y.length);
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const base = level + p.phi * trend;
    const s = m > 0 ? seasons[at]! : spec.season === 'M' ? 1 : 0;
    const yhat = spec.season === 'M' ? base * s : base + s;
    const e = y[t]! - yhat;
    fitted[t] = yhat;
    sse += e * e;
    const scale = spec.season === 'M' ? s : 1;
    level = base + (p.alpha * e) / scale;
    trend = p.phi * trend + (p.beta * e) / scale;
    if (m > 0) {
      seasons[at] = spec.season === 'M' ? s + (p.gamma * e) / base : s + p.gamma * e;
      at = (at + 1) % m;
    }
  }
  return { fitted, sse, final: { level, trend, seasons: [...seasons.slice(at), ...seasons.slice(0, at)] } };
}

function countParams(spec: EtsSpec): number {
  const smoothing = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : 1) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : spec.period - 1);
  return smoothing + states + 1;
}

/**
 * The initial states as offsets from the heuristic ones, so that the
 * optimiser moves every coordinate on a comparable scale: level and trend in
 * tenths of the series' mean size, seasons likewise (multiplicative ones as
 * log-ratios), the last season implied by the normalisation.
 */
function adjustState(base: EtsState, d: readonly number[], spec: EtsSpec, scale: number): EtsState {
  const level = base.level + 0.1 * scale * (d[0] ?? 0);
  const trend = spec.trend === 'N' ? 0 : base.trend + (0.1 * scale * (d[1] ?? 0)) / Math.max(1, spec.period);
  if (base.seasons.length === 0) return { level, trend, seasons: [] };
  const free = base.seasons.slice(0, -1).map((v, i) => (spec.season === 'M' ? v * Math.exp(0.1 * (d[2 + i] ?? 0)) : v + 0.1 * scale * (d[2 + i] ?? 0)));
  const last = spec.season === 'M' ? base.seasons.length - free.reduce((x, v) => x + v, 0) : -free.reduce((x, v) => x + v, 0);
  return { level, trend, seasons: [...free, last] };
}

export function fitEts(y: readonly number[], spec: EtsSpec): EtsFit {
  const heuristic = initialState(y, spec);
  const scale = mean(y.map(Math.abs)) || 1;
  const nState = 2 + Math.max(0, heuristic.seasons.length - 1);
  // Smoothing parameters and initial states together: the states are estimates too (and counted in k).
  const objective = (u: readonly number[]) => {
    const init = adjustState(heuristic, u.slice(4), spec, scale);
    if (init.seasons.some((v) => spec.season === 'M' && !(v > 0))) return Infinity;
    return filter(y, spec, params(u, spec), init).sse;
  };
  const zeros = new Array<number>(nState).fill(0);
  // The smoothing parameters first, from three starts with the heuristic states; then everything together from the best.
  const starts = [[0, 0, 0, 1], [-2, -1, -1, 2], [1, -2, -2, 0]];
  const smooth = starts.map((u0) => minimise((u) => objective([...u, ...zeros]), u0, { tolerance: 1e-10, xTolerance: 1e-5 })).sort((a, b) => a.fx - b.fx)[0]!;
  const best = minimise(objective, [...smooth.x, ...zeros], { tolerance: 1e-10, xTolerance: 1e-5, maxIterations: 4000, step: 0.3 });
  const p = params(best.x, spec);
  const init = adjustState(heuristic, best.x.slice(4), spec, scale);
  const run = filter(y, spec, p, init);
  const n = y.length;
  const k = countParams(spec);
  const aicc = n * Math.log(run.sse / n) + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
  return { spec, params: p, initial: init, final: run.final, fitted: run.fitted, sse: run.sse, sigma2: run.sse / Math.max(1, n - k), k, aicc };
}

/** Point forecasts 1 … h steps ahead. */
export function forecastEts(fit: EtsFit, h: number): number[] {
  const { level, trend, seasons } = fit.final;
  const out: number[] = [];
  let damp = 0;
  for (let step = 1; step <= h; step++) {
    damp += Math.pow(fit.params.phi, fit.spec.trend === 'A' ? 1 : step) * (fit.spec.trend === 'N' ? 0 : 1);
    const base = level + (fit.spec.trend === 'A' ? step : damp) * trend;
    const s = seasons.length > 0 ? seasons[(step - 1) % seasons.length]! : fit.spec.season === 'M' ? 1 : 0;
    out.push(fit.spec.season === 'M' ? base * s : base + s);
  }
  return out;
}
