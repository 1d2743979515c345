/**
 * k-means clusters of a snapshot's customers on standardised RFM
 * (log-scaled: recency, frequency and revenue are all heavily skewed, and
 * unscaled the largest accounts would be clusters of their own). k is chosen
 * by the best silhouette on a sample, unless the settings fix it.
 */
import { Rng } from '../../domain/rng.js';
import type { Queryable } from '../../store/engine.js';
import { kmeans, silhouette, standardise } from './kmeans.js';

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
  const tried: { k: number; silhouette: number }[] = [];
  for (let k = 2; k <= Math.min(maxK, rows.length - 1); k++) {
    const fit = kmeans(sample, rows.length, d, k, seed, 2, 50);
    tried.push({ k, silhouette: silhouette(sample, d, fit.labels, k, all) });
  }
  return tried;
}

export async function clusterSnapshot(db: Queryable, snapshotId: number, opts: { k?: number; maxK: number; seed: number }): Promise<Clustering> {
  const cols = await db.queryColumns(
    `SELECT customer_id, recency_days, frequency, CAST(monetary AS FLOAT8) AS monetary FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)} ORDER BY customer_id`,
  );
  const ids = (cols.customer_id ?? []) as string[];
  const n = ids.length;
  const raw = { r: cols.recency_days as number[], f: cols.frequency as number[], m: cols.monetary as number[] };
  if (n < 3) return { k: null, silhouette: null, tried: [], clusters: [] };
  const d = 3;
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    x[i * d] = slog(raw.r[i]!);
    x[i * d + 1] = slog(raw.f[i]!);
    x[i * d + 2] = slog(raw.m[i]!);
  }
  standardise(x, n, d);
  const tried = opts.k === undefined ? chooseK(x, n, d, opts.maxK, opts.seed) : [];
  const k = opts.k ?? tried.reduce((best, t) => (t.silhouette > best.silhouette ? t : best), tried[0] ?? { k: 2, silhouette: 0 }).k;
  const fit = kmeans(x, n, d, Math.min(k, n), opts.seed, 3, 60);
  const clusters = summarise(fit.labels, fit.k, raw);
  // Number clusters by average revenue, highest first, so "cluster 1" means something.
  const order = [...clusters].sort((a, b) => b.avgMonetary - a.avgMonetary).map((c) => c.cluster);
  const renumber = new Int32Array(fit.k);
  order.forEach((old, i) => (renumber[old] = i + 1));
  await writeLabels(db, snapshotId, ids, fit.labels, renumber);
  const sil = tried.find((t) => t.k === fit.k)?.silhouette ?? silhouette(x, d, fit.labels, fit.k, sampleRows(n, SAMPLE, opts.seed));
  return {
    k: fit.k,
    silhouette: sil,
    tried,
    clusters: clusters.map((c) => ({ ...c, cluster: renumber[c.cluster]! })).sort((a, b) => a.cluster - b.cluster),
  };
}

function summarise(labels: Int32Array, k: number, raw: { r: number[]; f: number[]; m: number[] }): ClusterSummary[] {
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

async function writeLabels(db: Queryable, snapshotId: number, ids: readonly string[], labels: Int32Array, renumber: Int32Array): Promise<void> {
  const table = `cluster_labels_${Math.floor(snapshotId)}`;
  await db.run(`DROP TABLE IF EXISTS ${table}`);
  await db.run(`CREATE TEMP TABLE ${table} (customer_id VARCHAR, cluster INTEGER)`);
  await db.append(`temp.${table}`, ['customer_id', 'cluster'], ids.map((id, i) => [id, renumber[labels[i]!]!]));
  await db.run(`UPDATE customer_scores SET cluster = l.cluster FROM ${table} l WHERE customer_scores.snapshot_id = ${Math.floor(snapshotId)} AND customer_scores.customer_id = l.customer_id`);
  await db.run(`DROP TABLE ${table}`);
}
