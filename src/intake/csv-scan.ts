/**
 * A fast structural pass over a UTF-8 delimited file before DuckDB parses it.
 *
 * DuckDB's reader is an order of magnitude faster than any JavaScript parser,
 * but it silently swallows the rest of a file after an unterminated quote.
 * This pass finds such records (so they can be quarantined and the rest read
 * normally), counts records so a short read is caught, and remembers where
 * multi-line records sit so that a physical line number can be turned into
 * the row number a spreadsheet shows.
 */
import { open } from 'node:fs/promises';

export interface ScanOptions {
  readonly delimiter: number;
  /** Quote byte, or null for files without quoting. */
  readonly quote: number | null;
  /** Fields expected per data record (the header's width). */
  readonly expectedFields: number;
  /** Records before this index (title rows, the header) are not checked for width. */
  readonly firstDataRecord: number;
  /** A quoted field still open after this many bytes or lines is taken as unterminated. */
  readonly maxRecordBytes: number;
  readonly maxRecordLines: number;
  /** Physical lines (1-based) to treat as one bad record each, found by an earlier pass. */
  readonly badLines?: ReadonlySet<number>;
  readonly onProgress?: (bytesRead: number) => void;
}

export type BadRecordReason = 'unterminated_quote' | 'record_too_large' | 'stray_quote';

/** A record the scanner takes out of the file: lines [line, endLine] go to the quarantine as text. */
export interface BadRecord {
  readonly line: number;
  readonly endLine: number;
  readonly reason: BadRecordReason;
}

/** From record `fromRecord` on, a record's first line is record + 1 + lineOffset. */
export interface LineSegment {
  readonly fromRecord: number;
  readonly lineOffset: number;
}

export interface ScanResult {
  /** Records, including title and header records, excluding bad records and blank lines. */
  readonly records: number;
  readonly lines: number;
  /** Where each record starts, compressed: see LineSegment. */
  readonly segments: readonly LineSegment[];
  /** Most fields in any record. */
  readonly maxFields: number;
  /** Data records with fewer fields than the header: (record index, fields). */
  readonly shortRecords: readonly { readonly record: number; readonly fields: number }[];
  readonly newBadRecords: readonly BadRecord[];
  readonly blankLines: number;
  readonly nulBytes: number;
  /** The last record has no line end and fewer fields than the header: the file was likely cut off. */
  readonly truncatedTail: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const SPACE = 0x20;
const TAB = 0x09;

// Small integers: the state is compared once per byte.
const START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const AFTER_QUOTE = 3;
type State = typeof START | typeof UNQUOTED | typeof QUOTED | typeof AFTER_QUOTE;

/** Scans until stable: each pass may find new unterminated quotes, which the next pass skips. */
export async function scanDelimited(path: string, options: ScanOptions): Promise<ScanResult & { readonly badRecords: readonly BadRecord[] }> {
  const restarts = new Map<number, BadRecord>();
  for (;;) {
    const result = await scanOnce(path, { ...options, badLines: new Set(restarts.keys()) });
    const restart = result.newBadRecords.find((b) => b.reason !== 'stray_quote');
    if (!restart) {
      const badRecords = [...restarts.values(), ...result.newBadRecords].sort((a, b) => a.line - b.line);
      return { ...result, badRecords };
    }
    // Each restart skips one more line, so this ends within the file's line count.
    restarts.set(restart.line, restart);
  }
}

/**
 * The scan of a file's first bytes, cut at a line end: what the whole file
 * probably looks like, known before the full scan ends.
 */
export function scanHead(head: Buffer, options: ScanOptions): ScanResult {
  const scanner = new Scanner(options);
  scanner.feed(head, head.length);
  return scanner.finish();
}

async function scanOnce(path: string, options: ScanOptions): Promise<ScanResult> {
  const scanner = new Scanner(options);
  const handle = await open(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (!scanner.feed(chunk, bytesRead)) break;
      options.onProgress?.(total);
    }
  } finally {
    await handle.close();
  }
  return scanner.finish();
}

/** Delimiters the last plainRun passed (a second result without an allocation in the hot loop). */
let runDelimiters = 0;

const PLAIN = 0;
const DELIMITER = 1;
const STOP = 2;

/** Each byte's part in a plain run: one table load per byte is cheaper than five comparisons. */
function plainClasses(delimiter: number, quote: number | null): Uint8Array {
  const classes = new Uint8Array(256);
  for (const b of [LF, NUL, CR, ...(quote === null ? [] : [quote])]) classes[b] = STOP;
  classes[delimiter] = DELIMITER;
  return classes;
}

/**
 * Where the run of plain cells from `from` ends: the first line end, quote,
 * NUL or CR, else `length`; the delimiters on the way are counted in
 * `runDelimiters`. Most bytes of a file are here, most lines in one run. A
 * quote inside a plain cell is kept as text, as DuckDB does.
 */
function plainRun(buf: Buffer, from: number, length: number, classes: Uint8Array): number {
  let i = from;
  let delimiters = 0;
  while (i < length) {
    const k = classes[buf[i]!]!;
    if (k !== PLAIN) {
      if (k === STOP) break;
      delimiters++;
    }
    i++;
  }
  runDelimiters = delimiters;
  return i;
}

/** Where the run of quoted text from `from` ends: the first quote, line end or NUL, else `length`. */
function quotedRun(buf: Buffer, from: number, length: number, quote: number): number {
  let i = from;
  while (i < length) {
    const c = buf[i]!;
    if (c === quote || c === LF || c === NUL) break;
    i++;
  }
  return i;
}

class Scanner {
  private state: State = START;
  private line = 1;
  private recordStartLine = 1;
  private recordBytes = 0;
  private fields = 1;
  private records = 0;
  private skipToLineEnd: boolean;
  private blankRecord = true;
  private nulBytes = 0;
  private stopped = false;
  private readonly segments: LineSegment[] = [];
  private lastOffset = 0;
  private maxFields = 0;
  private strayQuote = false;
  private readonly shortRecords: { record: number; fields: number }[] = [];
  private blankLines = 0;
  private readonly newBad: BadRecord[] = [];
  private lastByte = LF;
  private readonly classes: Uint8Array;
  /** Null when there are none: asked once per line, and a lookup in an empty set still costs. */
  private readonly badLines: ReadonlySet<number> | null;

  constructor(private readonly o: ScanOptions) {
    this.badLines = o.badLines !== undefined && o.badLines.size > 0 ? o.badLines : null;
    this.skipToLineEnd = this.badLines?.has(1) ?? false;
    this.classes = plainClasses(o.delimiter, o.quote);
  }

  /** Returns false once a new bad record is found: the caller restarts with it known. */
  feed(buf: Buffer, length: number): boolean {
    const { delimiter } = this.o;
    const quote = this.o.quote ?? -1;
    if (length > 0) this.lastByte = buf[length - 1]!;
    for (let i = 0; i < length; i++) {
      const b = buf[i]!;
      if (b === NUL) this.nulBytes++;
      if (this.skipToLineEnd) {
        if (b === LF) this.newLine();
        continue;
      }
      this.recordBytes++;
      switch (this.state) {
        case START:
        case UNQUOTED:
          if (b === delimiter) {
            this.fields++;
            this.state = START;
            this.blankRecord = false;
          } else if (b === LF) {
            this.endRecord();
          } else if (b === quote && this.state === START) {
            this.state = QUOTED;
            this.blankRecord = false;
          } else if (b !== CR) {
            this.blankRecord = false;
            // The rest of the cell and the plain cells after it in one tight loop.
            const end = plainRun(buf, i + 1, length, this.classes);
            this.fields += runDelimiters;
            this.state = end > i + 1 && buf[end - 1] === delimiter ? START : UNQUOTED;
            this.recordBytes += end - i - 1;
            i = end - 1;
          }
          break;
        case QUOTED:
          if (b === quote) this.state = AFTER_QUOTE;
          else if (b === LF) this.line++;
          else if (b !== NUL) {
            const end = quotedRun(buf, i + 1, length, quote);
            this.recordBytes += end - i - 1;
            i = end - 1;
          }
          if (this.recordBytes > this.o.maxRecordBytes || this.line - this.recordStartLine >= this.o.maxRecordLines) {
            return this.markBad(this.recordBytes > this.o.maxRecordBytes ? 'record_too_large' : 'unterminated_quote');
          }
          break;
        case AFTER_QUOTE:
          if (b === quote) this.state = QUOTED;
          else if (b === delimiter) {
            this.fields++;
            this.state = START;
          } else if (b === LF) this.endRecord();
          // Anything else after a closing quote is malformed ("ab"c): DuckDB would
          // keep "ab" and drop the rest, so the whole record goes to the quarantine.
          else if (b !== CR && b !== SPACE && b !== TAB) {
            this.strayQuote = true;
            this.state = UNQUOTED;
          }
          break;
        default:
          throw new Error(`unknown scan state ${String(this.state satisfies never)}`);
      }
    }
    return true;
  }

  private markBad(reason: BadRecordReason): boolean {
    this.newBad.push({ line: this.recordStartLine, endLine: this.recordStartLine, reason });
    this.stopped = true;
    return false;
  }

  private endRecord(): void {
    if (this.blankRecord) {
      this.blankLines++;
    } else if (this.strayQuote) {
      this.newBad.push({ line: this.recordStartLine, endLine: this.line, reason: 'stray_quote' });
    } else {
      const offset = this.recordStartLine - this.records - 1;
      if (offset !== this.lastOffset || this.segments.length === 0) {
        this.segments.push({ fromRecord: this.records, lineOffset: offset });
        this.lastOffset = offset;
      }
      if (this.fields > this.maxFields) this.maxFields = this.fields;
      if (this.records >= this.o.firstDataRecord && this.fields < this.o.expectedFields) {
        this.shortRecords.push({ record: this.records, fields: this.fields });
      }
      this.records++;
    }
    this.newLine();
  }

  private newLine(): void {
    this.line++;
    this.recordStartLine = this.line;
    this.recordBytes = 0;
    this.fields = 1;
    this.state = START;
    this.blankRecord = true;
    this.strayQuote = false;
    this.skipToLineEnd = this.badLines !== null && this.badLines.has(this.line);
  }

  finish(): ScanResult {
    let truncatedTail = false;
    if (!this.stopped) {
      if (this.state === QUOTED) {
        this.newBad.push({ line: this.recordStartLine, endLine: this.recordStartLine, reason: 'unterminated_quote' });
      } else if (this.lastByte !== LF && !this.skipToLineEnd && !this.blankRecord) {
        // The final record has no line end: count it, and say when it is also short.
        truncatedTail = this.records >= this.o.firstDataRecord && this.fields < this.o.expectedFields;
        this.endRecord();
        this.line--;
      }
    }
    return {
      records: this.records,
      lines: this.lastByte === LF ? this.line - 1 : this.line,
      segments: this.segments,
      maxFields: this.maxFields,
      shortRecords: this.shortRecords,
      newBadRecords: this.newBad,
      blankLines: this.blankLines,
      nulBytes: this.nulBytes,
      truncatedTail,
    };
  }
}

/** The first line of a record, from the scan's segments. */
export function lineOfRecord(record: number, segments: readonly LineSegment[]): number {
  let offset = 0;
  for (const s of segments) {
    if (s.fromRecord > record) break;
    offset = s.lineOffset;
  }
  return record + 1 + offset;
}
