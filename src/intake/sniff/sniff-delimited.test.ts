import { open, readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { sniffDelimited, splitQuoted, splitWhitespace } from './sniff-delimited.js';
import { datasets } from '../../../test/support/datasets.js';

const DATA = datasets;

/** The first 64 KiB decoded and cut at the last line end, as the intake samples. */
async function sample(file: string, encoding = 'utf-8', skip = 0): Promise<string> {
  const handle = await open(`${DATA}/${file}`, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buf, 0, buf.length, skip);
    const text = iconv.decode(buf.subarray(0, bytesRead), encoding);
    return text.slice(0, text.lastIndexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}

describe('sniffDelimited on the real files', () => {
  it('reads the Online Retail CSV as comma-separated with quotes', async () => {
    const s = sniffDelimited(await sample('online_retail/Online_Retail.csv'));
    expect(s.delimiter).toBe(',');
    expect(s.quote).toBe('"');
    expect(s.lines).toHaveLength(50);
    expect(s.lines[0]).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(s.lines[1]).toEqual(['536365', '85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '6', '2010-12-01 08:26:00', '2.55', '17850', 'United Kingdom']);
    expect(s.lines.every((l) => l.length === 8)).toBe(true);
  });

  it('keeps "AIRLINE LOUNGE,METAL SIGN" as one field (line 111 of Online_Retail.csv)', async () => {
    const { records } = splitQuoted(await sample('online_retail/Online_Retail.csv'), ',', 200);
    expect(records[110]).toEqual(['536381', '82567', 'AIRLINE LOUNGE,METAL SIGN', '2', '2010-12-01 09:41:00', '2.1', '15311', 'United Kingdom']);
  });

  it('reads the Tmall orders with their trailing header spaces and CRLF', async () => {
    const s = sniffDelimited(await sample('chinese_retail/tmall_order_report.csv'));
    expect(s.delimiter).toBe(',');
    expect(s.quote).toBeNull();
    expect(s.lines[0]).toEqual(['订单编号', '总金额', '买家实际支付金额', '收货地址 ', '订单创建时间', '订单付款时间 ', '退款金额']);
    expect(s.lines[1]).toEqual(['1', '178.8', '0.0', '上海', '2020-02-21 00:00:00', '', '0.0']);
  });

  it('reads the GB18030 hospital file once decoded', async () => {
    const s = sniffDelimited(await sample('chinese_retail/朝阳医院2018年销售数据.gb18030.csv', 'gb18030'));
    expect(s.delimiter).toBe(',');
    expect(s.lines[0]).toEqual(['购药时间', '社保卡号', '商品编码', '商品名称', '销售数量', '应收金额', '实收金额']);
    expect(s.lines[1]).toEqual(['2018-01-01 星期五', '001616528', '236701', '强力VC银翘片', '6', '82.8', '69.0']);
  });

  it('picks ";" for the European export despite its decimal commas', async () => {
    const s = sniffDelimited(await sample('superstore/superstore_semicolon_decimalcomma_cp1252.csv', 'windows-1252'));
    expect(s.delimiter).toBe(';');
    expect(s.lines[0]).toHaveLength(12);
    expect(s.lines[2]).toEqual(['2', '2016-11-11', 'Claire Gute', 'Henderson', 'Kentucky', '42420', 'South', 'Furniture', 'Chairs', 'Hon Deluxe Fabric Upholstered Stacking Chairs, Rounded Back', '731,94', '3']);
  });

  it('unquotes doubled quotes in the Superstore product names', async () => {
    const text = await sample('superstore/Sample - Superstore.csv');
    const s = sniffDelimited(text);
    expect(s.delimiter).toBe(',');
    expect(s.quote).toBe('"');
    expect(s.lines.every((l) => l.length === 21)).toBe(true);
    const { records } = splitQuoted(await readFile(`${DATA}/superstore/Sample - Superstore.csv`, 'utf8'), ',', 10_000);
    const message = records.find((r) => r[16]?.startsWith('Message Book, Wirebound'));
    expect(message?.[16]).toBe('Message Book, Wirebound, Four 5 1/2" X 4" Forms/Pg., 200 Dupl. Sets/Book');
    expect(message).toHaveLength(21);
  });

  it('reads the 2023 Superstore after its BOM', async () => {
    const s = sniffDelimited(await sample('superstore/superstore_2023_utf8bom_ddmmyy.csv', 'utf-8', 3));
    expect(s.delimiter).toBe(',');
    expect(s.lines[0]?.[0]).toBe('Row ID');
    expect(s.lines[0]).toContain('Country/Region');
  });

  it('splits the CDNOW master file on runs of spaces, header with leading space included', async () => {
    const s = sniffDelimited(await sample('cdnow/CDNOW_master.txt'));
    expect(s.delimiter).toBe('whitespace');
    expect(s.quote).toBeNull();
    expect(s.lines[0]).toEqual(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(s.lines[1]).toEqual(['00001', '19970101', '1', '11.77']);
    expect(s.lines[2]).toEqual(['00002', '19970112', '1', '12.00']);
  });

  it('splits the headerless CDNOW sample into five columns', async () => {
    const s = sniffDelimited(await sample('cdnow/CDNOW_sample.txt'));
    expect(s.delimiter).toBe('whitespace');
    expect(s.lines[0]).toEqual(['00004', '0001', '19970101', '2', '29.33']);
  });
});

describe('sniffDelimited on generated samples', () => {
  it('recognises tab and pipe files', () => {
    expect(sniffDelimited('a\tb\tc\n1\t2\t3\n4\t5,5\t6\n').delimiter).toBe('\t');
    expect(sniffDelimited('a|b|c\n1|2|3\n4|5|6\n').delimiter).toBe('|');
  });

  it('prefers the wider of two consistent splits', () => {
    // Every line has one decimal comma: ',' gives a consistent 2, ';' a consistent 3.
    const s = sniffDelimited('id;name;amount\n1;ab;1,5\n2;cd;2,25\n3;ef;3,0\n');
    expect(s.delimiter).toBe(';');
  });

  it('is not fooled by title rows above the header', () => {
    const s = sniffDelimited('A公司2024年客户档案\n导出时间: 2024-05-01\n客户编号,客户名称,城市\nC001,北京华联,北京\nC002,上海浦东,上海\nC003,广州白云,广州\n');
    expect(s.delimiter).toBe(',');
    expect(s.lines[0]).toEqual(['A公司2024年客户档案']);
    expect(s.lines[2]).toEqual(['客户编号', '客户名称', '城市']);
  });

  it('keeps line breaks inside quoted fields and leaves out blank lines', () => {
    const s = sniffDelimited('id,note\r\n1,"line one\r\nline two"\r\n\r\n2,"say ""hi"""\r\n');
    expect(s.lines).toEqual([
      ['id', 'note'],
      ['1', 'line one\r\nline two'],
      ['2', 'say "hi"'],
    ]);
  });

  it('treats a quote inside a field as an ordinary character', () => {
    const s = sniffDelimited('name,size\nbook,5" x 4"\npen,1"\n');
    expect(s.quote).toBeNull();
    expect(s.lines[1]).toEqual(['book', '5" x 4"']);
  });

  it('falls back to "," for a single column', () => {
    const s = sniffDelimited('name\nalpha\nbeta\n');
    expect(s.delimiter).toBe(',');
    expect(s.lines).toEqual([['name'], ['alpha'], ['beta']]);
  });

  it('returns no lines for an empty sample', () => {
    expect(sniffDelimited('')).toEqual({ delimiter: ',', quote: null, lines: [] });
  });

  it('stops at 50 records', () => {
    expect(sniffDelimited('a,b\n'.repeat(80)).lines).toHaveLength(50);
  });

  it('splits whitespace with leading blanks and tabs', () => {
    expect(splitWhitespace('  a  b\tc \r\n\n   \nd e f\n', 10)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
  });

  it('keeps an unterminated quote from swallowing other delimiters\' chances', () => {
    const s = sniffDelimited('a;b;c\n1;"2;3\n4;5;6\n7;8;9\n');
    expect(s.delimiter).toBe(';');
  });
});
