import { describe, expect, it } from 'vitest';
import { csvField, csvText } from './csv-text.js';

describe('CSV export', () => {
  it('quotes what needs quoting and neutralises formulas', () => {
    expect(csvField('普通文本')).toBe('普通文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const s of ['+86 139', '-1+1', '@SUM(A1)', '\tx', '\rx']) expect(csvField(s).replace(/^"/, '').startsWith("'")).toBe(true);
    // Numbers are numbers: a negative amount is not a formula.
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(null)).toBe('');
  });

  it('writes UTF-8 with a BOM and CRLF lines', () => {
    expect(csvText(['客户', '金额'], [['C1', 100], ['C2', null]])).toBe('\uFEFF客户,金额\r\nC1,100\r\nC2,\r\n');
  });
});
