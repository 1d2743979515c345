/**
 * k-means on a dense matrix held in a Float64Array (n rows × d columns):
 * k-means++ seeding from a seeded generator, Lloyd iterations, best of
 * several starts by inertia. Pure and deterministic for a given seed.
 */
import { Rng } from '../../domain/rng.js';

export interface KMeansResult {
  readonly k: number;
  readonly labels: Int32Array;
  /** k × d centres. */
  readonly centers: Float64Array;
  readonly inertia: number;
  readonly iterations: number;
}

function sqDist(x: Float64Array, i: number, c: Float64Array, j: number, d: number): number {
  let s = 0;
  for (let t = 0; t < d; t++) {
    const diff = x[i * d + t]! - c[j * d + t]!;
    s += diff * diff;
  }
  return s;
}

/** The centre nearest row i (ties to the lower index); its squared distance goes to `distance[0]` when given. */
function nearestCentre(x: Float64Array, i: number, d: number, centers: Float64Array, k: number, distance?: Float64Array): number {
  if (d === 3) return nearestCentre3(x, i, centers, k, distance);
  let bestJ = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    const dist = sqDist(x, i, centers, j, d);
    if (dist < bestD) {
      bestD = dist;
      bestJ = j;
    }
  }
  if (distance) distance[0] = bestD;
  return bestJ;
}

/**
 * nearestCentre for three columns (log R, F, M: every clustering here), the
 * loop over columns written out; the sums are added in the same order, so
 * the distances are the same to the last bit.
 */
function nearestCentre3(x: Float64Array, i: number, centers: Float64Array, k: number, distance?: Float64Array): number {
  const x0 = x[i * 3]!;
  const x1 = x[i * 3 + 1]!;
  const x2 = x[i * 3 + 2]!;
  let bestJ = 0;
  let bestD = Infinity;
  for (let j = 0; j < k; j++) {
    const d0 = x0 - centers[j * 3]!;
    const d1 = x1 - centers[j * 3 + 1]!;
    const d2 = x2 - centers[j * 3 + 2]!;
    const dist = d0 * d0 + d1 * d1 + d2 * d2;
    if (dist < bestD) {
      bestD = dist;
      bestJ = j;
    }
  }
  if (distance) distance[0] = bestD;
  return bestJ;
}

/** Each of the n rows' nearest centre. */
export function nearestCentres(x: Float64Array, n: number, d: number, centers: Float64Array, k: number): Int32Array {
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = nearestCentre(x, i, d, centers, k);
  return labels;
}

function seedCenters(x: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centers = new Float64Array(k * d);
  const first = rng.int(0, n - 1);
  centers.set(x.subarray(first * d, first * d + d), 0);
  const best = new Float64Array(n).fill(Infinity);
  for (let j = 1; j < k; j++) {
    const total = nearerToCentre(x, n, d, centers, j - 1, best);
    const pick = pickByWeight(best, n, rng.next() * total);
    centers.set(x.subarray(pick * d, pick * d + d), j * d);
  }
  return centers;
}

/** Lowers each row's best squared distance to centre j; returns their sum. */
function nearerToCentre(x: Float64Array, n: number, d: number, centers: Float64Array, j: number, best: Float64Array): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    best[i] = Math.min(best[i]!, sqDist(x, i, centers, j, d));
    total += best[i]!;
  }
  return total;
}

/** The row where the running sum of weights reaches target (the last row when it never does). */
function pickByWeight(weights: Float64Array, n: number, target: number): number {
  let left = target;
  for (let i = 0; i < n; i++) {
    left -= weights[i]!;
    if (left <= 0) return i;
  }
  return n - 1;
}

function lloyd(x: Float64Array, n: number, d: number, k: number, centers: Float64Array, maxIter: number): KMeansResult {
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  let inertia = 0;
  let it = 0;
  for (; it < maxIter; it++) {
    sums.fill(0);
    counts.fill(0);
    const pass = assignPass(x, n, d, k, centers, labels, sums, counts);
    inertia = pass.inertia;
    for (let j = 0; j < k; j++) {
      if (counts[j] === 0) continue; // an emptied cluster keeps its centre
      for (let t = 0; t < d; t++) centers[j * d + t] = sums[j * d + t]! / counts[j]!;
    }
    if (!pass.changed && it > 0) break;
  }
  return { k, labels, centers, inertia, iterations: it + 1 };
}

/**
 * One Lloyd pass: each row's label, and the next centres' sums gathered in
 * the same pass, in row order.
 */
function assignPass(
  x: Float64Array,
  n: number,
  d: number,
  k: number,
  centers: Float64Array,
  labels: Int32Array,
  sums: Float64Array,
  counts: Float64Array,
): { inertia: number; changed: boolean } {
  const best = new Float64Array(1);
  let changed = false;
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const j = nearestCentre(x, i, d, centers, k, best);
    changed = changed || labels[i] !== j;
    labels[i] = j;
    inertia += best[0]!;
    counts[j]!++;
    for (let t = 0; t < d; t++) sums[j * d + t]! += x[i * d + t]!;
  }
  return { inertia, changed };
}

export function kmeans(x: Float64Array, n: number, d: number, k: number, seed: number, starts = 4, maxIter = 100): KMeansResult {
  if (n < k) throw new RangeError(`k-means needs at least k=${k} points, got ${n}`);
  const rng = Rng.derive(seed, 'kmeans', k);
  let best: KMeansResult | null = null;
  for (let s = 0; s < starts; s++) {
    const result = lloyd(x, n, d, k, seedCenters(x, n, d, k, rng), maxIter);
    if (best === null || result.inertia < best.inertia) best = result;
  }
  return best!;
}

/** A labelling of rows into k clusters (labels indexed by row number). */
export interface Labelling {
  readonly labels: Int32Array;
  readonly k: number;
}

/**
 * Mean silhouette over the given rows (a sample for large n): for each point,
 * (b − a) / max(a, b) with a the mean distance to its own cluster and b the
 * least mean distance to another.
 */
export function silhouette(x: Float64Array, d: number, labels: Int32Array, k: number, rows: Int32Array): number {
  return silhouettes(x, d, rows, [{ labels, k }])[0]!;
}

/**
 * The mean silhouette of each labelling over the same rows: choosing k
 * compares several labellings of one sample. Each row's distances are worked
 * out once, into a buffer that stays in the processor's cache, and each
 * cluster's sum reads its members from it in row order: the same terms added
 * in the same order as a stored m × m matrix (18 MB for a 1,500-row sample,
 * read again for every k) would give.
 */
export function silhouettes(x: Float64Array, d: number, rows: Int32Array, labellings: readonly Labelling[]): number[] {
  const m = rows.length;
  const groups = labellings.map((l) => clusterMembers(l, rows));
  const row = new Float64Array(m);
  const total = new Float64Array(labellings.length);
  const counted = new Float64Array(labellings.length);
  for (let a = 0; a < m; a++) {
    distanceRow(x, d, rows, rows[a]!, row);
    groups.forEach((g, li) => {
      const s = pointSilhouette(row, g, a);
      if (s === null) return;
      total[li]! += s;
      counted[li]!++;
    });
  }
  return labellings.map((_, li) => (counted[li] === 0 ? 0 : total[li]! / counted[li]!));
}

/** A labelling's rows grouped by cluster, in row order within each: cluster c is members[start[c] … start[c + 1]). */
interface ClusterMembers {
  readonly members: Int32Array;
  readonly start: Int32Array;
  /** Each row's cluster. */
  readonly own: Int32Array;
}

function clusterMembers(l: Labelling, rows: Int32Array): ClusterMembers {
  const own = Int32Array.from(rows, (r) => l.labels[r]!);
  const start = new Int32Array(l.k + 1);
  for (const c of own) start[c + 1]!++;
  for (let c = 0; c < l.k; c++) start[c + 1]! += start[c]!;
  const members = new Int32Array(rows.length);
  const next = start.slice(0, l.k);
  own.forEach((c, b) => (members[next[c]!++] = b));
  return { members, start, own };
}

/** Sum of a row's distances to one cluster's members. */
function clusterSum(row: Float64Array, g: ClusterMembers, c: number): number {
  let s = 0;
  for (let p = g.start[c]!, end = g.start[c + 1]!; p < end; p++) s += row[g.members[p]!]!;
  return s;
}

/**
 * Point a's silhouette from its distances to every row, or null when it has
 * none: a singleton's silhouette is defined as 0 and does not count.
 */
function pointSilhouette(row: Float64Array, g: ClusterMembers, a: number): number | null {
  const mine = g.own[a]!;
  const size = (c: number) => g.start[c + 1]! - g.start[c]!;
  // The point's own distance, 0, is in its cluster's sum; only the count leaves it out.
  if (size(mine) === 1) return null;
  const inA = clusterSum(row, g, mine) / (size(mine) - 1);
  let outB = Infinity;
  for (let c = 0; c < g.start.length - 1; c++) if (c !== mine && size(c) > 0) outB = Math.min(outB, clusterSum(row, g, c) / size(c));
  if (!Number.isFinite(outB)) return null;
  return (outB - inA) / Math.max(inA, outB);
}

/** Row i's Euclidean distance to each of the rows, into `out`. */
function distanceRow(x: Float64Array, d: number, rows: Int32Array, i: number, out: Float64Array): void {
  if (d === 3) return distanceRow3(x, rows, i, out);
  for (let b = 0; b < rows.length; b++) {
    const j = rows[b]!;
    let s = 0;
    for (let t = 0; t < d; t++) {
      const diff = x[i * d + t]! - x[j * d + t]!;
      s += diff * diff;
    }
    out[b] = Math.sqrt(s);
  }
}

/** distanceRow for three columns (every clustering here), written out: the same sums in the same order. */
function distanceRow3(x: Float64Array, rows: Int32Array, i: number, out: Float64Array): void {
  const x0 = x[i * 3]!;
  const x1 = x[i * 3 + 1]!;
  const x2 = x[i * 3 + 2]!;
  for (let b = 0; b < rows.length; b++) {
    const j = rows[b]! * 3;
    const d0 = x0 - x[j]!;
    const d1 = x1 - x[j + 1]!;
    const d2 = x2 - x[j + 2]!;
    out[b] = Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2);
  }
}

/*
 * Loops over every row sit in small functions of their own (here and in
 * lloyd, seedCenters): V8 optimises a long loop where it runs, but code after
 * it in the same function has never run, so the optimised code bails out
 * there and the next loop starts over in the interpreter. The first fit of
 * a process paid for that on every loop.
 */

/** z-scores per column, in place; a constant column becomes 0. */
export function standardise(x: Float64Array, n: number, d: number): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(d);
  const sd = new Float64Array(d);
  for (let t = 0; t < d; t++) {
    mean[t] = n > 0 ? columnSum(x, n, d, t, 0, false) / n : 0;
    sd[t] = n > 1 ? Math.sqrt(columnSum(x, n, d, t, mean[t]!, true) / (n - 1)) : 0;
    zScores(x, n, d, t, mean[t]!, sd[t]!);
  }
  return { mean, sd };
}

/** Σ x[·, t], or with `squared` Σ (x[·, t] − centre)². */
function columnSum(x: Float64Array, n: number, d: number, t: number, centre: number, squared: boolean): number {
  let s = 0;
  if (squared) for (let i = 0; i < n; i++) s += (x[i * d + t]! - centre) ** 2;
  else for (let i = 0; i < n; i++) s += x[i * d + t]!;
  return s;
}

function zScores(x: Float64Array, n: number, d: number, t: number, mean: number, sd: number): void {
  for (let i = 0; i < n; i++) x[i * d + t] = sd > 0 ? (x[i * d + t]! - mean) / sd : 0;
}
