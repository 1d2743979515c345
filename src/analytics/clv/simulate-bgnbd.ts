/**
 * A seeded simulation of the BG/NBD purchase process, for tests and
 * benchmarks that need data with known parameters: each customer draws a
 * purchase rate λ ~ Gamma(r, α) and a dropout probability p ~ Beta(a, b),
 * buys as a Poisson process and may drop out after each purchase; observed
 * for T weeks (uniform over 1 … 273 days), by day (as real data is) or
 * continuously.
 */
import type { BgNbdParams } from './bgnbd.js';
import { summaryOf, type Summary } from './customer-summary.js';

/** Mulberry32: small, seeded, good enough for a simulation. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia–Tsang (with the boost for shape < 1). */
export function gamma(u: () => number, shape: number): number {
  if (shape < 1) return gamma(u, shape + 1) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    if (Math.log(u()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function simulateBgNbd(n: number, p: BgNbdParams, seed = 1, byDay = true): Summary {
  const u = rng(seed);
  const rows: { x: number; tx: number; T: number }[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(u, p.r) / p.alpha;
    const ga = gamma(u, p.a);
    const drop = ga / (ga + gamma(u, p.b));
    const Tdays = 1 + Math.floor(u() * 273);
    let t = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      t += (-Math.log(u()) / lambda) * 7;
      if (t > Tdays) break;
      x++;
      last = byDay ? Math.floor(t) : t;
      if (u() < drop) break;
    }
    rows.push({ x, tx: last / 7, T: Tdays / 7 });
  }
  return summaryOf(rows);
}


/**
 * Mean repeat-purchase values for simulated customers under the Gamma-Gamma
 * model: ν ~ Gamma(q, γ) per customer, and the mean of x purchases
 * Z ~ Gamma(p, ν) is Gamma(p x, ν) ÷ x.
 */
export function simulateSpend(x: Float64Array, g: { p: number; q: number; v: number }, seed = 1): Float64Array {
  const u = rng(seed);
  return Float64Array.from(x, (n) => {
    if (!(n > 0)) return 0;
    const nu = gamma(u, g.q) / g.v;
    return gamma(u, g.p * n) / nu / n;
  });
}
