/**
 * Maximum likelihood for the CLV models: Nelder–Mead on the logarithms of
 * the parameters (so they stay positive), started from several points, the
 * best optimum kept. The summary is compressed first: the likelihood is
 * evaluated once per distinct (x, t_x, T).
 */
import { bgnbdLogLik, type BgNbdParams } from './bgnbd.js';
import { compress, summaryLevels, type Summary } from './customer-summary.js';
import { gammaGammaLogLik, prepareSpend, type GammaGammaParams, type SpendSummary } from './gamma-gamma.js';
import { minimise, type Minimum } from './nelder-mead.js';
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
): Fitted<P> {
  const boxed = (f: (x: readonly number[]) => number) => (x: readonly number[]) => (inBox(x) ? f(x) : Infinity);
  const quickRun = (x0: readonly number[]) => minimise(boxed(explore), x0, { tolerance: 1e-6, xTolerance: 1e-2, maxIterations: 600 });
  if (precision === 'yardstick') {
    // One quick run, from the start that looks best: the other runs are a guard the estimate pays for, and they were two thirds of a yardstick's time.
    const run = quickRun(bestStart(starts, explore));
    return fitted(run, explore === full ? run.fx : full(run.x), toParams);
  }
  const quick = starts.map(quickRun);
  const start = [...quick].sort((a, b) => a.fx - b.fx)[0]!;
  // Log-parameters to 1e-5: every parameter to about five significant digits, well inside its sampling error.
  const polished = minimise(boxed(full), start.x, { step: 0.02, tolerance: 1e-12, xTolerance: 1e-5 });
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
  const scale = spend.mx.reduce((a, b) => a + b, 0) / (spend.mx.length || 1) || 1;
  const scaled = prepareSpend({ x: spend.x, mx: Float64Array.from(spend.mx, (m) => m / scale) });
  const params = (v: readonly number[], c = 1): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), v: Math.exp(v[2]!) * c });
  const starts = [[0, 0, 0], [Math.log(5), Math.log(3), Math.log(0.5)], [Math.log(1), Math.log(2), Math.log(2)]];
  const step = Math.max(1, Math.ceil(scaled.x.length / exploreRows));
  const sample = step === 1 ? scaled : prepareSpend({ x: scaled.x.filter((_, i) => i % step === 0), mx: scaled.mx.filter((_, i) => i % step === 0) });
  const fit = fitFrom(
    starts,
    (v) => -gammaGammaLogLik(params(v), sample),
    (v) => -gammaGammaLogLik(params(v), scaled),
    (v) => params(v, scale),
  );
  // The log-likelihood of the original amounts: each m_x density carries a 1/scale Jacobian.
  const jacobian = scaled.x.length * Math.log(scale);
  return { ...fit, logLik: fit.logLik - jacobian };
}
