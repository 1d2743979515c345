/**
 * The handful of dirty rows every real order export has, planted in
 * 订单明细.csv so the importer's checks have something to catch: an
 * impossible date and an amount with words in it (to quarantine), an exact
 * duplicate line (to merge), and amounts written as ¥12,345.00 or 1.2万 (valid,
 * to parse). Kept under 0.4% of the rows so they stay a handful.
 */
import type { DirtyKind, DirtyRow, OrderLineRow } from './demo-company.js';
import type { Rng } from '../domain/rng.js';

const wanted: readonly (readonly [DirtyKind, number])[] = [
  ['impossible_date', 2],
  ['text_amount', 2],
  ['duplicate', 3],
  ['yuan_symbol_amount', 6],
  ['wan_amount', 4],
];

const MAX_SHARE = 0.004;

export function planDirtyRows(rng: Rng, lines: readonly OrderLineRow[], eligible: (index: number) => boolean): DirtyRow[] {
  const budget = Math.floor(lines.length * MAX_SHARE);
  const counts = new Map<DirtyKind, number>();
  for (let used = 0, progress = true; used < budget && progress; ) {
    progress = false;
    for (const [kind, max] of wanted) {
      if (used >= budget) break;
      if ((counts.get(kind) ?? 0) < max) {
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
        used++;
        progress = true;
      }
    }
  }
  const pool = rng.shuffle(lines.map((_, i) => i).filter(eligible));
  const taken = new Set<number>();
  const chosen: { kind: DirtyKind; index: number }[] = [];
  for (const [kind] of wanted) {
    let need = counts.get(kind) ?? 0;
    for (const index of pool) {
      if (need === 0) break;
      if (taken.has(index) || taken.has(index - 1) || taken.has(index + 1)) continue;
      const line = lines[index]!;
      if (kind === 'wan_amount' && !(line.discount === null && line.amount >= 10_000 && line.amount % 1000 === 0)) continue;
      taken.add(index);
      chosen.push({ kind, index });
      need--;
    }
  }
  const duplicates = chosen.filter((c) => c.kind === 'duplicate').map((c) => c.index);
  const rowOf = (index: number) => index + 2 + duplicates.filter((d) => d < index).length;
  return chosen
    .sort((a, b) => a.index - b.index)
    .map(({ kind, index }): DirtyRow => {
      const line = lines[index]!;
      const base = { kind, lineIndex: index, row: rowOf(index), orderId: line.orderId, lineNo: line.lineNo };
      switch (kind) {
        case 'impossible_date':
          return { ...base, column: '下单日期', written: `${line.date.slice(0, 4)}/2/30`, expected: 'quarantine', value: null };
        case 'text_amount':
          return { ...base, column: '金额', written: `约${Math.round(line.amount / 100) * 100}`, expected: 'quarantine', value: null };
        case 'duplicate':
          return { ...base, row: rowOf(index) + 1, column: null, written: null, expected: 'duplicate', value: null };
        case 'yuan_symbol_amount':
          return { ...base, column: '金额', written: `¥${withThousands(line.amount.toFixed(2))}`, expected: 'valid', value: line.amount };
        case 'wan_amount':
          return { ...base, column: '金额', written: `${line.amount / 10_000}万`, expected: 'valid', value: line.amount };
      }
    });
}

function withThousands(fixed: string): string {
  const [int, frac] = fixed.split('.');
  return `${(int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac ?? '00'}`;
}
