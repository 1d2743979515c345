/**
 * Turns a whitespace-aligned text file (CDNOW's `00001 19970101 1   11.77`)
 * into TSV, which DuckDB reads like any delimited file. Blank lines are
 * dropped, so the result also says how to map a TSV record back to the
 * source line a user would look at.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';

/** From record `fromRecord` on, the record's source line is record + 1 + lineOffset (both 0-based record, 1-based line). */
export interface RecordLineSegment {
  readonly fromRecord: number;
  readonly lineOffset: number;
}

export interface WhitespaceToTsvResult {
  /** Lines in the source, blank ones included. */
  readonly lines: number;
  /** Records written (non-blank lines). */
  readonly records: number;
  /** Where records sit in the source; one segment per run of records between blank lines. */
  readonly segments: readonly RecordLineSegment[];
}

/** @param src a UTF-8 file */
export async function whitespaceToTsv(src: string, dest: string): Promise<WhitespaceToTsvResult> {
  const state = { lines: 0, records: 0, segments: [] as RecordLineSegment[], lastOffset: -1 };
  const convert = (line: string): string | null => {
    state.lines++;
    const trimmed = line.trim();
    if (trimmed === '') return null;
    const offset = state.lines - 1 - state.records;
    if (offset !== state.lastOffset) {
      state.segments.push({ fromRecord: state.records, lineOffset: offset });
      state.lastOffset = offset;
    }
    state.records++;
    return trimmed.split(/[ \t]+/).join('\t');
  };
  await pipeline(
    createReadStream(src, { highWaterMark: 1024 * 1024 }),
    async function* (source: AsyncIterable<Buffer>) {
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of source) {
        const text = rest + decoder.write(chunk);
        const cut = text.lastIndexOf('\n');
        if (cut === -1) {
          rest = text;
          continue;
        }
        rest = text.slice(cut + 1);
        const out = convertLines(text.slice(0, cut).split('\n'), convert);
        if (out !== '') yield out;
      }
      rest += decoder.end();
      if (rest !== '') {
        const out = convertLines([rest], convert);
        if (out !== '') yield out;
      }
    },
    createWriteStream(dest),
  );
  return { lines: state.lines, records: state.records, segments: state.segments };
}

function convertLines(lines: readonly string[], convert: (line: string) => string | null): string {
  const out: string[] = [];
  for (const line of lines) {
    const tsv = convert(line);
    if (tsv !== null) out.push(tsv);
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
