/**
 * writeDemoFiles: the demo company as the files an analyst would export from
 * the CRM/ERP, plus truth.json. Rows stream to disk in chunks, so memory
 * stays at the size of the company already held, whatever the file sizes.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { EntityName } from '../intake/field-catalog.js';
import { writeXlsx, type XlsxCell } from '../xlsx/xlsx-writer.js';
import { dateOf, dayOf } from './day.js';
import type { DemoCompany } from './demo-company.js';
import { demoFileSpecs, type DemoEncoding } from './demo-files.js';

export type { DemoEncoding } from './demo-files.js';

export interface DemoFile {
  readonly path: string;
  readonly entity: EntityName;
  /** Text encoding of a CSV; null for a workbook. */
  readonly encoding: DemoEncoding | null;
  /** Data rows, not counting title and header rows. */
  readonly rows: number;
}

export const truthFileName = 'truth.json';

export async function writeDemoFiles(company: DemoCompany, dir: string): Promise<DemoFile[]> {
  await mkdir(dir, { recursive: true });
  // Workbook timestamps pinned to the end date: the same company gives the same bytes.
  const date = dateOf(dayOf(company.windowEnd));
  const files: DemoFile[] = [];
  for (const spec of demoFileSpecs(company)) {
    const path = join(dir, spec.fileName);
    if (spec.format === 'xlsx') {
      const sheet = { name: spec.sheet ?? 'Sheet1', header: spec.header, rows: spec.rows(), ...(spec.title === undefined ? {} : { title: spec.title }), ...(spec.columns === undefined ? {} : { columns: spec.columns }) };
      await writeXlsx(path, [sheet], { date });
    } else {
      await writeCsv(path, spec.header, spec.rows(), spec.encoding ?? 'utf-8');
    }
    files.push({ path, entity: spec.entity, encoding: spec.encoding, rows: spec.rowCount });
  }
  await writeFile(join(dir, truthFileName), `${truthJson(company.truth)}\n`, 'utf8');
  return files;
}

const CHUNK = 1 << 18;

async function writeCsv(path: string, header: readonly string[], rows: Iterable<readonly XlsxCell[]>, encoding: DemoEncoding): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string): Buffer => (encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(text, 'utf8'));
  const write = async (text: string) => {
    if (!out.write(encode(text))) await once(out, 'drain');
  };
  let chunk = (encoding === 'utf-8-bom' ? '\ufeff' : '') + csvLine(header);
  for (const row of rows) {
    chunk += csvLine(row);
    if (chunk.length >= CHUNK) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await finished(out);
}

/** RFC 4180 with CRLF, as Excel writes it. */
function csvLine(cells: readonly XlsxCell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function csvCell(cell: XlsxCell): string {
  const text = cell === null ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Pretty at the top, one line per array element below: readable and a fraction of JSON.stringify(…, 2)'s size. */
function truthJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + JSON.stringify(v)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${truthJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
