/**
 * Calendar days as integers (days since 1970-01-01, UTC): arithmetic on them
 * is exact and cheap, and they never meet a time zone.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

const dayCache = new Map<string, Day>();

export function dayOf(iso: string): Day {
  const cached = dayCache.get(iso);
  if (cached !== undefined) return cached;
  const day = parseDay(iso);
  dayCache.set(iso, day);
  return day;
}

function parseDay(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) throw new Error(`no such date: ${iso}`);
  return t / MS_PER_DAY;
}

export function dayOfYmd(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export interface Ymd {
  readonly year: number;
  /** 1..12 */
  readonly month: number;
  readonly day: number;
}

export function ymdOf(day: Day): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const isoCache = new Map<Day, string>();

/** 'YYYY-MM-DD'; the same string object for the same day, so rows share it. */
export function isoOf(day: Day): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    s = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, s);
  }
  return s;
}

export function dateOf(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

export function monthOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 'YYYY-MM' */
export function monthKeyOf(day: Day): string {
  return isoOf(day).slice(0, 7);
}

/** The same day of month n months later, clamped to the month's end (Jan 31 + 1 → Feb 28/29). */
export function addMonths(day: Day, n: number): Day {
  const { year, month, day: d } = ymdOf(day);
  const first = Date.UTC(year, month - 1 + n, 1);
  const target = new Date(first);
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last)) / MS_PER_DAY;
}

export function firstOfMonth(day: Day): Day {
  const { year, month } = ymdOf(day);
  return dayOfYmd(year, month, 1);
}
