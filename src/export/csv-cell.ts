/**
 * CSV written for people who open it in Excel: UTF-8 with a BOM (or Excel
 * guesses the wrong encoding), CRLF, and no cell that Excel would run as a
 * formula. A cell starting with = + - @ tab or CR is prefixed with an
 * apostrophe, which Excel shows as text and hides.
 */
export const UTF8_BOM = '\ufeff';

const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
