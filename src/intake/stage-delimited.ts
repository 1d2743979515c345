/**
 * Stages a delimited text file (already UTF-8) as views of text cells: a
 * structural scan (csv-scan.ts) tells DuckDB's reader how to read it, and the
 * import checks that both saw the same number of records. The reader may
 * start on a reading guessed from the file's head while the scan runs; the
 * scan then confirms the guess or the views are made again.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { quoteIdent as q, quoteLiteral as lit, type Queryable } from '../store/engine.js';
import { lineOfRecord, scanDelimited, scanHead, type BadRecord, type LineSegment, type ScanOptions, type ScanResult } from './csv-scan.js';

export interface DelimitedLayout {
  readonly delimiter: string;
  readonly quote: string | null;
  /** Record index (0-based) of the header, or null when the file has none. */
  readonly headerIndex: number | null;
  readonly headerWidth: number;
}

/** How the engine is told to read the file: the same reading gives the same staged rows. */
export interface DelimitedReading {
  readonly source: string;
  readonly layout: DelimitedLayout;
  readonly width: number;
  /** Physical lines before the first data record, in `source`. */
  readonly skip: number;
  readonly firstDataRecord: number;
  readonly segments: readonly LineSegment[];
  readonly stripNul: boolean;
  /** No data record at all. */
  readonly empty: boolean;
}

export interface StagedRows {
  /** Data records staged (blank lines and bad records excluded). */
  readonly rows: number;
  readonly width: number;
  /** Records taken out before parsing: their line and text go to the quarantine. */
  readonly badRecords: readonly (BadRecord & { readonly text: string })[];
  /** Data rows with fewer cells than the header (line numbers). */
  readonly shortRows: readonly number[];
  /** Line of the last record when the file ends mid-record. */
  readonly truncatedRow: number | null;
  readonly nulBytes: number;
  readonly reading: DelimitedReading;
}

const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const MAX_RECORD_LINES = 2_000;
/** Bytes of the head a guess is made from; smaller files are simply scanned first. */
export const GUESS_HEAD_BYTES = 65_536;

function scanOptions(layout: DelimitedLayout): ScanOptions {
  return {
    delimiter: layout.delimiter.charCodeAt(0),
    quote: layout.quote === null ? null : layout.quote.charCodeAt(0),
    expectedFields: layout.headerWidth,
    firstDataRecord: firstDataRecordOf(layout),
    maxRecordBytes: MAX_RECORD_BYTES,
    maxRecordLines: MAX_RECORD_LINES,
  };
}

function firstDataRecordOf(layout: DelimitedLayout): number {
  return layout.headerIndex === null ? 0 : layout.headerIndex + 1;
}

/**
 * The structural scan of the whole file and what it means for the reading:
 * file work only, no statement, so it can run while the engine is busy.
 */
export async function scanStaging(
  path: string,
  workPath: string,
  layout: DelimitedLayout,
  onProgress?: (bytes: number) => void,
  /** When the file was rewritten line by line (whitespace → TSV): its line i is source record i-1 here. */
  sourceLines?: readonly LineSegment[],
): Promise<StagedRows> {
  const firstDataRecord = firstDataRecordOf(layout);
  const scan = await scanDelimited(path, { ...scanOptions(layout), ...(onProgress ? { onProgress } : {}) });
  const badRecords = await withText(path, scan.badRecords);
  const source = badRecords.length > 0 ? await copyWithoutLines(path, workPath, badRecords) : path;
  const lineOf = (record: number) => {
    const line = lineOfRecord(record, scan.segments);
    return sourceLines ? lineOfRecord(line - 1, sourceLines) : line;
  };
  return {
    rows: Math.max(0, scan.records - firstDataRecord),
    width: widthOf(layout, scan.maxFields),
    badRecords: badRecords.map((b) => (sourceLines ? { ...b, line: lineOf(b.line - 1), endLine: lineOf(b.endLine - 1) } : b)),
    shortRows: scan.shortRecords.map((r) => lineOf(r.record)),
    truncatedRow: scan.truncatedTail ? lineOf(scan.records - 1) : null,
    nulBytes: scan.nulBytes,
    reading: readingOf(source, layout, scan, badRecords),
  };
}

/**
 * The reading the file's head suggests, when the head is clean: the whole
 * file's scan usually confirms it, and the engine can start on it before.
 * Null for a file no larger than the head, or a head with anything unusual.
 */
export async function guessReading(path: string, layout: DelimitedLayout): Promise<DelimitedReading | null> {
  const head = await readHead(path, GUESS_HEAD_BYTES + 1);
  const end = head.lastIndexOf(0x0a, GUESS_HEAD_BYTES - 1);
  if (head.length <= GUESS_HEAD_BYTES || end < 0) return null;
  const scan = scanHead(head.subarray(0, end + 1), scanOptions(layout));
  const clean = scan.newBadRecords.length === 0 && scan.nulBytes === 0 && scan.shortRecords.length === 0 && !scan.truncatedTail;
  return clean && scan.records > firstDataRecordOf(layout) ? readingOf(path, layout, scan, []) : null;
}

/** Whether the whole file's staging is the guessed one: then what was read through the guess stands. */
export function confirmsGuess(guess: DelimitedReading, staged: StagedRows): boolean {
  const clean = staged.badRecords.length === 0 && staged.shortRows.length === 0 && staged.truncatedRow === null;
  return clean && JSON.stringify(guess) === JSON.stringify(staged.reading);
}

function widthOf(layout: DelimitedLayout, maxFields: number): number {
  return Math.max(layout.headerWidth, maxFields, 1);
}

function readingOf(
  source: string,
  layout: DelimitedLayout,
  scan: Pick<ScanResult, 'records' | 'segments' | 'maxFields' | 'nulBytes'>,
  badRecords: readonly BadRecord[],
): DelimitedReading {
  const firstDataRecord = firstDataRecordOf(layout);
  const empty = scan.records <= firstDataRecord;
  const firstLine = empty ? 0 : lineOfRecord(firstDataRecord, scan.segments);
  const dropped = badRecords.filter((b) => b.line < firstLine).reduce((n, b) => n + b.endLine - b.line + 1, 0);
  return {
    source,
    layout,
    width: widthOf(layout, scan.maxFields),
    skip: empty ? 0 : firstLine - 1 - dropped,
    firstDataRecord,
    segments: scan.segments,
    stripNul: scan.nulBytes > 0,
    empty,
  };
}

/** The views staged rows are read through (made again when a guess was wrong). */
export async function createStagingViews(db: Queryable, rawTable: string, reading: DelimitedReading, sourceLines?: readonly LineSegment[]): Promise<void> {
  const multiLine = reading.segments.some((s, i) => i > 0 && s.lineOffset !== reading.segments[i - 1]!.lineOffset);
  const read = reading.empty
    ? `(SELECT ${Array.from({ length: reading.width }, (_, i) => `CAST(NULL AS VARCHAR) AS ${q(`c${i + 1}`)}`).join(', ')} WHERE false)`
    : readCsvSql(reading.source, reading.layout, reading.width, reading.skip, !multiLine, reading.stripNul);
  // Samples for convention detection read the first rows without numbering them all.
  await db.run(`CREATE OR REPLACE TEMP VIEW ${q(`${rawTable}_sample`)} AS SELECT * FROM ${read}`);
  await db.run(await rowNumberView(db, rawTable, read, reading.firstDataRecord, reading.segments, sourceLines));
}

/** The first `bytes` of a file (fewer when it is shorter). */
export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// The buffer as small as the longest record allows: by default it is several
// times that, and the conventions' sample of the first rows filled all of it.
function readCsvSql(path: string, layout: DelimitedLayout, width: number, skip: number, parallel: boolean, stripNul: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `${lit(`c${i + 1}`)}: 'VARCHAR'`).join(', ');
  const quote = layout.quote === null ? `quote = ''` : `quote = ${lit(layout.quote)}, escape = ${lit(layout.quote)}`;
  const read = `read_csv(${lit(path)}, header = false, skip = ${skip}, delim = ${lit(layout.delimiter)}, ${quote},
    columns = {${columns}}, null_padding = true, strict_mode = false, auto_detect = false,
    max_line_size = ${MAX_RECORD_BYTES}, buffer_size = ${MAX_RECORD_BYTES}, parallel = ${parallel})`;
  if (!stripNul) return read;
  // NUL bytes survive DuckDB's reader inside values; they are never meaningful in a cell.
  const cells = Array.from({ length: width }, (_, i) => `replace(${q(`c${i + 1}`)}, chr(0), '') AS ${q(`c${i + 1}`)}`);
  return `(SELECT ${cells.join(', ')} FROM ${read})`;
}

const MAX_CASE_SEGMENTS = 256;

/**
 * The view that gives every staged record its line. Few segments (the usual
 * case) become a CASE; many (a file full of multi-line cells) an ASOF join.
 */
async function rowNumberView(
  db: Queryable,
  rawTable: string,
  read: string,
  firstDataRecord: number,
  segments: readonly LineSegment[],
  sourceLines: readonly LineSegment[] | undefined,
): Promise<string> {
  // The reader keeps file order (insertion order is preserved), so the n-th
  // row out is the n-th record; the scan checked the counts agree.
  const numbered = `(SELECT row_number() OVER () AS _rn, * FROM ${read})`;
  const record = `(r._rn - 1 + ${firstDataRecord})`;
  const toSource = (line: string) => (sourceLines ? segmentsSql(`(${line} - 1)`, sourceLines) : line);
  if (segments.length <= MAX_CASE_SEGMENTS) {
    return `CREATE OR REPLACE TEMP VIEW ${q(rawTable)} AS SELECT ${toSource(segmentsSql(record, segments))} AS _row, r.* EXCLUDE (_rn) FROM ${numbered} r`;
  }
  const segTable = `${rawTable}_segments`;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(segTable)} (from_record BIGINT, line_offset BIGINT)`);
  for (let i = 0; i < segments.length; i += 1000) {
    const values = segments.slice(i, i + 1000).map((s) => `(${s.fromRecord}, ${s.lineOffset})`);
    await db.run(`INSERT INTO ${q(segTable)} VALUES ${values.join(', ')}`);
  }
  const line = `(${record} + 1 + s.line_offset)`;
  return `CREATE OR REPLACE TEMP VIEW ${q(rawTable)} AS SELECT ${toSource(line)} AS _row, r.* EXCLUDE (_rn) FROM ${numbered} r ASOF JOIN ${q(segTable)} s ON ${record} >= s.from_record`;
}

/** SQL for lineOfRecord(record): usually a constant offset, else a CASE over the segments. */
function segmentsSql(record: string, segments: readonly LineSegment[]): string {
  if (segments.length <= 1) return `(${record} + 1 + ${segments[0]?.lineOffset ?? 0})`;
  const whens = segments
    .slice(1)
    .reverse()
    .map((s) => `WHEN ${record} >= ${s.fromRecord} THEN ${record} + 1 + ${s.lineOffset}`);
  return `(CASE ${whens.join(' ')} ELSE ${record} + 1 + ${segments[0]!.lineOffset} END)`;
}

/** Reads the text of the bad records' lines (they are few) for the quarantine. */
async function withText(path: string, bad: readonly BadRecord[]): Promise<(BadRecord & { text: string })[]> {
  if (bad.length === 0) return [];
  const wanted = new Map<number, BadRecord>();
  for (const b of bad) for (let l = b.line; l <= b.endLine; l++) wanted.set(l, b);
  const texts = new Map<BadRecord, string[]>();
  let line = 1;
  let current: Buffer[] = [];
  const handle = await open(path, 'r');
  try {
    for await (const chunk of handle.createReadStream()) {
      let start = 0;
      const buf = chunk as Buffer;
      for (let i = 0; i < buf.length; i++) {
        if (buf[i] !== 0x0a) continue;
        if (wanted.has(line)) current.push(buf.subarray(start, i));
        flushLine(wanted, texts, line, current);
        current = [];
        line++;
        start = i + 1;
      }
      if (wanted.has(line)) current.push(buf.subarray(start));
    }
    flushLine(wanted, texts, line, current);
  } finally {
    await handle.close();
  }
  return bad.map((b) => ({ ...b, text: (texts.get(b) ?? []).join('\n').slice(0, 65_536) }));
}

function flushLine(wanted: Map<number, BadRecord>, texts: Map<BadRecord, string[]>, line: number, parts: Buffer[]): void {
  const owner = wanted.get(line);
  if (!owner) return;
  const list = texts.get(owner) ?? [];
  list.push(Buffer.concat(parts).toString('utf8').replace(/\r$/, ''));
  texts.set(owner, list);
}

/** A copy of the file without the bad records' lines, for DuckDB to read. */
async function copyWithoutLines(path: string, dest: string, bad: readonly BadRecord[]): Promise<string> {
  const drop = new Set<number>();
  for (const b of bad) for (let l = b.line; l <= b.endLine; l++) drop.add(l);
  let line = 1;
  const filter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      const kept: Buffer[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i++) {
        if (chunk[i] !== 0x0a) continue;
        if (!drop.has(line)) kept.push(chunk.subarray(start, i + 1));
        line++;
        start = i + 1;
      }
      if (start < chunk.length && !drop.has(line)) kept.push(chunk.subarray(start));
      done(null, Buffer.concat(kept));
    },
  });
  await pipeline(createReadStream(path), filter, createWriteStream(dest));
  return dest;
}
