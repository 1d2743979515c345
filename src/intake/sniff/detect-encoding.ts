/**
 * Which character encoding a text file uses. Files arrive without labels:
 * Chinese Excel saves CSV as GBK, European systems export Windows-1252,
 * modern tools write UTF-8 (sometimes with a BOM), and "Unicode text" from
 * Excel is UTF-16. The rule: a BOM decides; else valid UTF-8 is UTF-8; else
 * the byte structure separates GB18030 (which covers GBK) from Windows-1252.
 */
import { open } from 'node:fs/promises';
import { utf16Parity } from './detect-file-kind.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252';

export interface EncodingGuess {
  readonly encoding: TextEncoding;
  /** Bytes of byte-order mark to skip before decoding. */
  readonly bom: number;
  /** Why, in a few words (for logs and "why did it pick that?" questions). */
  readonly evidence: string;
  /**
   * No byte sequence invalid in `encoding` was seen in what was examined (the
   * sample; for a UTF-8 verdict of detectFileEncoding, the whole file). When
   * false, decoding puts U+FFFD where those bytes were.
   */
  readonly clean: boolean;
}

const BOMS: readonly { readonly bytes: readonly number[]; readonly encoding: TextEncoding; readonly label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8', label: 'EF BB BF' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le', label: 'FF FE' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be', label: 'FE FF' },
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030', label: '84 31 95 33' },
];

/**
 * @param sample the first bytes of the file
 * @param complete the sample is the whole file, so a sequence cut at its end is an error
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  const bom = BOMS.find((b) => b.bytes.every((x, i) => sample[i] === x));
  if (bom) return { encoding: bom.encoding, bom: bom.bytes.length, evidence: `byte-order mark ${bom.label}`, clean: true };
  const parity = utf16Parity(sample);
  if (parity !== null) {
    return { encoding: parity === 'le' ? 'utf-16le' : 'utf-16be', bom: 0, evidence: 'no BOM; NUL bytes in every other position', clean: true };
  }
  const utf8 = scanUtf8(sample, complete);
  if (utf8.invalid === 0) {
    const evidence = utf8.multibyte === 0 ? 'ASCII only' : `valid UTF-8 (${utf8.multibyte} multi-byte characters)`;
    return { encoding: 'utf-8', bom: 0, evidence, clean: true };
  }
  // A UTF-8 export with a field cut mid-character is still UTF-8. GBK text
  // forms a valid UTF-8 sequence about once per seven invalid ones, and
  // Windows-1252 text almost never: five good per bad byte is UTF-8.
  if (utf8.invalid * 5 <= utf8.multibyte) {
    return {
      encoding: 'utf-8',
      bom: 0,
      evidence: `UTF-8 with ${utf8.invalid} invalid sequence(s) among ${utf8.multibyte} multi-byte characters`,
      clean: false,
    };
  }
  return gbOrWindows1252(scanGb(sample, complete));
}

export interface Utf8Scan {
  readonly multibyte: number;
  readonly invalid: number;
}

/** Counts well-formed multi-byte sequences and invalid ones (overlongs and surrogates included). */
export function scanUtf8(bytes: Uint8Array, complete: boolean): Utf8Scan {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0) {
      invalid++;
      i++;
      continue;
    }
    const got = validContinuations(bytes, i, need);
    if (got === need) {
      multibyte++;
      i += need + 1;
    } else if (i + 1 + got === n && !complete) {
      break; // cut by the end of the sample, not malformed
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

/** How many of the `need` bytes after the lead at `i` are valid continuations (stops at the first that is not). */
function validContinuations(bytes: Uint8Array, i: number, need: number): number {
  const lead = bytes[i]!;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined) return k - 1;
    let lo = 0x80;
    let hi = 0xbf;
    // The second byte's range is narrower after some leads: no overlongs, no surrogates, nothing above U+10FFFF.
    if (k === 1) {
      if (lead === 0xe0) lo = 0xa0;
      else if (lead === 0xed) hi = 0x9f;
      else if (lead === 0xf0) lo = 0x90;
      else if (lead === 0xf4) hi = 0x8f;
    }
    if (c < lo || c > hi) return k - 1;
  }
  return need;
}

export interface GbScan {
  /** Two-byte sequences with a valid GBK trail byte. */
  readonly pairs: number;
  /** Pairs with both bytes in A1–FE: the GB2312 area, where common Chinese text lives. */
  readonly gb2312Pairs: number;
  readonly fourByte: number;
  /** High bytes that cannot start a GB18030 sequence where they stand. */
  readonly invalid: number;
  /** Of those, high bytes followed by an ASCII space, punctuation or line end ("café,"). */
  readonly beforeAsciiBreak: number;
}

export function scanGb(bytes: Uint8Array, complete: boolean): GbScan {
  let pairs = 0;
  let gb2312Pairs = 0;
  let fourByte = 0;
  let invalid = 0;
  let beforeAsciiBreak = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const b2 = bytes[i + 1];
    if (b === 0x80 || b === 0xff || b2 === undefined) {
      if (b2 !== undefined || complete || b === 0x80 || b === 0xff) invalid++;
      i++;
      continue;
    }
    if (b2 >= 0x30 && b2 <= 0x39) {
      const b3 = bytes[i + 2];
      const b4 = bytes[i + 3];
      if ((b3 === undefined || b4 === undefined) && !complete) break;
      if (b3 !== undefined && b4 !== undefined && b3 >= 0x81 && b3 <= 0xfe && b4 >= 0x30 && b4 <= 0x39) {
        fourByte++;
        i += 4;
        continue;
      }
      invalid++;
      i++;
      continue;
    }
    if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
      pairs++;
      if (b >= 0xa1 && b2 >= 0xa1) gb2312Pairs++;
      i += 2;
      continue;
    }
    invalid++;
    if (b2 < 0x40) beforeAsciiBreak++;
    i++;
  }
  return { pairs, gb2312Pairs, fourByte, invalid, beforeAsciiBreak };
}

/**
 * GB18030 when the high bytes pair up as GB text does: (almost) every one a
 * valid sequence, and most pairs in the GB2312 area. Windows-1252 text has
 * accented letters before spaces and commas (invalid as GB) or before ASCII
 * letters (valid GBK pairs, but outside GB2312).
 */
export function gbOrWindows1252(s: GbScan): EncodingGuess {
  const sequences = s.pairs + s.fourByte;
  const share = s.pairs === 0 ? 1 : s.gb2312Pairs / s.pairs;
  const pct = Math.round(share * 100);
  // A few stray bytes do not make a GBK file Western: a field cut mid-character
  // by the exporter, or a sample that starts on a character's second byte.
  const tolerated = s.invalid * 200 <= sequences || (s.invalid === 1 && sequences >= 20);
  if (sequences > 0 && share >= 0.6 && tolerated) {
    const evidence = `GB18030 structure: ${s.pairs} double-byte pairs (${pct}% in the GB2312 area), ${s.fourByte} four-byte sequences, ${s.invalid} invalid`;
    return { encoding: 'gb18030', bom: 0, evidence, clean: s.invalid === 0 };
  }
  const evidence =
    `not GB18030: ${s.invalid} high bytes without a valid trail (${s.beforeAsciiBreak} before an ASCII space, ` +
    `punctuation or line end), ${s.pairs} pairs (${pct}% in the GB2312 area)`;
  // Windows-1252 leaves only 81, 8D, 8F, 90 and 9D undefined; iconv-lite maps them anyway.
  return { encoding: 'windows-1252', bom: 0, evidence, clean: true };
}

const HEAD_BYTES = 1024 * 1024;
const CONFIRM_CHUNK = 1024 * 1024;

/**
 * Detects from the first MiB; a UTF-8 verdict is then confirmed over the
 * whole file, because a GBK file whose first MiB is plain ASCII (codes and
 * numbers before the first Chinese name) is not rare.
 */
export async function detectFileEncoding(path: string, options: { readonly wholeFile?: boolean } = {}): Promise<EncodingGuess> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, Math.min(HEAD_BYTES, size));
    const guess = detectEncoding(head, head.length >= size);
    // A caller whose reader itself refuses invalid UTF-8 may skip the full pass and ask again when refused.
    if (options.wholeFile === false && guess.encoding === 'utf-8') return guess;
    if (guess.encoding !== 'utf-8' || !guess.clean || head.length >= size) return guess;
    const firstInvalid = await firstInvalidUtf8Chunk(handle, guess.bom, size);
    const scope = guess.bom > 0 ? '' : ' in the first MiB';
    if (firstInvalid === null) return { ...guess, evidence: `${guess.evidence}${scope}; the whole file is valid UTF-8` };
    if (firstInvalid === 'cut') return { ...guess, evidence: `${guess.evidence}; the file ends inside a character`, clean: false };
    // A BOM is a deliberate label: bad bytes later are damage, not another encoding.
    if (guess.bom > 0) return { ...guess, evidence: `${guess.evidence}; invalid UTF-8 near byte ${firstInvalid}`, clean: false };
    const later = await readAt(handle, firstInvalid, Math.min(CONFIRM_CHUNK, size - firstInvalid));
    const headAscii = scanUtf8(head, false).multibyte === 0;
    return reconsider(guess, headAscii, later, firstInvalid, size);
  } finally {
    await handle.close();
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

async function readAt(handle: Handle, position: number, length: number): Promise<Uint8Array> {
  const buf = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buf, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buf.subarray(0, filled);
}

/**
 * Offset of the chunk holding the first invalid UTF-8 sequence; 'cut' when
 * the only fault is a character cut off by the end of the file; null when
 * the whole file is valid.
 */
async function firstInvalidUtf8Chunk(handle: Handle, from: number, size: number): Promise<number | 'cut' | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const buf = Buffer.alloc(CONFIRM_CHUNK);
  let position = from;
  while (position < size) {
    const { bytesRead } = await handle.read(buf, 0, CONFIRM_CHUNK, position);
    if (bytesRead === 0) break;
    try {
      decoder.decode(buf.subarray(0, bytesRead), { stream: true });
    } catch {
      return position;
    }
    position += bytesRead;
  }
  try {
    decoder.decode();
  } catch {
    return 'cut';
  }
  return null;
}

/** A later chunk broke UTF-8: decide from that chunk's bytes what the file really is. */
function reconsider(head: EncodingGuess, headAscii: boolean, chunk: Uint8Array, offset: number, size: number): EncodingGuess {
  // The chunk may start inside a character: skip up to three continuation bytes.
  let skip = 0;
  while (skip < 3 && skip < chunk.length && chunk[skip]! >= 0x80 && chunk[skip]! <= 0xbf) skip++;
  const later = detectEncoding(chunk.subarray(skip), offset + chunk.length >= size);
  const where = `near byte ${offset}`;
  if (later.encoding === 'utf-8' || later.encoding === 'utf-16le' || later.encoding === 'utf-16be') {
    return { ...head, evidence: `${head.evidence} in the first MiB; invalid UTF-8 ${where}`, clean: false };
  }
  if (!headAscii) {
    // Both UTF-8 characters and another encoding's bytes: keep the UTF-8 part intact.
    return { ...head, evidence: `${head.evidence} in the first MiB, but ${where}: ${later.evidence}`, clean: false };
  }
  return { ...later, evidence: `ASCII in the first MiB; ${where}: ${later.evidence}` };
}
