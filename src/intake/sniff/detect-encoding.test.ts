import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectEncoding, detectFileEncoding, scanGb, scanUtf8 } from './detect-encoding.js';
import { datasets } from '../../../test/support/datasets.js';

const DATA = datasets;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-encoding-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tempFile(name: string, bytes: Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  return file;
}

const CHINESE_CSV = '客户编号,客户名称,所在城市,金额\r\nC001,北京华联商贸有限公司,北京,1200.50\r\nC002,上海浦东发展,上海,88\r\n';

describe('detectFileEncoding on the real files', () => {
  it.each([
    ['chinese_retail/tmall_order_report.csv', 'utf-8', 0],
    ['chinese_retail/tmall_order_report_excel_resaved.csv', 'utf-8', 0],
    ['chinese_retail/tmall_order_report.gbk.csv', 'gb18030', 0],
    ['chinese_retail/朝阳医院2018年销售数据.gb18030.csv', 'gb18030', 0],
    ['superstore/superstore_2023_utf8bom_ddmmyy.csv', 'utf-8', 3],
    ['superstore/superstore_semicolon_decimalcomma_cp1252.csv', 'windows-1252', 0],
    ['superstore/Sample - Superstore.csv', 'utf-8', 0],
    ['online_retail/Online_Retail.csv', 'utf-8', 0],
    ['cdnow/CDNOW_master.txt', 'utf-8', 0],
  ])('%s is %s (BOM %i)', async (file, encoding, bom) => {
    const guess = await detectFileEncoding(`${DATA}/${file}`);
    expect(guess.encoding).toBe(encoding);
    expect(guess.bom).toBe(bom);
    expect(guess.clean).toBe(true);
  });

  it('confirms UTF-8 over the whole of a file whose first MiB is ASCII', async () => {
    // Online_Retail.csv has its first non-ASCII byte (Â£) far beyond the first MiB.
    const guess = await detectFileEncoding(`${DATA}/online_retail/Online_Retail.csv`);
    expect(guess.evidence).toBe('ASCII only in the first MiB; the whole file is valid UTF-8');
  });

  it('says why GBK is GB18030', async () => {
    const guess = await detectFileEncoding(`${DATA}/chinese_retail/tmall_order_report.gbk.csv`);
    expect(guess.evidence).toMatch(/^GB18030 structure: \d+ double-byte pairs \(100% in the GB2312 area\), 0 four-byte sequences, 0 invalid$/);
  });
});

describe('detectFileEncoding on generated files', () => {
  it('reads UTF-16 byte-order marks', async () => {
    const le = await tempFile('le.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CHINESE_CSV, 'utf16le')]));
    const be = await tempFile('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(CHINESE_CSV, 'utf16le').swap16()]));
    expect(await detectFileEncoding(le)).toMatchObject({ encoding: 'utf-16le', bom: 2 });
    expect(await detectFileEncoding(be)).toMatchObject({ encoding: 'utf-16be', bom: 2 });
  });

  it('finds GBK after a first MiB of pure ASCII', async () => {
    const ascii = 'C000001,20240101,1,11.77\r\n'.repeat(45_000);
    const gbk = iconv.encode('C100000,张三,北京,11.77\r\n'.repeat(100), 'gbk');
    const file = await tempFile('late-gbk.csv', Buffer.concat([Buffer.from(ascii), gbk]));
    const guess = await detectFileEncoding(file);
    expect(guess.encoding).toBe('gb18030');
    expect(guess.evidence).toMatch(/^ASCII in the first MiB; near byte \d+: GB18030 structure/);
  });

  it('finds Windows-1252 after a first MiB of pure ASCII', async () => {
    const ascii = 'Row,City,Sales\r\n'.repeat(70_000);
    const file = await tempFile('late-1252.csv', Buffer.concat([Buffer.from(ascii), iconv.encode('71,Zürich,12\r\n72,Besançon,3\r\n', 'windows-1252')]));
    expect((await detectFileEncoding(file)).encoding).toBe('windows-1252');
  });

  it('keeps UTF-8 when one invalid byte sits deep inside a UTF-8 file, and says it is not clean', async () => {
    const body = Buffer.from(CHINESE_CSV.repeat(12_000));
    expect(body.length).toBeGreaterThan(1.5 * 1024 * 1024);
    body[Math.floor(body.length * 0.8)] = 0xff;
    const guess = await detectFileEncoding(await tempFile('utf8-one-bad.csv', body));
    expect(guess.encoding).toBe('utf-8');
    expect(guess.clean).toBe(false);
    expect(guess.evidence).toMatch(/invalid UTF-8 near byte \d+/);
  });

  it('flags a UTF-8 file that ends inside a character', async () => {
    const body = Buffer.from(`${'id,name\r\n'.repeat(150_000)}1,北京`);
    const guess = await detectFileEncoding(await tempFile('utf8-cut.csv', body.subarray(0, body.length - 1)));
    expect(guess.clean).toBe(false);
  });

  it('handles an empty file', async () => {
    expect(await detectFileEncoding(await tempFile('empty.csv', new Uint8Array(0)))).toMatchObject({ encoding: 'utf-8', bom: 0, evidence: 'ASCII only' });
  });
});

describe('detectEncoding on samples', () => {
  const utf8 = Buffer.from(CHINESE_CSV);
  const gbk = iconv.encode(CHINESE_CSV, 'gbk');

  it('takes a BOM first', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), true)).toMatchObject({ encoding: 'utf-8', bom: 3 });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]), true)).toMatchObject({ encoding: 'utf-16le', bom: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41]), true)).toMatchObject({ encoding: 'utf-16be', bom: 2 });
    expect(detectEncoding(Buffer.from([0x84, 0x31, 0x95, 0x33, 0xd6, 0xd0]), true)).toMatchObject({ encoding: 'gb18030', bom: 4 });
  });

  it('recognises UTF-16 without a BOM by its NULs', () => {
    expect(detectEncoding(Buffer.from(CHINESE_CSV, 'utf16le'), true)).toMatchObject({ encoding: 'utf-16le', bom: 0 });
    expect(detectEncoding(Buffer.from(CHINESE_CSV, 'utf16le').swap16(), true)).toMatchObject({ encoding: 'utf-16be', bom: 0 });
  });

  it('accepts a character cut by the end of an incomplete sample, not of a complete file', () => {
    const cut = utf8.subarray(0, utf8.indexOf(Buffer.from('商')) + 2);
    expect(detectEncoding(cut, false)).toMatchObject({ encoding: 'utf-8', clean: true });
    const asFile = detectEncoding(cut, true);
    expect(asFile.encoding === 'utf-8' && asFile.clean).toBe(false);
    expect(scanUtf8(cut, true).invalid).toBeGreaterThan(0);
    expect(scanUtf8(cut, false).invalid).toBe(0);
  });

  it('tells GBK from Windows-1252', () => {
    expect(detectEncoding(gbk, true)).toMatchObject({ encoding: 'gb18030', clean: true });
    // Cut in the middle of a pair: fine in a sample.
    expect(detectEncoding(gbk.subarray(0, gbk.indexOf(iconv.encode('商', 'gbk')) + 1), false).encoding).toBe('gb18030');
    expect(detectEncoding(iconv.encode('Name;City\r\nCafé Müller;Besançon\r\nCrème;Zürich\r\n', 'windows-1252'), true).encoding).toBe('windows-1252');
    // Only letters after the high bytes: valid GBK pairs, but none in the GB2312 area.
    expect(detectEncoding(iconv.encode('Müller;Bräunlich;Jürgen\r\n', 'windows-1252'), true).encoding).toBe('windows-1252');
    // No-break spaces before letters, as in the semicolon Superstore export.
    expect(detectEncoding(Buffer.from('Message Book,\xa0Wirebound;12\r\nTable\xa0Lamp;3\r\n', 'latin1'), true).encoding).toBe('windows-1252');
  });

  it('counts GB18030 four-byte sequences', () => {
    const bytes = iconv.encode('客户😀,€,㐀\r\n', 'gb18030');
    const scan = scanGb(bytes, true);
    expect(scan.fourByte).toBeGreaterThanOrEqual(1);
    expect(scan.invalid).toBe(0);
    expect(detectEncoding(bytes, true).encoding).toBe('gb18030');
  });

  it('keeps GBK with a stray byte among many characters, flagged as not clean', () => {
    const big = iconv.encode(CHINESE_CSV.repeat(100), 'gbk');
    const withStray = Buffer.concat([big, Buffer.from([0xb1, 0x2c, 0x0d, 0x0a])]);
    expect(detectEncoding(withStray, true)).toMatchObject({ encoding: 'gb18030', clean: false });
  });

  it('keeps UTF-8 with one bad byte among many characters', () => {
    const big = Buffer.from(CHINESE_CSV.repeat(50));
    big[big.length - 10] = 0xc0;
    expect(detectEncoding(big, true)).toMatchObject({ encoding: 'utf-8', clean: false });
  });

  it('calls ASCII and the empty sample UTF-8', () => {
    expect(detectEncoding(Buffer.from('a,b\n1,2\n'), true)).toEqual({ encoding: 'utf-8', bom: 0, evidence: 'ASCII only', clean: true });
    expect(detectEncoding(new Uint8Array(0), true).encoding).toBe('utf-8');
  });

  it('rejects overlong and surrogate UTF-8 forms', () => {
    expect(scanUtf8(Buffer.from([0xc0, 0xaf]), true).invalid).toBeGreaterThan(0);
    expect(scanUtf8(Buffer.from([0xed, 0xa0, 0x80]), true).invalid).toBeGreaterThan(0);
    expect(scanUtf8(Buffer.from([0xf4, 0x90, 0x80, 0x80]), true).invalid).toBeGreaterThan(0);
    expect(scanUtf8(Buffer.from('€𝄞'), true)).toEqual({ multibyte: 2, invalid: 0 });
  });
});

describe('detectEncoding does not take GBK for damaged UTF-8', () => {
  it('on the real GBK file, whatever UTF-8 sequences its bytes happen to form', async () => {
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(`${DATA}/chinese_retail/tmall_order_report.gbk.csv`);
    const scan = scanUtf8(bytes, true);
    expect(scan.invalid * 5).toBeGreaterThan(scan.multibyte * 10);
    for (const start of [0, 300_000, 900_000, 1_500_000]) {
      expect(detectEncoding(bytes.subarray(start, start + 4096), false).encoding).toBe('gb18030');
    }
  });
});

describe('detectFileEncoding trusts a UTF-8 BOM', () => {
  it('keeps UTF-8 when GBK bytes follow a BOM after the first MiB', async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\r\n'.repeat(250_000)), iconv.encode('北京,上海\r\n'.repeat(50), 'gbk')]);
    const file = path.join(dir, 'bom-then-gbk.csv');
    await writeFile(file, body);
    const guess = await detectFileEncoding(file);
    expect(guess).toMatchObject({ encoding: 'utf-8', bom: 3, clean: false });
    expect(guess.evidence).toMatch(/^byte-order mark EF BB BF; invalid UTF-8 near byte \d+$/);
  });

  it('confirms a BOM file over its whole length', async () => {
    expect((await detectFileEncoding(`${DATA}/superstore/superstore_2023_utf8bom_ddmmyy.csv`)).evidence).toBe('byte-order mark EF BB BF; the whole file is valid UTF-8');
  });
});
