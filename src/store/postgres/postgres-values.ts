/**
 * PostgreSQL text values into the engine interface's value shapes, the same
 * as the DuckDB adapter gives: 64-bit integers and NUMERIC as numbers (a
 * bigint beyond 2^53), DATE as 'YYYY-MM-DD', TIMESTAMP as ISO-8601 in UTC,
 * JSON as its text.
 */
import pg from 'pg';

type Parser = (text: string) => unknown;

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);

function int8(text: string): number | bigint {
  const b = BigInt(text);
  return b <= maxSafe && b >= -maxSafe ? Number(b) : b;
}

function numeric(text: string): number | string {
  // 'NaN' and the infinities come through Number() as their JavaScript selves.
  return Number(text);
}

/** '2026-01-01 08:30:00[.123456][+00]' → '2026-01-01T08:30:00.000Z'. */
function timestamp(text: string): string {
  if (text === 'infinity' || text === '-infinity') return text;
  // PostgreSQL writes a whole-hour zone as '+00', which Date.parse refuses: make it '+00:00'.
  const withZone = /[+-]\d\d$/.test(text) ? `${text}:00` : /[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`;
  const ms = Date.parse(withZone.replace(' ', 'T'));
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

const identity: Parser = (text) => text;

const oids = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
  json: 114,
  jsonb: 3802,
  int8Array: 1016,
  numericArray: 1231,
  dateArray: 1182,
  timestampArray: 1115,
  textArray: 1009,
} as const;

const textArray = pg.types.getTypeParser(oids.textArray as never) as (text: string) => (string | null)[];
const arrayOf =
  (element: Parser): Parser =>
  (text) =>
    textArray(text).map((v) => (v === null ? null : element(v)));

const parsers = new Map<number, Parser>([
  [oids.int8, int8],
  [oids.numeric, numeric],
  [oids.date, identity],
  [oids.timestamp, timestamp],
  [oids.timestamptz, timestamp],
  [oids.json, identity],
  [oids.jsonb, identity],
  [oids.int8Array, arrayOf(int8)],
  [oids.numericArray, arrayOf(numeric)],
  [oids.dateArray, arrayOf(identity)],
  [oids.timestampArray, arrayOf(timestamp)],
]);

/** The `types` option for pg's clients and pools. */
export const postgresTypes = {
  getTypeParser: ((oid: number, format?: string) => parsers.get(oid) ?? pg.types.getTypeParser(oid, format as 'text')) as never,
};
