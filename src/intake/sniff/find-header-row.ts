/**
 * Which row holds the column headers. Exports from Chinese CRM/ERP systems
 * and hand-made workbooks often put a title ("A公司2024年客户档案") or an
 * export note ("导出时间: 2024-05-01") above the header; logs and some
 * extracts have no header at all.
 */

export interface HeaderRowResult {
  /** Index into the given rows, or null when the first row is already data. */
  readonly headerIndex: number | null;
  /** Text of the non-empty rows above the header (cells joined by a space). */
  readonly titleRows: string[];
}

type Row = readonly (string | null)[];

const LOOK_AT = 30;
/** Rows after a candidate that show what the data looks like. */
const FOLLOWING = 10;
/** A header is mostly words; a few numeric headers (2023, 2024) are allowed. */
const MIN_TEXT_SHARE = 0.5;

/**
 * A header row has at least two non-empty cells, is mostly text, tends to use
 * known header names (knownHeaderScore > 0), and is as wide as the rows after
 * it, whose cells are often numbers or dates where the header has words.
 * Ties go to the earliest row.
 */
export function findHeaderRow(rows: readonly Row[], knownHeaderScore: (cell: string) => number): HeaderRowResult {
  const head = rows.slice(0, LOOK_AT).map(nonEmptyCells);
  let headerIndex: number | null = null;
  let bestScore = -Infinity;
  for (let index = 0; index < head.length; index++) {
    const following = head.slice(index + 1, index + 1 + FOLLOWING).filter((r) => r.length > 0);
    const score = headerScore(head[index]!, following, knownHeaderScore);
    // Strictly greater: on a tie the earlier row stays.
    if (score !== null && score > bestScore + 1e-9) {
      headerIndex = index;
      bestScore = score;
    }
  }
  if (headerIndex === null) return { headerIndex: null, titleRows: [] };
  const titleRows = head
    .slice(0, headerIndex)
    .filter((cells) => cells.length > 0)
    .map((cells) => cells.map((c) => c.text).join(' '));
  return { headerIndex, titleRows };
}

interface Cell {
  readonly column: number;
  readonly text: string;
}

function nonEmptyCells(row: Row): Cell[] {
  const cells: Cell[] = [];
  row.forEach((value, column) => {
    const text = value?.trim() ?? '';
    if (text !== '') cells.push({ column, text });
  });
  return cells;
}

/** Null when the row cannot be a header; otherwise higher is more header-like. */
function headerScore(cells: readonly Cell[], following: readonly Cell[][], known: (cell: string) => number): number | null {
  if (cells.length < 2) return null;
  const textCells = cells.filter((c) => isTextLike(c.text));
  const textShare = textCells.length / cells.length;
  if (textCells.length < 2 || textShare < MIN_TEXT_SHARE) return null;
  const knownShare = cells.filter((c) => known(c.text) > 0).length / cells.length;
  const distinctShare = new Set(cells.map((c) => c.text)).size / cells.length;
  return textShare + 2 * knownShare + widthFit(cells, following) + typeContrast(cells, following) + distinctShare - 1;
}

/** 1 when the following rows are as wide as this one; a one-cell title over ten columns scores low. */
function widthFit(cells: readonly Cell[], following: readonly Cell[][]): number {
  if (following.length === 0) return 0.5;
  const widths = following.map((r) => r.length).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)]!;
  return Math.min(cells.length, median) / Math.max(cells.length, median);
}

/** Share of this row's text cells whose column holds mostly numbers or dates below: a header over data. */
function typeContrast(cells: readonly Cell[], following: readonly Cell[][]): number {
  if (following.length === 0) return 0;
  const below = new Map<number, { values: number; nonText: number }>();
  for (const row of following) {
    for (const c of row) {
      const tally = below.get(c.column) ?? { values: 0, nonText: 0 };
      tally.values++;
      if (!isTextLike(c.text)) tally.nonText++;
      below.set(c.column, tally);
    }
  }
  let contrasted = 0;
  for (const cell of cells) {
    const tally = below.get(cell.column);
    if (tally && isTextLike(cell.text) && tally.nonText * 2 > tally.values) contrasted++;
  }
  return contrasted / cells.length;
}

const NUMBER = /^[(（]?[-+−]?[¥$€£]?\s?[-+]?(\d[\d,\s]*)?\.?\d+(e[-+]?\d+)?[)）]?\s?[%‰万亿元]?$/i;
const DATE = /^\d{1,4}([-/.年])\d{1,2}([-/.月])\d{1,4}日?/;
const TIME = /^\d{1,2}:\d{2}(:\d{2})?/;

/** Not a number, date or time: what header cells (and names, cities, codes) are. */
export function isTextLike(text: string): boolean {
  const t = text.trim();
  return !(NUMBER.test(t) || DATE.test(t) || TIME.test(t));
}
