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

/** One row per distinct (x, t_x, T), weighted by how many customers share it (first-seen order). */
export function compress(s: Summary): Summary {
  const [x, tx, T] = [levelsOf(s.x), levelsOf(s.tx), levelsOf(s.T)];
  const [ntx, nT] = [tx.levels.length, T.levels.length];
  const index = new Map<number, number>();
  const keep: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    // A number key (exact below 2^53): far cheaper than a string per row.
    const key = (x.of[i]! * ntx + tx.of[i]!) * nT + T.of[i]!;
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

export interface Levels {
  readonly levels: Float64Array;
  /** Per row, the index of its value in levels. */
  readonly of: Int32Array;
}

/** Distinct values of a column and each row's index into them: terms in that column alone are computed once per fit step. */
export function levelsOf(column: Float64Array): Levels {
  const levels = Float64Array.from(new Set(column)).sort();
  const pos = new Map<number, number>();
  levels.forEach((v, i) => pos.set(v, i));
  const of = new Int32Array(column.length);
  for (let i = 0; i < column.length; i++) of[i] = pos.get(column[i]!)!;
  return { levels, of };
}

export function xLevels(s: Summary): Levels {
  return levelsOf(s.x);
}

/** Levels of x, t_x and T together: with data observed by day they are a few hundred each. */
export interface SummaryLevels {
  readonly x: Levels;
  readonly tx: Levels;
  readonly T: Levels;
}

export function summaryLevels(s: Summary): SummaryLevels {
  return { x: levelsOf(s.x), tx: levelsOf(s.tx), T: levelsOf(s.T) };
}
