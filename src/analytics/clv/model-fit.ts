/**
 * Maximum likelihood for the CLV models: Nelder–Mead on the logarithms of
 * the parameters (so they stay positive), started from several points, the
 * best optimum kept and polished (Gamma-Gamma's by Newton's method, its
 * derivatives being cheap). The summary is compressed first: the likelihood
 * is evaluated once per distinct (x, t_x, T).
 */
import { bgnbdLogLik, type BgNbdParams } from './bgnbd.js';
import { compress, summaryLevels, type Summary } from './customer-summary.js';
import {
  gammaGammaDerivatives,
  gammaGammaLogLik,
  prepareSpend,
  type GammaGammaParams,
  type LogLikDerivatives,
  type SpendSummary,
} from './gamma-gamma.js';
import { minimise, type Minimum } from './nelder-mead.js';
import { newtonMinimise, type Local } from './newton.js';
import { paretoNbdLogLik, type ParetoNbdParams } from './pareto-nbd.js';

export interface Fitted<P> {
  readonly params: P;
  readonly logLik: number;
  readonly converged: boolean;
  /** Log-likelihood evaluations of the final run: the polish on the full data, or a yardstick's one quick run. */
  readonly evaluations: number;
  /**
   * True when a parameter ended at the edge of the search box (e^±10): the
   * data carries no information against a more extreme value (e.g. almost no
   * dropout), and the fitted value is a bound, not an estimate.
   */
  readonly atBound: boolean;
}

/** Log-parameters are searched in [−10, 10]: beyond, the models are degenerate and their series slow. */
const bound = 10;
const inBox = (v: readonly number[]) => v.every((x) => Math.abs(x) <= bound);
const boxed = (f: (x: readonly number[]) => number) => (x: readonly number[]) => (inBox(x) ? f(x) : Infinity);

/** Log-parameters to 1e-5: every parameter to about five significant digits, well inside its sampling error. */
const simplexPolish = (full: (x: readonly number[]) => number) => (x0: readonly number[]) =>
  minimise(boxed(full), x0, { step: 0.02, tolerance: 1e-12, xTolerance: 1e-5 });

/**
 * 'estimate': polished to about five significant digits (the CLV models).
 * 'yardstick': one quick run from the start with the best value,
 * log-parameters to about 1e-2, for a comparison that only ranks customers
 * (the churn model's P(alive)); a degenerate fit at the edge of the box
 * otherwise polishes for hundreds of evaluations.
 */
export type FitPrecision = 'estimate' | 'yardstick';

const starts4 = [
  [0, 0, 0, 0],
  [Math.log(0.5), Math.log(5), Math.log(0.5), Math.log(2)],
  [Math.log(0.2), Math.log(20), Math.log(2), Math.log(10)],
];

/**
 * A quick run from each start (loose tolerance) on at most `exploreRows`
 * rows, then the best one polished on every row to a tight tolerance: the
 * starts guard against a poor local optimum, the polish gives the precision,
 * and exploring on a sample keeps a million customers fast.
 */
function fitFrom<P>(
  starts: readonly number[][],
  explore: (x: readonly number[]) => number,
  full: (x: readonly number[]) => number,
  toParams: (x: readonly number[]) => P,
  precision: FitPrecision = 'estimate',
  polish: (x0: readonly number[]) => Minimum = simplexPolish(full),
): Fitted<P> {
  const quickRun = (x0: readonly number[]) => minimise(boxed(explore), x0, { tolerance: 1e-6, xTolerance: 1e-2, maxIterations: 600 });
  if (precision === 'yardstick') {
    // One quick run, from the start that looks best: the other runs are a guard the estimate pays for, and they were two thirds of a yardstick's time.
    const run = quickRun(bestStart(starts, explore));
    return fitted(run, explore === full ? run.fx : full(run.x), toParams);
  }
  const quick = starts.map(quickRun);
  const start = [...quick].sort((a, b) => a.fx - b.fx)[0]!;
  const polished = polish(start.x);
  return fitted(polished, polished.fx, toParams);
}

function bestStart(starts: readonly number[][], f: (x: readonly number[]) => number): readonly number[] {
  const values = starts.map((x) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  });
  return starts[values.indexOf(Math.min(...values))]!;
}

function fitted<P>(m: Minimum, fx: number, toParams: (x: readonly number[]) => P): Fitted<P> {
  const atBound = m.x.some((x) => Math.abs(x) > bound - 0.05);
  return { params: toParams(m.x), logLik: -fx, converged: m.converged, evaluations: m.evaluations, atBound };
}

const exploreRows = 20_000;

/** Every k-th row with k-fold weight: a deterministic sample with the same total weight. */
export function sampleRows(s: Summary, max: number): Summary {
  if (s.x.length <= max) return s;
  const k = Math.ceil(s.x.length / max);
  const pick = Array.from({ length: Math.ceil(s.x.length / k) }, (_, i) => i * k);
  const total = s.weight.reduce((a, b) => a + b, 0);
  const picked = pick.reduce((a, i) => a + s.weight[i]!, 0);
  return {
    x: Float64Array.from(pick, (i) => s.x[i]!),
    tx: Float64Array.from(pick, (i) => s.tx[i]!),
    T: Float64Array.from(pick, (i) => s.T[i]!),
    weight: Float64Array.from(pick, (i) => (s.weight[i]! * total) / picked),
  };
}

export function fitBgNbd(summary: Summary, precision: FitPrecision = 'estimate'): Fitted<BgNbdParams> {
  const s = compress(summary);
  const e = sampleRows(s, exploreRows);
  const [levels, eLevels] = [summaryLevels(s), summaryLevels(e)];
  const params = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  const explore = (v: readonly number[]) => -bgnbdLogLik(params(v), e, eLevels);
  return fitFrom(starts4, explore, e === s ? explore : (v) => -bgnbdLogLik(params(v), s, levels), params, precision);
}

export function fitParetoNbd(summary: Summary): Fitted<ParetoNbdParams> {
  const s = compress(summary);
  const e = sampleRows(s, exploreRows);
  const [levels, eLevels] = [summaryLevels(s), summaryLevels(e)];
  const params = (v: readonly number[]): ParetoNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) });
  return fitFrom(starts4, (v) => -paretoNbdLogLik(params(v), e, eLevels), (v) => -paretoNbdLogLik(params(v), s, levels), params);
}

/**
 * Spend is fitted in units of its mean (γ scales with money, p and q do
 * not), so 元 amounts in the tens of thousands fit as well as CDNOW's dollars.
 */
export function fitGammaGamma(spend: SpendSummary): Fitted<GammaGammaParams> {
  const scale = mean(spend.mx) || 1;
  const scaled = prepareSpend(spend, scale);
  const params = (v: readonly number[], c = 1): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), v: Math.exp(v[2]!) * c });
  const starts = [[0, 0, 0], [Math.log(5), Math.log(3), Math.log(0.5)], [Math.log(1), Math.log(2), Math.log(2)]];
  const step = Math.ceil(scaled.x.length / exploreRows);
  const sample = step <= 1 ? scaled : prepareSpend(everyKth(spend, step), scale);
  const full = (v: readonly number[]) => -gammaGammaLogLik(params(v), scaled);
  const local = (v: readonly number[]) => (inBox(v) ? negatedInLogs(v, gammaGammaDerivatives(params(v), scaled)) : outOfBox);
  const polish = (x0: readonly number[]) => {
    // Log-parameters to 1e-7, tighter than the simplex's 1e-5 since each step costs one pass; the simplex remains for where Newton's method has no footing.
    const m = newtonMinimise(local, x0, { xTolerance: 1e-7 });
    if (m.converged) return m;
    const s = simplexPolish(full)(m.x);
    return { ...s, evaluations: m.evaluations + s.evaluations };
  };
  const fit = fitFrom(starts, (v) => -gammaGammaLogLik(params(v), sample), full, (v) => params(v, scale), 'estimate', polish);
  // The log-likelihood of the original amounts: each m_x density carries a 1/scale Jacobian.
  const jacobian = scaled.x.length * Math.log(scale);
  return { ...fit, logLik: fit.logLik - jacobian };
}

function mean(a: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum / (a.length || 1);
}

/**
 * Every k-th row, unweighted: the spend likelihood's optimum does not depend
 * on its total weight. k comes from the rows that enter the fit, so the
 * sample keeps about exploreRows of them wherever the others sit.
 */
function everyKth(s: SpendSummary, k: number): SpendSummary {
  const n = Math.ceil(s.x.length / k);
  const [x, mx] = [new Float64Array(n), new Float64Array(n)];
  for (let i = 0; i < n; i++) [x[i], mx[i]] = [s.x[i * k]!, s.mx[i * k]!];
  return { x, mx };
}

const outOfBox: Local = { value: Infinity, gradient: [], hessian: [] };

/** −ln L, its gradient and its Hessian in the log-parameters u = ln θ, from ln L's in θ (the chain rule, θ′ = θ). */
function negatedInLogs(u: readonly number[], d: LogLikDerivatives): Local {
  const theta = u.map(Math.exp);
  const g = d.gradient.map((gi, i) => -theta[i]! * gi);
  const hessian = d.hessian.map((row, i) => row.map((hij, j) => -theta[i]! * theta[j]! * hij + (i === j ? g[i]! : 0)));
  return { value: -d.logLik, gradient: g, hessian };
}
