/**
 * From a user's file to staged text cells: recognise the format, decode the
 * text, find the header row, and load every data row with its row number.
 * Everything the engine reads sits in the store's work directory (the only
 * place it may read), as a link, a copy or a transcoded UTF-8 version.
 */
import { copyFile, link, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Queryable } from '../store/engine.js';
import { ImportError } from './import-error.js';
import { knownHeaderScore } from './header-match.js';
import { detectFileKind } from './sniff/detect-file-kind.js';
import { detectFileEncoding } from './sniff/detect-encoding.js';
import { transcodeToUtf8 } from './sniff/transcode-to-utf8.js';
import { transcodeMixedLines } from './sniff/transcode-mixed-lines.js';
import { sniffDelimited } from './sniff/sniff-delimited.js';
import { whitespaceToTsv } from './sniff/whitespace-to-tsv.js';
import { findHeaderRow } from './sniff/find-header-row.js';
import { convertXlsToXlsx, findLibreOffice, XlsConversionError } from './sniff/legacy-xls.js';
import { inspectXlsx, XlsxInspectionError, XlsxSheetNotFoundError } from '../xlsx/xlsx-reader.js';
import { scanUtf8, type TextEncoding } from './sniff/detect-encoding.js';
import { confirmsGuess, createStagingViews, guessReading, readHead, scanStaging, type StagedRows } from './stage-delimited.js';
import type { LineSegment } from './csv-scan.js';
import { previewSheet, stageParquet, stageSheet } from './stage-workbook.js';
import type { UserMapping } from './user-mapping.js';

export interface StageRequest {
  readonly file: string;
  readonly rawTable: string;
  readonly workDir: string;
  readonly runTag: string;
  readonly mapping?: UserMapping;
  /**
   * Check the whole file's UTF-8 before trusting it. Off by default: the
   * engine's reader refuses invalid UTF-8 itself, and the import then runs
   * again with this on (see importFile).
   */
  readonly confirmEncoding?: boolean;
  readonly sheet?: string;
  readonly onProgress?: (phase: 'reading', done: number, total: number) => void;
}

export interface FileNote {
  readonly code:
    | 'encoding_replacements'
    | 'mixed_encoding'
    | 'nul_bytes'
    | 'duplicate_header'
    | 'blank_header'
    | 'title_rows'
    | 'converted_xls'
    /** The headers clearly say another entity than the one chosen (header-match.ts, contradictingEntity). */
    | 'entity_mismatch';
  /** A list (of headers …) is joined in the reader's language when the note is worded. */
  readonly params: Readonly<Record<string, string | number | readonly string[]>>;
}

/**
 * A warning says the data may not be what the file meant (bytes replaced or
 * dropped, a column ignored, the wrong data type); the rest only tell what
 * was done.
 */
export function noteSeverity(code: FileNote['code']): 'warning' | 'info' {
  switch (code) {
    case 'encoding_replacements':
    case 'mixed_encoding':
    case 'nul_bytes':
    case 'duplicate_header':
    case 'entity_mismatch':
      return 'warning';
    case 'blank_header':
    case 'title_rows':
    case 'converted_xls':
      return 'info';
    default:
      return code satisfies never;
  }
}

export interface StagedFile {
  readonly format: 'csv' | 'xlsx' | 'parquet';
  readonly encoding: string | null;
  readonly sheet: string | null;
  readonly delimiter: string | null;
  /** Header texts made unique (金额, 金额 (2)); column numbers when the file has no header. */
  readonly headers: readonly string[];
  readonly hasHeader: boolean;
  readonly width: number;
  readonly rows: number;
  readonly badRecords: readonly { readonly row: number; readonly reason: string; readonly text: string }[];
  readonly shortRows: readonly number[];
  readonly truncatedRow: number | null;
  readonly notes: readonly FileNote[];
  /** Files made in the work directory, removed after the import. */
  readonly scratch: readonly string[];
}

export const XLSX_LIMITS = { maxUncompressedBytes: 2 * 1024 ** 3, maxRatio: 200 };

/** What parsing needs to know of a staged file before its rows are counted. */
export type StagedShape = Pick<StagedFile, 'headers' | 'width' | 'hasHeader' | 'shortRows' | 'truncatedRow'>;

/**
 * A file staged ahead of its structural scan: the raw views already read it
 * as its head suggests, so parsing can start while the scan goes on.
 */
export interface StagingAhead {
  readonly shape: StagedShape;
  /** Files made in the work directory, to remove after the import, also when it fails. */
  readonly scratch: readonly string[];
  /**
   * Scans the whole file; the first call starts the scan. File work only, no
   * statement, so it may run beside one on the same connection.
   */
  readonly scan: () => Promise<ScannedFile>;
}

export interface ScannedFile {
  readonly staged: StagedFile;
  /**
   * Null when the scan confirms what the head suggested. Else the views must
   * be made again (this does it; run it when no statement is running), and
   * what was read through the old ones read again.
   */
  readonly restage: (() => Promise<void>) | null;
}

export async function stageFile(db: Queryable, req: StageRequest): Promise<StagedFile> {
  const { staged, restage } = await (await stageFileAhead(db, req)).scan();
  await restage?.();
  return staged;
}

export async function stageFileAhead(db: Queryable, req: StageRequest): Promise<StagingAhead> {
  const size = await fileSize(req.file);
  if (size === 0) throw new ImportError('file_empty', req.file);
  const head = await readHead(req.file, 65_536);
  const kind = detectFileKind(head, req.file);
  switch (kind) {
    case 'xlsx':
      return settled(await stageXlsx(db, req, req.file, []));
    case 'xls':
      return settled(await stageXls(db, req));
    case 'parquet':
      return settled(await stageParquetFile(db, req));
    case 'text':
      return stageText(db, req, size);
    case 'zip':
    case 'binary':
      throw new ImportError('file_binary', req.file);
    default:
      throw new ImportError('file_unsupported', req.file);
  }
}

function settled(staged: StagedFile): StagingAhead {
  return { shape: staged, scratch: staged.scratch, scan: () => Promise.resolve({ staged, restage: null }) };
}

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new ImportError('file_is_folder', file);
    if (!s.isFile()) throw new ImportError('file_not_found', file);
    return s.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('file_not_found', file);
  }
}

/** Puts the file where the engine may read it: a hard link when possible, else a copy. */
async function placeInWorkDir(file: string, dest: string): Promise<void> {
  await rm(dest, { force: true });
  try {
    await link(file, dest);
  } catch {
    await copyFile(file, dest);
  }
}

function scratchPath(req: StageRequest, suffix: string): string {
  return path.join(req.workDir, `${req.runTag}${suffix}`);
}

/** Makes header texts unique and non-empty so they can serve as JSON keys. */
export function uniqueHeaders(cells: readonly (string | null)[]): { headers: string[]; notes: FileNote[] } {
  const seen = new Map<string, number>();
  const notes: FileNote[] = [];
  const headers = cells.map((cell, i) => {
    let h = (cell ?? '').trim();
    if (h === '') {
      h = `column ${i + 1}`;
      notes.push({ code: 'blank_header', params: { column: i + 1 } });
    }
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    if (n > 1) {
      notes.push({ code: 'duplicate_header', params: { header: h, column: i + 1 } });
      return `${h} (${n})`;
    }
    return h;
  });
  return { headers, notes };
}

function columnNumbers(width: number): string[] {
  return Array.from({ length: width }, (_, i) => String(i + 1));
}

async function stageText(db: Queryable, req: StageRequest, size: number): Promise<StagingAhead> {
  const scratch: string[] = [];
  const notes: FileNote[] = [];
  let detected: { encoding: TextEncoding; bom: number; clean: boolean } = req.mapping?.encoding
    ? { encoding: req.mapping.encoding === 'gbk' ? 'gb18030' : req.mapping.encoding, bom: 0, clean: false }
    : await detectFileEncoding(req.file, { wholeFile: req.confirmEncoding === true });
  await refuseMarkup(req.file);
  const head = await readHead(req.file, 1 << 20);
  let utf8 = scratchPath(req, '.utf8.csv');
  scratch.push(utf8);
  if (detected.encoding === 'utf-8' && detected.bom === 0 && detected.clean) {
    await placeInWorkDir(req.file, utf8);
  } else if (detected.bom === 0 && (detected.encoding !== 'utf-16le' && detected.encoding !== 'utf-16be') && (detected.encoding !== 'windows-1252' || hasUtf8Text(head))) {
    const m = await transcodeMixedLines(req.file, utf8, (done) => req.onProgress?.('reading', done, size));
    if (m.utf8Lines > 0 && m.gbLines > 0) notes.push({ code: 'mixed_encoding', params: { utf8: m.utf8Lines, gb: m.gbLines } });
    if (m.gbLines > 0) detected = { ...detected, encoding: 'gb18030' };
    if (m.nulBytes > 0) notes.push({ code: 'nul_bytes', params: { count: m.nulBytes } });
  } else {
    // Also for UTF-8 with a few bad bytes: the transcoder replaces them with
    // U+FFFD and counts them, where DuckDB would refuse the file.
    const t = await transcodeToUtf8(req.file, utf8, detected.encoding, {
      skipBytes: detected.bom,
      onProgress: (done: number) => req.onProgress?.('reading', done, size),
    });
    if (t.nulBytes > 0) notes.push({ code: 'nul_bytes', params: { count: t.nulBytes } });
    if (t.replacementChars > 0) notes.push({ code: 'encoding_replacements', params: { count: t.replacementChars, encoding: detected.encoding } });
  }
  const sample = (await readHead(utf8, 65_536)).toString();
  const sniffed = sniffDelimited(cutAtLineEnd(sample));
  let delimiter: string = req.mapping?.delimiter ?? sniffed.delimiter;
  let lines = sniffed.lines;
  let sourceLines: readonly LineSegment[] | undefined;
  if (delimiter === 'whitespace') {
    const tsv = scratchPath(req, '.tsv');
    scratch.push(tsv);
    sourceLines = (await whitespaceToTsv(utf8, tsv)).segments;
    utf8 = tsv;
    delimiter = '\t';
    lines = sniffDelimited(cutAtLineEnd((await readHead(utf8, 65_536)).toString())).lines;
  }
  const quote = delimiter === '\t' && sniffed.quote === null ? null : '"';
  const found = req.mapping?.header === false ? { headerIndex: null, titleRows: [] } : findHeaderRow(lines, knownHeaderScore);
  const headerCells = found.headerIndex === null ? [] : (lines[found.headerIndex] ?? []);
  const unique = uniqueHeaders(headerCells);
  notes.push(...unique.notes);
  if (found.titleRows.length > 0) notes.push({ code: 'title_rows', params: { count: found.titleRows.length, text: found.titleRows.join(' | ').slice(0, 200) } });
  const layout = { delimiter, quote, headerIndex: found.headerIndex, headerWidth: headerCells.length };
  const clean = scratchPath(req, '.clean.csv');
  scratch.push(clean);
  const guess = await guessReading(utf8, layout);
  const scan = () => scanStaging(utf8, clean, layout, (done) => req.onProgress?.('reading', done, size), sourceLines);
  const shapeOf = (rows: Pick<StagedRows, 'width' | 'shortRows' | 'truncatedRow'>): StagedShape => ({
    headers: found.headerIndex === null ? columnNumbers(rows.width) : unique.headers,
    hasHeader: found.headerIndex !== null,
    width: rows.width,
    shortRows: rows.shortRows,
    truncatedRow: rows.truncatedRow,
  });
  const stagedOf = (rows: StagedRows): StagedFile => ({
    format: 'csv',
    encoding: detected.bom > 0 ? `${detected.encoding}-bom` : detected.encoding,
    sheet: null,
    delimiter: delimiter === '\t' ? 'tab' : delimiter,
    ...shapeOf(rows),
    rows: rows.rows,
    badRecords: rows.badRecords.map((b) => ({ row: b.line, reason: b.reason, text: b.text })),
    notes: rows.nulBytes > 0 ? [...notes, { code: 'nul_bytes', params: { count: rows.nulBytes } }] : notes,
    scratch,
  });
  if (guess === null) {
    const rows = await scan();
    await createStagingViews(db, req.rawTable, rows.reading, sourceLines);
    return settled(stagedOf(rows));
  }
  await createStagingViews(db, req.rawTable, guess, sourceLines);
  // The scan starts when first asked for: the caller starts it once the
  // engine has work, so that it does not delay what feeds the engine.
  const scanned = async (): Promise<ScannedFile> => {
    const rows = await scan();
    const restage = async () => createStagingViews(db, req.rawTable, rows.reading, sourceLines);
    return { staged: stagedOf(rows), restage: confirmsGuess(guess, rows) ? null : restage };
  };
  let scanning: Promise<ScannedFile> | undefined;
  return {
    // A guess is only made from a clean head: no short or cut-off row, which the scan confirms.
    shape: shapeOf({ width: guess.width, shortRows: [], truncatedRow: null }),
    scratch,
    scan: () => (scanning ??= scanned()),
  };
}

/** Well-formed multi-byte UTF-8 in the sample: a file the detector called Windows-1252 may be UTF-8 mixed with GBK. */
function hasUtf8Text(sample: Uint8Array): boolean {
  return scanUtf8(sample, false).multibyte > 0;
}

/**
 * Many Chinese business systems export "Excel" files that are really a web
 * page or an XML Spreadsheet 2003 document; read as CSV they would be garbage.
 */
async function refuseMarkup(file: string): Promise<void> {
  const head = Buffer.from(await readHead(file, 4096)).toString('utf8').replace(/^\ufeff/, '').trimStart().slice(0, 2048).toLowerCase();
  if (!head.startsWith('<')) return;
  if (head.includes('<html') || head.includes('<table') || head.includes('<!doctype html')) throw new ImportError('xls_is_html', file);
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet') || head.includes('<workbook')) throw new ImportError('xls_is_xml', file);
}

function cutAtLineEnd(sample: string): string {
  const end = sample.lastIndexOf('\n');
  return end > 0 && sample.length >= 65_000 ? sample.slice(0, end + 1) : sample;
}

async function stageXlsx(db: Queryable, req: StageRequest, file: string, scratch: string[], notes: FileNote[] = []): Promise<StagedFile> {
  try {
    await inspectXlsx(file, XLSX_LIMITS);
  } catch (error) {
    if (error instanceof XlsxInspectionError) throw new ImportError(error.code, req.file, error.params);
    throw error;
  }
  const sheet = req.sheet ?? req.mapping?.sheet;
  let preview;
  try {
    preview = await previewSheet(file, sheet, 30);
  } catch (error) {
    if (error instanceof XlsxSheetNotFoundError) {
      throw new ImportError('sheet_not_found', req.file, { sheet: error.sheet, available: error.available.join(', ') });
    }
    throw new ImportError('xlsx_corrupt', req.file, { detail: error instanceof Error ? error.message : String(error) });
  }
  if (preview.rows.length === 0) throw new ImportError('file_empty', req.file);
  const found = req.mapping?.header === false ? { headerIndex: null, titleRows: [] } : findHeaderRow(preview.rows, knownHeaderScore);
  const headerCells = found.headerIndex === null ? [] : (preview.rows[found.headerIndex] ?? []);
  const unique = uniqueHeaders(headerCells);
  const firstDataRow = found.headerIndex === null ? (preview.rowNumbers[0] ?? 1) : (preview.rowNumbers[found.headerIndex] ?? 1) + 1;
  const previewWidth = preview.rows.reduce((m, r) => Math.max(m, r.length), 0);
  const staged = await stageSheet(db, file, preview.sheet, firstDataRow, Math.max(headerCells.length, previewWidth), req.rawTable, (n) =>
    req.onProgress?.('reading', n, 0),
  );
  if (found.titleRows.length > 0) notes.push({ code: 'title_rows', params: { count: found.titleRows.length, text: found.titleRows.join(' | ').slice(0, 200) } });
  return {
    format: 'xlsx',
    encoding: null,
    sheet: preview.sheet,
    delimiter: null,
    headers: found.headerIndex === null ? columnNumbers(staged.width) : unique.headers,
    hasHeader: found.headerIndex !== null,
    width: staged.width,
    rows: staged.rows,
    badRecords: [],
    shortRows: [],
    truncatedRow: null,
    notes: [...notes, ...unique.notes],
    scratch,
  };
}

async function stageXls(db: Queryable, req: StageRequest): Promise<StagedFile> {
  const soffice = await findLibreOffice();
  if (soffice === null) throw new ImportError('xls_needs_conversion', req.file);
  const outDir = scratchPath(req, '.xls');
  let converted: string;
  try {
    converted = await convertXlsToXlsx(req.file, outDir, soffice);
  } catch (error) {
    if (error instanceof XlsConversionError) throw new ImportError('xls_conversion_failed', req.file, { detail: error.detail.slice(0, 300) });
    throw error;
  }
  return stageXlsx(db, req, converted, [outDir], [{ code: 'converted_xls', params: { tool: 'LibreOffice' } }]);
}

async function stageParquetFile(db: Queryable, req: StageRequest): Promise<StagedFile> {
  const placed = scratchPath(req, '.parquet');
  await placeInWorkDir(req.file, placed);
  let staged;
  try {
    staged = await stageParquet(db, placed, req.rawTable);
  } catch (error) {
    // The engine's message names the work copy; the user knows their own file.
    await rm(placed, { force: true });
    const said = error instanceof Error ? error.message : String(error);
    throw new ImportError('parquet_corrupt', req.file, { detail: said.replace(/^[A-Za-z ]*Error: /, '').replace(/ in file '[^']*'/, '').split('\n')[0]!.trim() });
  }
  return {
    format: 'parquet',
    encoding: null,
    sheet: null,
    delimiter: null,
    headers: staged.headers,
    hasHeader: true,
    width: staged.headers.length,
    rows: staged.rows,
    badRecords: [],
    shortRows: [],
    truncatedRow: null,
    notes: [],
    scratch: [placed],
  };
}
