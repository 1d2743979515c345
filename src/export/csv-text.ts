/**
 * CSV as Excel in China opens it: UTF-8 with a BOM, CRLF lines, fields quoted
 * when needed. A cell that starts with = + - @, a tab or a carriage return
 * is prefixed with ' so that no spreadsheet runs it as a formula.
 */
export type CsvCell = string | number | null;

const dangerous = /^[=+\-@\t\r]/;

export function csvField(value: CsvCell): string {
  if (value === null) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && dangerous.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(header: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  const lines = [header.map(csvField).join(',')];
  for (const r of rows) lines.push(r.map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
