/**
 * Stages a worksheet or a Parquet file into a temporary table of text cells
 * with the spreadsheet row number, like stage-delimited does for text.
 */
import { quoteIdent as q, quoteLiteral as lit, type Queryable, type SqlValue } from '../store/engine.js';
import { readXlsxRows } from '../xlsx/xlsx-reader.js';
import { releaseHeap } from './release-heap.js';

export interface SheetPreview {
  readonly sheet: string;
  /** The first rows (for header detection), as text cells. */
  readonly rows: readonly (readonly (string | null)[])[];
  /** Spreadsheet row number of each preview row. */
  readonly rowNumbers: readonly number[];
}

export async function previewSheet(path: string, sheet: string | undefined, limit: number): Promise<SheetPreview> {
  const rows: (string | null)[][] = [];
  const rowNumbers: number[] = [];
  let name = sheet ?? '';
  for await (const row of readXlsxRows(path, sheet === undefined ? {} : { sheet })) {
    name = row.sheet;
    rows.push(row.cells);
    rowNumbers.push(row.rowNumber);
    if (rows.length >= limit) break;
  }
  return { sheet: name, rows, rowNumbers };
}

const BATCH = 5_000;

/** Appends every row after the header to `rawTable` (_row, c1 … cN), widening it when a row is wider. */
export async function stageSheet(
  db: Queryable,
  path: string,
  sheet: string,
  firstDataRow: number,
  initialWidth: number,
  rawTable: string,
  onProgress?: (rows: number) => void,
): Promise<{ rows: number; width: number }> {
  let width = Math.max(1, initialWidth);
  const cols = Array.from({ length: width }, (_, i) => `${q(`c${i + 1}`)} VARCHAR`).join(', ');
  await db.run(`CREATE TEMP TABLE ${q(rawTable)} (_row BIGINT, ${cols})`);
  let batch: SqlValue[][] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const widest = batch.reduce((m, r) => Math.max(m, r.length - 1), 0);
    for (; width < widest; width++) await db.run(`ALTER TABLE ${q(rawTable)} ADD COLUMN ${q(`c${width + 1}`)} VARCHAR`);
    await db.append(`temp.${rawTable}`, ['_row', ...Array.from({ length: width }, (_, i) => `c${i + 1}`)], batch.map((r) => pad(r, width + 1)));
    rows += batch.length;
    onProgress?.(rows);
    batch = [];
  };
  for await (const row of readXlsxRows(path, { sheet })) {
    if (row.rowNumber < firstDataRow) continue;
    batch.push([row.rowNumber, ...row.cells]);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  // The sheet's parser and batches are garbage now: give their memory back before the engine works on the rows.
  releaseHeap();
  await db.run(`CREATE TEMP VIEW ${q(`${rawTable}_sample`)} AS SELECT * FROM ${q(rawTable)}`);
  return { rows, width };
}

function pad(row: SqlValue[], length: number): SqlValue[] {
  if (row.length >= length) return row;
  return row.concat(Array.from({ length: length - row.length }, () => null));
}

/** Parquet columns become text cells; row 1 is taken as the header, so data starts at row 2. */
export async function stageParquet(db: Queryable, path: string, rawTable: string): Promise<{ headers: string[]; rows: number }> {
  const source = `read_parquet(${lit(path)})`;
  const described = await db.query<{ column_name: string }>(`DESCRIBE SELECT * FROM ${source}`);
  const headers = described.map((d) => d.column_name);
  const cells = headers.map((h, i) => `CAST(${q(h)} AS VARCHAR) AS ${q(`c${i + 1}`)}`);
  const read = `(SELECT ${cells.join(', ')} FROM ${source})`;
  await db.run(`CREATE TEMP VIEW ${q(`${rawTable}_sample`)} AS SELECT * FROM ${read}`);
  // Row 1 is the header, so the n-th data row is row n + 1.
  await db.run(`CREATE TEMP VIEW ${q(rawTable)} AS SELECT row_number() OVER () + 1 AS _row, * FROM ${read}`);
  const rows = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${source}`))[0]?.n ?? 0;
  return { headers, rows };
}
