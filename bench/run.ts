/**
 * `npm run bench`: every benchmark, each against a baseline measured in the
 * same run, written to docs/benchmarks.md with the machine and the date.
 * Options: --only intake|xlsx|analyze|models|clv|dashboard  (one part)   --runs N  (repetitions, default 3)
 *          --sizes S,M,L  (analyze dataset sizes, default these three; XL on demand: --sizes XL --runs 1)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDuckDb } from '../src/store/duckdb/duckdb-engine.js';
import type { AnalyzeBenchResult } from './analyze.bench.js';
import { runInChild } from './bench-runs.js';
import { benchClv } from './clv.bench.js';
import { benchIntake, type IntakeBenchResult } from './intake.bench.js';
import { benchDashboard, type EndpointLoad } from './dashboard.bench.js';
import type { ModelsBenchResult } from './models.bench.js';
import { benchXlsx } from './xlsx-import.bench.js';
import { sizes } from './scaled-data.js';
import { machineLine } from './machine.js';

const root = path.resolve(import.meta.dirname, '..');
const datasets = path.resolve(root, '../shared/datasets');
const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const runs = Number(flag('--runs') ?? 3);
const only = flag('--only');
const sizeNames = (flag('--sizes') ?? 'S,M,L').split(',').filter((x): x is keyof typeof sizes => x in sizes);

async function duckdbVersion(): Promise<string> {
  const engine = await openDuckDb({ path: ':memory:' });
  const v = (await engine.query<{ v: string }>('SELECT version() AS v'))[0]!.v;
  await engine.close();
  return v;
}

function intakeTable(results: readonly IntakeBenchResult[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.file} | ${r.rows.toLocaleString('en')} | ${r.baselineMs} | ${r.salescopeMs} | ${r.ratio}× | ${r.rowsPerSecond.toLocaleString('en')} |`,
  );
  return ['| file | rows | read_csv baseline (ms) | salescope import (ms) | ratio | salescope rows/s |', '| --- | ---: | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

/** Replaces the text between <!-- bench:NAME --> markers, keeping the rest of the document. */
function replaceSection(doc: string, name: string, body: string): string {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const i = doc.indexOf(start);
  const j = doc.indexOf(end);
  if (i < 0 || j < 0) throw new Error(`docs/benchmarks.md has no ${name} section`);
  return `${doc.slice(0, i + start.length)}\n${body}\n${doc.slice(j)}`;
}

function analyzeTable(results: readonly AnalyzeBenchResult[]): string {
  const n = (x: number) => x.toLocaleString('en');
  const rows = results.map(
    (r) => `| ${r.size} | ${n(r.customers)} | ${n(r.lines)} | ${n(r.baselineMs)} | ${n(r.scoringMs)} | ${r.ratio}× | ${n(r.scoringKpisMs)} | ${r.analyzeMs === null ? '—' : n(r.analyzeMs)} | ${n(r.peakRssMb)} |`,
  );
  return [
    '| size | customers | order lines | bare aggregate (ms) | RFM + tiers (ms) | ratio | RFM + tiers + KPIs (ms) | whole analyze (ms) | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

const docPath = path.join(root, 'docs/benchmarks.md');
let doc = readFileSync(docPath, 'utf8');
const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(await duckdbVersion())}; best of ${runs} runs`;

async function intakeSection(): Promise<string> {
  // [file, the same data in UTF-8 for DuckDB's reader, which has no GB18030]
  const files = [
    ['online_retail/Online_Retail.csv', 'online_retail/Online_Retail.csv'],
    ['chinese_retail/tmall_order_report.gbk.csv', 'chinese_retail/tmall_order_report.csv'],
  ] as const;
  const results: IntakeBenchResult[] = [];
  for (const [f, baselineFile] of files) {
    const r = await benchIntake(path.join(datasets, f), runs, path.join(datasets, baselineFile));
    console.log(JSON.stringify(r));
    results.push(r);
  }
  return `${stamp.replace('best of', 'median of')}.\n\n${intakeTable(results)}`;
}

/** Each size in its own process, so that its peak memory is its own. */
function analyzeSection(names: readonly (keyof typeof sizes)[]): string {
  const results = names.map((size) => {
    const r = runInChild<AnalyzeBenchResult>('analyze.bench.ts', [size, String(runs)]);
    console.log(JSON.stringify(r));
    return r;
  });
  const whole = names.includes('XL') ? 'once' : `median of ${runs}, each on the same store with the previous analysis removed`;
  return `${stamp} (whole analyze: ${whole}).\n\n${analyzeTable(results)}`;
}

async function xlsxSection(): Promise<string> {
  const r = await benchXlsx(200_000, runs);
  console.log(JSON.stringify(r));
  const n = (x: number) => x.toLocaleString('en');
  return [
    `${stamp.replace('best of', 'median of')}; each import in a process of its own.`,
    '',
    '| import of 200,000 rows | time (ms) | ratio | peak RSS (MB) |',
    '| --- | ---: | ---: | ---: |',
    `| CSV (baseline) | ${n(r.csvMs)} | 1 | ${n(r.csvPeakRssMb)} |`,
    `| XLSX, ${(r.xlsxBytes / 1e6).toFixed(1)} MB | ${n(r.xlsxMs)} | ${r.ratio}× | ${n(r.xlsxPeakRssMb)} |`,
    `| XLSX with \`--memory-limit 256MB\` | ${n(r.limitedMs)} | ${Math.round((r.limitedMs / r.csvMs) * 100) / 100}× | ${n(r.limitedPeakRssMb)} |`,
  ].join('\n');
}

/** In a process of its own, so that its peak memory is its own. */
function modelsSection(): string {
  const r = runInChild<ModelsBenchResult>('models.bench.ts', ['M', String(runs)]);
  console.log(JSON.stringify(r));
  const n = (x: number) => x.toLocaleString('en');
  return [
    `${stamp}; M = ${n(r.customers)} customers, ${n(r.lines)} order lines; peak RSS ${n(r.peakRssMb)} MB.`,
    '',
    '| step | baseline | baseline (ms) | salescope (ms) | ratio |',
    '| --- | --- | ---: | ---: | ---: |',
    ...r.timings.map((t) => `| ${t.name} | ${t.baseline} | ${n(t.baselineMs)} | ${n(t.ms)} | ${t.ratio}× |`),
  ].join('\n');
}

function clvSection(): string {
  const r = benchClv();
  console.log(JSON.stringify(r));
  const n = (x: number) => x.toLocaleString('en');
  const p = r.recovered;
  return [
    `${stamp.replace(/; best of .*/, '')}; one run each.`,
    '',
    '| fit | customers | distinct (x, t_x, T) | time (ms) | ratio to baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| baseline: uncompressed, per-row log-gamma | ${n(r.customers)} | — | ${n(r.baselineMs)} | 1 |`,
    `| salescope BG/NBD | ${n(r.customers)} | — | ${n(r.fitMs)} | ${r.ratio}× |`,
    `| salescope BG/NBD | ${n(r.largeCustomers)} | ${n(r.largeRows)} | ${n(r.largeFitMs)} | — |`,
    `| salescope Gamma-Gamma (repeat buyers of the 1M) | ${n(r.gammaGammaCustomers)} | — | ${n(r.gammaGammaLargeFitMs)} | — |`,
    `| salescope BG/NBD + Gamma-Gamma (the CLV fit) | ${n(r.largeCustomers)} | — | ${n(r.largeFitMs + r.gammaGammaLargeFitMs)} | — |`,
    `| salescope Pareto/NBD (information) | ${n(r.largeCustomers)} | ${n(r.largeRows)} | ${n(r.paretoNbdLargeFitMs)} | — |`,
    '',
    `Recovered at 1M (simulated with r 0.25, α 4, a 0.8, b 2.5, observed by day): r ${p.r.toFixed(3)}, α ${p.alpha.toFixed(3)}, a ${p.a.toFixed(3)}, b ${p.b.toFixed(3)}; spend (p 6, q 4, γ 15): p ${r.recoveredSpend.p.toFixed(2)}, q ${r.recoveredSpend.q.toFixed(2)}, γ ${r.recoveredSpend.v.toFixed(2)}. Peak RSS ${n(r.peakRssMb)} MB.`,
  ].join('\n');
}

async function dashboardSection(): Promise<string> {
  const r = await benchDashboard('M', 20, 20);
  console.log(JSON.stringify(r));
  const n = (x: number) => x.toLocaleString('en');
  const line = (e: EndpointLoad) => `| ${e.name} | ${n(e.requests)} | ${e.p50} | ${e.p95} | ${e.p99} | ${e.errors} |`;
  return [
    `${stamp.replace(/; best of .*/, '')}; M = ${n(r.customers)} customers, ${n(r.lines)} order lines (analysed in ${n(r.analyzeMs)} ms); ${r.clients} clients on loopback for ${r.seconds} s per phase, server in its own process.`,
    '',
    '| requests | count | p50 (ms) | p95 (ms) | p99 (ms) | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    line(r.baseline),
    line(r.mixed),
    ...r.endpoints.map(line),
    line(r.coldList),
    '',
    `p95 of all dashboard requests: ${r.mixed.p95} ms (target < 150 ms), ${Math.round((r.mixed.p95 / r.baseline.p95) * 10) / 10}× the baseline's.`,
  ].join('\n');
}

if (only === undefined || only === 'dashboard') doc = replaceSection(doc, 'dashboard', await dashboardSection());
if (only === undefined || only === 'intake') doc = replaceSection(doc, 'intake', await intakeSection());
// XL runs on demand only (--sizes XL) and keeps its own table, so a run of S, M and L leaves it in place.
const regular = sizeNames.filter((x) => x !== 'XL');
if ((only === undefined || only === 'analyze') && regular.length > 0) doc = replaceSection(doc, 'analyze', analyzeSection(regular));
if ((only === undefined || only === 'analyze') && sizeNames.includes('XL')) doc = replaceSection(doc, 'analyze-xl', analyzeSection(['XL']));
if (only === undefined || only === 'xlsx') doc = replaceSection(doc, 'xlsx', await xlsxSection());
if (only === undefined || only === 'models') doc = replaceSection(doc, 'models', modelsSection());
if (only === undefined || only === 'clv') doc = replaceSection(doc, 'clv', clvSection());
writeFileSync(docPath, doc);
console.log(`wrote ${docPath}`);
