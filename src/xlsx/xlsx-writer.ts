/**
 * Writes workbooks row by row with ExcelJS's streaming writer, so a sheet of
 * any length costs the memory of one row. Besides xlsx-reader.ts this is the
 * only file that may import ExcelJS.
 *
 * Every string goes into the shared-string table: a cell that reads
 * "=HYPERLINK(...)" or "+86 139…" stays text and can never become a formula,
 * which matters because exported cells carry user-supplied text.
 */
import type ExcelJS from 'exceljs';

export type XlsxCell = string | number | Date | null;

export interface XlsxColumn {
  readonly numFmt?: string;
  readonly width?: number;
  /** Keep the column as text even where a value looks numeric (ids such as 00123). */
  readonly text?: boolean;
}

export interface XlsxSheet {
  readonly name: string;
  /** A title merged across the header's width, in the row above the header. */
  readonly title?: string;
  readonly header: readonly string[];
  readonly rows: Iterable<readonly XlsxCell[]> | AsyncIterable<readonly XlsxCell[]>;
  readonly columns?: readonly XlsxColumn[];
}

const DATE_FORMAT = 'yyyy-mm-dd';
const TEXT_FORMAT = '@';

export interface XlsxWriteOptions {
  /** The document's created/modified time and every zip entry's time. Fix it for byte-identical files; default now. */
  readonly date?: Date;
}

export async function writeXlsx(path: string, sheets: readonly XlsxSheet[], options: XlsxWriteOptions = {}): Promise<void> {
  const date = options.date ?? new Date();
  // Awaited before entryDate is set: nothing may run between setting it and the constructor reading it.
  const Writer = await pinnedDateWriter();
  entryDate = date;
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  try {
    workbook = new Writer({ filename: path, useSharedStrings: true, useStyles: true });
  } finally {
    entryDate = null;
  }
  workbook.created = date;
  workbook.modified = date;
  for (const sheet of sheets) await writeSheet(workbook, sheet);
  await workbook.commit();
}

/** Handed to the constructor below; set and cleared synchronously around it. */
let entryDate: Date | null = null;

type ZipAppend = (source: unknown, data: Readonly<Record<string, unknown>>) => unknown;

/**
 * The zip library stamps each entry with the current time unless given one,
 * and ExcelJS never gives one, so the same sheets would never give the same
 * bytes. The base constructor adds the theme before anything else; hooking
 * that first call lets every entry, the theme included, carry our date.
 */
type WriterClass = new (options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>) => ExcelJS.stream.xlsx.WorkbookWriter;
let pinned: WriterClass | null = null;

/** The writer class, made once ExcelJS is loaded (on first use: commands that write no workbook start faster). */
async function pinnedDateWriter(): Promise<WriterClass> {
  if (pinned !== null) return pinned;
  const { default: excel } = await import('exceljs');
  pinned = class PinnedDateWorkbookWriter extends excel.stream.xlsx.WorkbookWriter {
    override addThemes(): Promise<void> {
      const date = entryDate;
      const zip = (this as unknown as { zip: { append: ZipAppend } }).zip;
      if (date !== null) {
        const append = zip.append.bind(zip);
        zip.append = (source, data) => append(source, { ...data, date });
      }
      return super.addThemes();
    }
  };
  return pinned;
}

async function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet): Promise<void> {
  const worksheet = workbook.addWorksheet(sheet.name);
  const width = sheet.header.length;
  const columns = sheet.columns ?? [];
  // Widths must be set before the first row is committed: the writer emits <cols> with it.
  worksheet.columns = sheet.header.map((h, i) => ({ width: columns[i]?.width ?? defaultWidth(h) }));

  if (sheet.title !== undefined) {
    const row = worksheet.addRow([escapeText(sheet.title)]);
    row.font = { bold: true, size: 14 };
    if (width > 1) worksheet.mergeCells(1, 1, 1, width);
    row.commit();
  }
  const headerRow = worksheet.addRow(sheet.header.map(escapeText));
  headerRow.font = { bold: true };
  headerRow.commit();

  const textColumns = columns.map((c) => c.text === true);
  const formats = columns.map((c) => c.numFmt);
  for await (const cells of sheet.rows) {
    const row = worksheet.addRow(cells.map((cell, i) => cellValue(cell, textColumns[i] === true)));
    cells.forEach((cell, i) => {
      const format = textColumns[i] === true ? TEXT_FORMAT : formats[i] ?? (cell instanceof Date ? DATE_FORMAT : undefined);
      if (format !== undefined && cell !== null) row.getCell(i + 1).numFmt = format;
    });
    row.commit();
  }
  worksheet.commit();
}

function cellValue(cell: XlsxCell, asText: boolean): string | number | Date | null {
  if (cell === null) return null;
  if (asText) return escapeText(cell instanceof Date ? isoDate(cell) : String(cell));
  if (typeof cell === 'number' && !Number.isFinite(cell)) return null;
  return typeof cell === 'string' ? escapeText(cell) : cell;
}

/**
 * XML parsers turn a raw CR into LF and reject most other control characters,
 * so they travel in the OOXML escape _xHHHH_; a literal "_x0041_" in the text
 * is itself escaped (as _x005F_x0041_) so that readers do not decode it.
 */
function escapeText(s: string): string {
  return s
    .replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`)
    .replace(/[\x00-\x08\x0b-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Roughly the header's displayed width: CJK characters are two columns wide. */
function defaultWidth(header: string): number {
  let w = 0;
  for (const ch of header) w += /[\u2e80-\uffff]/u.test(ch) ? 2 : 1;
  return Math.max(10, Math.min(40, w + 4));
}
