import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../test/support/datasets.js';
import { makeZip } from '../../test/support/make-zip.js';
import { knownHeaderScore } from '../intake/header-match.js';
import { findHeaderRow } from '../intake/sniff/find-header-row.js';
import { cellText, excelDateText, inspectXlsx, listSheets, readXlsxRows, XlsxInspectionError, XlsxSheetNotFoundError, type XlsxRow } from './xlsx-reader.js';

const SAMPLE = path.join(datasets, 'online_retail/Online_Retail_sample40k.xlsx');
const RETAIL_CSV = path.join(datasets, 'online_retail/Online_Retail.csv');
const LIMITS = { maxUncompressedBytes: 2 * 1024 ** 3, maxRatio: 200 };
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(file: string, options: Parameters<typeof readXlsxRows>[1] = {}): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  for await (const row of readXlsxRows(file, options)) rows.push(row);
  return rows;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'resolved',
    (error: unknown) => error,
  );
}


const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal workbook as other tools write it: inline strings, an absolute target, a part not named sheetN.xml. */
function minimalWorkbook(sheetXml: string, declared?: number): Buffer {
  return makeZip([
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Data &amp; More" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/data.xml', data: sheetXml, ...(declared === undefined ? {} : { declared }) },
  ]);
}

const INLINE_SHEET = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>北京</t></is></c><c r="C2"><v>42</v></c></row><row r="3"><c r="B3" t="b"><v>1</v></c></row></sheetData></worksheet>`;

describe('readXlsxRows on the real 40k-row sample', () => {
  let rows: XlsxRow[] = [];
  let rowsPerSecond = 0;

  beforeAll(async () => {
    const t0 = performance.now();
    rows = await collect(SAMPLE);
    rowsPerSecond = rows.length / ((performance.now() - t0) / 1000);
    console.info(`xlsx reader: ${rows.length} rows at ${Math.round(rowsPerSecond)} rows/s`);
  });

  it('lists its one sheet and passes inspection', async () => {
    expect(await listSheets(SAMPLE)).toEqual([{ name: 'Sheet1', hidden: false }]);
    expect(await inspectXlsx(SAMPLE, LIMITS)).toEqual({ entries: 9, compressedBytes: 2_518_190, uncompressedBytes: 15_606_183 });
  });

  it('reads the header and 40,000 data rows with Excel row numbers', () => {
    expect(rows).toHaveLength(40_001);
    expect(rows[0]).toEqual({ sheet: 'Sheet1', rowNumber: 1, cells: ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'] });
    expect(rows.every((r, i) => r.rowNumber === i + 1)).toBe(true);
    expect(rows[1]?.cells).toEqual(['573415', '21166', 'COOK WITH WINE METAL SIGN ', '1', '2011-10-30 16:17:00', '2.08', '13607', 'United Kingdom']);
  });

  it('turns every InvoiceDate into wall-clock text within the data set\'s range', () => {
    const dates = rows.slice(1).map((r) => r.cells[4] ?? '');
    expect(dates.every((d) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(d))).toBe(true);
    const sorted = [...dates].sort();
    expect(sorted[0]! >= '2010-12-01 08:26:00').toBe(true);
    expect(sorted.at(-1)! <= '2011-12-09 12:50:00').toBe(true);
  });

  it('matches the same invoice lines in Online_Retail.csv, value for value', async () => {
    // The CSV (written by DuckDB) prints whole-number prices as 50.0 where Excel's number is 50.
    const key = (fields: readonly (string | null)[]) =>
      Array.from({ length: 8 }, (_, i) => (i === 5 && fields[i] ? String(Number(fields[i])) : (fields[i] ?? ''))).join(',');
    const wanted = new Set(
      rows
        .slice(1, 201)
        .map((r) => r.cells)
        .filter((c) => !c.some((v) => v?.includes(',') || v?.includes('"')))
        .map(key),
    );
    expect(wanted.size).toBeGreaterThan(150);
    const found = new Set<string>();
    for await (const line of createInterface({ input: createReadStream(RETAIL_CSV) })) {
      if (line.includes('"')) continue;
      const k = key(line.split(','));
      if (wanted.has(k)) found.add(k);
    }
    expect([...wanted].filter((l) => !found.has(l))).toEqual([]);
  });

  it('reads at a useful speed', () => {
    expect(rowsPerSecond).toBeGreaterThan(10_000);
  });

  it('can stop early and read again', async () => {
    const first: XlsxRow[] = [];
    for await (const row of readXlsxRows(SAMPLE)) {
      first.push(row);
      if (first.length === 3) break;
    }
    expect(first.map((r) => r.rowNumber)).toEqual([1, 2, 3]);
    const progress: number[] = [];
    let n = 0;
    for await (const _ of readXlsxRows(SAMPLE, { sheet: 'Sheet1', onProgress: (r) => progress.push(r) })) n++;
    expect(n).toBe(40_001);
    expect(progress.at(-1)).toBe(40_001);
    expect(progress[0]).toBe(1000);
  });
});

describe('readXlsxRows on generated workbooks', () => {
  let file = '';

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('空表');
    const hidden = wb.addWorksheet('字典', { state: 'hidden' });
    hidden.addRow(['级别', 'A']);
    const ws = wb.addWorksheet('客户档案');
    ws.getCell('A1').value = 'A公司2024年客户档案';
    ws.mergeCells('A1:I1');
    ws.getCell('A2').value = '导出时间: 2024-05-01';
    ws.getRow(4).values = ['客户编号', '客户名称', '建档日期', '最近下单', '订单数', '金额合计', '活跃', '备注', '网址'];
    ws.getRow(5).values = [
      123456789012345678,
      '北京华联',
      new Date(Date.UTC(2024, 0, 15)),
      new Date(Date.UTC(2024, 2, 1, 14, 30, 5)),
      12,
      { formula: 'E5*2', result: 24 },
      true,
      { richText: [{ text: '重要' }, { font: { bold: true }, text: '客户' }] },
      { text: '官网', hyperlink: 'https://example.com' },
    ];
    ws.getCell('C5').numFmt = 'yyyy-mm-dd';
    ws.getCell('D5').numFmt = 'yyyy-mm-dd hh:mm:ss';
    ws.getRow(6).values = ['00123', '上海浦东', new Date(Date.UTC(2023, 11, 31)), { formula: 'C6+1', result: new Date(Date.UTC(2024, 0, 1)) }, { error: '#N/A' }, 1.2345678901234568e21, false];
    ws.getCell('C6').numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('D6').numFmt = 'yyyy-mm-dd';
    ws.getRow(8).values = ['C003', '广州白云', null, null, 0.1 + 0.2, -0];
    ws.getCell('B9').style = { font: { bold: true } };
    ws.getCell('A10').numFmt = 'h:mm';
    ws.getCell('A10').value = new Date(Date.UTC(1899, 11, 30, 8, 26));
    file = path.join(dir, 'customers.xlsx');
    await wb.xlsx.writeFile(file);
  });

  it('lists worksheets in tab order with their visibility', async () => {
    expect(await listSheets(file)).toEqual([
      { name: '空表', hidden: false },
      { name: '字典', hidden: true },
      { name: '客户档案', hidden: false },
    ]);
  });

  it('skips the empty first sheet and the hidden one', async () => {
    const rows = await collect(file);
    expect(new Set(rows.map((r) => r.sheet))).toEqual(new Set(['客户档案']));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('turns every kind of cell into text', async () => {
    const rows = await collect(file);
    const cells = (n: number) => rows.find((r) => r.rowNumber === n)?.cells;
    expect(cells(1)).toEqual(['A公司2024年客户档案']);
    expect(cells(2)).toEqual(['导出时间: 2024-05-01']);
    expect(cells(3)).toEqual([]);
    expect(cells(5)).toEqual(['123456789012345680', '北京华联', '2024-01-15', '2024-03-01 14:30:05', '12', '24', 'true', '重要客户', '官网']);
    expect(cells(6)).toEqual(['00123', '上海浦东', '2023-12-31', '2024-01-01', null, '1.2345678901234568e+21', 'false']);
    expect(cells(7)).toEqual([]);
    expect(cells(8)).toEqual(['C003', '广州白云', null, null, '0.30000000000000004', '0']);
    // A styled row without values after row 8 ends nothing; the time-only cell below it does.
    expect(cells(9)).toEqual([]);
    expect(cells(10)).toEqual(['08:26:00']);
  });

  it('does not shift dates with the process time zone', async () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        const row5 = (await collect(file)).find((r) => r.rowNumber === 5);
        expect(row5?.cells.slice(2, 4)).toEqual(['2024-01-15', '2024-03-01 14:30:05']);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('reads a named sheet, hidden or not, and matches names loosely when unambiguous', async () => {
    expect(await collect(file, { sheet: '字典' })).toEqual([{ sheet: '字典', rowNumber: 1, cells: ['级别', 'A'] }]);
    expect(await collect(file, { sheet: '空表' })).toEqual([]);
    const generated = path.join(dir, 'case.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Orders').addRow(['a', 'b']);
    await wb.xlsx.writeFile(generated);
    expect((await collect(generated, { sheet: ' orders ' }))[0]?.sheet).toBe('Orders');
  });

  it('names the available sheets when the wanted one is missing', async () => {
    const error = await rejection(collect(file, { sheet: 'Sheet1' }));
    expect(error).toBeInstanceOf(XlsxSheetNotFoundError);
    expect(error).toMatchObject({ code: 'sheet_not_found', sheet: 'Sheet1', available: ['空表', '字典', '客户档案'] });
    expect((error as Error).message).toBe('Sheet "Sheet1" not found; the workbook has "空表", "字典", "客户档案"');
  });

  it('feeds findHeaderRow the way the intake does', async () => {
    const rows = (await collect(file)).slice(0, 30);
    const found = findHeaderRow(
      rows.map((r) => r.cells),
      knownHeaderScore,
    );
    expect(found).toEqual({ headerIndex: 3, titleRows: ['A公司2024年客户档案', '导出时间: 2024-05-01'] });
    expect(rows[found.headerIndex!]?.rowNumber).toBe(4);
  });

  it('yields nothing for a workbook whose visible sheets are all empty', async () => {
    const empty = path.join(dir, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('A');
    wb.addWorksheet('B').getCell('C3').style = { font: { italic: true } };
    await wb.xlsx.writeFile(empty);
    expect(await collect(empty)).toEqual([]);
  });

  it('keeps Chinese text whole across XML chunk boundaries (ExcelJS issue #2063)', async () => {
    const big = path.join(dir, 'chinese.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    const names = ['北京华联商贸有限公司', '上海浦东发展银行', '深圳市腾讯计算机系统', '广州白云山医药集团'];
    const expected: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const name = `${names[i % 4]}第${i}号`;
      expected.push(name);
      ws.addRow([name, i % 3 ? '杭州' : '成都', i * 1.5]);
    }
    await wb.xlsx.writeFile(big);
    const rows = await collect(big);
    expect(rows).toHaveLength(20_000);
    expect(rows.filter((r) => r.cells.some((c) => c?.includes('\uFFFD')))).toEqual([]);
    expect(rows.map((r) => r.cells[0])).toEqual(expected);
  });

  it('reads inline strings, an absolute relationship target and a part not named sheetN.xml', async () => {
    const minimal = path.join(dir, 'minimal.xlsx');
    await writeFile(minimal, minimalWorkbook(INLINE_SHEET));
    expect(await listSheets(minimal)).toEqual([{ name: 'Data & More', hidden: false }]);
    expect(await collect(minimal)).toEqual([
      { sheet: 'Data & More', rowNumber: 2, cells: ['北京', null, '42'] },
      { sheet: 'Data & More', rowNumber: 3, cells: [null, 'true'] },
    ]);
  });
});

describe('inspectXlsx and malformed workbooks', () => {
  async function write(name: string, bytes: Uint8Array): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return file;
  }

  async function expectCorrupt(file: string, detail: RegExp): Promise<void> {
    for (const attempt of [() => inspectXlsx(file, LIMITS), () => listSheets(file), () => collect(file)]) {
      const error = await rejection(attempt());
      expect(error).toBeInstanceOf(XlsxInspectionError);
      expect(error).toMatchObject({ code: 'xlsx_corrupt' });
      expect(String((error as XlsxInspectionError).params.detail)).toMatch(detail);
    }
  }

  it('refuses a truncated workbook', async () => {
    const bytes = await readFile(SAMPLE);
    await expectCorrupt(await write('truncated.xlsx', bytes.subarray(0, 1_000_000)), /no end-of-directory record/);
  });

  it('refuses a text file named .xlsx, an empty file and a file of NUL bytes', async () => {
    await expectCorrupt(await write('text.xlsx', Buffer.from('id,name\n1,a\n'.repeat(100))), /too small|no end-of-directory/);
    await expectCorrupt(await write('empty.xlsx', new Uint8Array(0)), /too small to be a zip/);
    await expectCorrupt(await write('nul.xlsx', new Uint8Array(4096)), /no end-of-directory record/);
  });

  it('refuses a zip that is not a workbook', async () => {
    const file = await write('plain.xlsx', makeZip([{ name: 'orders.csv', data: 'a,b\n' }]));
    await expectCorrupt(file, /workbook/);
  });

  it('refuses an entry that inflates beyond its declared size', async () => {
    const file = await write('liar.xlsx', minimalWorkbook(INLINE_SHEET, 40));
    await inspectXlsx(file, LIMITS);
    const error = await rejection(collect(file));
    expect(error).toMatchObject({ code: 'xlsx_corrupt' });
    expect(String((error as XlsxInspectionError).params.detail)).toMatch(/inflates beyond its declared 40 bytes/);
  });

  it('refuses a bomb-like compression ratio and a workbook over the size limit', async () => {
    const bomb = makeZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x20) },
    ]);
    const file = await write('bomb.xlsx', bomb);
    const ratio = await rejection(inspectXlsx(file, LIMITS));
    expect(ratio).toBeInstanceOf(XlsxInspectionError);
    expect(ratio).toMatchObject({ code: 'xlsx_suspicious_ratio', params: { entry: 'xl/worksheets/sheet1.xml', limit: 200 } });
    const size = await rejection(inspectXlsx(SAMPLE, { maxUncompressedBytes: 10_000_000, maxRatio: 200 }));
    expect(size).toMatchObject({ code: 'xlsx_too_large', params: { uncompressedBytes: 15_606_183, limit: 10_000_000 } });
  });
});

describe('cellText', () => {
  it('converts the values ExcelJS hands out', () => {
    expect(cellText(null, undefined)).toBeNull();
    expect(cellText('  spaced ', undefined)).toBe('  spaced ');
    expect(cellText(1234567890123456789, 'General')).toBe('1234567890123456800');
    expect(cellText(45306.5, 'yyyy-mm-dd')).toBe('2024-01-15 12:00:00');
    expect(cellText(45306, '[$-804]yyyy"年"m"月"d"日";@')).toBe('2024-01-15');
    expect(cellText(45306, '#,##0.00" days"')).toBe('45306');
    expect(cellText(Number.NaN, undefined)).toBeNull();
    expect(cellText({ error: '#DIV/0!' }, undefined)).toBeNull();
    expect(cellText({ formula: 'A1', result: { error: '#N/A' } } as unknown as ExcelJS.CellValue, undefined)).toBeNull();
    expect(cellText({ sharedFormula: 'A1', result: 7 } as ExcelJS.CellValue, undefined)).toBe('7');
    expect(cellText({ formula: 'TODAY()', result: 45306 } as ExcelJS.CellValue, 'yyyy/m/d')).toBe('2024-01-15');
    expect(cellText({ formula: 'NOW()' } as ExcelJS.CellValue, undefined)).toBeNull();
    expect(cellText({ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' } as unknown as ExcelJS.CellValue, undefined)).toBe('ab');
  });

  it('formats dates as wall-clock text, rounding to the second', () => {
    expect(excelDateText(new Date(Date.UTC(2011, 9, 30, 16, 16, 59, 999)))).toBe('2011-10-30 16:17:00');
    expect(excelDateText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(excelDateText(new Date(Date.UTC(1899, 11, 30, 23, 59, 59)))).toBe('23:59:59');
    expect(excelDateText(new Date(Number.NaN))).toBeNull();
  });
});
