/**
 * Kinds of value a source column can hold. Every one is read from text (the
 * staged cell as written in the file) by the SQL in value-sql.ts.
 *
 * - id: text kept exactly (leading zeros stay); scientific notation or a long
 *   number that lost its digits is an error
 * - text: trimmed, full-width ASCII folded to half-width
 * - date / datetime: many written forms, Excel serial numbers
 * - amount: money in 元 (¥, thousands separators, (1.00) negatives, 1.2万)
 * - number / integer: plain numbers with the same tolerance as amount
 * - rate: a fraction 0..1 (15%, 0.15, 8.5折 → 0.15 discount)
 * - boolean: 是/否, Y/N, true/false, 1/0
 * - period: a month, quarter or year (2024-03, 2024Q1, 2024年第1季度, 2024)
 */
export type FieldType = 'id' | 'text' | 'date' | 'datetime' | 'amount' | 'number' | 'integer' | 'rate' | 'boolean' | 'period';

/** How a file writes numbers and dates; detected per file, overridable per mapping. */
export interface ValueOptions {
  /** Decimal separator; ',' in European exports such as 261,96. */
  readonly decimal: '.' | ',';
  /**
   * Order of day, month and year in slash or dot dates with a two-part ambiguity (3/5/2024).
   * Year-first dates read the same under every order; under 'ymd' an a/b/yyyy cell reads as m/d/y.
   */
  readonly dateOrder: 'ymd' | 'mdy' | 'dmy';
  /**
   * Multiplier a header unit implies, e.g. 10000 for 金额(万元). Amounts are multiplied by it;
   * for a rate, 0.01 (a "(%)" header) means every number is a percent; other types ignore it.
   */
  readonly unitFactor: number;
}

export const defaultValueOptions: ValueOptions = { decimal: '.', dateOrder: 'ymd', unitFactor: 1 };
