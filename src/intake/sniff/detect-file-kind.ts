/**
 * What a file is, from its first bytes. Users rename files freely (an .xls
 * that is really HTML, a .csv that is a workbook), so magic bytes decide and
 * the extension only breaks a tie the bytes cannot settle.
 */

export type FileKind = 'xlsx' | 'xls' | 'parquet' | 'zip' | 'text' | 'binary';

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] as const;
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06] as const;
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const PARQUET = [0x50, 0x41, 0x52, 0x31] as const;

/** The text/binary verdict looks at this much, as a viewer would at a glance. */
const TEXT_PROBE = 1024;

/**
 * @param firstBytes the start of the file (64 KiB is plenty; 1 KiB decides text/binary)
 * @param fileName used only when the bytes say "zip" but cannot tell which kind
 */
export function detectFileKind(firstBytes: Uint8Array, fileName: string): FileKind {
  if (startsWith(firstBytes, OLE2)) return 'xls';
  if (startsWith(firstBytes, PARQUET)) return 'parquet';
  if (startsWith(firstBytes, ZIP_LOCAL)) return zipKind(firstBytes, fileName);
  if (startsWith(firstBytes, ZIP_EMPTY)) return 'zip';
  return looksLikeText(firstBytes.subarray(0, TEXT_PROBE)) ? 'text' : 'binary';
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => bytes[i] === b);
}

type ZipVerdict = 'xlsx' | 'zip' | 'unknown';

/** Walks the local file headers in view: an entry under xl/ makes it a workbook. */
function zipKind(bytes: Uint8Array, fileName: string): FileKind {
  for (const name of localEntryNames(bytes)) {
    const verdict = entryVerdict(name);
    if (verdict !== 'unknown') return verdict;
  }
  return /\.(xlsx|xlsm|xltx|xltm)$/i.test(fileName) ? 'xlsx' : 'zip';
}

function entryVerdict(name: string): ZipVerdict {
  // A binary workbook (.xlsb) is a zip under xl/ too, but no reader here understands it.
  if (name === 'xl/workbook.bin') return 'zip';
  if (name === 'xl/workbook.xml') return 'xlsx';
  if (name.startsWith('xl/') && !name.endsWith('.bin')) return 'xlsx';
  if (name.startsWith('word/') || name.startsWith('ppt/') || name === 'mimetype') return 'zip';
  return 'unknown';
}

function* localEntryNames(bytes: Uint8Array): Generator<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50) {
    const flags = view.getUint16(p + 6, true);
    const compressed = view.getUint32(p + 18, true);
    const nameLength = view.getUint16(p + 26, true);
    const extraLength = view.getUint16(p + 28, true);
    if (p + 30 + nameLength > bytes.length) return;
    yield new TextDecoder().decode(bytes.subarray(p + 30, p + 30 + nameLength));
    const dataStart = p + 30 + nameLength + extraLength;
    // With a data descriptor (flag bit 3) the size is only known after the data:
    // look for the next header instead of jumping over the data.
    p = (flags & 0x08) !== 0 && compressed === 0 ? nextLocalHeader(bytes, dataStart) : dataStart + compressed;
  }
}

function nextLocalHeader(bytes: Uint8Array, from: number): number {
  for (let i = from; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x03 && bytes[i + 3] === 0x04) return i;
  }
  return bytes.length;
}

/**
 * Text unless NUL or control bytes are more than a stray few. UTF-16 is text
 * full of NULs, so it is recognised first (by its BOM, or by NULs sitting in
 * every other byte). High bytes are never held against a file: GBK and
 * Windows-1252 text is full of them.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  if (hasUtf16Bom(bytes) || utf16Parity(bytes) !== null) return true;
  let suspicious = 0;
  for (const b of bytes) if (isSuspiciousControl(b)) suspicious++;
  // A CRM export with one NUL in a field is still a CSV; 1 in 64 is not text.
  return suspicious * 64 <= bytes.length;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Tab, LF, VT, FF, CR, SUB (old DOS end of file) and ESC occur in text; the other C0 bytes do not. */
function isSuspiciousControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/**
 * UTF-16 without a BOM: Latin and digit text puts a NUL in every other byte.
 * Returns which half holds the NULs ('le' = odd bytes), or null.
 */
export function utf16Parity(bytes: Uint8Array): 'le' | 'be' | null {
  const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
  if (pairs < 4) return null;
  const le = halfNulStats(bytes, pairs, 1);
  const be = halfNulStats(bytes, pairs, 0);
  // Chinese UTF-16 has few NULs, but its ASCII delimiters, digits and line ends still
  // give a strong one-sided pattern; binary data has NULs on both sides or NULs
  // next to control bytes.
  if (le.nulPairs >= pairs * 0.3 && be.nulPairs <= pairs * 0.02 && le.controlChars * 20 <= le.nulPairs) return 'le';
  if (be.nulPairs >= pairs * 0.3 && le.nulPairs <= pairs * 0.02 && be.controlChars * 20 <= be.nulPairs) return 'be';
  return null;
}

/** Pairs whose byte at `nulSide` is NUL, and how many of those are a control character. */
function halfNulStats(bytes: Uint8Array, pairs: number, nulSide: 0 | 1): { nulPairs: number; controlChars: number } {
  let nulPairs = 0;
  let controlChars = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i + nulSide] !== 0) continue;
    nulPairs++;
    if (isSuspiciousControl(bytes[2 * i + 1 - nulSide]!)) controlChars++;
  }
  return { nulPairs, controlChars };
}
