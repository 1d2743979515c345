import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lineOfRecord, scanDelimited, scanHead } from './csv-scan.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'scan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string) => {
  const p = path.join(dir, `f${n++}.csv`);
  writeFileSync(p, text);
  return p;
};
const scan = (text: string, expectedFields = 3) =>
  scanDelimited(file(text), { delimiter: 44, quote: 34, expectedFields, firstDataRecord: 1, maxRecordBytes: 1_000, maxRecordLines: 50 });

describe('scanDelimited', () => {
  it('counts records, not lines, and maps records back to their first line', async () => {
    const r = await scan('a,b,c\n1,"x\ny",3\n\n4,5,6\r\n7,8,9');
    expect(r.records).toBe(4);
    expect(r.badRecords).toEqual([]);
    expect(r.blankLines).toBe(1);
    expect([0, 1, 2, 3].map((i) => lineOfRecord(i, r.segments))).toEqual([1, 2, 5, 6]);
    expect(r.truncatedTail).toBe(false);
  });

  it('sets aside a line whose quote never closes and reads the rest', async () => {
    const r = await scan('a,b,c\n1,2,3\n4,"5,6\n7,8,9\n10,11,12\n');
    expect(r.badRecords).toEqual([{ line: 3, endLine: 3, reason: 'unterminated_quote' }]);
    expect(r.records).toBe(4);
    expect([1, 2, 3].map((i) => lineOfRecord(i, r.segments))).toEqual([2, 4, 5]);
  });

  it('rejects a record with text after a closing quote, whole', async () => {
    const r = await scan('a,b,c\n1,"ab"c,d\n2,"x"  ,y\n');
    expect(r.badRecords).toEqual([{ line: 2, endLine: 2, reason: 'stray_quote' }]);
    expect(r.records).toBe(2);
  });

  it('reports short rows, the widest row and a file cut off mid-row', async () => {
    const r = await scan('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,1');
    expect(r.shortRecords).toEqual([{ record: 2, fields: 2 }, { record: 4, fields: 2 }]);
    expect(r.maxFields).toBe(4);
    expect(r.truncatedTail).toBe(true);
  });

  it('treats a field larger than the limit as a broken quote', async () => {
    const r = await scan(`a,b,c\n1,"${'x'.repeat(2_000)}",3\n4,5,6\n`);
    expect(r.badRecords[0]?.reason).toBe('record_too_large');
    expect(r.records).toBe(2);
  });

  it('counts NUL bytes', async () => {
    const r = await scan('a,b,c\n1,2\u0000,3\n');
    expect(r.nulBytes).toBe(1);
  });
});

describe('scanHead', () => {
  it('finds in a buffer what the file scan finds in the same bytes', async () => {
    const text = 'a,b,c\n1,"x\ny",3\n\n4,5\n6,7,8,9\n';
    const options = { delimiter: 44, quote: 34, expectedFields: 3, firstDataRecord: 1, maxRecordBytes: 1_000, maxRecordLines: 50 };
    const { badRecords: _bad, ...fromFile } = await scanDelimited(file(text), options);
    const fromHead = scanHead(Buffer.from(text), options);
    expect(fromHead).toEqual(fromFile);
    expect(fromHead).toMatchObject({ records: 4, maxFields: 4, shortRecords: [{ record: 2, fields: 2 }] });
  });
});
