/**
 * A clean UTF-8 copy of a text file for DuckDB, whose CSV reader only takes
 * UTF-8 (and rejects invalid sequences). Streams, so file size does not
 * matter; line endings are kept (DuckDB copes with CRLF).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import type { TextEncoding } from './detect-encoding.js';

export interface TranscodeOptions {
  /** Bytes at the start to leave out (the BOM, from detectEncoding). */
  readonly skipBytes: number;
  /** Called per chunk with the position reached in the source and its size. */
  readonly onProgress?: (bytesRead: number, total: number) => void;
}

export interface TranscodeResult {
  /** Bytes read from the source, after skipBytes. */
  readonly bytesIn: number;
  readonly bytesOut: number;
  /**
   * U+FFFD characters in the output: sequences invalid in the source encoding
   * (plus any U+FFFD the source already held, which cannot be told apart).
   */
  readonly replacementChars: number;
  /** NUL bytes removed: they never belong in a cell and confuse CSV readers. */
  readonly nulBytes: number;
}

interface ChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

const CHUNK = 1024 * 1024;

export async function transcodeToUtf8(src: string, dest: string, encoding: TextEncoding, options: TranscodeOptions): Promise<TranscodeResult> {
  const total = (await stat(src)).size;
  const decoder = chunkDecoder(encoding);
  const counts = { bytesIn: 0, bytesOut: 0, replacementChars: 0, nulBytes: 0 };
  const emit = (text: string): Buffer => {
    const out = Buffer.from(cleanText(text, counts), 'utf8');
    counts.bytesOut += out.length;
    return out;
  };
  await pipeline(
    createReadStream(src, { start: options.skipBytes, highWaterMark: CHUNK }),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        counts.bytesIn += chunk.length;
        const out = emit(decoder.write(chunk));
        options.onProgress?.(options.skipBytes + counts.bytesIn, total);
        if (out.length > 0) yield out;
      }
      const tail = emit(decoder.end());
      if (tail.length > 0) yield tail;
    },
    createWriteStream(dest),
  );
  return counts;
}

function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-8') {
    // The native decoder is several times faster than iconv-lite's for UTF-8 repair.
    const td = new TextDecoder('utf-8', { fatal: false });
    return { write: (chunk) => td.decode(chunk, { stream: true }), end: () => td.decode() };
  }
  const d = iconv.getDecoder(encoding);
  return { write: (chunk) => d.write(chunk), end: () => d.end() ?? '' };
}

/** Counts U+FFFD and removes NUL, touching the string only when it holds either. */
function cleanText(text: string, counts: { replacementChars: number; nulBytes: number }): string {
  counts.replacementChars += occurrences(text, '\uFFFD');
  const nuls = occurrences(text, '\0');
  if (nuls === 0) return text;
  counts.nulBytes += nuls;
  return text.replaceAll('\0', '');
}

function occurrences(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
