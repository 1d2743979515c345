import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { datasets } from '../../../test/support/test-store.js';
import { bgnbdConditional, bgnbdExpected, bgnbdLogLik, bgnbdPAlive, bgnbdPmf } from './bgnbd.js';
import { discountedPurchases, periodRate } from './clv-value.js';
import { compress, summaryOf, xLevels } from './customer-summary.js';
import { gammaGammaSpend } from './gamma-gamma.js';
import { holdoutReport } from './holdout.js';
import { fitBgNbd, fitGammaGamma } from './model-fit.js';
import { simulateBgNbd } from './simulate-bgnbd.js';
import { minimise } from './nelder-mead.js';
import { paretoNbdConditional, paretoNbdExpected, paretoNbdPAlive } from './pareto-nbd.js';
import { digamma, hyp2f1, lnGamma, lnHyp2f1NextC, logAddExp, trigamma } from './special-functions.js';

describe('special functions', () => {
  it('lnGamma matches closed forms', () => {
    expect(lnGamma(1)).toBeCloseTo(0, 14);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 13);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362_880), 12);
    // ln(99!) = ln Γ(100).
    expect(lnGamma(100)).toBeCloseTo(359.1342053695754, 9);
  });

  it('digamma and trigamma match closed forms on both sides of where the asymptotic series takes over', () => {
    const euler = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-euler, 13);
    expect(digamma(0.5)).toBeCloseTo(-euler - 2 * Math.log(2), 13);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
    // ψ(n) = H(n−1) − γ and ψ′(n) = π²/6 − Σ_{k<n} 1/k², at n = 10 (the series) and 9 (one recurrence step).
    for (const n of [9, 10]) {
      const ks = Array.from({ length: n - 1 }, (_, i) => i + 1);
      expect(digamma(n)).toBeCloseTo(ks.reduce((s, k) => s + 1 / k, 0) - euler, 13);
      expect(trigamma(n)).toBeCloseTo(Math.PI ** 2 / 6 - ks.reduce((s, k) => s + 1 / (k * k), 0), 13);
    }
  });

  it('hyp2f1(1, 1; 2; z) = −ln(1 − z) / z, and refuses z outside [0, 1)', () => {
    for (const z of [0, 0.1, 0.5, 0.9]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 12);
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
  });

  it('ln 2F1(a, b; a+1; z) agrees with the plain series and stays finite near z = 1', () => {
    for (const [a, b, z] of [[2.5, 1.6, 0.3], [2.5, 1.6, 0.7], [40, 3, 0.9], [5, 0.5, 0.95]] as const) {
      expect(lnHyp2f1NextC(a, b, z)).toBeCloseTo(Math.log(hyp2f1(a, b, a + 1, z)), 10);
    }
    // Where the plain series would need ~10⁵ growing terms (b = 43, z = 0.999).
    expect(Number.isFinite(lnHyp2f1NextC(161.5, 43.4, 0.999))).toBe(true);
  });

  it('logAddExp is stable for large and infinite terms', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.log(2), 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('Nelder–Mead', () => {
  it('finds the minimum of the Rosenbrock function', () => {
    const m = minimise(([x = 0, y = 0]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2, [-1.2, 1]);
    expect(m.converged).toBe(true);
    expect(m.x[0]).toBeCloseTo(1, 5);
    expect(m.x[1]).toBeCloseTo(1, 5);
  });
});

describe('summaries', () => {
  it('compresses identical rows into weights without changing the likelihood', () => {
    const rows = [{ x: 0, tx: 0, T: 10 }, { x: 2, tx: 5, T: 10 }, { x: 0, tx: 0, T: 10 }, { x: 2, tx: 5, T: 10 }, { x: 1, tx: 3, T: 8 }];
    const s = summaryOf(rows);
    const c = compress(s);
    expect(Array.from(c.weight)).toEqual([2, 2, 1]);
    expect(Array.from(xLevels(c).levels)).toEqual([0, 1, 2]);
    const p = { r: 0.5, alpha: 3, a: 0.8, b: 2 };
    expect(bgnbdLogLik(p, c)).toBeCloseTo(bgnbdLogLik(p, s), 10);
  });
});

describe('fitting', () => {
  it('flags a parameter at the edge when nobody drops out', () => {
    // 300 customers buying every 2 weeks right up to the end of their 20-40 weeks: no sign of dropout.
    const rows = Array.from({ length: 300 }, (_, i) => {
      const T = 20 + (i % 21);
      return { x: Math.floor(T / 2), tx: Math.floor(T / 2) * 2, T };
    });
    const fit = fitBgNbd(summaryOf(rows));
    expect(fit.atBound).toBe(true);
    // The dropout probability a / (a + b) is pushed to ~0.
    expect(fit.params.a / (fit.params.a + fit.params.b)).toBeLessThan(0.01);
  });
});

describe('simulated data with known parameters', () => {
  it('recovers BG/NBD parameters from 20,000 simulated customers', () => {
    const truth = { r: 0.25, alpha: 4, a: 0.8, b: 2.5 };
    const fit = fitBgNbd(simulateBgNbd(20_000, truth, 17, false));
    // Sampling error at this size is a few percent for r and α, more for a and b (few dropouts are observed).
    expect(Math.abs(fit.params.r / truth.r - 1)).toBeLessThan(0.1);
    expect(Math.abs(fit.params.alpha / truth.alpha - 1)).toBeLessThan(0.15);
    expect(Math.abs(fit.params.a / truth.a - 1)).toBeLessThan(0.35);
    expect(Math.abs(fit.params.b / truth.b - 1)).toBeLessThan(0.35);
    // The same seed gives the same data and the same fit.
    expect(fitBgNbd(simulateBgNbd(20_000, truth, 17, false)).params).toEqual(fit.params);
  });

  it('a yardstick fit stops short of the polish but lands beside the estimate', () => {
    const data = simulateBgNbd(2_000, { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, 5, false);
    const [estimate, yardstick] = [fitBgNbd(data), fitBgNbd(data, 'yardstick')];
    // Log-parameters to about 1e-2: each parameter within a few percent, the likelihood within a thousandth of a unit per customer.
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(yardstick.params[k] / estimate.params[k] - 1)).toBeLessThan(0.05);
    expect(estimate.logLik - yardstick.logLik).toBeGreaterThanOrEqual(0);
    expect(estimate.logLik - yardstick.logLik).toBeLessThan(2);
    // Its P(alive) ranks customers as the estimate's does.
    const alive = (p: typeof estimate.params) => Array.from(data.x, (x, i) => bgnbdPAlive(p, x, data.tx[i]!, data.T[i]!));
    const [pe, py] = [alive(estimate.params), alive(yardstick.params)];
    expect(Math.max(...pe.map((v, i) => Math.abs(v - py[i]!)))).toBeLessThan(0.02);
  });
});

describe('published model values', () => {
  it('BG/NBD E[X(t)] at the CDNOW maximum (Hardie\'s spreadsheet, BTYD vignette)', () => {
    const p = { r: 0.24259, alpha: 4.41353, a: 0.79289, b: 2.42575 };
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437];
    [0.1429, 1, 3, 31.8571, 32].forEach((t, i) => expect(bgnbdExpected(p, t)).toBeCloseTo(expected[i]!, 4));
    expect(bgnbdExpected({ r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 }, 52)).toBeCloseTo(1.444004, 5);
  });

  it('BG/NBD P(X(t) = x) at the published parameters (BTYD manual)', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgnbdPmf(p, 2, 10) / 1.07869e-7).toBeCloseTo(1, 4);
    expect(bgnbdPmf(p, 39, 0)).toBeCloseTo(0.5737864, 6);
    // A distribution: the probabilities over x sum to 1.
    expect(Array.from({ length: 200 }, (_, x) => bgnbdPmf(p, 39, x)).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('Gamma-Gamma conditional spend of the first ten CDNOW customers at the maximum (Hardie note 025)', () => {
    const rows = readFileSync(path.join(datasets, 'cdnow/cdnow_customers_summary_with_transactions.csv'), 'utf8')
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(',').map(Number) as [number, number, number, number, number]);
    const repeat = rows.filter(([, x]) => x > 0);
    const g = fitGammaGamma({ x: Float64Array.from(repeat, (r) => r[1]), mx: Float64Array.from(repeat, (r) => r[4]) }).params;
    // The file's mean spends are rounded to cents, so a value may differ from the spreadsheet's in the last cent.
    const published = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    rows.slice(0, 10).forEach(([, x, , , zbar], i) => expect(Math.abs(gammaGammaSpend(g, x, zbar) - published[i]!)).toBeLessThan(0.011));
  });

  it('Pareto/NBD customer 1516 (x = 26, t_x = 30.857, T = 31) at the BTYD estimates', () => {
    const p = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
    expect(paretoNbdPAlive(p, 26, 30.85714, 31)).toBeCloseTo(0.997874, 5);
    expect(Math.abs(paretoNbdConditional(p, 52, 26, 30.85714, 31) - 25.45647) / 25.45647).toBeLessThan(2e-4);
    expect(Math.abs(paretoNbdExpected(p, 52) - 1.473434) / 1.473434).toBeLessThan(5e-4);
  });

  it('Gamma-Gamma expected spend shrinks a customer\'s mean toward the population mean', () => {
    const g = { p: 6.25, q: 3.74, v: 15.44 };
    expect(gammaGammaSpend(g, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 10);
    // One purchase of 100: (6.25 × (15.44 + 100)) / (6.25 + 2.74).
    expect(gammaGammaSpend(g, 1, 100)).toBeCloseTo((6.25 * 115.44) / 8.99, 10);
  });
});

describe('discounting and the holdout report', () => {
  it('converts a yearly rate to the time unit and discounts each unit\'s purchases', () => {
    expect(periodRate(0.1, 365.25)).toBeCloseTo(0.1, 12);
    expect(periodRate(0.1, 7)).toBeCloseTo(Math.pow(1.1, 7 / 365.25) - 1, 14);
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(discountedPurchases(p, 2, 30, 38, 10, 0)).toBeCloseTo(bgnbdConditional(p, 10, 2, 30, 38), 12);
    // Two units at 10% per unit: (E1) / 1.1 + (E2 − E1) / 1.21.
    const [e1, e2] = [bgnbdConditional(p, 1, 2, 30, 38), bgnbdConditional(p, 2, 2, 30, 38)];
    expect(discountedPurchases(p, 2, 30, 38, 2, 0.1)).toBeCloseTo(e1 / 1.1 + (e2 - e1) / 1.21, 12);
  });

  it('bins customers by calibration frequency, 7 and more together', () => {
    const rows = [
      { x: 0, actual: 1, bgnbd: 0.2, paretoNbd: 0.1 },
      { x: 0, actual: 0, bgnbd: 0.4, paretoNbd: 0.3 },
      { x: 9, actual: 5, bgnbd: 6, paretoNbd: 7 },
      { x: 7, actual: 3, bgnbd: 4, paretoNbd: 5 },
    ];
    const h = holdoutReport(rows, 39);
    expect(h).toMatchObject({ length: 39, actual: 9, bgnbd: 10.6, paretoNbd: 12.4 });
    expect(h.byFrequency).toEqual([
      { frequency: '0', customers: 2, actualMean: 0.5, bgnbdMean: expect.closeTo(0.3, 12), paretoNbdMean: expect.closeTo(0.2, 12) },
      { frequency: '7+', customers: 2, actualMean: 4, bgnbdMean: 5, paretoNbdMean: 6 },
    ]);
  });
});
