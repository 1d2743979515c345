/**
 * Reading a DuckDB result into plain JavaScript columns. The driver's own
 * converters build a value object per cell and test validity with BigInt
 * arithmetic; on results of 100k rows that cost more than the query. Here
 * numeric and date vectors are read straight from their typed arrays, the
 * validity mask a 32-bit word at a time, BIGINTs as two 32-bit halves (a
 * BigInt per cell costs more than the rest of the read), short ASCII text
 * straight from the vector's inline bytes, and anything else through the
 * driver's converter, so every type still comes out right.
 */
import { DuckDBTypeId, JSDuckDBValueConverter, type DuckDBDataChunk, type DuckDBMaterializedResult, type DuckDBType, type DuckDBVector } from '@duckdb/node-api';
import type { SqlValue } from '../engine.js';

export interface ResultColumns {
  readonly names: readonly string[];
  readonly columns: readonly SqlValue[][];
}

interface Validity {
  readonly data?: BigUint64Array | null;
  readonly offset?: number;
}

/** What the vectors of primitive types carry (typed arrays and a validity mask). */
interface PrimitiveVector {
  readonly items: ArrayLike<number | bigint>;
  readonly validity: Validity;
}

/** What a VARCHAR vector carries: 16 bytes per value (length, then inline text or a pointer). */
interface TextVector {
  readonly dataView: DataView;
  readonly validity: Validity;
  getItem(i: number): string | null;
}

const numericTypes: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
]);

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
const minSafe = BigInt(Number.MIN_SAFE_INTEGER);

export function readResultColumns(result: DuckDBMaterializedResult): ResultColumns {
  const names = result.deduplicatedColumnNames();
  const types = Array.from({ length: result.columnCount }, (_, i) => result.columnType(i));
  // A materialized result knows its size and hands its chunks over without a round trip each.
  const rows = result.rowCount;
  const columns: SqlValue[][] = types.map(() => new Array<SqlValue>(rows));
  const dates = new Map<number, string>();
  for (let k = 0, base = 0; k < result.chunkCount; k++) {
    const chunk = result.getChunk(k);
    for (let c = 0; c < types.length; c++) readColumn(columns[c]!, base, chunk, c, types[c]!, dates);
    base += chunk.rowCount;
  }
  return { names, columns };
}

/** Rows of one chunk's column into out from `base` on. */
function readColumn(out: SqlValue[], base: number, chunk: DuckDBDataChunk, c: number, type: DuckDBType, dates: Map<number, string>): void {
  const vector = chunk.getColumnVector(c);
  const n = chunk.rowCount;
  const prim = primitive(vector);
  const id = type.typeId;
  if (prim !== null && numericTypes.has(id)) return readPrimitive(out, base, prim, n, (v) => v as number);
  if (prim !== null && id === DuckDBTypeId.BIGINT && littleEndian) return readBigInts(out, base, prim, n);
  if (prim !== null && id === DuckDBTypeId.DATE) return readPrimitive(out, base, prim, n, (v) => isoDay(v as number, dates));
  const text = id === DuckDBTypeId.VARCHAR && littleEndian ? textVector(vector) : null;
  if (text !== null) {
    const bytes = new Uint8Array(text.dataView.buffer, text.dataView.byteOffset, n * 16);
    return readValid(out, base, text.validity, n, (i) => inlineAscii(bytes, i) ?? text.getItem(i));
  }
  for (let i = 0; i < n; i++) out[base + i] = convertValue(vector.getItem(i), type);
}

function primitive(vector: DuckDBVector): PrimitiveVector | null {
  const v = vector as unknown as Partial<PrimitiveVector>;
  const typed = ArrayBuffer.isView(v.items) && !(v.items instanceof DataView);
  return typed && v.validity !== undefined ? (v as PrimitiveVector) : null;
}

function textVector(vector: DuckDBVector): TextVector | null {
  const v = vector as unknown as Partial<TextVector>;
  return v.dataView instanceof DataView && v.validity !== undefined && typeof v.getItem === 'function' ? (v as TextVector) : null;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readPrimitive(out: SqlValue[], base: number, v: PrimitiveVector, n: number, convert: (x: number | bigint) => SqlValue): void {
  const { items } = v;
  readValid(out, base, v.validity, n, (i) => convert(items[i]!));
}

/** BIGINTs from their two 32-bit halves; only values past 2^53 are read as BigInt (and kept so). */
function readBigInts(out: SqlValue[], base: number, v: PrimitiveVector, n: number): void {
  const items = v.items as BigInt64Array;
  const halves = new Int32Array(items.buffer, items.byteOffset, n * 2);
  readValid(out, base, v.validity, n, (i) => {
    const hi = halves[2 * i + 1]!;
    // Inside (-2^21, 2^21) the high half leaves the value safely inside ±2^53; the rare rest takes the BigInt path.
    return hi > -0x200000 && hi < 0x200000 ? hi * 4294967296 + (halves[2 * i]! >>> 0) : bigintToNumber(items[i]!);
  });
}

/** A text value of up to 12 ASCII bytes, read from the vector's inline bytes; null when it is longer or not ASCII. */
function inlineAscii(bytes: Uint8Array, i: number): string | null {
  const at = i * 16;
  // The length is a little-endian uint32; inline text is at most 12 bytes, so only its low byte can be set.
  const length = bytes[at]!;
  if (length > 12 || bytes[at + 1]! !== 0 || bytes[at + 2]! !== 0 || bytes[at + 3]! !== 0) return null;
  let s = '';
  for (let k = 0; k < length; k++) {
    const b = bytes[at + 4 + k]!;
    if (b >= 0x80) return null;
    s += String.fromCharCode(b);
  }
  return s;
}

/** out[base + i] gets read(i) for each valid row i and null for the others. */
function readValid(out: SqlValue[], base: number, validity: Validity, n: number, read: (i: number) => SqlValue): void {
  const mask = validity.data;
  if (!mask) {
    for (let i = 0; i < n; i++) out[base + i] = read(i);
    return;
  }
  // 64-bit validity words, read as 32-bit halves (low half first on a little-endian machine).
  const words = littleEndian ? new Uint32Array(mask.buffer, mask.byteOffset, mask.length * 2) : null;
  const offset = validity.offset ?? 0;
  for (let i = 0; i < n; i++) {
    const bit = offset + i;
    const w = bit >>> 5;
    const bits = words !== null ? words[w]! : Number((w & 1) === 0 ? mask[w >>> 1]! & 0xffffffffn : mask[w >>> 1]! >> 32n);
    out[base + i] = (bits >>> (bit & 31)) & 1 ? read(i) : null;
  }
}

function bigintToNumber(v: number | bigint): SqlValue {
  const b = v as bigint;
  return b <= maxSafe && b >= minSafe ? Number(b) : b;
}

// DuckDB's 'infinity' dates lie beyond what a JavaScript Date holds.
const maxJsDays = 100_000_000;

function isoDay(days: number, cache: Map<number, string>): string {
  if (Math.abs(days) > maxJsDays) return days > 0 ? 'infinity' : '-infinity';
  let s = cache.get(days);
  if (s === undefined) {
    s = new Date(days * 86_400_000).toISOString().slice(0, 10);
    cache.set(days, s);
  }
  return s;
}

/** Every other type through the driver's own converter, then into our value shapes. */
function convertValue(value: unknown, type: DuckDBType): SqlValue {
  if (value === null || value === undefined) return null;
  return fromJs(JSDuckDBValueConverter(value as never, type, JSDuckDBValueConverter), type.typeId) as SqlValue;
}

function fromJs(value: unknown, typeId: DuckDBTypeId): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= maxSafe && value >= minSafe ? Number(value) : value;
  }
  if (value instanceof Date) {
    const iso = value.toISOString();
    return typeId === DuckDBTypeId.DATE ? iso.slice(0, 10) : iso;
  }
  if (Array.isArray(value)) return value.map((v) => fromJs(v, DuckDBTypeId.ANY));
  if (typeof value === 'object') {
    // STRUCT and MAP values: their fields need the same conversion (a BIGINT inside would break JSON).
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = fromJs(v, DuckDBTypeId.ANY);
    return out;
  }
  return value;
}
