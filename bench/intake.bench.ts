/**
 * Import throughput of a CSV against DuckDB's own read_csv of the same file,
 * measured in the same run, each into a fresh database file:
 *   baseline  CREATE TABLE t AS SELECT * FROM read_csv(file)   (sniffed, typed)
 *   salescope importFile(file)   (scan, decode, recognise, parse, validate,
 *             deduplicate, upsert, quarantine — one transaction)
 * Median of `runs` repetitions.
 *
 *   npx tsx bench/intake.bench.ts [file] [runs]
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDuckDb } from '../src/store/duckdb/duckdb-engine.js';
import { quoteLiteral } from '../src/store/engine.js';
import { openStore } from '../src/store/open-store.js';
import { importFile } from '../src/intake/import-file.js';
import { median } from './bench-runs.js';

export interface IntakeBenchResult {
  readonly file: string;
  readonly rows: number;
  readonly baselineMs: number;
  readonly salescopeMs: number;
  readonly ratio: number;
  readonly rowsPerSecond: number;
  readonly baselineRowsPerSecond: number;
}

async function baseline(file: string, dir: string): Promise<{ ms: number; rows: number }> {
  const db = path.join(dir, 'baseline.duckdb');
  const work = `${db}.work`;
  mkdirSync(work, { recursive: true });
  const copy = path.join(work, path.basename(file));
  copyFileSync(file, copy);
  const engine = await openDuckDb({ path: db, allowedDirectories: [work] });
  const t = performance.now();
  await engine.run(`CREATE TABLE t AS SELECT * FROM read_csv(${quoteLiteral(copy)})`);
  await engine.run('CHECKPOINT');
  const ms = performance.now() - t;
  const rows = (await engine.query<{ n: number }>('SELECT count(*) AS n FROM t'))[0]!.n;
  await engine.close();
  return { ms, rows };
}

async function salescope(file: string, dir: string): Promise<{ ms: number; rows: number }> {
  const store = await openStore({ db: path.join(dir, 'salescope.duckdb') });
  const t = performance.now();
  const r = await importFile(store, { file }, { now: () => new Date() });
  await store.engine.run('CHECKPOINT');
  const ms = performance.now() - t;
  await store.close();
  return { ms, rows: r.rows };
}

/** `baselineFile`: the same data as DuckDB can read it (UTF-8), when `file` is in an encoding it cannot. */
export async function benchIntake(file: string, runs = 3, baselineFile = file): Promise<IntakeBenchResult> {
  const base: number[] = [];
  const ours: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    for (const [fn, out, input] of [[baseline, base, baselineFile], [salescope, ours, file]] as const) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-intake-'));
      try {
        const r = await fn(input, dir);
        out.push(r.ms);
        rows = r.rows;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  const baselineMs = median(base);
  const salescopeMs = median(ours);
  return {
    file: path.basename(file),
    rows,
    baselineMs: Math.round(baselineMs),
    salescopeMs: Math.round(salescopeMs),
    ratio: Math.round((salescopeMs / baselineMs) * 100) / 100,
    rowsPerSecond: Math.round(rows / (salescopeMs / 1000)),
    baselineRowsPerSecond: Math.round(rows / (baselineMs / 1000)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/datasets/online_retail/Online_Retail.csv');
  console.log(JSON.stringify(await benchIntake(file, Number(process.argv[3] ?? 3)), null, 2));
}
