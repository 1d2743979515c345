/**
 * The per-customer summary the buy-till-you-die models fit on: x repeat
 * transactions (purchase days after the first, as BTYD and lifetimes count
 * them), t_x the time of the last one and T the time observed, both since
 * the first purchase, in the chosen time unit; m_x the mean value of the
 * repeat transactions. Held in typed arrays; identical (x, t_x, T) rows are
 * compressed into one with a weight before fitting.
 */

export interface Summary {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** How many customers each row stands for (1 before compression). */
  readonly weight: Float64Array;
}

export function summaryOf(rows: readonly { readonly x: number; readonly tx: number; readonly T: number }[]): Summary {
  const n = rows.length;
  const s = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), weight: new Float64Array(n).fill(1) };
  rows.forEach((r, i) => {
    s.x[i] = r.x;
    s.tx[i] = r.tx;
    s.T[i] = r.T;
  });
  return s;
}

/** One row per distinct (x, t_x, T), weighted by how many customers share it. */
export function compress(s: Summary): Summary {
  const index = new Map<string, number>();
  const keep: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    const key = `${s.x[i]}|${s.tx[i]}|${s.T[i]}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, keep.length);
      keep.push(i);
      weights.push(s.weight[i]!);
    } else weights[at]! += s.weight[i]!;
  }
  return {
    x: Float64Array.from(keep, (i) => s.x[i]!),
    tx: Float64Array.from(keep, (i) => s.tx[i]!),
    T: Float64Array.from(keep, (i) => s.T[i]!),
    weight: Float64Array.from(weights),
  };
}

/** Distinct x values and, per row, the index of its x: terms that depend on x alone are computed once per fit step. */
export function xLevels(s: Summary): { readonly levels: Float64Array; readonly of: Int32Array } {
  const levels = [...new Set(s.x)].sort((a, b) => a - b);
  const pos = new Map(levels.map((v, i) => [v, i]));
  return { levels: Float64Array.from(levels), of: Int32Array.from(s.x, (v) => pos.get(v)!) };
}
