/**
 * Nelder–Mead simplex minimisation (adaptive coefficients of Gao and Han,
 * 2012, which behave better as the dimension grows). Derivative-free and
 * robust for the models' 3–4 log-parameters; callers start it from several
 * points and keep the best.
 */

export interface MinimiseOptions {
  readonly maxIterations: number;
  /** Stop when the simplex's function values agree to this relative tolerance … */
  readonly tolerance: number;
  /** … and its points to this absolute one. */
  readonly xTolerance: number;
  /** Initial step along each axis. */
  readonly step: number;
}

export interface Minimum {
  readonly x: readonly number[];
  readonly fx: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly evaluations: number;
}

const defaults: MinimiseOptions = { maxIterations: 4000, tolerance: 1e-10, xTolerance: 1e-8, step: 0.5 };

/**
 * The simplex lives in flat arrays reordered in place: the models' objectives
 * are cheap (an ETS filter over three years of months), so allocating points
 * and closures every iteration used to cost more than the objective itself.
 * The arithmetic is the textbook one, in the same order, so results do not
 * depend on this.
 */
export function minimise(f: (x: readonly number[]) => number, x0: readonly number[], options: Partial<MinimiseOptions> = {}): Minimum {
  const o = { ...defaults, ...options };
  const n = x0.length;
  const [alpha, beta, gamma, delta] = [1, 1 + 2 / n, 0.75 - 1 / (2 * n), 1 - 1 / n];
  let evaluations = 0;
  const value = (x: number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const simplex: number[][] = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + o.step : v)))];
  const values = simplex.map(value);
  const centroid = new Array<number>(n).fill(0);
  const along = (t: number) => {
    const worst = simplex[n]!;
    const out = new Array<number>(n);
    for (let j = 0; j < n; j++) out[j] = centroid[j]! + t * (worst[j]! - centroid[j]!);
    return out;
  };
  for (let it = 0; it < o.maxIterations; it++) {
    sortSimplex(simplex, values);
    const spread = Math.abs(values[n]! - values[0]!);
    if (spread <= o.tolerance * (1 + Math.abs(values[0]!)) && simplexSize(simplex) <= o.xTolerance) {
      return { x: simplex[0]!, fx: values[0]!, iterations: it, converged: true, evaluations };
    }
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += simplex[i]![j]!;
      centroid[j] = sum / n;
    }
    const reflected = along(-alpha);
    const fr = value(reflected);
    if (fr < values[0]!) {
      const expanded = along(-alpha * beta);
      const fe = value(expanded);
      [simplex[n], values[n]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < values[n - 1]!) {
      [simplex[n], values[n]] = [reflected, fr];
    } else {
      const contracted = fr < values[n]! ? along(-alpha * gamma) : along(gamma);
      const fc = value(contracted);
      if (fc < Math.min(fr, values[n]!)) {
        [simplex[n], values[n]] = [contracted, fc];
      } else {
        const best = simplex[0]!;
        for (let i = 1; i <= n; i++) {
          const p = simplex[i]!;
          for (let j = 0; j < n; j++) p[j] = best[j]! + delta * (p[j]! - best[j]!);
          values[i] = value(p);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, fx: values[best]!, iterations: o.maxIterations, converged: false, evaluations };
}

/** Stable insertion sort of the points by value (n + 1 of them, mostly in order already). */
function sortSimplex(simplex: number[][], values: number[]): void {
  for (let i = 1; i < values.length; i++) {
    const v = values[i]!;
    const p = simplex[i]!;
    let k = i - 1;
    while (k >= 0 && values[k]! > v) {
      values[k + 1] = values[k]!;
      simplex[k + 1] = simplex[k]!;
      k--;
    }
    values[k + 1] = v;
    simplex[k + 1] = p;
  }
}

/** The largest distance along any axis from the best point to another. */
function simplexSize(simplex: readonly (readonly number[])[]): number {
  const best = simplex[0]!;
  let size = 0;
  for (let i = 1; i < simplex.length; i++) {
    const p = simplex[i]!;
    for (let j = 0; j < p.length; j++) size = Math.max(size, Math.abs(p[j]! - best[j]!));
  }
  return size;
}
