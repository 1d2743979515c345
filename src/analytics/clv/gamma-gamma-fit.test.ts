import { describe, expect, it } from 'vitest';
import { gammaGammaDerivatives, gammaGammaLogLik, prepareSpend, type GammaGammaParams, type SpendSummary } from './gamma-gamma.js';
import { fitGammaGamma } from './model-fit.js';
import { minimise } from './nelder-mead.js';
import { rng, simulateSpend } from './simulate-bgnbd.js';
import { lnGamma } from './special-functions.js';

/** The paper's per-customer log-likelihood, written out row by row with nothing shared with the fit's. */
function referenceLogLik(g: GammaGammaParams, s: SpendSummary): number {
  const { p, q, v } = g;
  let total = 0;
  for (let i = 0; i < s.x.length; i++) {
    const [x, m] = [s.x[i]!, s.mx[i]!];
    if (!(x > 0 && m > 0)) continue;
    total +=
      lnGamma(p * x + q) - lnGamma(p * x) - lnGamma(q) + q * Math.log(v) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(v + m * x);
  }
  return total;
}

/** Nelder–Mead on every row from three starts, the best one polished to a tight tolerance. */
function referenceFit(s: SpendSummary): { params: GammaGammaParams; logLik: number } {
  const params = (u: readonly number[]): GammaGammaParams => ({ p: Math.exp(u[0]!), q: Math.exp(u[1]!), v: Math.exp(u[2]!) });
  const f = (u: readonly number[]) => -referenceLogLik(params(u), s);
  const starts = [[0, 0, 0], [Math.log(5), Math.log(3), Math.log(10)], [0, Math.log(2), Math.log(100)]];
  const best = starts.map((x0) => minimise(f, x0, { tolerance: 1e-8, xTolerance: 1e-3 })).sort((a, b) => a.fx - b.fx)[0]!;
  const polished = minimise(f, best.x, { step: 0.02, tolerance: 1e-13, xTolerance: 1e-7 });
  expect(polished.converged).toBe(true);
  return { params: params(polished.x), logLik: -polished.fx };
}

/**
 * 21,000 repeat buyers (x from 1 to about 30) among 28,000 customers: just
 * over the fit's 20,000-row exploration sample, so it explores on a sample
 * and polishes on every row, as at scale. Amounts around 300, so its scaling
 * to the mean is exercised too.
 */
function simulated(): SpendSummary {
  const u = rng(23);
  const x = Float64Array.from({ length: 28_000 }, (_, i) => (i % 4 === 3 ? 0 : 1 + Math.floor(-Math.log(u()) * 3)));
  return { x, mx: simulateSpend(x, { p: 6, q: 4, v: 150 }, 29) };
}

describe('Gamma-Gamma fit', () => {
  it('reaches the maximum a plain per-row Nelder–Mead reaches', () => {
    const s = simulated();
    const [fit, reference] = [fitGammaGamma(s), referenceFit(s)];
    expect(fit.converged).toBe(true);
    // Newton's handful of passes over the rows polished it, not the simplex's hundred-odd it falls back on.
    expect(fit.evaluations).toBeLessThan(10);
    // The same maximum to optimiser tolerance (1e-10 relative; one Newton step short of it is 1.5e-4 away, no polish at all 1.1).
    expect(Math.abs(fit.logLik - reference.logLik)).toBeLessThan(1e-5);
    // Its reported value is the plain likelihood at its parameters (sums regrouped, Jacobian of the scaling added back).
    expect(Math.abs(fit.logLik - referenceLogLik(fit.params, s))).toBeLessThan(1e-9 * Math.abs(reference.logLik));
    for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(fit.params[k] / reference.params[k] - 1)).toBeLessThan(1e-4);
  });

  it('has the gradient and Hessian of its log-likelihood', () => {
    const d = prepareSpend(simulated(), 300);
    const g = { p: 5, q: 3, v: 0.4 };
    const at = ({ p, q, v }: GammaGammaParams, k: number, h: number) => ({ p: p + (k === 0 ? h : 0), q: q + (k === 1 ? h : 0), v: v + (k === 2 ? h : 0) });
    const { logLik, gradient, hessian } = gammaGammaDerivatives(g, d);
    expect(logLik).toBe(gammaGammaLogLik(g, d));
    const h = 1e-4;
    for (let k = 0; k < 3; k++) {
      const slope = (gammaGammaLogLik(at(g, k, h), d) - gammaGammaLogLik(at(g, k, -h), d)) / (2 * h);
      expect(Math.abs(gradient[k]! / slope - 1)).toBeLessThan(1e-6);
      const curvature = gammaGammaDerivatives(at(g, k, h), d).gradient.map((v, j) => (v - gammaGammaDerivatives(at(g, k, -h), d).gradient[j]!) / (2 * h));
      curvature.forEach((c, j) => expect(Math.abs(hessian[k]![j]! / c - 1)).toBeLessThan(1e-6));
    }
  });
});
