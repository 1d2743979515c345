/**
 * SQL that turns staged text cells into typed values, and the pure
 * detectors for the per-file conventions that SQL takes (decimal mark, date
 * order, amount unit).
 *
 * Every builder takes `raw`, a VARCHAR SQL expression the caller built (a
 * quoted column, a coalesce ...), and returns one plain SQL expression that
 * can sit anywhere in a SELECT. The shape is always
 *
 *   CASE WHEN raw IS NULL OR raw = '' THEN NULL
 *        WHEN <cheap test on raw> THEN <cheap value>     -- fast paths
 *        ELSE <clean the text, one regex, build value>   -- slow path
 *   END
 *
 * because DuckDB evaluates a CASE branch (and a coalesce argument) only for
 * the rows that reach it: a well-formed cell costs a TRY_CAST or two, and
 * only odd cells pay for cleaning and regular expressions. A value the slow
 * path needs several times is bound once with `list_transform([v], lambda x:
 * ...)[1]`: DuckDB has no LET, and its common-subexpression elimination does
 * not look inside CASE. Lambda parameters are named `_vs_*`; `raw` must not
 * use column names with that prefix.
 *
 * parseSql and problemSql agree by construction: a cell has a problem
 * exactly when its cleaned text is neither empty nor a null marker and
 * parseSql gives NULL; the one exception is an id that lost digits, which is
 * kept and flagged. problemSql repeats the parse's work unless it is handed
 * the parsed column (its `parsed` argument), which is the cheap way to use it.
 */
import { quoteLiteral as lit } from '../store/engine.js';
import type { FieldType, ValueOptions } from './field-type.js';

export type ProblemCode =
  | 'invalid_date'
  | 'date_impossible'
  | 'invalid_number'
  | 'invalid_amount'
  | 'invalid_integer'
  | 'invalid_rate'
  | 'invalid_boolean'
  | 'invalid_period'
  | 'id_scientific_notation'
  | 'id_precision_lost';

/** Cell texts that mean "no value" (compared after cleaning, case-sensitive). */
export const nullMarkers: readonly string[] = ['NULL', 'null', 'N/A', 'n/a', '#N/A', 'NaN', 'nan', 'None', '(空)', '—'];

// ---------------------------------------------------------------- helpers

const list = (values: readonly string[]): string => values.map(lit).join(', ');

/**
 * `x` is one of the strings. Not `x IN (...)`: DuckDB plans an IN list of
 * five or more constants as a hash join, one per list, evaluated for every
 * row whatever CASE it sits in; a query with dozens of them takes seconds.
 */
function oneOf(x: string, values: readonly string[]): string {
  return values.length < 3 ? `(${values.map((v) => `${x} = ${lit(v)}`).join(' OR ')})` : `list_contains([${list(values)}], ${x})`;
}

/** `body` with `name` bound to `value`, which is evaluated once per row. */
function bind(value: string, name: string, body: string): string {
  return `list_transform([${value}], lambda ${name}: ${body})[1]`;
}

/** A regexp_extract into a struct of named groups (empty strings when it does not match). */
function extract(text: string, pattern: string, names: readonly string[]): string {
  return `regexp_extract(${text}, ${lit(pattern)}, [${list(names)}])`;
}

/** Slow path reading the cleaned text with one regex: value and problem of the match `m`, NULL for an empty cell. */
interface MatchPath {
  readonly pattern: string;
  readonly groups: readonly string[];
  readonly value: (m: string) => string;
  readonly problem: (m: string) => string;
}

/** Slow path working on the cleaned text `c` itself (never NULL where they are used). */
interface TextPath {
  readonly value: (c: string) => string;
  readonly problem: (c: string) => string;
}

type SlowPath = MatchPath | TextPath;

/** A cheap attempt on the raw text: `value` is NULL when the attempt does not apply. */
interface FastPath {
  /** Cheap test that must hold before `value` is tried (a GLOB, a contains). */
  readonly guard: string;
  readonly value: string;
}

/** How one type is read: fast paths tried in order, then the slow path. */
interface TypePlan {
  readonly fast: readonly FastPath[];
  readonly slow: SlowPath;
  /** Problem of a value that was read after all (an id that lost digits); none when left out. */
  readonly valueProblem?: (value: string) => string;
}

/**
 * The slow path's value or problem. The regex runs on the cleaned text in
 * the list the lambda binds, not in the lambda's body: a regexp_extract
 * inside a lambda body costs a set-up for every vector it sees.
 */
function slowSql(raw: string, slow: SlowPath, part: 'value' | 'problem'): string {
  if ('pattern' in slow) return bind(extract(cleanTextSql(raw), slow.pattern, slow.groups), '_vs_m', slow[part]('_vs_m'));
  return bind(cleanTextSql(raw), '_vs_c', `CASE WHEN _vs_c IS NULL THEN NULL ELSE ${slow[part]('_vs_c')} END`);
}

function parseWith(raw: string, plan: TypePlan): string {
  const quick = plan.fast.map((f) => `CASE WHEN ${f.guard} THEN ${f.value} END`);
  const rest = slowSql(raw, plan.slow, 'value');
  const body = quick.length === 0 ? rest : `coalesce(${[...quick, rest].join(', ')})`;
  return `CASE WHEN ${raw} IS NULL OR ${raw} = '' THEN NULL ELSE ${body} END`;
}

/**
 * Problem of a cell: fine when a fast path (or, given `parsed`, the parse
 * itself) read it, else what the slow path finds.
 */
function problemWith(raw: string, plan: TypePlan, parsed?: string): string {
  const onValue = (v: string) => plan.valueProblem?.(v) ?? 'NULL';
  const read =
    parsed === undefined
      ? plan.fast.map((f) => `WHEN ${f.guard} AND ${f.value} IS NOT NULL THEN ${onValue(f.value)} `)
      : [`WHEN ${parsed} IS NOT NULL THEN ${onValue(parsed)} `];
  const slow = slowSql(raw, plan.slow, 'problem');
  return `CAST(CASE WHEN ${raw} IS NULL OR ${raw} = '' THEN NULL ${read.join('')}ELSE ${slow} END AS VARCHAR)`;
}

/** A problem code when `value` is NULL. */
const problemIfNull = (value: string, code: ProblemCode): string => `CASE WHEN ${value} IS NULL THEN ${lit(code)} END`;

/** Problem of a match: none for an empty cell or one `blank` names (an accounting '-'), else `code` when unreadable. */
function matchProblem(m: string, value: string, code: ProblemCode, blank?: string): string {
  const empty = blank === undefined ? `${m} IS NULL` : `${m} IS NULL OR ${m}.${blank} <> ''`;
  return `CASE WHEN ${empty} THEN NULL WHEN ${value} IS NULL THEN ${lit(code)} END`;
}

// ---------------------------------------------------------------- text

// Characters that need folding: full-width ASCII, ideographic space, NBSP,
// and two invisible ones Excel and web copies leave behind (BOM, zero-width space).
const FOLD_TRIGGER = '[\\x{FF01}-\\x{FF5E}\\x{3000}\\x{A0}\\x{FEFF}\\x{200B}]';
const FOLD_CHAR =
  'CASE WHEN _vs_ch BETWEEN chr(65281) AND chr(65374) THEN chr(unicode(_vs_ch) - 65248)' +
  ' WHEN _vs_ch = chr(12288) OR _vs_ch = chr(160) THEN chr(32)' +
  " WHEN _vs_ch = chr(65279) OR _vs_ch = chr(8203) THEN '' ELSE _vs_ch END";
const TRIM_CHARS = 'chr(32) || chr(9) || chr(10) || chr(13)';

/**
 * Full-width folding. translate() builds its map for every row (over 1 µs a
 * cell), so plain-ASCII cells skip folding altogether (byte length equals
 * character length), and the rest are folded character by character only
 * when they hold something to fold.
 */
function foldSql(raw: string): string {
  return (
    `CASE WHEN strlen(${raw}) = length(${raw}) OR NOT regexp_matches(${raw}, ${lit(FOLD_TRIGGER)}) THEN ${raw}` +
    ` ELSE array_to_string(list_transform(string_split(${raw}, ''), lambda _vs_ch: ${FOLD_CHAR}), '') END`
  );
}

/**
 * True when cleaning would change nothing: no whitespace or control
 * character at either end, nothing to fold, not a null marker. ascii() is
 * the first code point, so a leading U+3000 passes it but not the fold test.
 */
function isPlainSql(raw: string): string {
  const trailing = ['chr(32)', 'chr(9)', 'chr(10)', 'chr(13)'].map((ch) => `ends_with(${raw}, ${ch})`).join(' OR ');
  return (
    `(ascii(${raw}) > 32 AND NOT (${trailing})` +
    ` AND (strlen(${raw}) = length(${raw}) OR NOT regexp_matches(${raw}, ${lit(FOLD_TRIGGER)}))` +
    ` AND NOT ${oneOf(raw, nullMarkers)})`
  );
}

function fullCleanSql(raw: string): string {
  return bind(`trim(${foldSql(raw)}, ${TRIM_CHARS})`, '_vs_t', `CASE WHEN ${oneOf('_vs_t', ['', ...nullMarkers])} THEN NULL ELSE _vs_t END`);
}

/**
 * Cleaned text (VARCHAR): full-width ASCII folded to half-width, U+3000 and
 * NBSP made spaces, BOM and zero-width spaces dropped, trimmed of spaces,
 * tabs, CR and LF; NULL when that leaves nothing or a null marker.
 */
export function cleanTextSql(raw: string): string {
  return `CASE WHEN ${raw} IS NULL OR ${raw} = '' THEN NULL WHEN ${isPlainSql(raw)} THEN ${raw} ELSE ${fullCleanSql(raw)} END`;
}

// ---------------------------------------------------------------- numbers

type Decimal = '.' | ',';

/** Power of ten a factor is (so it can shift an exponent exactly), else null. */
function powerOfTen(factor: number): number | null {
  const k = Math.round(Math.log10(factor));
  return 10 ** k === factor ? k : null;
}

function checkFactor(factor: number): void {
  if (!Number.isFinite(factor) || factor <= 0) throw new Error(`unitFactor must be a positive number, got ${factor}`);
}

const CURRENCY_SIGNS = '¥￥$€£';

/**
 * Regex of a written number (cleaned text). Groups: dash, a lone '-' (an
 * accounting zero, read as empty); o '(' of an accounting negative, s1/s2
 * sign before or after the currency, i integer part with thousands
 * separators, f fraction, e exponent, k the suffix (万/亿 for amounts, %/折
 * for rates), c ')'.
 */
function numberPattern(decimal: Decimal, rate: boolean): string {
  const group = decimal === '.' ? ',' : '\\.';
  const point = decimal === '.' ? '\\.' : ',';
  const int = `\\d{1,3}(?:${group}\\d{3})+|\\d{1,3}(?:[ \\x{202F}]\\d{3})+|\\d+`;
  const currency = rate ? '' : `(?:[${CURRENCY_SIGNS}]|RMB|CNY)?\\s*`;
  const suffix = rate ? '(%|折)?' : '(万|亿)?\\s*(?:元|RMB|CNY)?';
  const written = `(\\()?\\s*([-+−])?\\s*${currency}([-+−])?\\s*(${int})?(?:${point}(\\d*))?(?:[eE]([-+]?\\d{1,3}))?\\s*${suffix}\\s*(\\))?`;
  return `^(?:(-)|${written})$`;
}
const NUMBER_GROUPS = ['dash', 'o', 's1', 's2', 'i', 'f', 'e', 'k', 'c'];

/** Signed decimal text of a match without its exponent, e.g. '-1234.5' ('.5' and '12.' cast fine). */
function mantissaOf(m: string, decimal: Decimal): string {
  const sep = decimal === '.' ? ',' : '.';
  const sign = `CASE WHEN ${m}.o <> '' OR ${oneOf(`${m}.s1`, ['-', '−'])} OR ${oneOf(`${m}.s2`, ['-', '−'])} THEN '-' ELSE '' END`;
  return `${sign} || replace(replace(replace(${m}.i, ${lit(sep)}, ''), ' ', ''), chr(8239), '') || '.' || ${m}.f`;
}

/** The match is a number: some digit, one sign at most, parentheses balanced and unsigned inside. */
function isWellFormed(m: string): string {
  return (
    `(${m}.i <> '' OR ${m}.f <> '') AND (${m}.o = '') = (${m}.c = '')` +
    ` AND NOT (${m}.s1 <> '' AND ${m}.s2 <> '') AND NOT (${m}.o <> '' AND (${m}.s1 <> '' OR ${m}.s2 <> ''))`
  );
}

const exponentOf = (m: string, shift: string): string => `coalesce(TRY_CAST(nullif(${m}.e, '') AS INTEGER), 0) + ${shift}`;

/**
 * DOUBLE of a match, its exponent shifted by `shift` (SQL integer): decimal
 * scaling stays exact. NULL beyond 1e300, which would come out infinite.
 */
function scaled(m: string, decimal: Decimal, shift: string): string {
  const size = `length(${m}.i) + ${exponentOf(m, shift)}`;
  return `CASE WHEN ${size} < 300 THEN TRY_CAST(${mantissaOf(m, decimal)} || 'e' || (${exponentOf(m, shift)}) AS DOUBLE) END`;
}

const finite = (x: string): string => `CASE WHEN isfinite(${x}) THEN ${x} END`;

/** DOUBLE of an amount/number match (NULL when unreadable). */
function numberValue(m: string, decimal: Decimal, factor: number): string {
  const k = powerOfTen(factor);
  const shift = `CASE ${m}.k WHEN '万' THEN 4 WHEN '亿' THEN 8 ELSE 0 END + ${k ?? 0}`;
  const value = scaled(m, decimal, shift);
  return `CASE WHEN ${isWellFormed(m)} THEN ${k === null ? `${value} * ${factor}` : value} END`;
}

/** The raw text read as this file's decimal convention would write it for TRY_CAST. */
function castable(raw: string, decimal: Decimal): string {
  return decimal === '.' ? raw : `replace(${raw}, ',', '.')`;
}

/** Guard of the plain fast paths: TRY_CAST reads '1_000' as 1000, and in ',' files a '.' groups thousands. */
function plainGuard(raw: string, decimal: Decimal): string {
  return decimal === '.' ? `NOT contains(${raw}, '_')` : `NOT contains(${raw}, '_') AND NOT contains(${raw}, '.')`;
}

/** `text` as a DOUBLE times the factor; a power-of-ten factor shifts the exponent, so 0.07 万元 is exactly 700. */
function castScaled(text: string, factor: number): string {
  const k = powerOfTen(factor);
  if (k === null) return `TRY_CAST(${text} AS DOUBLE) * ${factor}`;
  return k === 0 ? `TRY_CAST(${text} AS DOUBLE)` : `TRY_CAST(${text} || ${lit(`e${k}`)} AS DOUBLE)`;
}

/**
 * Fast paths of amounts and numbers: a plain number, then an optional
 * currency sign, sign and thousands separators (¥1,234.50, -1,234), common
 * in Excel exports, checked by a capture-free regex and cast after two
 * cheap string functions.
 */
function numberFast(raw: string, decimal: Decimal, factor: number): FastPath[] {
  const group = decimal === '.' ? ',' : '\\.';
  const point = decimal === '.' ? '\\.' : ',';
  const grouped = `^[${CURRENCY_SIGNS}]?-?(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${point}\\d+)?$`;
  const bare = `replace(ltrim(${raw}, ${lit(CURRENCY_SIGNS)}), ${lit(decimal === '.' ? ',' : '.')}, '')`;
  return [
    { guard: plainGuard(raw, decimal), value: finite(castScaled(castable(raw, decimal), factor)) },
    { guard: `regexp_matches(${raw}, ${lit(grouped)})`, value: finite(castScaled(castable(bare, decimal), factor)) },
  ];
}

function numberSlow(decimal: Decimal, factor: number, code: ProblemCode): MatchPath {
  const value = (m: string) => numberValue(m, decimal, factor);
  return { pattern: numberPattern(decimal, false), groups: NUMBER_GROUPS, value, problem: (m) => matchProblem(m, value(m), code, 'dash') };
}

// Whole numbers below 2^63 only: a larger DOUBLE does not fit a BIGINT.
const toBigint = (v: string): string => `CASE WHEN ${v} = trunc(${v}) AND abs(${v}) < 9.2e18 THEN CAST(${v} AS BIGINT) END`;

function integerFast(raw: string, decimal: Decimal): FastPath {
  const text = castable(raw, decimal);
  // TRY_CAST to BIGINT rounds 3.5 and reads 0x10 as hex; agreeing with the DOUBLE cast rules both out.
  return {
    guard: plainGuard(raw, decimal),
    value: `CASE WHEN TRY_CAST(${text} AS BIGINT) = TRY_CAST(${text} AS DOUBLE) THEN TRY_CAST(${text} AS BIGINT) END`,
  };
}

function integerValue(m: string, decimal: Decimal): string {
  return bind(numberValue(m, decimal, 1), '_vs_v', toBigint('_vs_v'));
}

// ---------------------------------------------------------------- rates

/**
 * Rate of a match: 15% → 0.15; 0.15 → 0.15; 15 → 0.15 (1 < x ≤ 100 reads as a
 * percent, and every number does when the column is declared in %); a
 * discount written as the share paid, 8.5折 → 0.15, 95折 → 0.05. Outside
 * 0..1 → NULL. Rounded to 12 places so that 1 - 0.88 gives 0.12.
 */
function rateValue(m: string, decimal: Decimal, percentColumn: boolean): string {
  const v = '_vs_v';
  const plain = percentColumn ? `${v} / 100` : `CASE WHEN ${v} <= 1 THEN ${v} ELSE ${v} / 100 END`;
  const zhe =
    `CASE WHEN ${v} > 0 AND ${v} < 10 THEN (10 - ${v}) / 10` +
    ` WHEN ${m}.f = '' AND ${v} >= 10 AND ${v} < 100 THEN (100 - ${v}) / 100 END`;
  const unsigned = `${m}.o = '' AND ${m}.s1 = '' AND ${m}.s2 = '' AND ${m}.e = ''`;
  const byUnit = `CASE ${m}.k WHEN '%' THEN ${v} / 100 WHEN '折' THEN CASE WHEN ${unsigned} THEN ${zhe} END ELSE ${plain} END`;
  const inRange = `CASE WHEN round(${byUnit}, 12) BETWEEN 0 AND 1 THEN round(${byUnit}, 12) END`;
  return `CASE WHEN ${isWellFormed(m)} THEN ${bind(scaled(m, decimal, '0'), v, inRange)} END`;
}

function rateFast(raw: string, decimal: Decimal, percentColumn: boolean): FastPath {
  const v = castScaled(castable(raw, decimal), percentColumn ? 0.01 : 1);
  return { guard: plainGuard(raw, decimal), value: `CASE WHEN ${v} BETWEEN 0 AND 1 THEN ${v} END` };
}

// ---------------------------------------------------------------- booleans

const TRUE_WORDS = ['是', '有', 'y', 'yes', 'true', 't', '1', '1.0', '√', '✓', '✔'];
const FALSE_WORDS = ['否', '无', 'n', 'no', 'false', 'f', '0', '0.0', '×', '✗', '✘'];
const variants = (words: readonly string[]): string[] =>
  [...new Set(words.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]))];

function booleanValue(c: string): string {
  return `CASE WHEN ${oneOf(`lower(${c})`, TRUE_WORDS)} THEN true WHEN ${oneOf(`lower(${c})`, FALSE_WORDS)} THEN false END`;
}

function booleanFast(raw: string): FastPath {
  return {
    guard: 'true',
    value: `CASE WHEN ${oneOf(raw, variants(TRUE_WORDS))} THEN true WHEN ${oneOf(raw, variants(FALSE_WORDS))} THEN false END`,
  };
}

// ---------------------------------------------------------------- ids

// What Excel writes for a long number: one digit, maybe a fraction, a
// signed exponent of one to three digits (1.23457E+17, 5E+11). Hex or
// base-36 ids that merely contain digits-e-digits ("745e566…") do not match.
const SCIENTIFIC = '[-+]?\\d(?:[.,]\\d+[eE][-+]?|[eE][-+])\\d{1,3}';

/** Printable ASCII without spaces, '.', 'E' or 'e': such an id needs neither cleaning nor a look for Excel damage. */
const PLAIN_ID = '[!-\\-/-DF-df-~]+';

/** 1.23E+17: Excel turned a long id into a float; the digits are gone. */
const isScientific = (c: string): string => `(${c} GLOB '*[eE]*' AND regexp_full_match(${c}, ${lit(SCIENTIFIC)}))`;

/** '12345.0' (an id exported as a float) → '12345'. */
const withoutPointZero = (c: string): string =>
  `CASE WHEN ${c} GLOB '*.0*' AND regexp_full_match(${c}, '\\d+\\.0+') THEN split_part(${c}, '.', 1) ELSE ${c} END`;

/** More than 15 digits with only zeros after the 15th: Excel keeps 15 significant digits. */
const lostPrecision = (id: string): string =>
  `CASE WHEN length(${id}) > 15 AND regexp_full_match(${id}, '\\d{15}0+') THEN 'id_precision_lost' END`;

const idPlan = (raw: string): TypePlan => ({
  fast: [{ guard: `regexp_full_match(${raw}, ${lit(PLAIN_ID)}) AND NOT ${oneOf(raw, nullMarkers)}`, value: raw }],
  slow: {
    value: (c) => `CASE WHEN ${isScientific(c)} THEN NULL ELSE ${withoutPointZero(c)} END`,
    problem: (c) => `CASE WHEN ${isScientific(c)} THEN 'id_scientific_notation' ELSE ${lostPrecision(withoutPointZero(c))} END`,
  },
  valueProblem: lostPrecision,
});

// ---------------------------------------------------------------- dates

const DAY_NAME = '(?:(?:星期|周|礼拜)[一二三四五六日天]|(?i:mon|tue|wed|thu|fri|sat|sun)[a-zA-Z]*\\.?)';
const WEEKDAY = `(?:\\s*,?\\s*\\(?${DAY_NAME}\\)?)?`;
const WEEKDAY_FIRST = `(?:${DAY_NAME}\\s*,?\\s*)?`;
// Offsets are read and ignored: a sales time is kept as the wall-clock time written.
const TIME =
  '(?:(?:\\s*T\\s*|\\s+)([01]?\\d|2[0-4]):([0-5]\\d)(?::([0-5]\\d)(?:[.,](\\d{1,9}))?)?(?:\\s*([AaPp][Mm]))?' +
  '(?:\\s*(?:Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?))?)?';
const DATE_FORMS = [
  '([1-9]\\d{3})\\s*([-/.年])\\s*(\\d{1,2})\\s*([-/.月])\\s*(\\d{1,2})\\s*(日|号)?', // y s1 m s2 d sx: 2024-3-5, 2024年3月5日
  '([1-9]\\d{3})(\\d{2})(\\d{2})', // cy cm cd: 20240305
  '(\\d{1,2})([-/.])(\\d{1,2})([-/.])([1-9]\\d{3}|\\d{2})', // a s3 b s4 yy: 3/5/2024, 05.03.24
  '(\\d{1,7}(?:\\.\\d+)?)', // serial: Excel day number
];
// First group: MySQL's zero date, which means "no date".
const DATE_PATTERN = `^(?:(0000-00-00(?:\\s+00:00:00)?)|${WEEKDAY_FIRST}(?:${DATE_FORMS.join('|')})${WEEKDAY}${TIME}${WEEKDAY})$`;
const DATE_GROUPS = ['zero', 'y', 's1', 'm', 's2', 'd', 'sx', 'cy', 'cm', 'cd', 'a', 's3', 'b', 's4', 'yy', 'serial', 'hh', 'mi', 'ss', 'fr', 'ap'];

/**
 * The match has a date's shape, whatever its numbers: separators agree,
 * AM/PM only with hours 1-12, a serial in Excel's range 1..2958465.
 */
function isDateShape(m: string): string {
  const yearFirst = `(${m}.y <> '' AND ((${m}.s1 = ${m}.s2 AND ${m}.s1 <> '年' AND ${m}.sx = '') OR (${m}.s1 = '年' AND ${m}.s2 = '月')))`;
  const yearLast = `(${m}.a <> '' AND ${m}.s3 = ${m}.s4)`;
  // CASE, not AND, keeps the casts off empty groups: a boolean used as a value evaluates both sides.
  const serial = `CASE WHEN ${m}.serial = '' OR ${m}.hh <> '' THEN false ELSE CAST(${m}.serial AS DOUBLE) BETWEEN 1 AND 2958465.999999 END`;
  const clock = `CASE WHEN ${m}.ap = '' THEN true ELSE CAST(${m}.hh AS INTEGER) BETWEEN 1 AND 12 END`;
  return `((${yearFirst} OR ${m}.cy <> '' OR ${yearLast} OR ${serial}) AND ${clock})`;
}

/**
 * TIMESTAMP from the written groups; NULL when the calendar has no such day.
 * Only one alternative of the pattern matched, so concatenating the groups
 * that play one part picks the matched one.
 */
function writtenTimestamp(m: string, order: 'mdy' | 'dmy'): string {
  const [first, second] = order === 'mdy' ? ['a', 'b'] : ['b', 'a'];
  // Two-digit years: 00-69 → 20xx, 70-99 → 19xx (Excel's pivot).
  const yy = `CASE length(${m}.yy) WHEN 2 THEN CASE WHEN ${m}.yy < '70' THEN '20' ELSE '19' END || ${m}.yy ELSE ${m}.yy END`;
  const date = `${m}.y || ${m}.cy || ${yy} || '-' || ${m}.m || ${m}.cm || ${m}.${first} || '-' || ${m}.d || ${m}.cd || ${m}.${second}`;
  const hour = `CASE WHEN ${m}.ap = '' THEN ${m}.hh ELSE CAST(CAST(${m}.hh AS INTEGER) % 12 + CASE WHEN upper(${m}.ap) = 'PM' THEN 12 ELSE 0 END AS VARCHAR) END`;
  const seconds = `CASE WHEN ${m}.ss = '' THEN '' ELSE ':' || ${m}.ss || CASE WHEN ${m}.fr = '' THEN '' ELSE '.' || ${m}.fr END END`;
  const time = `CASE WHEN ${m}.hh = '' THEN '' ELSE ' ' || ${hour} || ':' || ${m}.mi || ${seconds} END`;
  return `TRY_CAST(${date} || ${time} AS TIMESTAMP)`;
}

/**
 * Excel serial day numbers (1900 date system). Excel counts a 29 February
 * 1900 that never was, as day 60: days before it count from 1899-12-31,
 * days after from 1899-12-30, and 60 itself is no date. The fraction is the
 * time of day, rounded to the second.
 */
function serialTimestamp(m: string): string {
  const x = `CAST(${m}.serial AS DOUBLE)`;
  const seconds = `to_seconds(CAST(round(${x} * 86400) AS BIGINT))`;
  return `CASE WHEN ${x} < 60 THEN TIMESTAMP '1899-12-31' + ${seconds} WHEN ${x} >= 61 THEN TIMESTAMP '1899-12-30' + ${seconds} END`;
}

/** Timestamp of a match that has a date's shape. */
function shapedTimestamp(m: string, order: 'mdy' | 'dmy'): string {
  return `CASE WHEN ${m}.serial <> '' THEN ${serialTimestamp(m)} ELSE ${writtenTimestamp(m, order)} END`;
}

function timestampSlow(order: 'mdy' | 'dmy'): MatchPath {
  return {
    pattern: DATE_PATTERN,
    groups: DATE_GROUPS,
    value: (m) => `CASE WHEN ${isDateShape(m)} THEN ${shapedTimestamp(m, order)} END`,
    problem: (m) =>
      `CASE WHEN ${m} IS NULL OR ${m}.zero <> '' THEN NULL WHEN NOT ${isDateShape(m)} THEN 'invalid_date'` +
      ` WHEN ${shapedTimestamp(m, order)} IS NULL THEN 'date_impossible' END`,
  };
}

/** Order of a/b/yyyy dates: 'ymd' files say nothing about them, so they read as mdy. */
const slashOrder = (opts: ValueOptions): 'mdy' | 'dmy' => (opts.dateOrder === 'dmy' ? 'dmy' : 'mdy');

/**
 * Fast paths for dates: ISO-like year-first text through DuckDB's own cast,
 * 2024年3月5日 and a/b/yyyy [h:mm[:ss]] (Excel's US and UK exports) through
 * strptime. The GLOBs keep out what those parsers read too freely ('epoch',
 * 'infinity', -2024, 12024, (BC), a two-digit %Y); whatever they then refuse
 * goes to the slow path.
 */
function timestampFast(raw: string, order: 'mdy' | 'dmy'): FastPath[] {
  const dm = order === 'mdy' ? '%m/%d/%Y' : '%d/%m/%Y';
  const slash = '[0-9]*/[0-9]*/[0-9][0-9][0-9][0-9]';
  const strp = (fmt: string) => `try_strptime(${raw}, ${lit(fmt)})`;
  return [
    // The cast reads ' (BC)' too; zones and offsets it ignores, as the slow path does.
    { guard: `${raw} GLOB '[1-9][0-9][0-9][0-9][-/]*' AND NOT ends_with(${raw}, ')')`, value: `TRY_CAST(${raw} AS TIMESTAMP)` },
    { guard: `${raw} GLOB '[1-9][0-9][0-9][0-9]年*月*日'`, value: strp('%Y年%m月%d日') },
    {
      guard: `${raw} GLOB '${slash}*'`,
      value:
        `CASE WHEN ${raw} GLOB '${slash}' THEN ${strp(dm)}` +
        ` WHEN ${raw} GLOB '${slash} [0-9]*:[0-9][0-9]:[0-9][0-9]' THEN ${strp(`${dm} %H:%M:%S`)}` +
        ` WHEN ${raw} GLOB '${slash} [0-9]*:[0-9][0-9]' THEN ${strp(`${dm} %H:%M`)} END`,
    },
  ];
}


// ---------------------------------------------------------------- periods

const PERIOD_PATTERN =
  '^(\\d{4})\\s*(?:' +
  [
    '[-/.]\\s*(\\d{1,2})', // pm1: 2024-03, 2024/3
    '年\\s*(\\d{1,2})\\s*月份?', // pm2: 2024年3月
    '(\\d{2})', // pm3: 202403
    '-?\\s*(?:年\\s*)?(?:第\\s*)?[Qq]\\s*([1-4])', // pq1: 2024-Q1, 2024Q1, 2024 Q1, 2024年Q1
    '年\\s*(?:第\\s*)?([1-4一二三四])\\s*季度', // pq2: 2024年第1季度, 2024年一季度
    '-?\\s*(?:年\\s*)?[Hh]\\s*([12])', // ph1: 2024H1, 2024-H1
    '年\\s*([上下])\\s*半年度?', // ph2: 2024年上半年
    '年度?', // 2024年
    '', // 2024
  ].join('|') +
  ')\\s*$';
const PERIOD_GROUPS = ['py', 'pm1', 'pm2', 'pm3', 'pq1', 'pq2', 'ph1', 'ph2'];

/** First month and length in months of a period match; NULL month when it is not one. */
function periodSpan(m: string): { first: string; months: string } {
  const month = `TRY_CAST(${m}.pm1 || ${m}.pm2 || ${m}.pm3 AS INTEGER)`;
  const quarter = `CASE ${m}.pq1 || ${m}.pq2 WHEN '一' THEN 1 WHEN '二' THEN 2 WHEN '三' THEN 3 WHEN '四' THEN 4 ELSE TRY_CAST(${m}.pq1 || ${m}.pq2 AS INTEGER) END`;
  const half = `CASE ${m}.ph1 || ${m}.ph2 WHEN '上' THEN 1 WHEN '下' THEN 2 ELSE TRY_CAST(${m}.ph1 || ${m}.ph2 AS INTEGER) END`;
  const first =
    `CASE WHEN ${m}.py = '' THEN NULL WHEN ${m}.pm1 || ${m}.pm2 || ${m}.pm3 <> '' THEN ${month}` +
    ` WHEN ${m}.pq1 || ${m}.pq2 <> '' THEN 3 * ${quarter} - 2 WHEN ${m}.ph1 || ${m}.ph2 <> '' THEN 6 * ${half} - 5 ELSE 1 END`;
  const months =
    `CASE WHEN ${m}.pm1 || ${m}.pm2 || ${m}.pm3 <> '' THEN 1 WHEN ${m}.pq1 || ${m}.pq2 <> '' THEN 3` +
    ` WHEN ${m}.ph1 || ${m}.ph2 <> '' THEN 6 ELSE 12 END`;
  return { first, months };
}

function periodStartValue(m: string): string {
  const { first } = periodSpan(m);
  return `CASE WHEN (${first}) BETWEEN 1 AND 12 AND ${m}.py <> '0000' THEN make_date(CAST(${m}.py AS INTEGER), ${first}, 1) END`;
}

function periodEndValue(m: string): string {
  const { months } = periodSpan(m);
  return `CAST(${periodStartValue(m)} + to_months(${months}) - INTERVAL 1 DAY AS DATE)`;
}

function periodSlow(valueOf: (m: string) => string): MatchPath {
  return {
    pattern: PERIOD_PATTERN,
    groups: PERIOD_GROUPS,
    value: valueOf,
    problem: (m) => matchProblem(m, periodStartValue(m), 'invalid_period'),
  };
}

/** 2024-03 and 2024-3, the usual way of writing a month, through a date cast. */
function monthFast(raw: string): FastPath {
  return {
    guard: `(${raw} GLOB '[1-9][0-9][0-9][0-9]-[0-9]' OR ${raw} GLOB '[1-9][0-9][0-9][0-9]-[0-9][0-9]')`,
    value: `TRY_CAST(${raw} || '-01' AS DATE)`,
  };
}

const periodPlan = (raw: string): TypePlan => ({ fast: [monthFast(raw)], slow: periodSlow(periodStartValue) });

/** First day of a period cell (month, quarter, half or year) as DATE. */
export function periodStartSql(raw: string): string {
  return parseWith(raw, periodPlan(raw));
}

/** Last day of a period cell as DATE. */
export function periodEndSql(raw: string): string {
  const month = monthFast(raw);
  return parseWith(raw, { fast: [{ ...month, value: `last_day(${month.value})` }], slow: periodSlow(periodEndValue) });
}

/** Start, end and problem of a period cell, three SQL expressions. */
export function periodBoundsSql(raw: string): { start: string; end: string; problem: string } {
  return { start: periodStartSql(raw), end: periodEndSql(raw), problem: problemWith(raw, periodPlan(raw)) };
}

// ---------------------------------------------------------------- per type

function integerPlan(raw: string, decimal: Decimal): TypePlan {
  const value = (m: string) => integerValue(m, decimal);
  const problem = (m: string) => matchProblem(m, value(m), 'invalid_integer', 'dash');
  return { fast: [integerFast(raw, decimal)], slow: { pattern: numberPattern(decimal, false), groups: NUMBER_GROUPS, value, problem } };
}

function ratePlan(raw: string, decimal: Decimal, factor: number): TypePlan {
  const percentColumn = factor === 0.01;
  const value = (m: string) => rateValue(m, decimal, percentColumn);
  const problem = (m: string) => matchProblem(m, value(m), 'invalid_rate', 'dash');
  return { fast: [rateFast(raw, decimal, percentColumn)], slow: { pattern: numberPattern(decimal, true), groups: NUMBER_GROUPS, value, problem } };
}

function timestampPlan(raw: string, opts: ValueOptions, asDate: boolean): TypePlan {
  const order = slashOrder(opts);
  const fast = timestampFast(raw, order);
  const slow = timestampSlow(order);
  if (!asDate) return { fast, slow };
  const day = (ts: string) => `CAST(${ts} AS DATE)`;
  return { fast: fast.map((f) => ({ guard: f.guard, value: day(f.value) })), slow: { ...slow, value: (c) => day(slow.value(c)) } };
}

const booleanPlan = (raw: string): TypePlan => ({
  fast: [booleanFast(raw)],
  slow: { value: booleanValue, problem: (c) => problemIfNull(booleanValue(c), 'invalid_boolean') },
});

/** Text needs no plan: parseSql and problemSql answer it directly. */
function planOf(type: Exclude<FieldType, 'text'>, raw: string, opts: ValueOptions): TypePlan {
  checkFactor(opts.unitFactor);
  const { decimal, unitFactor } = opts;
  switch (type) {
    case 'id':
      return idPlan(raw);
    case 'amount':
      return { fast: numberFast(raw, decimal, unitFactor), slow: numberSlow(decimal, unitFactor, 'invalid_amount') };
    case 'number':
      return { fast: numberFast(raw, decimal, 1), slow: numberSlow(decimal, 1, 'invalid_number') };
    case 'integer':
      return integerPlan(raw, decimal);
    case 'rate':
      return ratePlan(raw, decimal, unitFactor);
    case 'boolean':
      return booleanPlan(raw);
    case 'datetime':
      return timestampPlan(raw, opts, false);
    case 'date':
      return timestampPlan(raw, opts, true);
    case 'period':
      return periodPlan(raw);
    default:
      return unreachable(type);
  }
}

function unreachable(value: never): never {
  throw new Error(`unknown field type ${String(value)}`);
}

/**
 * Typed value of a cell, NULL when it is empty or unreadable. SQL types:
 * id/text VARCHAR, date DATE, datetime TIMESTAMP, amount/number/rate DOUBLE,
 * integer BIGINT, boolean BOOLEAN, period DATE — the period's first day
 * (periodEndSql / periodBoundsSql give its last day too).
 *
 * opts.unitFactor multiplies amounts only; for a rate, 0.01 (a "(%)"
 * header) means every plain number is a percent, and other factors are
 * ignored.
 */
export function parseSql(type: FieldType, raw: string, opts: ValueOptions): string {
  if (type === 'text') return cleanTextSql(raw);
  return parseWith(raw, planOf(type, raw, opts));
}

/**
 * Problem code of a cell (VARCHAR, one of ProblemCode), NULL when it is fine
 * or empty. `parsed`, when given, is SQL naming parseSql's result for the
 * same cell (a column of an inner SELECT): cells it holds a value for are
 * then fine at once, and only unreadable cells are read a second time.
 */
export function problemSql(type: FieldType, raw: string, opts: ValueOptions, parsed?: string): string {
  if (type === 'text') return 'CAST(NULL AS VARCHAR)';
  return problemWith(raw, planOf(type, raw, opts), parsed);
}

// ---------------------------------------------------------------- detectors

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Full-width to half-width and trimmed, as the SQL cleans (NFKC also folds ￥
 * and the like). NFKC leaves printable ASCII as it is, and asking ICU costs
 * (20,000 samples a column).
 */
const tidy = (s: string): string => (PRINTABLE_ASCII.test(s) ? s : s.normalize('NFKC')).trim();

const SLASH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](?:\d{4}|\d{2})(?!\d)/;

/**
 * Order of day and month in a column's a/b/yyyy dates: a first part over 12
 * means dmy, a second part over 12 means mdy (the more frequent wins when
 * both occur); undecided gives `fallback`. A column without such dates
 * (year-first, compact, serial) is 'ymd', which the parsers read the same
 * whatever the order.
 */
export function detectDateOrder(samples: readonly string[], fallback: 'mdy' | 'dmy' = 'mdy'): 'ymd' | 'mdy' | 'dmy' {
  let slashDates = 0;
  let dayFirst = 0;
  let monthFirst = 0;
  // Each distinct text once, weighted by how often it occurs: a column repeats its dates.
  for (const [sample, times] of occurrences(samples)) {
    const m = SLASH_DATE.exec(tidy(sample));
    if (!m) continue;
    slashDates += times;
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) dayFirst += times;
    if (b > 12 && a <= 12) monthFirst += times;
  }
  if (slashDates === 0) return 'ymd';
  if (dayFirst !== monthFirst) return dayFirst > monthFirst ? 'dmy' : 'mdy';
  return fallback;
}

function occurrences(samples: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of samples) counts.set(s, (counts.get(s) ?? 0) + 1);
  return counts;
}

/** A number stripped of currency, sign, unit and spaces, leaving digits and separators. */
const bareNumber = (s: string): string => tidy(s).replace(/RMB|CNY|[\s¥$€£()%+\-−元万亿]/g, '');

const COMMA_DECIMAL = [/^\d+,\d{1,2}$/, /^\d{1,3}(?:\.\d{3})+,\d+$/];
const DOT_DECIMAL = [/^\d*\.\d+(?:e[-+]?\d+)?$/i, /^\d{1,3}(?:,\d{3})+\.\d+$/];
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;

/**
 * Decimal mark of a file's numbers: ',' only when some value shows a comma
 * decimal (261,96, 3,5, 1.234,56) and none shows a dot decimal (1.5,
 * 1,234.50). 1.234 and 22,368 say nothing.
 */
export function detectDecimal(samples: readonly string[]): '.' | ',' {
  let comma = false;
  // Any one value decides, whatever its place or count: each distinct text is looked at once.
  for (const sample of new Set(samples)) {
    const s = bareNumber(sample);
    if (DOT_DECIMAL.some((re) => re.test(s)) && !DOT_THOUSANDS.test(s)) return '.';
    if (COMMA_DECIMAL.some((re) => re.test(s))) comma = true;
  }
  return comma ? ',' : '.';
}

/** Scale words, after currency words are taken off the unit. */
const SCALES: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  千: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  万: 1e4,
  '10k': 1e4,
  十万: 1e5,
  '100k': 1e5,
  百万: 1e6,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  千万: 1e7,
  亿: 1e8,
  '100m': 1e8,
  十亿: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
};
const CURRENCY = /(?:人民币|元|块|美元|港币|港元|欧元|rmb|cny|yuan|usd|hkd|eur|[¥$€£])/g;
const UNIT_IN_HEADER = [
  /[([【]\s*([^()[\]【】]+?)\s*[)\]】]\s*$/, // 金额(万元), Amount [10k CNY]
  /单位\s*[:：]?\s*(.+?)\s*$/, // 金额 单位：万元
  /[/／]\s*([^/／]+?)\s*$/, // 销售额/万元
  /(十万元|百万元|千万元|千元|万元|亿元)$/, // 销售额万元
];

/**
 * Unit a header names, and the factor that turns its numbers into 元:
 * 万元 10000, 千元 1000, 亿元 1e8, 元 1, Amount (10k CNY) 10000. A currency
 * other than 元 keeps factor 1 (no exchange rates here). "(%)" gives 0.01,
 * which parseSql reads for rate fields as "every number is a percent".
 * Headers without a unit, or with words that are not one, give 1 and null.
 */
export function unitFactorFromHeader(header: string): { factor: number; unit: string | null } {
  const text = tidy(header);
  for (const re of UNIT_IN_HEADER) {
    const unit = re.exec(text)?.[1];
    if (unit === undefined) continue;
    const factor = factorOfUnit(unit);
    if (factor !== null) return { factor, unit };
  }
  return { factor: 1, unit: null };
}

function factorOfUnit(unit: string): number | null {
  const u = unit.toLowerCase().replace(/\s+/g, '');
  if (u === '%' || u === 'percent' || u === '百分比') return 0.01;
  const scale = u.replace(CURRENCY, '');
  const hadCurrency = scale !== u;
  const factor = SCALES[scale];
  // A bare '' is only a unit when a currency word was there: "(元)" yes, "()" no.
  if (factor === undefined || (scale === '' && !hadCurrency)) return null;
  return factor;
}
