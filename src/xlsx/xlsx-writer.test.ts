import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, type XlsxCell } from './xlsx-writer.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xlsx-writer-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

describe('writeXlsx', () => {
  it('writes a merged title row, the header, typed values and text ids', async () => {
    const path = join(dir, 'customers.xlsx');
    await writeXlsx(path, [
      {
        name: '客户',
        title: 'A公司客户档案（导出日期：2025年12月31日）',
        header: ['客户编号', '客户名称', '员工人数', '建档日期', '备注'],
        columns: [{ text: true }, { width: 30 }, { numFmt: '#,##0' }, {}, {}],
        rows: [
          ['00123', '苏州华瑞精密机械有限公司', 1200, new Date(Date.UTC(2024, 2, 5)), null],
          [456, '无锡恒通电子有限公司', 35.5, new Date(Date.UTC(2023, 0, 1)), '老客户'],
        ],
      },
    ]);
    const sheet = (await readBack(path)).getWorksheet('客户')!;
    expect(sheet.getCell('A1').value).toBe('A公司客户档案（导出日期：2025年12月31日）');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    expect(sheet.getCell('E1').isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([undefined, '客户编号', '客户名称', '员工人数', '建档日期', '备注']);

    expect(sheet.getCell('A3').value).toBe('00123');
    expect(sheet.getCell('A3').numFmt).toBe('@');
    expect(sheet.getCell('A4').value).toBe('456');
    expect(sheet.getCell('B3').value).toBe('苏州华瑞精密机械有限公司');
    expect(sheet.getCell('C3').value).toBe(1200);
    expect(sheet.getCell('C3').numFmt).toBe('#,##0');
    expect(sheet.getCell('C4').value).toBe(35.5);
    const date = sheet.getCell('D3').value;
    expect(date).toBeInstanceOf(Date);
    expect((date as Date).toISOString().slice(0, 10)).toBe('2024-03-05');
    expect(sheet.getCell('D3').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('E3').value).toBeNull();
    expect(sheet.getCell('E4').value).toBe('老客户');
    expect(sheet.rowCount).toBe(4);
  });

  it('never writes a formula, whatever a string starts with', async () => {
    const path = join(dir, 'injection.xlsx');
    const dangerous = ['=1+1', '=HYPERLINK("http://x.example","点我")', '+86 139', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=cmd|\' /C calc\'!A0', '-', '行一\r\n行二', '_x0041_ 不是 A', '控制\u0001字符'];
    await writeXlsx(path, [
      { name: 'S', header: ['值', '编号'], columns: [{}, { text: true }], rows: dangerous.map((s): XlsxCell[] => [s, s]) },
    ]);
    const sheet = (await readBack(path)).getWorksheet('S')!;
    let checked = 0;
    sheet.eachRow((row, rowNumber) => {
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeUndefined();
        if (rowNumber > 1) {
          expect(cell.type).toBe(ExcelJS.ValueType.String);
          expect(cell.value).toBe(dangerous[rowNumber - 2]);
          checked++;
        }
      });
    });
    expect(checked).toBe(dangerous.length * 2);
  });

  it('streams several sheets from sync and async row sources', async () => {
    const path = join(dir, 'multi.xlsx');
    async function* numbers(): AsyncIterable<XlsxCell[]> {
      for (let i = 0; i < 5000; i++) yield [i, `第${i}行`];
    }
    await writeXlsx(path, [
      { name: '一', header: ['序号', '内容'], rows: numbers() },
      { name: '二', header: ['只有表头'], rows: [] },
    ]);
    const workbook = await readBack(path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['一', '二']);
    const first = workbook.getWorksheet('一')!;
    expect(first.rowCount).toBe(5001);
    expect(first.getCell('A5001').value).toBe(4999);
    expect(first.getCell('B5001').value).toBe('第4999行');
    expect(workbook.getWorksheet('二')!.getCell('A1').value).toBe('只有表头');
  });

  it('gives byte-identical files for the same sheets and date', async () => {
    const sheet = { name: '表', title: '标题', header: ['编号', '日期'], rows: [['A1', new Date(Date.UTC(2024, 0, 2))]] as XlsxCell[][] };
    const date = new Date(Date.UTC(2025, 11, 31));
    const a = join(dir, 'same-a.xlsx');
    const b = join(dir, 'same-b.xlsx');
    await writeXlsx(a, [sheet], { date });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await writeXlsx(b, [{ ...sheet, rows: [['A1', new Date(Date.UTC(2024, 0, 2))]] }], { date });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
  });
});
