/**
 * CLV model fitting at scale. A seeded simulation of the BG/NBD process
 * (known parameters) for N customers over 39 weeks, observed by day as real
 * data is, then:
 *   baseline   a straightforward fit: the same Nelder–Mead on the
 *              uncompressed rows, log-gamma evaluated per row
 *   salescope  fitBgNbd: compressed (x, t_x, T) rows, terms in x, t_x and T
 *              computed once per step, starts explored on a 20k-row sample
 *              and only the best polished on all rows; fitParetoNbd at 1M
 *              for information
 * The baseline runs on 100k customers (it takes minutes on a million);
 * salescope on the same 100k (the ratio) and on 1M (the target: under 3 s).
 *
 *   npx tsx bench/clv.bench.ts [customers]
 */
import type { BgNbdParams } from '../src/analytics/clv/bgnbd.js';
import type { Summary } from '../src/analytics/clv/customer-summary.js';
import { fitBgNbd, fitGammaGamma, fitParetoNbd } from '../src/analytics/clv/model-fit.js';
import { minimise } from '../src/analytics/clv/nelder-mead.js';
import { simulateBgNbd, simulateSpend } from '../src/analytics/clv/simulate-bgnbd.js';
import { lnBeta, lnGamma, logAddExp } from '../src/analytics/clv/special-functions.js';

function referenceLogLik(p: BgNbdParams, s: Summary): number {
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i]!;
    const head = lnGamma(p.r + x) - lnGamma(p.r) + p.r * Math.log(p.alpha) + lnBeta(p.a, p.b + x) - lnBeta(p.a, p.b);
    const t1 = -(p.r + x) * Math.log(p.alpha + s.T[i]!);
    const t2 = x > 0 ? Math.log(p.a) - Math.log(p.b + x - 1) - (p.r + x) * Math.log(p.alpha + s.tx[i]!) : -Infinity;
    total += head + logAddExp(t1, t2);
  }
  return total;
}

function referenceFit(s: Summary): number {
  const params = (v: readonly number[]): BgNbdParams => ({ r: Math.exp(v[0]!), alpha: Math.exp(v[1]!), a: Math.exp(v[2]!), b: Math.exp(v[3]!) });
  return -minimise((v) => -referenceLogLik(params(v), s), [0, 0, 0, 0]).fx;
}

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const out = fn();
  return [out, Math.round(performance.now() - t)];
};

export interface ClvBenchResult {
  readonly customers: number;
  readonly baselineMs: number;
  readonly fitMs: number;
  readonly ratio: number;
  readonly largeCustomers: number;
  readonly largeFitMs: number;
  readonly largeRows: number;
  readonly recovered: BgNbdParams;
  readonly paretoNbdLargeFitMs: number;
  /** Gamma-Gamma on the repeat buyers among the 1M (simulated spend, p 6, q 4, γ 15). */
  readonly gammaGammaLargeFitMs: number;
  readonly gammaGammaCustomers: number;
  readonly recoveredSpend: { readonly p: number; readonly q: number; readonly v: number };
  readonly peakRssMb: number;
}

export function benchClv(large = 1_000_000, small = 100_000): ClvBenchResult {
  const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
  const s = simulateBgNbd(small, truth, 7);
  const [baseLl, baselineMs] = time(() => referenceFit(s));
  const [fit, fitMs] = time(() => fitBgNbd(s));
  if (Math.abs(fit.logLik - baseLl) > 1e-3 * Math.abs(baseLl)) throw new Error(`fits disagree: ${fit.logLik} vs ${baseLl}`);
  const big = simulateBgNbd(large, truth, 11);
  const [bigFit, largeFitMs] = time(() => fitBgNbd(big));
  const [, paretoNbdLargeFitMs] = time(() => fitParetoNbd(big));
  const spend = { x: big.x, mx: simulateSpend(big.x, { p: 6, q: 4, v: 15 }, 13) };
  const [gg, gammaGammaLargeFitMs] = time(() => fitGammaGamma(spend));
  return {
    customers: small,
    baselineMs,
    fitMs,
    ratio: Math.round((fitMs / baselineMs) * 1000) / 1000,
    largeCustomers: large,
    largeFitMs,
    largeRows: new Set(Array.from(big.x, (x, i) => `${x}|${big.tx[i]}|${big.T[i]}`)).size,
    recovered: bigFit.params,
    paretoNbdLargeFitMs,
    gammaGammaLargeFitMs,
    gammaGammaCustomers: big.x.filter((x) => x > 0).length,
    recoveredSpend: gg.params,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(benchClv(Number(process.argv[2] ?? 1_000_000))));
}
