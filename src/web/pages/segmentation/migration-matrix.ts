/**
 * The tier migration matrix between two snapshots: previous tier in rows,
 * current tier in columns, tiers best first; each cell says whether its
 * customers stayed, moved up or down, arrived (new in the analysis) or left.
 */
import type { Migration } from './segments-data.js';

export type MigrationScheme = 'value' | 'rfm';
export type Direction = 'stay' | 'up' | 'down' | 'entered' | 'left';

/** Tiers best first, so that a move towards the start of the list is a move up. */
export const tierOrder: Readonly<Record<MigrationScheme, readonly string[]>> = {
  value: ['strategic', 'high_value', 'potential', 'long_tail'],
  rfm: ['high_value', 'potential', 'churn_risk', 'low_value'],
};

/** Customers in no tier of one snapshot (new, or gone from the analysis). */
export const none = 'none';

export interface MigrationCell {
  readonly to: string;
  readonly customers: number;
  readonly direction: Direction;
}

export interface MigrationMatrix {
  readonly columns: readonly string[];
  readonly rows: readonly { readonly from: string; readonly cells: readonly MigrationCell[]; readonly total: number }[];
  readonly summary: Readonly<Record<Direction, number>>;
}

export function direction(order: readonly string[], from: string, to: string): Direction {
  if (from === none) return 'entered';
  if (to === none) return 'left';
  if (from === to) return 'stay';
  const rank = (t: string) => {
    const i = order.indexOf(t);
    return i < 0 ? order.length : i;
  };
  return rank(to) < rank(from) ? 'up' : 'down';
}

export function migrationMatrix(moves: readonly Migration[], scheme: MigrationScheme): MigrationMatrix {
  const order = tierOrder[scheme];
  const seen = new Set(moves.flatMap((m) => [m.from, m.to]));
  const others = [...seen].filter((t) => t !== none && !order.includes(t)).sort();
  const tiers = [...order.filter((t) => seen.has(t)), ...others];
  const withNone = (side: 'from' | 'to') => (moves.some((m) => m[side] === none) ? [...tiers, none] : tiers);
  const count = new Map(moves.map((m) => [`${m.from}\u0000${m.to}`, m.customers]));
  const summary: Record<Direction, number> = { stay: 0, up: 0, down: 0, entered: 0, left: 0 };
  for (const m of moves) summary[direction(order, m.from, m.to)] += m.customers;
  const columns = withNone('to');
  const rows = withNone('from').map((from) => {
    const cells = columns.map((to) => ({ to, customers: count.get(`${from}\u0000${to}`) ?? 0, direction: direction(order, from, to) }));
    return { from, cells, total: cells.reduce((s, c) => s + c.customers, 0) };
  });
  return { columns, rows, summary };
}
