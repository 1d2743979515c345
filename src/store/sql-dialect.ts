/**
 * The SQL that differs between the two engines, and only that. Everything
 * else salescope writes is SQL both engines run as it is (FLOAT8 casts,
 * percentile_cont … WITHIN GROUP, ARRAY[…], generate_series, date − date,
 * unnest … WITH ORDINALITY, aliased subqueries, explicit GROUP BY), so a
 * builder reaches for this module only where the spelling or the meaning
 * really differs. Each function returns a fragment for the engine it is
 * given; test/store/sql-dialect.test.ts runs every one on the engine of the
 * test run and compares with hand-computed values.
 */
import { quoteLiteral, type Dialect } from './engine.js';

/**
 * Schema DDL is written in DuckDB's spelling; PostgreSQL names DOUBLE in
 * full. Text columns compare byte by byte ("C") as DuckDB's do, whatever
 * locale the server's database was made with, so customer ids, categories
 * and ties sort the same on both engines. DuckDB's ENUM(…) label columns are
 * text there: what they save DuckDB (writing short strings) PostgreSQL does
 * not pay, and a PostgreSQL enum would need a named type per column.
 */
export function ddlFor(dialect: Dialect, ddl: string): string {
  switch (dialect) {
    case 'duckdb':
      return ddl;
    case 'postgres':
      return ddl
        .replace(/\bENUM\((?:'(?:[^']|'')*'(?:,\s*)?)*\)/g, 'VARCHAR')
        .replace(/\bDOUBLE\b(?!\s+PRECISION)/g, 'DOUBLE PRECISION').replace(/\bVARCHAR\b(\[\])?(?!\s+COLLATE)/g, 'VARCHAR$1 COLLATE "C"');
    default:
      return unreachable(dialect);
  }
}

/** True when `pattern` matches anywhere in `text` (DuckDB's `~` would demand the whole string). */
export function regexpMatches(dialect: Dialect, text: string, pattern: string): string {
  switch (dialect) {
    case 'duckdb':
      return `regexp_matches(${text}, ${pattern})`;
    case 'postgres':
      return `(${text} ~ ${pattern})`;
    default:
      return unreachable(dialect);
  }
}

/**
 * A bucket 0 … n−1 from a hash of the value's text: a fixed pseudo-random
 * sample that is the same on every run of one engine. The engines hash
 * differently, so they pick different (equally fair) samples.
 */
export function hashBucket(dialect: Dialect, value: string, n: number): string {
  const buckets = Math.max(1, Math.floor(n));
  switch (dialect) {
    case 'duckdb':
      return `(hash(${value}) % ${buckets})`;
    case 'postgres':
      return `((hashtextextended(CAST(${value} AS TEXT), 0) % ${buckets} + ${buckets}) % ${buckets})`;
    default:
      return unreachable(dialect);
  }
}

export type DateText = 'year' | 'month' | 'day' | 'weekday' | 'hour';

/** A DATE or TIMESTAMP as text: 'YYYY', 'YYYY-MM', 'YYYY-MM-DD', ISO weekday '1'…'7' (Monday 1), hour '00'…'23'. */
export function dateText(dialect: Dialect, value: string, unit: DateText): string {
  const formats: Record<DateText, readonly [duck: string, pg: string]> = {
    year: ['%Y', 'YYYY'],
    month: ['%Y-%m', 'YYYY-MM'],
    day: ['%Y-%m-%d', 'YYYY-MM-DD'],
    weekday: ['%u', 'ID'],
    hour: ['%H', 'HH24'],
  };
  const [duck, pg] = formats[unit];
  switch (dialect) {
    case 'duckdb':
      return `strftime(${value}, '${duck}')`;
    case 'postgres':
      return `to_char(${value}, '${pg}')`;
    default:
      return unreachable(dialect);
  }
}

/** `fn(x)` over each element of a list, keeping order: DuckDB's lambda, PostgreSQL's ARRAY(subquery). */
export function listTransform(dialect: Dialect, list: string, fn: (element: string) => string): string {
  switch (dialect) {
    case 'duckdb':
      return `list_transform(${list}, x -> ${fn('x')})`;
    case 'postgres':
      return `ARRAY(SELECT ${fn('u.x')} FROM unnest(${list}) WITH ORDINALITY AS u(x, i) ORDER BY u.i)`;
    default:
      return unreachable(dialect);
  }
}

/**
 * One list of records (name → expression) per group, in the given order:
 * DuckDB's list of structs, PostgreSQL's JSON array (which its adapter hands
 * over as text: read it with readRecordList). Null when the group is empty.
 */
export function recordListAgg(dialect: Dialect, fields: Readonly<Record<string, string>>, orderBy: string): string {
  const entries = Object.entries(fields).map(([name, expr]) => [quoteLiteral(name), expr] as const);
  switch (dialect) {
    case 'duckdb':
      return `list({${entries.map(([name, expr]) => `${name}: ${expr}`).join(', ')}} ORDER BY ${orderBy})`;
    case 'postgres':
      return `json_agg(json_build_object(${entries.map(([name, expr]) => `${name}, ${expr}`).join(', ')}) ORDER BY ${orderBy})`;
    default:
      return unreachable(dialect);
  }
}

/** A recordListAgg value as a query returned it (a list, or JSON text), as a list; null stays null. */
export function readRecordList<T extends object>(value: unknown): T[] | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

/**
 * Whole years elapsed from one DATE to a later one (an age: not calendar
 * years crossed). DuckDB counts a month as full when it ends on the last day
 * of a shorter month, so 29 February → 28 February of a common year is a
 * full year; PostgreSQL's age() says not, and is corrected to agree.
 */
export function wholeYearsBetween(dialect: Dialect, from: string, to: string): string {
  switch (dialect) {
    case 'duckdb':
      return `date_sub('year', ${from}, ${to})`;
    case 'postgres':
      return `CAST(extract(year FROM age(${to}, ${from})) + CASE WHEN extract(month FROM ${from}) = 2 AND extract(day FROM ${from}) = 29 AND extract(month FROM ${to}) = 2 AND extract(day FROM ${to}) = 28 AND extract(day FROM ${to} + 1) = 1 THEN 1 ELSE 0 END AS INTEGER)`;
    default:
      return unreachable(dialect);
  }
}

/** True when a JSON array of objects holds one whose `field` is the text `value` (a SQL string expression). */
export function jsonArrayHasField(dialect: Dialect, json: string, field: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`not a plain JSON field name: ${field}`);
  switch (dialect) {
    case 'duckdb':
      return `list_contains(json_extract_string(${json}, '$[*].${field}'), ${value})`;
    case 'postgres':
      return `(CAST(${json} AS JSONB) @> jsonb_build_array(jsonb_build_object('${field}', CAST(${value} AS TEXT))))`;
    default:
      return unreachable(dialect);
  }
}

/**
 * The distinct non-null values of a group's rows that meet a condition, as a
 * list in no particular order; null when no row meets it. DuckDB keeps its
 * list_distinct (which drops nulls) over a filtered list(); PostgreSQL
 * aggregates DISTINCT, leaving nulls out in the filter.
 */
export function distinctListAgg(dialect: Dialect, value: string, where: string): string {
  switch (dialect) {
    case 'duckdb':
      return `list_distinct(list(${value}) FILTER (WHERE ${where}))`;
    case 'postgres':
      return `array_agg(DISTINCT ${value}) FILTER (WHERE (${where}) AND ${value} IS NOT NULL)`;
    default:
      return unreachable(dialect);
  }
}

/** A JSON object of name → expression, names in the order given: DuckDB's json_object, PostgreSQL's json_build_object. */
export function jsonObject(dialect: Dialect, fields: Readonly<Record<string, string>>): string {
  const args = Object.entries(fields).map(([name, expr]) => `${quoteLiteral(name)}, ${expr}`).join(', ');
  switch (dialect) {
    case 'duckdb':
      return `json_object(${args})`;
    case 'postgres':
      return `json_build_object(${args})`;
    default:
      return unreachable(dialect);
  }
}

/** A list of text, or an empty one in place of NULL (an empty list literal is spelt differently on each engine). */
export function textListOrEmpty(dialect: Dialect, list: string): string {
  switch (dialect) {
    case 'duckdb':
      return `coalesce(${list}, CAST([] AS VARCHAR[]))`;
    case 'postgres':
      return `coalesce(${list}, CAST(ARRAY[] AS TEXT[]))`;
    default:
      return unreachable(dialect);
  }
}

export function unreachable(value: never): never {
  throw new Error(`unhandled dialect: ${String(value)}`);
}
