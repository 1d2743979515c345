/** The import wizard's progress bar: reading is the first 60%, checking the next 15%, writing the rest. */
import { describe, expect, it } from 'vitest';
import { importPercent } from '../../src/web/pages/import/import-percent.js';

describe('importPercent', () => {
  it.each([
    [{ phase: 'idle', done: 0, total: 0 }, 0],
    [{ phase: 'reading', done: 0, total: 0 }, 0],
    [{ phase: 'reading', done: 50, total: 100 }, 30],
    [{ phase: 'reading', done: 150, total: 100 }, 60],
    [{ phase: 'validating', done: 0, total: 4000 }, 60],
    [{ phase: 'writing', done: 2000, total: 4000 }, 88],
    [{ phase: 'writing', done: 4000, total: 4000 }, 100],
  ] as const)('%j is %i%%', (state, percent) => {
    expect(importPercent(state)).toBe(percent);
  });
});
