import { describe, expect, it } from 'vitest';
import { defaultPeriod, previousPeriod, wholeMonths, yearEarlier } from './analysis-period.js';

const period = (from: string, to: string) => ({ asOf: to, from, to });
const dates = (p: { from: string; to: string }) => `${p.from}..${p.to}`;

describe('the period before (环比) and the year before (同比)', () => {
  it.each([
    // calendar months: as many months before, whatever their length
    ['2025-01-01', '2025-12-31', '2024-01-01..2024-12-31', '2024-01-01..2024-12-31'],
    ['2024-03-01', '2024-03-31', '2024-02-01..2024-02-29', '2023-03-01..2023-03-31'],
    ['2025-02-01', '2025-02-28', '2025-01-01..2025-01-31', '2024-02-01..2024-02-29'],
    ['2025-04-01', '2025-06-30', '2025-01-01..2025-03-31', '2024-04-01..2024-06-30'],
    // months ending on the last day, as the default period: the months ending the day before
    ['2024-11-23', '2025-11-22', '2023-11-23..2024-11-22', '2023-11-23..2024-11-22'],
    ['2024-02-29', '2025-02-28', '2023-03-01..2024-02-28', '2023-03-01..2024-02-28'],
    ['2025-02-16', '2025-03-15', '2025-01-16..2025-02-15', '2024-02-16..2024-03-15'],
    // any other run of days: as many days before; a year before, the same dates
    ['2025-03-05', '2025-03-14', '2025-02-23..2025-03-04', '2024-03-05..2024-03-14'],
    ['2024-03-01', '2024-03-01', '2024-02-29..2024-02-29', '2023-03-01..2023-03-01'],
  ])('%s..%s: before %s, a year before %s', (from, to, before, yearBefore) => {
    expect(dates(previousPeriod(period(from, to)))).toBe(before);
    expect(dates(yearEarlier(period(from, to)))).toBe(yearBefore);
  });

  it('tells calendar months from months ending on a day and from other days', () => {
    expect(wholeMonths(period('2025-01-01', '2025-12-31'))).toEqual({ kind: 'calendar', months: 12 });
    expect(wholeMonths(period('2025-02-01', '2025-02-28'))).toEqual({ kind: 'calendar', months: 1 });
    expect(wholeMonths(period('2024-11-23', '2025-11-22'))).toEqual({ kind: 'ending', months: 12 });
    expect(wholeMonths(period('2025-02-01', '2025-02-27'))).toBeNull();
    expect(wholeMonths(period('2025-03-05', '2025-03-05'))).toBeNull();
  });

  it('makes the default 12 months and the 12 before meet with neither gap nor overlap', () => {
    for (const asOf of ['2025-11-22', '2025-02-28', '2024-02-29', '2025-12-31', '2025-03-31']) {
      const p = defaultPeriod(asOf);
      const before = previousPeriod(p);
      expect(before.to < p.from && previousPeriod(before).to < before.from).toBe(true);
      expect(Date.parse(p.from) - Date.parse(before.to)).toBe(86_400_000);
      expect(yearEarlier(p)).toEqual(before);
    }
  });
});
