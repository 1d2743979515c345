import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { knownHeaderScore } from '../header-match.js';
import { findHeaderRow, isTextLike } from './find-header-row.js';
import { sniffDelimited } from './sniff-delimited.js';
import { datasets } from '../../../test/support/datasets.js';

const DATA = datasets;

async function lines(file: string, encoding = 'utf-8'): Promise<string[][]> {
  const handle = await open(`${DATA}/${file}`, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const text = iconv.decode(buf.subarray(0, bytesRead), encoding);
    return sniffDelimited(text.slice(0, text.lastIndexOf('\n') + 1)).lines;
  } finally {
    await handle.close();
  }
}

const none = () => 0;

describe('findHeaderRow on the real files', () => {
  it.each([
    ['online_retail/Online_Retail.csv', 'utf-8'],
    ['chinese_retail/tmall_order_report.csv', 'utf-8'],
    ['chinese_retail/tmall_order_report_excel_resaved.csv', 'utf-8'],
    ['chinese_retail/朝阳医院2018年销售数据.gb18030.csv', 'gb18030'],
    ['superstore/Sample - Superstore.csv', 'utf-8'],
    ['superstore/superstore_semicolon_decimalcomma_cp1252.csv', 'windows-1252'],
    ['cdnow/CDNOW_master.txt', 'utf-8'],
    ['cdnow/cdnowElog.csv', 'utf-8'],
  ])('%s has its header in the first row', async (file, encoding) => {
    expect(findHeaderRow(await lines(file, encoding), knownHeaderScore)).toEqual({ headerIndex: 0, titleRows: [] });
  });

  it('finds no header in CDNOW_sample.txt, whose first row is data', async () => {
    expect(findHeaderRow(await lines('cdnow/CDNOW_sample.txt'), knownHeaderScore)).toEqual({ headerIndex: null, titleRows: [] });
  });
});

describe('findHeaderRow on report-style layouts', () => {
  const customers = [
    ['A公司2024年客户档案', null, null, null],
    ['导出时间: 2024-05-01', null, null, null],
    [null, null, null, null],
    ['客户编号', '客户名称', '所在城市', '负责人'],
    ['C001', '北京华联商贸', '北京', '张三'],
    ['C002', '上海浦东发展', '上海', '李四'],
    ['C003', '广州白云医药', '广州', '王五'],
  ];

  it('skips a merged title and an export note', () => {
    expect(findHeaderRow(customers, knownHeaderScore)).toEqual({ headerIndex: 3, titleRows: ['A公司2024年客户档案', '导出时间: 2024-05-01'] });
  });

  it('finds the header of an all-text table even without known names (ties go to the earliest row)', () => {
    expect(findHeaderRow(customers, none).headerIndex).toBe(3);
  });

  it('does not take a two-cell export note for the header', () => {
    const rows = [['导出时间:', '2024-05-01 10:00'], ['制表人', '张三', null, null, null], ['订单号', '日期', '数量', '金额', '客户'], ['D1', '2024-01-02', '3', '12.5', '北京华联'], ['D2', '2024-01-03', '1', '8', '上海浦东']];
    expect(findHeaderRow(rows, knownHeaderScore)).toEqual({ headerIndex: 2, titleRows: ['导出时间: 2024-05-01 10:00', '制表人 张三'] });
  });

  it('prefers the row with known names over a group-label row above it', () => {
    const rows = [
      ['基本信息', null, null, '订单信息', null],
      ['客户编号', '客户名称', '城市', '订单日期', '金额'],
      ['C1', 'Alpha', 'Beijing', '2024-01-01', '100'],
      ['C2', 'Beta', 'Shanghai', '2024-01-02', '200'],
    ];
    expect(findHeaderRow(rows, knownHeaderScore)).toEqual({ headerIndex: 1, titleRows: ['基本信息 订单信息'] });
  });

  it('uses numbers below the header even when no name is known', () => {
    const rows = [
      ['Foo', 'Bar', 'Baz'],
      ['a', '1', '2024-01-01'],
      ['b', '2', '2024-01-02'],
    ];
    expect(findHeaderRow(rows, none).headerIndex).toBe(0);
  });

  it('accepts a header with no data under it', () => {
    expect(findHeaderRow([['客户编号', '客户名称']], knownHeaderScore).headerIndex).toBe(0);
  });

  it('says no header for numeric data and for nothing at all', () => {
    expect(findHeaderRow([['1', '2.5', '2024-01-01'], ['2', '3', '2024-01-02']], knownHeaderScore).headerIndex).toBeNull();
    expect(findHeaderRow([], knownHeaderScore).headerIndex).toBeNull();
    expect(findHeaderRow([[null, null], []], knownHeaderScore).headerIndex).toBeNull();
  });

  it('looks no further than 30 rows', () => {
    const rows = [...Array.from({ length: 30 }, (_, i) => [String(i), '1']), ['name', 'amount'], ['x', '1']];
    expect(findHeaderRow(rows, knownHeaderScore).headerIndex).toBeNull();
  });
});

describe('isTextLike', () => {
  it.each(['客户编号', 'Order ID', 'CA-2013-152156', 'C001', 'north', '85123A'])('%s is text', (t) => expect(isTextLike(t)).toBe(true));
  it.each(['12', '-3.5', '1,234.50', '¥1,200', '(1.00)', '15%', '1.2万', '1e+21', '2018-01-01 星期五', '2020/2/21 0:00', '2024年5月1日', '03/01/19', '08:26'])(
    '%s is not text',
    (t) => expect(isTextLike(t)).toBe(false),
  );
});
