/**
 * Newton's method with step halving, for the polish of a smooth objective
 * whose gradient and Hessian come from the same pass over the data as its
 * value: from near the optimum it needs a handful of passes where
 * Nelder–Mead needs about a hundred and fifty.
 */
import type { Minimum } from './nelder-mead.js';

export interface Local {
  readonly value: number;
  readonly gradient: readonly number[];
  readonly hessian: readonly (readonly number[])[];
}

export interface NewtonOptions {
  readonly maxIterations: number;
  /** Stop when the next step moves no coordinate by more than this. */
  readonly xTolerance: number;
}

const defaults: NewtonOptions = { maxIterations: 50, xTolerance: 1e-8 };

/**
 * Not converged (and the point reached returned) where the Hessian is not
 * positive definite or no step along Newton's direction lowers the value:
 * far from a minimum, or at the edge of the caller's box, where Newton's
 * method has nothing to offer and the caller should fall back on another.
 */
export function newtonMinimise(f: (x: readonly number[]) => Local, x0: readonly number[], options: Partial<NewtonOptions> = {}): Minimum {
  const o = { ...defaults, ...options };
  let [x, here, evaluations] = [x0, f(x0), 1];
  const result = (iterations: number, converged: boolean): Minimum => ({ x, fx: here.value, iterations, converged, evaluations });
  for (let it = 0; it < o.maxIterations; it++) {
    const step = choleskySolve(here.hessian, here.gradient.map((g) => -g));
    if (step === undefined || !Number.isFinite(here.value)) return result(it, false);
    if (Math.max(...step.map(Math.abs)) <= o.xTolerance) return result(it, true);
    // A value a rounding error above the current one still counts as no worse: near the optimum the steps change the value by less than its summation error.
    const noWorse = here.value + 1e-12 * Math.abs(here.value);
    let t = 1;
    for (;; t /= 2) {
      if (t < 1e-6) return result(it, false);
      const next = x.map((v, j) => v + t * step[j]!);
      const there = f(next);
      evaluations++;
      if (there.value <= noWorse) {
        [x, here] = [next, there];
        break;
      }
    }
  }
  return result(o.maxIterations, false);
}

/** H s = b for a symmetric positive definite H; undefined when H is not. */
function choleskySolve(h: readonly (readonly number[])[], b: readonly number[]): number[] | undefined {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = h[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return undefined;
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  const y = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const s = new Array<number>(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * s[k]!;
    s[i] = sum / l[i]![i]!;
  }
  return s;
}
