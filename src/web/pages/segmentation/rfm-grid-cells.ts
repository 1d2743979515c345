/**
 * The RFM grid as rows and cells: recency score 5 (most recent) on top,
 * frequency score 1..5 left to right, every one of the 25 cells present
 * (empty ones with 0), each with its share of the busiest cell for colour.
 */
import type { RfmSection } from './segments-data.js';

export type GridMeasure = 'customers' | 'revenue';

export interface GridCell {
  readonly r: number;
  readonly f: number;
  readonly customers: number;
  readonly revenue: number;
  /** The cell's measure over the largest cell's, 0..1. */
  readonly heat: number;
}

export const scores = [1, 2, 3, 4, 5] as const;

export function gridRows(grid: RfmSection['grid'], measure: GridMeasure): GridCell[][] {
  const at = new Map(grid.map((c) => [`${c.r}:${c.f}`, c]));
  const max = Math.max(0, ...grid.map((c) => c[measure]));
  return [...scores].reverse().map((r) =>
    scores.map((f) => {
      const c = at.get(`${r}:${f}`);
      const customers = c?.customers ?? 0;
      const revenue = c?.revenue ?? 0;
      const value = measure === 'customers' ? customers : revenue;
      return { r, f, customers, revenue, heat: max > 0 ? Math.max(0, value) / max : 0 };
    }),
  );
}

/** The values a score stands for: [min, below), either end open (null). */
export interface ScoreRange {
  readonly min: number | null;
  readonly below: number | null;
}

/**
 * A value scores 1 + the number of cut points at or below it; recency is
 * reversed (fewer days, higher score). So score s covers [cut s-1, cut s)
 * for frequency and money, and [cut 5-s, cut 6-s) for recency (1-based cuts).
 */
export function scoreRange(cuts: readonly number[], score: number, reversed: boolean): ScoreRange {
  const low = reversed ? 4 - score : score - 2;
  return { min: low >= 0 ? (cuts[low] ?? null) : null, below: low + 1 <= 3 ? (cuts[low + 1] ?? null) : null };
}

/**
 * The whole numbers in a range (days and orders are whole): [min, below)
 * holds ceil(min) … ceil(below) − 1; null ends stay open, and an empty range
 * (two equal cut points) gives null.
 */
export function wholeRange(r: ScoreRange): { readonly from: number | null; readonly to: number | null } | null {
  const from = r.min === null ? null : Math.ceil(r.min);
  const to = r.below === null ? null : Math.ceil(r.below) - 1;
  if (from !== null && to !== null && to < from) return null;
  return { from, to };
}

/** Cells at this heat or above get white text (their background is dark). */
export const darkHeat = 0.55;

/** Background of a cell: the app's blue, from almost white to full. */
export function heatColour(heat: number): string {
  const h = Math.min(1, Math.max(0, heat));
  const mix = (from: number, to: number) => Math.round(from + (to - from) * h);
  return `rgb(${mix(240, 31)}, ${mix(245, 111)}, ${mix(255, 235)})`;
}
