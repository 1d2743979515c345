/**
 * Monthly sales targets per rep, set the way managers set them: a blend of
 * last year's actual and the book's potential, plus a stretch, spread over
 * the months like last year's revenue. The first year has no history inside
 * the window, so it rests on potential alone; new hires get a ramp.
 * Attainment then varies with how well each rep works the book.
 */
import { monthAmountFactor, monthRateFactor } from './calendar-effects.js';
import type { CustomerPlan } from './customers.js';
import type { TargetRow } from './demo-company.js';
import { isoOf, type Day } from './day.js';
import type { RevenueLedger } from './revenue-ledger.js';
import type { Rep } from './reps.js';
import type { Rng } from '../domain/rng.js';

export const plannedStretch = 0.15;

export interface TargetInputs {
  readonly reps: readonly Rep[];
  readonly plans: readonly CustomerPlan[];
  readonly ledger: RevenueLedger;
  /** Every 'YYYY-MM' of the window, in order. */
  readonly months: readonly string[];
  readonly start: Day;
}

export function generateTargets(rng: Rng, input: TargetInputs): TargetRow[] {
  const { reps, plans, ledger, months } = input;
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))];
  const complete = new Set(years.filter((y) => months.filter((m) => m.startsWith(`${y}-`)).length === 12));
  const revenue = (rep: string, month: string) => ledger.byRepMonth.get(rep)?.get(month) ?? 0;
  const planted = monthAmountFactor.map((a, i) => a * (monthRateFactor[i] ?? 1) * (i === 1 ? 0.6 : 1));

  // Seasonal weights per year: last year's company revenue by month, or the planted pattern.
  const weightsFor = (year: number): number[] => {
    const raw = complete.has(year - 1)
      ? Array.from({ length: 12 }, (_, i) => ledger.byMonth.get(`${year - 1}-${String(i + 1).padStart(2, '0')}`) ?? 0)
      : planted;
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / sum);
  };
  const weights = new Map(years.map((y) => [y, weightsFor(y)]));
  // What each book should yield in a year judged by its accounts alone (size, industry outlook), not by who sells to them.
  const book = new Map<string, CustomerPlan[]>();
  for (const p of plans) {
    const list = book.get(p.rep.name) ?? [];
    list.push(p);
    book.set(p.rep.name, list);
  }
  const potential = (repName: string, year: number): number => {
    const from = Date.UTC(year, 0, 1) / 86_400_000;
    let sum = 0;
    for (const p of book.get(repName) ?? []) {
      if (p.createdDay > from) continue;
      sum += p.annualValue * Math.pow(1 + p.industry.growth, (from + 182 - input.start) / 365);
    }
    return sum;
  };
  const actual = (repName: string, year: number) => months.filter((m) => m.startsWith(`${year}-`)).reduce((s, m) => s + revenue(repName, m), 0);

  const out: TargetRow[] = [];
  const established = reps.filter((r) => !r.newHire);
  const calibration = new Map<number, number>();
  for (const year of years) {
    if (!complete.has(year - 1)) continue;
    const realised = established.reduce((s, r) => s + actual(r.name, year - 1), 0);
    const expected = established.reduce((s, r) => s + potential(r.name, year - 1), 0);
    calibration.set(year, expected > 0 ? realised / expected : 1);
  }
  const monthly = new Map<string, number[]>();
  for (const rep of established) {
    const rows: number[] = [];
    for (const year of years) {
      // Half last year's actual, half the book's potential: history-based, but a rep who under-sells a rich book is not let off.
      const k = calibration.get(year);
      const base = k === undefined ? potential(rep.name, year) : 0.5 * actual(rep.name, year - 1) + 0.5 * k * potential(rep.name, year);
      const annual = base * (1 + plannedStretch) * rng.uniform(0.96, 1.04);
      for (const month of months.filter((m) => m.startsWith(`${year}-`))) {
        const amount = roundTo(annual * (weights.get(year)![Number(month.slice(5)) - 1] ?? 0), 1000);
        rows.push(amount);
        out.push({ repId: rep.id, month, amount });
      }
    }
    monthly.set(rep.id, rows);
  }
  // A new hire's target ramps from half a typical rep's to it over six months.
  months.forEach((month, i) => {
    const typical = median(established.map((r) => monthly.get(r.id)?.[i] ?? 0));
    for (const rep of reps.filter((r) => r.newHire)) {
      const hireMonth = isoOf(rep.hireDay).slice(0, 7);
      if (month <= hireMonth) continue;
      const k = monthsBetween(hireMonth, month);
      out.push({ repId: rep.id, month, amount: roundTo(typical * 0.5 * Math.min(1, k / 6), 1000) });
    }
  });
  return out.sort((a, b) => (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
}

function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5)) - Number(a.slice(5));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return 0;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function roundTo(x: number, step: number): number {
  return Math.round(x / step) * step;
}
