/**
 * k-means clusters of a snapshot's customers on standardised RFM
 * (log-scaled: recency, frequency and revenue are all heavily skewed, and
 * unscaled the largest accounts would be clusters of their own). k is chosen
 * by the best silhouette on a sample, unless the settings fix it.
 */
import { Rng } from '../../domain/rng.js';
import { floatLiteral, type Queryable } from '../../store/engine.js';
import { kmeans, nearestCentres, silhouette, silhouettes, standardise } from './kmeans.js';

export interface ClusterSummary {
  readonly cluster: number;
  readonly customers: number;
  readonly avgRecencyDays: number;
  readonly avgFrequency: number;
  readonly avgMonetary: number;
}

export interface Clustering {
  readonly k: number | null;
  readonly silhouette: number | null;
  /** Silhouette of every k tried (on the sample). */
  readonly tried: readonly { readonly k: number; readonly silhouette: number }[];
  readonly clusters: readonly ClusterSummary[];
}

const SAMPLE = 1_500;
const slog = (v: number) => Math.sign(v) * Math.log1p(Math.abs(v));

function sampleRows(n: number, size: number, seed: number): Int32Array {
  if (n <= size) return Int32Array.from({ length: n }, (_, i) => i);
  const rng = Rng.derive(seed, 'silhouette-sample');
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = rng.int(i, n - 1);
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.slice(0, size).sort();
}

function subset(x: Float64Array, d: number, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(x.subarray(r * d, r * d + d), i * d));
  return out;
}

function chooseK(x: Float64Array, n: number, d: number, maxK: number, seed: number) {
  const rows = sampleRows(n, SAMPLE, seed);
  const sample = subset(x, d, rows);
  const all = Int32Array.from({ length: rows.length }, (_, i) => i);
  const ks = Array.from({ length: Math.max(0, Math.min(maxK, rows.length - 1) - 1) }, (_, i) => i + 2);
  const fits = ks.map((k) => kmeans(sample, rows.length, d, k, seed, 2, 50));
  const scores = silhouettes(sample, d, all, fits);
  return ks.map((k, i) => ({ k, silhouette: scores[i]! }));
}

export interface ClusterOptions {
  readonly k?: number;
  readonly maxK: number;
  readonly seed: number;
  /** Above this many customers the centres are fitted on a seeded sample of this size; every customer is then assigned. */
  readonly fitSample?: number;
}

const FIT_SAMPLE = 20_000;

/** A snapshot's customers' recency, frequency and revenue, in customer order: what the clusters are fitted on. */
export interface ClusterInput {
  readonly r: number[];
  readonly f: number[];
  readonly m: number[];
}

/** Centres, standardisation and numbering fitted in JavaScript; storeClusters labels the stored customers with them. */
export interface ClusterFit {
  readonly k: number;
  readonly silhouette: number;
  readonly tried: readonly { readonly k: number; readonly silhouette: number }[];
  readonly scale: { readonly mean: Float64Array; readonly sd: Float64Array };
  readonly centers: Float64Array;
  readonly renumber: Int32Array;
}

export async function readClusterInput(db: Queryable, snapshotId: number): Promise<ClusterInput> {
  const cols = await db.queryColumns(
    `SELECT recency_days, frequency, CAST(monetary AS FLOAT8) AS monetary FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)} ORDER BY customer_id`,
  );
  return { r: (cols.recency_days ?? []) as number[], f: (cols.frequency ?? []) as number[], m: (cols.monetary ?? []) as number[] };
}

/** n × 3 rows of signed log recency, frequency and revenue (a loop of its own: see kmeans.ts on loops). */
function logRfm(raw: ClusterInput, n: number): Float64Array {
  const x = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) {
    x[i * 3] = slog(raw.r[i]!);
    x[i * 3 + 1] = slog(raw.f[i]!);
    x[i * 3 + 2] = slog(raw.m[i]!);
  }
  return x;
}

/** The clusters of the customers read, or null below three customers. Pure: the engine can work on something else meanwhile. */
export function fitClusters(raw: ClusterInput, opts: ClusterOptions): ClusterFit | null {
  const n = raw.r.length;
  if (n < 3) return null;
  const d = 3;
  const x = logRfm(raw, n);
  const scale = standardise(x, n, d);
  const tried = opts.k === undefined ? chooseK(x, n, d, opts.maxK, opts.seed) : [];
  const k = opts.k ?? tried.reduce((best, t) => (t.silhouette > best.silhouette ? t : best), tried[0] ?? { k: 2, silhouette: 0 }).k;
  // Lloyd's iterations cost n·k per pass: past a few ten thousand customers a sample places the centres as well.
  const fitRows = sampleRows(n, opts.fitSample ?? FIT_SAMPLE, opts.seed);
  const fitted = fitRows.length === n ? x : subset(x, d, fitRows);
  const fit = kmeans(fitted, fitRows.length, d, Math.min(k, fitRows.length), opts.seed, 3, 60);
  const labels = fitRows.length === n ? fit.labels : nearestCentres(x, n, d, fit.centers, fit.k);
  // Number clusters by average revenue, highest first, so "cluster 1" means something.
  const order = summarise(labels, fit.k, raw).sort((a, b) => b.avgMonetary - a.avgMonetary).map((c) => c.cluster);
  // A centre no customer is nearest to still gets a number, after the others.
  for (let j = 0; j < fit.k; j++) if (!order.includes(j)) order.push(j);
  const renumber = new Int32Array(fit.k);
  order.forEach((old, i) => (renumber[old] = i + 1));
  const sil = tried.find((t) => t.k === fit.k)?.silhouette ?? silhouette(x, d, labels, fit.k, sampleRows(n, SAMPLE, opts.seed));
  return { k: fit.k, silhouette: sil, tried, scale, centers: fit.centers, renumber };
}

/** Each stored customer's cluster from the fit, and the clusters' summaries. */
export async function storeClusters(db: Queryable, snapshotId: number, fit: ClusterFit | null): Promise<Clustering> {
  if (fit === null) return { k: null, silhouette: null, tried: [], clusters: [] };
  const id = Math.floor(snapshotId);
  await db.run(assignClustersSql(id, fit.scale, fit.centers, fit.k, fit.renumber));
  return { k: fit.k, silhouette: fit.silhouette, tried: fit.tried, clusters: await storedClusters(db, id) };
}

export async function clusterSnapshot(db: Queryable, snapshotId: number, opts: ClusterOptions): Promise<Clustering> {
  return storeClusters(db, snapshotId, fitClusters(await readClusterInput(db, snapshotId), opts));
}

/**
 * The model goes to the data, not the labels: the engine standardises each
 * customer's log RFM and picks the nearest centre, in one UPDATE, instead of
 * taking a million (id, label) pairs back in.
 */
export function assignClustersSql(snapshotId: number, scale: ClusterFit['scale'], centers: Float64Array, k: number, renumber: Int32Array): string {
  const num = (v: number) => floatLiteral(Number.isFinite(v) ? v : 0);
  const z = ['recency_days', 'frequency', 'monetary'].map((col, t) => {
    const sd = scale.sd[t]!;
    const v = `CAST(${col} AS FLOAT8)`;
    return sd > 0 ? `(sign(${v}) * ln(1 + abs(${v})) - ${num(scale.mean[t]!)}) / ${num(sd)}` : 'CAST(0 AS FLOAT8)';
  });
  const dist = (j: number) => [0, 1, 2].map((t) => `(z${t} - ${num(centers[j * 3 + t]!)}) * (z${t} - ${num(centers[j * 3 + t]!)})`).join(' + ');
  const ds = Array.from({ length: k }, (_, j) => `${dist(j)} AS d${j}`).join(', ');
  // Reaching branch j means every earlier centre lost to a later one, so d_j ≤ each later d is the argmin with ties to the lower index.
  const branches = Array.from({ length: k - 1 }, (_, j) => {
    const cond = Array.from({ length: k - 1 - j }, (_, i) => `d${j} <= d${j + 1 + i}`).join(' AND ');
    return `WHEN ${cond} THEN ${renumber[j]!}`;
  }).join(' ');
  const pick = k === 1 ? `${renumber[0]!}` : `CASE ${branches} ELSE ${renumber[k - 1]!} END`;
  return `UPDATE customer_scores SET cluster = a.cluster FROM (
  SELECT customer_id, ${pick} AS cluster FROM (
    SELECT customer_id, ${ds} FROM (SELECT customer_id, ${z.map((e, t) => `${e} AS z${t}`).join(', ')} FROM customer_scores WHERE snapshot_id = ${snapshotId}) AS zs
  ) AS dists
) AS a WHERE customer_scores.snapshot_id = ${snapshotId} AND customer_scores.customer_id = a.customer_id`;
}

async function storedClusters(db: Queryable, snapshotId: number): Promise<ClusterSummary[]> {
  const rows = await db.query<{ cluster: number; customers: number; r: number; f: number; m: number }>(
    `SELECT cluster, count(*) AS customers, avg(recency_days) AS r, avg(frequency) AS f, avg(CAST(monetary AS FLOAT8)) AS m
     FROM customer_scores WHERE snapshot_id = ${snapshotId} AND cluster IS NOT NULL GROUP BY cluster ORDER BY cluster`,
  );
  return rows.map((c) => ({ cluster: Number(c.cluster), customers: Number(c.customers), avgRecencyDays: Number(c.r), avgFrequency: Number(c.f), avgMonetary: Number(c.m) }));
}

function summarise(labels: Int32Array, k: number, raw: ClusterInput): ClusterSummary[] {
  const acc = Array.from({ length: k }, (_, cluster) => ({ cluster, customers: 0, r: 0, f: 0, m: 0 }));
  labels.forEach((l, i) => {
    const a = acc[l]!;
    a.customers++;
    a.r += raw.r[i]!;
    a.f += raw.f[i]!;
    a.m += raw.m[i]!;
  });
  return acc
    .filter((a) => a.customers > 0)
    .map((a) => ({ cluster: a.cluster, customers: a.customers, avgRecencyDays: a.r / a.customers, avgFrequency: a.f / a.customers, avgMonetary: a.m / a.customers }));
}
