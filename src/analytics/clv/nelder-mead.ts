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
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + o.step : v)))];
  let values = simplex.map(value);
  for (let it = 0; it < o.maxIterations; it++) {
    const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
    simplex = order.map((i) => simplex[i]!);
    values = order.map((i) => values[i]!);
    const spread = Math.abs(values[n]! - values[0]!);
    const size = Math.max(...simplex.slice(1).map((p) => Math.max(...p.map((v, j) => Math.abs(v - simplex[0]![j]!)))));
    if (spread <= o.tolerance * (1 + Math.abs(values[0]!)) && size <= o.xTolerance) return { x: simplex[0]!, fx: values[0]!, iterations: it, converged: true, evaluations };
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p[j]!, 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n]![j]! - c));
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
        for (let i = 1; i <= n; i++) {
          simplex[i] = simplex[i]!.map((v, j) => simplex[0]![j]! + delta * (v - simplex[0]![j]!));
          values[i] = value(simplex[i]!);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best]!, fx: values[best]!, iterations: o.maxIterations, converged: false, evaluations };
}
