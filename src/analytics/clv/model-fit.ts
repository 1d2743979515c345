/**
 * Maximum likelihood for the CLV models: Nelder–Mead on the logarithms of
 * the parameters (so they stay positive), started from several points, the
 * best optimum kept. The summary is compressed first: the likelihood is
 * evaluated once per distinct (x, t_x, T).
 */
import { bgnbdLogLik, type BgNbdParams } from './bgnbd.js';
import { compress, xLevels, type Summary } from './customer-summary.js';
import { gammaGammaLogLik, type GammaGammaParams, type SpendSummary } from './gamma-gamma.js';
import { minimise } from './nelder-mead.js';
import { paretoNbdLogLik, type ParetoNbdParams } from './pareto-nbd.js';

export interface Fitted<P> {
  readonly params: P;
  readonly logLik: number;
  readonly converged: boolean;
}

const starts4 = [
  [0, 0, 0, 0],
  [Math.log(0.5), Math.log(5), Math.log(0.5), Math.log(2)],
  [Math.log(0.2), Math.log(20), Math.log(2), Math.log(10)],
];

function best<P>(candidates: readonly { x: readonly number[]; fx: number; converged: boolean }[], toParams: (x: readonly number[]) => P): Fitted<P> {
  const top = [...candidates].sort((a, b) => a.fx - b.fx)[0]!;
  // One more run from the best point polishes a simplex that stalled on a ridge.
  return { params: toParams(top.x), logLik: -top.fx, converged: top.converged };
}

function fitFrom<P>(starts: readonly number[][], negLogLik: (x: readonly number[]) => number, toParams: (x: readonly number[]) => P): Fitted<P> {
  const first = starts.map((x0) => minimise(negLogLik, x0));
  const polished = minimise(negLogLik, [...first].sort((a, b) => a.fx - b.fx)[0]!.x, { step: 0.05 });
  return best([...first, polished], toParams);
}

export function fitBgNbd(summary: Summary): Fitted<BgNbdParams> {
  const s = compress(summary);
  const levels = xLevels(s);
  const params = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  return fitFrom(starts4, (v) => -bgnbdLogLik(params(v), s, levels), params);
}

export function fitParetoNbd(summary: Summary): Fitted<ParetoNbdParams> {
  const s = compress(summary);
  const levels = xLevels(s);
  const params = (v: readonly number[]): ParetoNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), s: Math.exp(v[2]!), beta: Math.exp(v[3]!) });
  return fitFrom(starts4, (v) => -paretoNbdLogLik(params(v), s, levels), params);
}

export function fitGammaGamma(spend: SpendSummary): Fitted<GammaGammaParams> {
  const params = (v: readonly number[]): GammaGammaParams => ({ p: Math.exp(v[0]!), q: Math.exp(v[1]!), v: Math.exp(v[2]!) });
  const starts = [[0, 0, 0], [Math.log(5), Math.log(3), Math.log(10)], [Math.log(1), Math.log(2), Math.log(50)]];
  return fitFrom(starts, (v) => -gammaGammaLogLik(params(v), spend), params);
}
