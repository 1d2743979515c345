/**
 * Reads worksheets row by row as text cells with ExcelJS's streaming parsers,
 * so a 200k-row workbook costs the memory of its shared strings, not of its
 * cells. Before a workbook is opened, its zip directory is checked against
 * size limits: an .xlsx is a zip, and a zip can be a bomb. The zip itself is
 * read here (see WorkbookReaderInternals for why).
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type ExcelJS from 'exceljs';

// ---------------------------------------------------------------- errors

export type XlsxInspectionCode = 'xlsx_too_large' | 'xlsx_suspicious_ratio' | 'xlsx_corrupt';

/** A workbook refused before or while reading it: too big, bomb-like, or not a readable xlsx. */
export class XlsxInspectionError extends Error {
  constructor(
    readonly code: XlsxInspectionCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'XlsxInspectionError';
  }
}

/** The message names the sheet and those available (the intake matches /sheet/i on it). */
export class XlsxSheetNotFoundError extends Error {
  readonly code = 'sheet_not_found';
  constructor(
    readonly sheet: string,
    readonly available: readonly string[],
  ) {
    super(`Sheet "${sheet}" not found; the workbook has ${available.map((s) => `"${s}"`).join(', ') || 'no worksheets'}`);
    this.name = 'XlsxSheetNotFoundError';
  }
}

const corrupt = (detail: string): XlsxInspectionError => new XlsxInspectionError('xlsx_corrupt', { detail });

// ---------------------------------------------------------------- zip directory

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  if (filled < length) throw corrupt(`file ends at byte ${position + filled}, inside the zip structure`);
  return buf;
}

interface DirectoryLocation {
  readonly entries: number;
  readonly offset: number;
  readonly size: number;
  /** Where the end-of-directory record starts: the directory must end before it. */
  readonly end: number;
}

/** Finds the end-of-central-directory record (ZIP64 when the classic fields overflow). */
async function locateDirectory(handle: FileHandle, fileSize: number): Promise<DirectoryLocation> {
  if (fileSize < 22) throw corrupt('too small to be a zip');
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tail = await readAt(handle, fileSize - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at === -1) throw corrupt('no end-of-directory record: not a zip, or cut short');
  const eocd = fileSize - tailLength + at;
  if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw corrupt('multi-volume zip');
  const classic = { entries: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16), end: eocd };
  if (classic.entries !== 0xffff && classic.size !== 0xffffffff && classic.offset !== 0xffffffff) return classic;
  return locateZip64Directory(handle, eocd);
}

async function locateZip64Directory(handle: FileHandle, eocd: number): Promise<DirectoryLocation> {
  if (eocd < 20) throw corrupt('ZIP64 locator missing');
  const locator = await readAt(handle, eocd - 20, 20);
  if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw corrupt('ZIP64 locator missing');
  const recordAt = safeNumber(locator.readBigUInt64LE(8));
  const record = await readAt(handle, recordAt, 56);
  if (record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw corrupt('ZIP64 end-of-directory record missing');
  return {
    entries: safeNumber(record.readBigUInt64LE(32)),
    size: safeNumber(record.readBigUInt64LE(40)),
    offset: safeNumber(record.readBigUInt64LE(48)),
    end: recordAt,
  };
}

function safeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip offset out of range');
  return Number(n);
}

async function readZipDirectory(handle: FileHandle): Promise<ZipEntry[]> {
  const fileSize = (await handle.stat()).size;
  const loc = await locateDirectory(handle, fileSize);
  if (loc.offset + loc.size > loc.end) throw corrupt('central directory overlaps its end record');
  if (loc.size > MAX_DIRECTORY_BYTES) throw corrupt(`central directory of ${loc.size} bytes`);
  const dir = await readAt(handle, loc.offset, loc.size);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= dir.length && entries.length < loc.entries) {
    if (dir.readUInt32LE(p) !== CENTRAL_SIG) throw corrupt(`bad central directory entry at byte ${loc.offset + p}`);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > dir.length) throw corrupt('central directory entry runs past the directory');
    const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
    entries.push(withZip64Sizes(dir, p, name, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength)));
    p = next;
  }
  if (entries.length !== loc.entries) throw corrupt(`directory lists ${loc.entries} entries but holds ${entries.length}`);
  for (const e of entries) if (e.localOffset >= loc.offset) throw corrupt(`entry ${e.name} starts after the directory`);
  return entries;
}

/** Sizes and offset, taken from the ZIP64 extra field where the classic fields say 0xFFFFFFFF. */
function withZip64Sizes(dir: Buffer, p: number, name: string, extra: Buffer): ZipEntry {
  let uncompressedSize = dir.readUInt32LE(p + 24);
  let compressedSize = dir.readUInt32LE(p + 20);
  let localOffset = dir.readUInt32LE(p + 42);
  const zip64 = findExtraField(extra, 0x0001);
  if (zip64) {
    let q = 0;
    const next = (): number => {
      if (q + 8 > zip64.length) throw corrupt(`short ZIP64 field in ${name}`);
      const v = safeNumber(zip64.readBigUInt64LE(q));
      q += 8;
      return v;
    };
    if (uncompressedSize === 0xffffffff) uncompressedSize = next();
    if (compressedSize === 0xffffffff) compressedSize = next();
    if (localOffset === 0xffffffff) localOffset = next();
  }
  return { name, method: dir.readUInt16LE(p + 10), flags: dir.readUInt16LE(p + 8), compressedSize, uncompressedSize, localOffset };
}

function findExtraField(extra: Buffer, id: number): Buffer | null {
  let p = 0;
  while (p + 4 <= extra.length) {
    const size = extra.readUInt16LE(p + 2);
    if (extra.readUInt16LE(p) === id) return extra.subarray(p + 4, Math.min(extra.length, p + 4 + size));
    p += 4 + size;
  }
  return null;
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
async function dataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const local = await readAt(handle, entry.localOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw corrupt(`bad local header for ${entry.name}`);
  return entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

async function withZip<T>(path: string, use: (handle: FileHandle, entries: ZipEntry[]) => Promise<T>): Promise<T> {
  const handle = await open(path, 'r');
  try {
    return await use(handle, await readZipDirectory(handle));
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------- inspection

export interface XlsxLimits {
  /** Sum of the entries' declared uncompressed sizes. */
  readonly maxUncompressedBytes: number;
  /** Uncompressed / compressed, for the archive and for any entry over 1 MiB. */
  readonly maxRatio: number;
}

export interface XlsxInspection {
  readonly entries: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
}

/** Entries smaller than this cannot be a bomb whatever their ratio (a tiny styles.xml compresses 50:1). */
const RATIO_FLOOR = 1024 * 1024;

/**
 * Checks the zip directory of a workbook before anything inflates it.
 * Throws XlsxInspectionError (xlsx_corrupt, xlsx_too_large, xlsx_suspicious_ratio).
 */
export async function inspectXlsx(path: string, limits: XlsxLimits): Promise<XlsxInspection> {
  return withZip(path, async (_handle, entries) => {
    const names = new Set(entries.map((e) => e.name));
    if (names.has('xl/workbook.bin')) throw corrupt('binary workbook (.xlsb); save it as .xlsx');
    if (!names.has('xl/workbook.xml')) throw corrupt('a zip without xl/workbook.xml: not an Excel workbook');
    const compressedBytes = entries.reduce((n, e) => n + e.compressedSize, 0);
    const uncompressedBytes = entries.reduce((n, e) => n + e.uncompressedSize, 0);
    for (const e of entries) checkEntry(e, limits);
    if (uncompressedBytes > limits.maxUncompressedBytes) {
      throw new XlsxInspectionError('xlsx_too_large', { uncompressedBytes, limit: limits.maxUncompressedBytes });
    }
    if (uncompressedBytes >= RATIO_FLOOR && uncompressedBytes > limits.maxRatio * Math.max(1, compressedBytes)) {
      throw new XlsxInspectionError('xlsx_suspicious_ratio', { entry: '(all)', ratio: Math.round(uncompressedBytes / Math.max(1, compressedBytes)), limit: limits.maxRatio });
    }
    return { entries: entries.length, compressedBytes, uncompressedBytes };
  });
}

function checkEntry(e: ZipEntry, limits: XlsxLimits): void {
  if ((e.flags & 0x01) !== 0) throw corrupt(`encrypted entry ${e.name}`);
  if (e.method !== 0 && e.method !== 8) throw corrupt(`entry ${e.name} uses compression method ${e.method}`);
  if (e.uncompressedSize >= RATIO_FLOOR && e.uncompressedSize > limits.maxRatio * Math.max(1, e.compressedSize)) {
    throw new XlsxInspectionError('xlsx_suspicious_ratio', { entry: e.name, ratio: Math.round(e.uncompressedSize / Math.max(1, e.compressedSize)), limit: limits.maxRatio });
  }
}

// ---------------------------------------------------------------- workbook parts

export interface SheetInfo {
  readonly name: string;
  /** Hidden or very hidden: lookup lists and templates' dictionaries live there. */
  readonly hidden: boolean;
}

/** A zip entry and where its data starts. */
interface Located {
  readonly entry: ZipEntry;
  readonly start: number;
}

interface SheetPart extends SheetInfo {
  readonly part: Located;
}

interface WorkbookParts {
  readonly sheets: readonly SheetPart[];
  readonly workbook: Located;
  readonly sharedStrings: Located | null;
  readonly styles: Located | null;
}

const MAX_WORKBOOK_XML = 32 * 1024 * 1024;

/** Worksheets in tab order (chart sheets left out: they hold no cells). */
export async function listSheets(path: string): Promise<SheetInfo[]> {
  return (await workbookParts(path)).sheets.map(({ name, hidden }) => ({ name, hidden }));
}

/** Reads workbook.xml and its relationships to find the worksheets (in tab order), shared strings and styles. */
async function workbookParts(path: string): Promise<WorkbookParts> {
  return withZip(path, async (handle, entries) => {
    const byName = new Map(entries.map((e) => [e.name, e]));
    const workbook = byName.get('xl/workbook.xml');
    const rels = byName.get('xl/_rels/workbook.xml.rels');
    if (!workbook || !rels) throw corrupt('xl/workbook.xml or its relationships are missing: not an Excel workbook');
    const locate = async (name: string | undefined): Promise<Located | null> => {
      const entry = name === undefined ? undefined : byName.get(name);
      return entry ? { entry, start: await dataOffset(handle, entry) } : null;
    };
    const targets = relationshipTargets(await inflateEntry(handle, rels));
    const sheets: SheetPart[] = [];
    for (const attrs of elements(await inflateEntry(handle, workbook), 'sheet')) {
      const id = Object.entries(attrs).find(([k]) => /^[\w.-]+:id$/.test(k))?.[1];
      const target = id === undefined ? undefined : targets.get(id);
      const part = target?.type === 'worksheet' ? await locate(target.path) : null;
      if (part === null || attrs.name === undefined) continue;
      sheets.push({ name: attrs.name, hidden: attrs.state === 'hidden' || attrs.state === 'veryHidden', part });
    }
    const partOfType = (type: string) => [...targets.values()].find((t) => t.type === type)?.path;
    return {
      sheets,
      workbook: (await locate(workbook.name))!,
      sharedStrings: await locate(partOfType('sharedStrings') ?? 'xl/sharedStrings.xml'),
      styles: await locate(partOfType('styles') ?? 'xl/styles.xml'),
    };
  });
}

async function inflateEntry(handle: FileHandle, entry: ZipEntry): Promise<string> {
  if (entry.uncompressedSize > MAX_WORKBOOK_XML) throw corrupt(`${entry.name} is ${entry.uncompressedSize} bytes`);
  const raw = await readAt(handle, await dataOffset(handle, entry), entry.compressedSize);
  try {
    const bytes = entry.method === 0 ? raw : inflateRawSync(raw, { maxOutputLength: MAX_WORKBOOK_XML });
    return bytes.toString('utf8');
  } catch (error) {
    throw corrupt(`cannot inflate ${entry.name}: ${(error as Error).message}`);
  }
}

/** Relationship id → the part's zip path and its type's last word (worksheet, sharedStrings, styles …). */
function relationshipTargets(relsXml: string): Map<string, { path: string; type: string }> {
  const targets = new Map<string, { path: string; type: string }>();
  for (const attrs of elements(relsXml, 'Relationship')) {
    if (attrs.Id === undefined || attrs.Target === undefined || attrs.TargetMode === 'External') continue;
    const path = attrs.Target.startsWith('/') ? attrs.Target.slice(1) : `xl/${attrs.Target}`;
    targets.set(attrs.Id, { path, type: (attrs.Type ?? '').split('/').pop() ?? '' });
  }
  return targets;
}

/** Attributes of each <name …> element (any namespace prefix), entities decoded. Enough for workbook.xml and rels. */
function elements(xml: string, name: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const tag = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*?)?/?>`, 'g');
  for (const m of xml.matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[1] ?? '').matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      attrs[a[1]!] = decodeXml(a[2] ?? a[3] ?? '');
    }
    out.push(attrs);
  }
  return out;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * An entry's content as UTF-8 text, decoded across chunk boundaries. Inflating
 * more than the directory declared is refused: declared sizes are what
 * inspectXlsx checked, and a bomb would lie about them.
 */
function entryText(path: string, { entry, start }: Located): Readable {
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(path, { start, end: start + entry.compressedSize - 1 });
  let inflated = 0;
  const guard = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      inflated += chunk.length;
      if (inflated > entry.uncompressedSize) done(corrupt(`${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`));
      else done(null, chunk);
    },
  });
  const noop = () => undefined;
  const out = entry.method === 8 ? pipeline(raw, createInflateRaw(), guard, noop) : pipeline(raw, guard, noop);
  out.setEncoding('utf8');
  return out;
}

/** A cell value (<v>) or inline string text (<t>) with something in it. */
const CELL_VALUE = /<(?:[\w.-]+:)?(?:v|t)(?:\s[^>]*)?>\s*[^<\s]/;

/** Inflates a worksheet only as far as its first value: cheap for sheets with data, and empty ones are small. */
async function partHasValues(path: string, part: Located): Promise<boolean> {
  const text = entryText(path, part);
  let carry = '';
  try {
    for await (const chunk of text) {
      const window = carry + (chunk as string);
      if (CELL_VALUE.test(window)) return true;
      carry = window.slice(-256);
    }
    return false;
  } catch (error) {
    throw asCorrupt(error, part.entry.name);
  } finally {
    text.destroy();
  }
}

function asCorrupt(error: unknown, what: string): XlsxInspectionError {
  return error instanceof XlsxInspectionError ? error : corrupt(`cannot read ${what}: ${(error as Error).message}`);
}

/** The named sheet (exact, else the one matching case- and space-insensitively), or the first visible sheet with a value. */
async function chooseSheet(path: string, sheets: readonly SheetPart[], wanted: string | undefined): Promise<SheetPart | null> {
  if (wanted !== undefined) {
    const key = (s: string) => s.trim().toLowerCase();
    const loose = sheets.filter((s) => key(s.name) === key(wanted));
    const found = sheets.find((s) => s.name === wanted) ?? (loose.length === 1 ? loose[0] : undefined);
    if (!found) throw new XlsxSheetNotFoundError(wanted, sheets.map((s) => s.name));
    return found;
  }
  for (const sheet of sheets) {
    if (!sheet.hidden && (await partHasValues(path, sheet.part))) return sheet;
  }
  return null;
}

// ---------------------------------------------------------------- rows

export interface XlsxRow {
  readonly sheet: string;
  /** Excel's row number (1-based). */
  readonly rowNumber: number;
  /** Column A first; trailing empty cells left off, so an empty row is []. */
  readonly cells: (string | null)[];
}

export interface ReadXlsxOptions {
  readonly sheet?: string;
  /** Called every 1,000 rows read and once at the end. */
  readonly onProgress?: (rowsRead: number) => void;
}

/**
 * The rows of one worksheet as text cells (see cellText). Empty rows before
 * the first and after the last row with a value are left out; those in
 * between are yielded with no cells, so row numbers run on as in Excel.
 */
export async function* readXlsxRows(path: string, options: ReadXlsxOptions = {}): AsyncGenerator<XlsxRow> {
  const parts = await workbookParts(path);
  const target = await chooseSheet(path, parts.sheets, options.sheet);
  if (target === null) return;
  const worksheet = await openWorksheet(path, parts, target);
  let read = 0;
  let last = 0;
  try {
    for await (const row of worksheet.rows) {
      if (++read % PROGRESS_EVERY === 0) options.onProgress?.(read);
      const cells = rowCells(row);
      if (cells.length === 0) continue;
      for (let r = last + 1; last > 0 && r < row.number; r++) yield { sheet: target.name, rowNumber: r, cells: [] };
      yield { sheet: target.name, rowNumber: row.number, cells };
      last = row.number;
    }
  } catch (error) {
    throw asCorrupt(error, `sheet ${target.name}`);
  } finally {
    worksheet.close();
  }
  options.onProgress?.(read);
}

const PROGRESS_EVERY = 1000;

const READER_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  // Dates are numbers with a date format: without the styles ExcelJS cannot tell them apart.
  styles: 'cache',
  // Hyperlinked cells hold their display text as the value; the links are not wanted.
  hyperlinks: 'ignore',
  entries: 'ignore',
} as const;

/**
 * The parts of ExcelJS's streaming WorkbookReader used here. Its own parse()
 * walks the zip in file order, copies worksheets that precede the shared
 * strings (as Excel writes them) to temporary files, and decodes each chunk
 * of XML on its own, splitting Chinese characters at chunk boundaries
 * (exceljs issues #2063, #2084). So the zip is read here instead and
 * ExcelJS's parsers get only the entries needed, as text decoded in one
 * piece; the WorkbookReader serves as the context they fill and read.
 */
interface WorkbookReaderInternals {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Iterator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

type WorkbookReaderClass = new (input: string, options: typeof READER_OPTIONS) => WorkbookReaderInternals;

async function openWorksheet(path: string, parts: WorkbookParts, sheet: SheetPart): Promise<{ rows: AsyncIterable<ExcelJS.Row>; close: () => void }> {
  // Loaded on first use: commands that never read a workbook start faster.
  const { default: excel } = await import('exceljs');
  const WorkbookReader = excel.stream.xlsx.WorkbookReader as unknown as WorkbookReaderClass;
  const context = new WorkbookReader(path, READER_OPTIONS);
  if (typeof context._parseWorksheet !== 'function') throw new Error('ExcelJS WorkbookReader internals changed: xlsx-reader.ts needs updating');
  try {
    await context._parseWorkbook(entryText(path, parts.workbook));
    if (parts.sharedStrings) await drain(context._parseSharedStrings(entryText(path, parts.sharedStrings)));
    if (parts.styles) await context._parseStyles(entryText(path, parts.styles));
  } catch (error) {
    throw asCorrupt(error, 'the workbook');
  }
  const text = entryText(path, sheet.part);
  const step = context._parseWorksheet(text as AsyncIterable<string>, sheet.part.entry.name).next();
  if (step.done === true) throw new Error('ExcelJS did not hand out a worksheet reader');
  return { rows: step.value.value, close: () => text.destroy() };
}

/** Runs a parser that yields nothing when its results are cached. */
async function drain(events: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of events) {
    // cached by the context
  }
}

function rowCells(row: ExcelJS.Row): (string | null)[] {
  const cells: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellText(cell.value, cell.numFmt);
    if (text === null || text === '') return;
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = text;
  });
  return cells;
}

/**
 * A cell as the text the intake parses: numbers in full precision (String(n),
 * so an 18-digit id Excel stored as a number shows that it lost digits),
 * dates as wall-clock ISO text, formulas as their cached result, errors as null.
 */
export function cellText(value: ExcelJS.CellValue | undefined, numFmt: string | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    // Formula results keep their number: ExcelJS only converts plain values to dates.
    return isDateFormat(numFmt) ? excelDateText(excelSerialToDate(value)) : String(value);
  }
  if (value instanceof Date) return excelDateText(value);
  if ('error' in value) return null;
  if ('richText' in value) return value.richText.map((r) => r.text ?? '').join('');
  if ('result' in value || 'formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined ? null : cellText(result, numFmt);
  }
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text, numFmt);
  return null;
}

/** The test ExcelJS applies: date or time letters outside quotes and [brackets]. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Excel serials count days from 1899-12-30 (1900 system) as wall-clock time; read back with getUTC*. */
function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

const DAY_MS = 86_400_000;

/**
 * ExcelJS builds a Date whose UTC fields are Excel's wall-clock fields, so
 * formatting uses getUTC* and no time zone shifts a day. Rounded to the
 * second: serial fractions land a millisecond off (08:25:59.999).
 */
export function excelDateText(date: Date): string | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const d = new Date(Math.round(ms / 1000) * 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  // Serials below 1 are times of day without a date (1899-12-30 is Excel's day 0).
  if (d.getTime() < Date.UTC(1899, 11, 31)) return time;
  const day = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getTime() % DAY_MS === 0 ? day : `${day} ${time}`;
}
