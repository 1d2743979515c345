import { describe, expect, it } from 'vitest';
import { copyCell, copyText } from './copy-text.js';

describe('COPY text', () => {
  it('quotes every string and leaves NULL bare, so that the two never meet', () => {
    expect(copyCell(null)).toBe('');
    expect(copyCell('')).toBe('""');
    expect(copyCell('a "b", c')).toBe('"a ""b"", c"');
    expect(copyCell('line\nbreak')).toBe('"line\nbreak"');
  });

  it('writes numbers, booleans and big integers as PostgreSQL reads them', () => {
    expect([copyCell(1.5), copyCell(-0.25), copyCell(NaN), copyCell(Infinity), copyCell(-Infinity)]).toEqual(['1.5', '-0.25', 'NaN', 'Infinity', '-Infinity']);
    expect([copyCell(true), copyCell(false), copyCell(9007199254740993n)]).toEqual(['t', 'f', '9007199254740993']);
  });

  it('writes lists as array literals and records as JSON', () => {
    expect(copyCell(['a', 'b"c', null, 'd\\e'])).toBe('"{""a"",""b\\""c"",NULL,""d\\\\e""}"');
    expect(copyCell({ x: 1, y: 'z' })).toBe('"{""x"":1,""y"":""z""}"');
  });

  it('cuts the rows into chunks of whole lines and counts them', async () => {
    let n = 0;
    const chunks: string[] = [];
    for await (const c of copyText([[1, 'a'], [2, null], [3, 'c']], 2, 't', () => n++, 2)) chunks.push(c);
    expect(chunks).toEqual(['1,"a"\n2,\n', '3,"c"\n']);
    expect(n).toBe(3);
  });
});
