import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, UTF8_BOM } from './csv-cell.js';

describe('CSV cells', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvCell('普通文本')).toBe('普通文本');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+86 139', '-1+1', '@SUM(A1)', '\tx', '\rx']) expect(csvCell(s).replace(/^"/, '').startsWith("'")).toBe(true);
    // Numbers are numbers: a negative amount is not a formula.
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(null)).toBe('');
  });

  it('ends lines with CRLF; files start with a BOM', () => {
    expect(UTF8_BOM + csvLine(['客户', '金额']) + csvLine(['C1', 100])).toBe('\uFEFF客户,金额\r\nC1,100\r\n');
  });
});
