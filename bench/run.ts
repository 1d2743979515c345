/**
 * `npm run bench`: every benchmark, each against a baseline measured in the
 * same run, written to docs/benchmarks.md with the machine and the date.
 * Options: --only intake  (a subset)   --runs N   (repetitions, default 3)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDuckDb } from '../src/store/duckdb/duckdb-engine.js';
import { benchIntake, type IntakeBenchResult } from './intake.bench.js';
import { machineLine } from './machine.js';

const root = path.resolve(import.meta.dirname, '..');
const datasets = path.resolve(root, '../shared/datasets');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 3);

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
const docPath = path.join(root, 'docs/benchmarks.md');
let doc = readFileSync(docPath, 'utf8');
const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine(await duckdbVersion())}; median of ${runs} runs.`;
doc = replaceSection(doc, 'intake', `${stamp}\n\n${intakeTable(results)}`);
writeFileSync(docPath, doc);
console.log(`wrote ${docPath}`);
