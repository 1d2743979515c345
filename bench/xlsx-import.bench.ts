/**
 * XLSX import: the first N lines of Online Retail (default 200,000) written
 * as a workbook the way Excel keeps them (numbers as numbers, dates as date
 * cells) and as a CSV of the same rows. Each file is imported into a fresh
 * store in a process of its own, so the peak memory is the import's own.
 *   baseline  salescope's import of the same rows as CSV
 *   measured  salescope's import of the workbook (streamed, shared strings),
 *             with the database's default memory and held to 256 MB
 * Target (issue 8): 200k rows in under 15 s and under 600 MB.
 *
 *   npx tsx bench/xlsx-import.bench.ts [rows] [runs]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { importFile } from '../src/intake/import-file.js';
import { openStore } from '../src/store/open-store.js';
import { writeXlsx, type XlsxCell } from '../src/xlsx/xlsx-writer.js';
import { median, runInChild } from './bench-runs.js';

export interface XlsxBenchResult {
  readonly rows: number;
  readonly csvMs: number;
  readonly xlsxMs: number;
  readonly ratio: number;
  readonly csvPeakRssMb: number;
  readonly xlsxPeakRssMb: number;
  readonly xlsxBytes: number;
  /** The workbook again with the database held to 256 MB (--memory-limit 256MB). */
  readonly limitedMs: number;
  readonly limitedPeakRssMb: number;
}

interface ChildResult {
  readonly ms: number;
  readonly rows: number;
  readonly peakRssMb: number;
}

const source = path.resolve(import.meta.dirname, '../../shared/datasets/online_retail/Online_Retail.csv');

/** An Excel user's cell: numbers stay numbers, the invoice time a date. */
function cell(header: string, value: string): XlsxCell {
  if (value === '') return null;
  if (header === 'InvoiceDate') return new Date(`${value.replace(' ', 'T')}Z`);
  if (['Quantity', 'UnitPrice', 'CustomerID', 'InvoiceNo'].includes(header) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  return value;
}

async function writeFiles(dir: string, rows: number): Promise<{ csv: string; xlsx: string }> {
  const text = readFileSync(source, 'utf8');
  const records = parse(text, { to_line: rows + 1, relax_column_count: true }) as string[][];
  const [header, ...body] = records;
  const csv = path.join(dir, 'retail.csv');
  const xlsx = path.join(dir, 'retail.xlsx');
  const lines = text.split('\n');
  writeFileSync(csv, `${lines.slice(0, rows + 1).join('\n')}\n`);
  await writeXlsx(xlsx, [{ name: 'Online Retail', header: header!, rows: body.map((r) => r.map((v, i) => cell(header![i]!, v))) }]);
  return { csv, xlsx };
}

/** One import in this process (the child). */
async function importOnce(file: string, memoryLimit: string | undefined): Promise<ChildResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-xlsx-'));
  try {
    const store = await openStore({ db: path.join(dir, 'bench.duckdb'), ...(memoryLimit !== undefined ? { memoryLimit } : {}) });
    const t = performance.now();
    const r = await importFile(store, { file }, { now: () => new Date() });
    await store.engine.run('CHECKPOINT');
    const ms = performance.now() - t;
    await store.close();
    return { ms: Math.round(ms), rows: r.rows, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function inChild(file: string, memoryLimit?: string): ChildResult {
  return runInChild<ChildResult>('xlsx-import.bench.ts', ['--child', file, ...(memoryLimit !== undefined ? [memoryLimit] : [])]);
}

export async function benchXlsx(rows = 200_000, runs = 3): Promise<XlsxBenchResult> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-xlsx-files-'));
  try {
    const files = await writeFiles(dir, rows);
    const csv: ChildResult[] = [];
    const xlsx: ChildResult[] = [];
    const limited: ChildResult[] = [];
    for (let i = 0; i < runs; i++) {
      csv.push(inChild(files.csv));
      xlsx.push(inChild(files.xlsx));
      limited.push(inChild(files.xlsx, '256MB'));
    }
    if ([...csv, ...xlsx, ...limited].some((r) => r.rows !== rows)) throw new Error(`expected ${rows} rows in every import`);
    const [csvMs, xlsxMs] = [median(csv.map((r) => r.ms)), median(xlsx.map((r) => r.ms))];
    return {
      rows,
      csvMs,
      xlsxMs,
      ratio: Math.round((xlsxMs / csvMs) * 100) / 100,
      csvPeakRssMb: Math.max(...csv.map((r) => r.peakRssMb)),
      xlsxPeakRssMb: Math.max(...xlsx.map((r) => r.peakRssMb)),
      xlsxBytes: readFileSync(files.xlsx).length,
      limitedMs: median(limited.map((r) => r.ms)),
      limitedPeakRssMb: Math.max(...limited.map((r) => r.peakRssMb)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === '--child') console.log(JSON.stringify(await importOnce(process.argv[3]!, process.argv[4])));
  else console.log(JSON.stringify(await benchXlsx(Number(process.argv[2] ?? 200_000), Number(process.argv[3] ?? 3))));
}
