import { describe, expect, it } from 'vitest';
import { detectFileKind, looksLikeText, utf16Parity } from './detect-file-kind.js';
import { datasets } from '../../../test/support/datasets.js';
import { readHead } from '../stage-delimited.js';

const DATA = datasets;

const head = (path: string) => readHead(path, 65_536);

/** A zip local file header followed by its (stored) data, as the start of a zip file looks. */
function localEntry(name: string, data: Buffer = Buffer.from('<x/>'), flags = 0): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(flags, 6);
  h.writeUInt32LE(flags & 0x08 ? 0 : data.length, 18);
  h.writeUInt32LE(flags & 0x08 ? 0 : data.length, 22);
  h.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([h, Buffer.from(name), data]);
}

describe('detectFileKind on real files', () => {
  it.each([
    ['online_retail/Online_Retail_sample40k.xlsx', 'xlsx'],
    ['superstore/Sample - Superstore.xls', 'xls'],
    ['chinese_retail/朝阳医院2018年销售数据.xls', 'xls'],
    ['online_retail/online_retail.parquet', 'parquet'],
    ['online_retail/Online_Retail.csv', 'text'],
    ['chinese_retail/tmall_order_report.gbk.csv', 'text'],
    ['chinese_retail/朝阳医院2018年销售数据.gb18030.csv', 'text'],
    ['superstore/superstore_semicolon_decimalcomma_cp1252.csv', 'text'],
    ['superstore/superstore_2023_utf8bom_ddmmyy.csv', 'text'],
    ['cdnow/CDNOW_master.txt', 'text'],
    ['cdnow/cdnowSummary.RData', 'binary'],
  ])('%s is %s', async (file, kind) => {
    expect(detectFileKind(await head(`${DATA}/${file}`), file)).toBe(kind);
  });

  it('believes the bytes over the extension', async () => {
    expect(detectFileKind(await head(`${DATA}/online_retail/Online_Retail_sample40k.xlsx`), 'orders.csv')).toBe('xlsx');
    expect(detectFileKind(await head(`${DATA}/superstore/Sample - Superstore.xls`), 'orders.xlsx')).toBe('xls');
    expect(detectFileKind(await head(`${DATA}/online_retail/Online_Retail.csv`), 'orders.xlsx')).toBe('text');
    expect(detectFileKind(await head(`${DATA}/online_retail/online_retail.parquet`), 'orders.csv')).toBe('parquet');
  });
});

describe('detectFileKind on zips', () => {
  it('finds a workbook by an entry under xl/, however deep in the local headers', () => {
    const zip = Buffer.concat([localEntry('[Content_Types].xml'), localEntry('_rels/.rels'), localEntry('xl/workbook.xml')]);
    expect(detectFileKind(zip, 'export')).toBe('xlsx');
  });

  it('walks past entries written with a data descriptor', () => {
    const zip = Buffer.concat([localEntry('docProps/app.xml', Buffer.from('<Properties/>'), 0x08), Buffer.alloc(16), localEntry('xl/styles.xml')]);
    expect(detectFileKind(zip, 'export.bin')).toBe('xlsx');
  });

  it('calls other office files and binary workbooks a plain zip', () => {
    expect(detectFileKind(Buffer.concat([localEntry('[Content_Types].xml'), localEntry('word/document.xml')]), 'a.docx')).toBe('zip');
    expect(detectFileKind(Buffer.concat([localEntry('[Content_Types].xml'), localEntry('xl/workbook.bin')]), 'a.xlsb')).toBe('zip');
    expect(detectFileKind(localEntry('mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')), 'a.ods')).toBe('zip');
  });

  it('uses the extension only when the entries in view do not tell', () => {
    const zip = localEntry('data/orders.csv', Buffer.alloc(100, 0x41));
    expect(detectFileKind(zip, 'orders.zip')).toBe('zip');
    expect(detectFileKind(zip, 'orders.XLSX')).toBe('xlsx');
    // Truncated in the middle of the first header.
    expect(detectFileKind(zip.subarray(0, 12), 'orders.zip')).toBe('zip');
  });
});

describe('detectFileKind text or binary', () => {
  it('calls an empty file text (the caller reports it as empty)', () => {
    expect(detectFileKind(new Uint8Array(0), 'empty.csv')).toBe('text');
  });

  it('calls a file of NUL bytes binary', () => {
    expect(detectFileKind(new Uint8Array(4096), 'zeros.csv')).toBe('binary');
  });

  it('forgives a stray NUL in a CSV but not many control bytes', () => {
    const csv = Buffer.from(`id,name\n${'1,abc\n'.repeat(100)}`);
    csv[50] = 0;
    expect(detectFileKind(csv, 'a.csv')).toBe('text');
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 0), Buffer.from('IHDR')]);
    expect(detectFileKind(png, 'a.csv')).toBe('binary');
  });

  it('recognises UTF-16 text, with or without BOM, as text', () => {
    const text = '客户编号,客户名称,金额\r\nC001,北京华联,1200.50\r\nC002,Shanghai Co,88\r\n'.repeat(5);
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(detectFileKind(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'u.csv')).toBe('text');
    expect(detectFileKind(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'u.csv')).toBe('text');
    expect(utf16Parity(le)).toBe('le');
    expect(utf16Parity(be)).toBe('be');
    expect(detectFileKind(le, 'u.txt')).toBe('text');
  });

  it('does not mistake GBK or Windows-1252 bytes for binary', () => {
    expect(looksLikeText(Buffer.from([0xb6, 0xa9, 0xb5, 0xa5, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x0d, 0x0a]))).toBe(true);
  });

  it('does not take binary with NULs on both sides for UTF-16', () => {
    const bytes = Buffer.alloc(512);
    for (let i = 0; i < bytes.length; i += 3) bytes[i] = 0x07;
    expect(utf16Parity(bytes)).toBeNull();
    expect(detectFileKind(bytes, 'x.csv')).toBe('binary');
  });
});
