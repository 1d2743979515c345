/**
 * The dialect of a delimited text sample: which delimiter, whether fields are
 * quoted. The delimiter that splits the most lines into the same number of
 * fields wins; European exports use ';' (their decimal comma would make ','
 * ragged), logs separate columns with runs of spaces.
 */

export type Delimiter = ',' | ';' | '\t' | '|' | 'whitespace';

export interface DelimitedSniff {
  readonly delimiter: Delimiter;
  readonly quote: '"' | null;
  /** The first records split with that dialect (quotes removed), blank lines left out. */
  readonly lines: string[][];
}

type CharDelimiter = Exclude<Delimiter, 'whitespace'>;

const CANDIDATES: readonly CharDelimiter[] = [',', ';', '\t', '|'];
const MAX_RECORDS = 50;
/** Records the choice is judged on: the whole sample, usually (quoted fields may first appear far down). */
const MAX_JUDGED = 2000;
/** The modal field count must hold for this share of records to count as consistent. */
const CONSISTENT = 0.5;
/** Candidates this close to the most consistent one are compared on width instead. */
const NEAR = 0.1;

interface Trial {
  readonly delimiter: Delimiter;
  readonly records: string[][];
  readonly quoted: boolean;
  /** The most common field count (the larger on a tie) and the share of records having it. */
  readonly width: number;
  readonly consistency: number;
}

/** @param text a decoded sample (about 64 KiB) cut at a line end */
export function sniffDelimited(text: string): DelimitedSniff {
  // A delimiter the sample never holds splits nothing: one field a record, never usable. The first stays the fallback.
  const present = CANDIDATES.filter((d, i) => i === 0 || text.includes(d));
  const trials = present.map((d) => trial(d, splitQuoted(text, d, MAX_JUDGED)));
  const usable = trials.filter((t) => t.width > 1);
  const consistent = usable.filter((t) => t.consistency >= CONSISTENT);
  let chosen = pickBest(consistent);
  if (!chosen) {
    const ws = trial('whitespace', { records: splitWhitespace(text, MAX_JUDGED), quoted: false });
    chosen = ws.width > 1 ? ws : (pickBest(usable) ?? trials[0]!);
  }
  return { delimiter: chosen.delimiter, quote: chosen.quoted ? '"' : null, lines: chosen.records.slice(0, MAX_RECORDS) };
}

function trial(delimiter: Delimiter, split: { records: string[][]; quoted: boolean }): Trial {
  const { width, consistency } = modalWidth(split.records.map((r) => r.length));
  return { delimiter, records: split.records, quoted: split.quoted, width, consistency };
}

function modalWidth(counts: readonly number[]): { width: number; consistency: number } {
  if (counts.length === 0) return { width: 0, consistency: 0 };
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [c, f] of freq) {
    if (f > best || (f === best && c > width)) {
      width = c;
      best = f;
    }
  }
  return { width, consistency: best / counts.length };
}

/**
 * The most consistent trial, except that among near-equals the wider one wins:
 * a semicolon file whose every line has one decimal comma is consistent on
 * ',' too, but with fewer fields.
 */
function pickBest(trials: readonly Trial[]): Trial | undefined {
  if (trials.length === 0) return undefined;
  const top = Math.max(...trials.map((t) => t.consistency));
  const near = trials.filter((t) => t.consistency >= top - NEAR);
  return near.reduce((a, b) => (b.width > a.width ? b : a));
}

/**
 * RFC 4180 splitting: a field starting with '"' runs to the next lone '"' and
 * may hold delimiters and line breaks; '""' inside is one quote. A quote in
 * the middle of a field is an ordinary character, as in 5" X 4".
 */
export function splitQuoted(text: string, delimiter: string, limit: number): { records: string[][]; quoted: boolean } {
  const records: string[][] = [];
  let quoted = false;
  let record: string[] = [];
  // A field is `field` (its quoted part, if any) then text[start, end): sliced, not built a character at a time.
  let field = '';
  let start = 0;
  let blank = true;
  let i = 0;
  const n = text.length;
  const endField = (end: number) => {
    const whole = field + text.slice(start, end);
    record.push(whole.endsWith('\r') ? whole.slice(0, -1) : whole);
    field = '';
  };
  while (i < n && records.length < limit) {
    const ch = text[i]!;
    if (ch === '"' && field === '' && i === start) {
      quoted = true;
      blank = false;
      const close = closingQuote(text, i + 1);
      field = text.slice(i + 1, close).replaceAll('""', '"');
      i = close + 1;
      start = i;
      // Text after the closing quote ("ab"c) stays part of the field, as written.
      continue;
    }
    if (ch === delimiter) {
      blank = false;
      endField(i);
      start = i + 1;
    } else if (ch === '\n') {
      const rest = blank ? field + text.slice(start, i) : '';
      if (!(blank && (rest === '' || rest === '\r'))) {
        endField(i);
        records.push(record);
      }
      record = [];
      field = '';
      start = i + 1;
      blank = true;
    } else if (ch !== '\r') {
      blank = false;
    }
    i++;
  }
  if (records.length < limit && !blank) {
    endField(Math.min(i, n));
    records.push(record);
  }
  return { records, quoted };
}

/** Index of the quote closing a field opened before `from` (the end of the text when unclosed). */
function closingQuote(text: string, from: number): number {
  let i = from;
  for (;;) {
    const q = text.indexOf('"', i);
    if (q === -1) return text.length;
    if (text[q + 1] !== '"') return q;
    i = q + 2;
  }
}

/** Fields separated by runs of spaces and tabs; leading and trailing blanks ignored. */
export function splitWhitespace(text: string, limit: number): string[][] {
  const records: string[][] = [];
  for (const line of text.split('\n')) {
    if (records.length >= limit) break;
    const trimmed = line.trim();
    if (trimmed !== '') records.push(trimmed.split(/[ \t]+/));
  }
  return records;
}
