/**
 * Stages a delimited text file (already UTF-8) into a temporary table of text
 * cells: a structural scan first (csv-scan.ts), then DuckDB's reader, then a
 * check that both saw the same number of records.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { quoteIdent as q, quoteLiteral as lit, type Queryable } from '../store/engine.js';
import { lineOfRecord, scanDelimited, type BadRecord, type LineSegment } from './csv-scan.js';

export interface DelimitedLayout {
  readonly delimiter: string;
  readonly quote: string | null;
  /** Record index (0-based) of the header, or null when the file has none. */
  readonly headerIndex: number | null;
  readonly headerWidth: number;
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
}

const MAX_RECORD_BYTES = 16 * 1024 * 1024;
const MAX_RECORD_LINES = 2_000;

export async function stageDelimited(
  db: Queryable,
  path: string,
  workPath: string,
  layout: DelimitedLayout,
  rawTable: string,
  onProgress?: (bytes: number) => void,
  /** When the file was rewritten line by line (whitespace → TSV): its line i is source record i-1 here. */
  sourceLines?: readonly LineSegment[],
): Promise<StagedRows> {
  const firstDataRecord = layout.headerIndex === null ? 0 : layout.headerIndex + 1;
  const scan = await scanDelimited(path, {
    delimiter: layout.delimiter.charCodeAt(0),
    quote: layout.quote === null ? null : layout.quote.charCodeAt(0),
    expectedFields: layout.headerWidth,
    firstDataRecord,
    maxRecordBytes: MAX_RECORD_BYTES,
    maxRecordLines: MAX_RECORD_LINES,
    ...(onProgress ? { onProgress } : {}),
  });
  const badRecords = await withText(path, scan.badRecords);
  const source = badRecords.length > 0 ? await copyWithoutLines(path, workPath, badRecords) : path;
  const width = Math.max(layout.headerWidth, scan.maxFields, 1);
  const firstLine = scan.records > firstDataRecord ? lineOfRecord(firstDataRecord, scan.segments) : Number.MAX_SAFE_INTEGER;
  const skip = scan.records > firstDataRecord ? firstLine - 1 - badRecords.filter((b) => b.line < firstLine).reduce((n, b) => n + b.endLine - b.line + 1, 0) : 0;
  const expected = Math.max(0, scan.records - firstDataRecord);
  const multiLine = scan.segments.some((s, i) => i > 0 && s.lineOffset !== scan.segments[i - 1]!.lineOffset);
  const read =
    expected > 0
      ? readCsvSql(source, layout, width, skip, !multiLine, scan.nulBytes > 0)
      : `(SELECT ${Array.from({ length: width }, (_, i) => `CAST(NULL AS VARCHAR) AS ${q(`c${i + 1}`)}`).join(', ')} WHERE false)`;
  // Samples for convention detection read the first rows without numbering them all.
  await db.run(`CREATE TEMP VIEW ${q(`${rawTable}_sample`)} AS SELECT * FROM ${read}`);
  await db.run(await rowNumberView(db, rawTable, read, firstDataRecord, scan.segments, sourceLines));
  const lineOf = (record: number) => {
    const line = lineOfRecord(record, scan.segments);
    return sourceLines ? lineOfRecord(line - 1, sourceLines) : line;
  };
  return {
    rows: Math.max(0, scan.records - firstDataRecord),
    width,
    badRecords: badRecords.map((b) => (sourceLines ? { ...b, line: lineOf(b.line - 1), endLine: lineOf(b.endLine - 1) } : b)),
    shortRows: scan.shortRecords.map((r) => lineOf(r.record)),
    truncatedRow: scan.truncatedTail ? lineOf(scan.records - 1) : null,
    nulBytes: scan.nulBytes,
  };
}

function readCsvSql(path: string, layout: DelimitedLayout, width: number, skip: number, parallel: boolean, stripNul: boolean): string {
  const columns = Array.from({ length: width }, (_, i) => `${lit(`c${i + 1}`)}: 'VARCHAR'`).join(', ');
  const quote = layout.quote === null ? `quote = ''` : `quote = ${lit(layout.quote)}, escape = ${lit(layout.quote)}`;
  const read = `read_csv(${lit(path)}, header = false, skip = ${skip}, delim = ${lit(layout.delimiter)}, ${quote},
    columns = {${columns}}, null_padding = true, strict_mode = false, auto_detect = false,
    max_line_size = ${MAX_RECORD_BYTES}, parallel = ${parallel})`;
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
    return `CREATE TEMP VIEW ${q(rawTable)} AS SELECT ${toSource(segmentsSql(record, segments))} AS _row, r.* EXCLUDE (_rn) FROM ${numbered} r`;
  }
  const segTable = `${rawTable}_segments`;
  await db.run(`CREATE TEMP TABLE ${q(segTable)} (from_record BIGINT, line_offset BIGINT)`);
  for (let i = 0; i < segments.length; i += 1000) {
    const values = segments.slice(i, i + 1000).map((s) => `(${s.fromRecord}, ${s.lineOffset})`);
    await db.run(`INSERT INTO ${q(segTable)} VALUES ${values.join(', ')}`);
  }
  const line = `(${record} + 1 + s.line_offset)`;
  return `CREATE TEMP VIEW ${q(rawTable)} AS SELECT ${toSource(line)} AS _row, r.* EXCLUDE (_rn) FROM ${numbered} r ASOF JOIN ${q(segTable)} s ON ${record} >= s.from_record`;
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
