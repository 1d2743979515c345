import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../store/duckdb/duckdb-engine.js';
import type { Engine, SqlValue } from '../store/engine.js';
import { quoteIdent, quoteLiteral } from '../store/engine.js';
import type { FieldType, ValueOptions } from './field-type.js';
import { defaultValueOptions } from './field-type.js';
import {
  cleanTextSql,
  detectDateOrder,
  detectDecimal,
  nullMarkers,
  parseSql,
  periodBoundsSql,
  problemSql,
  unitFactorFromHeader,
} from './value-sql.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openDuckDb({ path: ':memory:' });
});

afterAll(async () => {
  await engine.close();
});

/** raw cell, expected value, expected problem (NULL when left out). */
type Case = readonly [raw: string | null, value: SqlValue, problem?: string];

interface Outcome {
  readonly raw: string | null;
  readonly value: unknown;
  readonly problem: unknown;
}

const options = (o: Partial<ValueOptions> = {}): ValueOptions => ({ ...defaultValueOptions, ...o });

/** The cells as a table t(i, c) of VARCHAR. */
function cellsSql(raws: readonly (string | null)[]): string {
  const rows = raws.map((r, i) => `(${i}, ${r === null ? 'NULL' : quoteLiteral(r)})`).join(', ');
  return `(SELECT i, CAST(c AS VARCHAR) AS c FROM (VALUES ${rows}) v(i, c))`;
}

async function run(value: (raw: string) => string, problem: (raw: string) => string, raws: readonly (string | null)[]): Promise<Outcome[]> {
  const rows = await engine.query<{ i: number; v: unknown; p: unknown }>(
    `SELECT i, ${value('c')} AS v, ${problem('c')} AS p FROM ${cellsSql(raws)} t ORDER BY i`,
  );
  return rows.map((r) => ({ raw: raws[r.i] ?? null, value: r.v, problem: r.p }));
}

async function outcomes(type: FieldType, opts: ValueOptions, raws: readonly (string | null)[]): Promise<Outcome[]> {
  return run(
    (c) => parseSql(type, c, opts),
    (c) => problemSql(type, c, opts),
    raws,
  );
}

const expected = (cases: readonly Case[]): Outcome[] => cases.map(([raw, value, problem]) => ({ raw, value, problem: problem ?? null }));

async function expectCases(type: FieldType, opts: ValueOptions, cases: readonly Case[]): Promise<void> {
  expect(await outcomes(type, opts, cases.map((c) => c[0]))).toEqual(expected(cases));
}

/** ISO form in which the engine returns a TIMESTAMP. */
const ts = (local: string): string => `${local.replace(' ', 'T')}${local.length === 16 ? ':00' : ''}.000Z`;

/** ASCII folded up to full-width, as some Chinese input methods type it. */
const fullWidth = (s: string): string => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));

describe('cleanTextSql', () => {
  const cases: readonly (readonly [string | null, string | null])[] = [
    ['plain', 'plain'],
    [' a ', 'a'],
    ['\tb\r\n', 'b'],
    ['x y', 'x y'],
    ['　Ｈｅｌｌｏ，世界　', 'Hello,世界'],
    ['\u00a0x\u00a0', 'x'],
    ['a\u3000b', 'a b'],
    ['\ufeffid\u200b', 'id'],
    ['  客户A  ', '客户A'],
    ['（空）', null],
    ['', null],
    ['   ', null],
    ['\t\r\n', null],
    [null, null],
    ['-', '-'],
    ['0', '0'],
    ['NULLS', 'NULLS'],
    ['none', 'none'],
    ...nullMarkers.map((m) => [m, null] as const),
    ...nullMarkers.map((m) => [` ${m}\t`, null] as const),
  ];

  it('folds, trims and drops null markers', async () => {
    const raws = cases.map((c) => c[0]);
    const rows = await engine.query<{ i: number; v: unknown }>(`SELECT i, ${cleanTextSql('c')} AS v FROM ${cellsSql(raws)} t ORDER BY i`);
    expect(rows.map((r) => [raws[r.i], r.v])).toEqual(cases);
  });

  it('is what text fields hold, and text has no problems', async () => {
    await expectCases('text', options(), [
      [' 北京市，朝阳区 ', '北京市,朝阳区'],
      ['N/A', null],
      ['anything at all', 'anything at all'],
    ]);
  });
});

describe('parseSql / problemSql: id', () => {
  it('keeps the text, strips an exported .0, rejects what Excel mangled', async () => {
    await expectCases('id', options(), [
      ['00123', '00123'],
      [' 00123 ', '00123'],
      ['０１２', '012'],
      ['85123A', '85123A'],
      ['C536379', 'C536379'],
      ['12345.0', '12345'],
      ['12345.00', '12345'],
      ['12345.5', '12345.5'],
      ['A-1.0', 'A-1.0'],
      ['E100', 'E100'],
      ['1.0E5x', '1.0E5x'],
      ['1.23E+17', null, 'id_scientific_notation'],
      ['1.23e17', null, 'id_scientific_notation'],
      // A hex id (Olist's mql_id) holds digits-e-digits without being a number.
      ['401013266745e5661589292315434968', '401013266745e5661589292315434968'],
      ['12e5', '12e5'],
      ['  4.5E-3', null, 'id_scientific_notation'],
      ['123456789012345678', '123456789012345678'],
      ['123456789012345', '123456789012345'],
      ['123456789012345000', '123456789012345000', 'id_precision_lost'],
      ['1234567890123450', '1234567890123450', 'id_precision_lost'],
      ['123456789012345000.0', '123456789012345000', 'id_precision_lost'],
      ['123456789012345.0', '123456789012345'],
      ['N/A', null],
      ['', null],
      [null, null],
    ]);
  });
});

describe('parseSql / problemSql: amount', () => {
  it('reads the written forms of money', async () => {
    await expectCases('amount', options(), [
      ['1234.5', 1234.5],
      ['1,234.50', 1234.5],
      ['¥1,234.50', 1234.5],
      ['￥1,234.50', 1234.5],
      ['$1,234.50', 1234.5],
      ['¥-1,234.5', -1234.5],
      ['-¥1,234.5', -1234.5],
      ['1234元', 1234],
      ['1.2万', 12000],
      ['1.2万元', 12000],
      ['3亿', 300000000],
      ['0.07万', 700],
      ['(1,234.00)', -1234],
      ['(¥1,234.00)', -1234],
      ['-1,234.00', -1234],
      ['−3', -3],
      ['+5', 5],
      ['１２３４.５', 1234.5],
      ['1.5E3', 1500],
      ['1 234.56', 1234.56],
      ['RMB 100', 100],
      ['100 RMB', 100],
      ['.5', 0.5],
      ['5.', 5],
      [' 12 ', 12],
      ['\t12.5\r\n', 12.5],
      ['0', 0],
      ['-', null],
      ['N/A', null],
      ['nan', null],
      ['', null],
      [null, null],
    ]);
  });

  it('rejects what is not a number', async () => {
    const bad = ['12abc', '1.2.3', '¥', '.', '1,23', '12,34,567', '12.5%', '1.5千', '1234-', '(-5)', '(5', '-¥-5', '1_000', 'inf', 'Infinity', '1e400', '0x10', 'abc'];
    await expectCases('amount', options(), bad.map((raw) => [raw, null, 'invalid_amount'] as const));
  });

  it("reads ',' decimals when the file writes them", async () => {
    await expectCases('amount', options({ decimal: ',' }), [
      ['261,96', 261.96],
      ['1.234,56', 1234.56],
      ['22,368', 22.368],
      ['3,5', 3.5],
      ['1 234,56', 1234.56],
      ['-1.234,5', -1234.5],
      ['¥1.234,5', 1234.5],
      ['12', 12],
      ['1.234', 1234],
      ['1.5', null, 'invalid_amount'],
      ['1,234.50', null, 'invalid_amount'],
      ['1,2,3', null, 'invalid_amount'],
    ]);
  });

  it('multiplies by the header unit, exactly for powers of ten', async () => {
    await expectCases('amount', options({ unitFactor: 10_000 }), [
      ['0.07', 700],
      ['1.5', 15000],
      [' 2 ', 20000],
      ['¥1,234', 12340000],
      ['(1.5)', -15000],
      ['1e3', 10000000],
      ['1.2万', 120000000],
    ]);
    await expectCases('amount', options({ unitFactor: 10_000, decimal: ',' }), [['0,07', 700], ['1.234,5', 12345000]]);
    await expectCases('amount', options({ unitFactor: 3 }), [['2', 6], ['¥1,000', 3000], [' 2 ', 6]]);
  });

  it('refuses a factor that is no factor', () => {
    expect(() => parseSql('amount', 'c', options({ unitFactor: 0 }))).toThrow(/unitFactor/);
    expect(() => problemSql('amount', 'c', options({ unitFactor: Number.NaN }))).toThrow(/unitFactor/);
  });
});

describe('parseSql / problemSql: number and integer', () => {
  it('reads numbers with the tolerance of amounts, without the unit', async () => {
    await expectCases('number', options({ unitFactor: 10_000 }), [
      ['2', 2],
      ['1,234.5', 1234.5],
      ['1.5E3', 1500],
      ['1.2万', 12000],
      ['-', null],
      ['12.5%', null, 'invalid_number'],
      ['12abc', null, 'invalid_number'],
    ]);
  });

  it('reads whole numbers only as integers', async () => {
    await expectCases('integer', options(), [
      ['3', 3],
      ['3.0', 3],
      ['-12', -12],
      [' 7 ', 7],
      ['1,234', 1234],
      ['1e3', 1000],
      ['1.2万', 12000],
      ['(3)', -3],
      ['３', 3],
      ['-', null],
      ['', null],
      ['3.5', null, 'invalid_integer'],
      ['0x10', null, 'invalid_integer'],
      ['1_000', null, 'invalid_integer'],
      ['abc', null, 'invalid_integer'],
      ['1e30', null, 'invalid_integer'],
    ]);
    await expectCases('integer', options({ decimal: ',' }), [['3,0', 3], ['1.234', 1234], ['3,5', null, 'invalid_integer']]);
  });

  it('keeps every digit of a large integer', async () => {
    const rows = await engine.query<{ v: unknown }>(`SELECT ${parseSql('integer', 'c', options())} AS v FROM ${cellsSql(['9007199254740993'])} t`);
    expect(rows[0]?.v).toBe(9007199254740993n);
  });
});

describe('parseSql / problemSql: rate', () => {
  it('reads fractions, percents and 折 as a fraction 0..1', async () => {
    await expectCases('rate', options(), [
      ['0.15', 0.15],
      ['15%', 0.15],
      [' 15 %', 0.15],
      ['１５％', 0.15],
      ['15', 0.15],
      ['12.3', 0.123],
      ['100', 1],
      ['1', 1],
      ['0', 0],
      ['8.5折', 0.15],
      ['8折', 0.2],
      ['95折', 0.05],
      ['8.8折', 0.12],
      ['-', null],
      ['', null],
      ['101', null, 'invalid_rate'],
      ['150%', null, 'invalid_rate'],
      ['-0.1', null, 'invalid_rate'],
      ['-5%', null, 'invalid_rate'],
      ['0折', null, 'invalid_rate'],
      ['-8折', null, 'invalid_rate'],
      ['8.5折%', null, 'invalid_rate'],
      ['¥0.5', null, 'invalid_rate'],
      ['abc', null, 'invalid_rate'],
    ]);
  });

  it('reads every number as a percent in a (%) column', async () => {
    await expectCases('rate', options({ unitFactor: 0.01 }), [
      ['0.5', 0.005],
      ['15', 0.15],
      ['100', 1],
      ['15%', 0.15],
      ['12.3', 0.123],
      ['101', null, 'invalid_rate'],
    ]);
  });

  it("reads ',' decimals in rates", async () => {
    await expectCases('rate', options({ decimal: ',' }), [['0,15', 0.15], ['12,5%', 0.125], ['8,5折', 0.15]]);
  });
});

describe('parseSql / problemSql: boolean', () => {
  it('reads the usual yes/no words', async () => {
    const yes = ['是', '有', 'Y', 'y', 'Yes', 'YES', 'true', 'TRUE', 'True', '1', '√', ' yes ', 'ＹＥＳ'];
    const no = ['否', '无', 'N', 'n', 'No', 'false', 'FALSE', '0', '×'];
    await expectCases('boolean', options(), [
      ...yes.map((raw) => [raw, true] as const),
      ...no.map((raw) => [raw, false] as const),
      ['', null],
      ['N/A', null],
      ['退货', null, 'invalid_boolean'],
      ['2', null, 'invalid_boolean'],
      ['yess', null, 'invalid_boolean'],
    ]);
  });
});

describe('parseSql / problemSql: datetime and date', () => {
  const written: readonly Case[] = [
    ['2024-03-05', ts('2024-03-05 00:00:00')],
    ['2024/3/5', ts('2024-03-05 00:00:00')],
    ['2024.3.5', ts('2024-03-05 00:00:00')],
    ['2024年3月5日', ts('2024-03-05 00:00:00')],
    ['2024年03月05日', ts('2024-03-05 00:00:00')],
    ['2024年3月5日 14:30', ts('2024-03-05 14:30:00')],
    ['20240305', ts('2024-03-05 00:00:00')],
    ['2024-03-05 14:30', ts('2024-03-05 14:30:00')],
    ['2024-03-05 14:30:15', ts('2024-03-05 14:30:15')],
    ['2024-03-05 14:30:15.123', '2024-03-05T14:30:15.123Z'],
    ['2024/3/5 9:05', ts('2024-03-05 09:05:00')],
    ['2020/2/21 0:00', ts('2020-02-21 00:00:00')],
    ['2024-03-05T14:30:00', ts('2024-03-05 14:30:00')],
    ['2024-03-05T14:30:00Z', ts('2024-03-05 14:30:00')],
    ['2024-03-05 14:30:00+08:00', ts('2024-03-05 14:30:00')],
    ['2018-01-01 星期五', ts('2018-01-01 00:00:00')],
    ['2018-01-01 周五', ts('2018-01-01 00:00:00')],
    ['2018-01-01（周五）', ts('2018-01-01 00:00:00')],
    ['Tue, 2024-03-05', ts('2024-03-05 00:00:00')],
    ['2024-03-05 Tuesday', ts('2024-03-05 00:00:00')],
    ['２０２４－０３－０５', ts('2024-03-05 00:00:00')],
    [' 2024-03-05\t', ts('2024-03-05 00:00:00')],
    ['3/5/2024 2:30 PM', ts('2024-03-05 14:30:00')],
    ['3/5/2024 12:30 AM', ts('2024-03-05 00:30:00')],
    ['12/1/2010 8:26', ts('2010-12-01 08:26:00')],
    ['12/1/2010 8:26:07', ts('2010-12-01 08:26:07')],
    ['0000-00-00', null],
    ['', null],
    ['N/A', null],
    [null, null],
  ];

  it('reads the written forms (a/b/yyyy as m/d without a declared order)', async () => {
    await expectCases('datetime', options(), [
      ...written,
      ['3/5/2024', ts('2024-03-05 00:00:00')],
      ['05/03/2024', ts('2024-05-03 00:00:00')],
      ['03/01/19', ts('2019-03-01 00:00:00')],
    ]);
  });

  it('reads a/b/yyyy by the declared order, two-digit years pivoting at 70', async () => {
    await expectCases('datetime', options({ dateOrder: 'mdy' }), [
      ['3/5/2024', ts('2024-03-05 00:00:00')],
      ['12/13/2024 23:59:59', ts('2024-12-13 23:59:59')],
      ['13/12/2024', null, 'date_impossible'],
    ]);
    await expectCases('datetime', options({ dateOrder: 'dmy' }), [
      ['05/03/2024', ts('2024-03-05 00:00:00')],
      ['03/01/19', ts('2019-01-03 00:00:00')],
      ['31/12/69', ts('2069-12-31 00:00:00')],
      ['01/01/70', ts('1970-01-01 00:00:00')],
      ['5.3.2024', ts('2024-03-05 00:00:00')],
      ['05-03-24', ts('2024-03-05 00:00:00')],
      ['13/5/2024 8:26', ts('2024-05-13 08:26:00')],
      ['2024-03-05', ts('2024-03-05 00:00:00')],
      ['5/13/2024', null, 'date_impossible'],
    ]);
  });

  it('reads Excel serial numbers of the 1900 date system', async () => {
    await expectCases('datetime', options(), [
      ['45356', ts('2024-03-05 00:00:00')],
      ['45357', ts('2024-03-06 00:00:00')],
      ['45356.5', ts('2024-03-05 12:00:00')],
      ['45356.354166666664', ts('2024-03-05 08:30:00')],
      ['1', ts('1900-01-01 00:00:00')],
      ['59', ts('1900-02-28 00:00:00')],
      ['61', ts('1900-03-01 00:00:00')],
      ['2958465', ts('9999-12-31 00:00:00')],
      ['60', null, 'date_impossible'],
      ['0', null, 'invalid_date'],
      ['2958466', null, 'invalid_date'],
      ['45356.5.1', null, 'invalid_date'],
      ['-45356', null, 'invalid_date'],
    ]);
  });

  it('tells impossible calendar dates from unreadable text', async () => {
    await expectCases('datetime', options(), [
      ['2024/2/30', null, 'date_impossible'],
      ['2023-02-29', null, 'date_impossible'],
      ['2024-13-01', null, 'date_impossible'],
      ['2024年13月1日', null, 'date_impossible'],
      ['20241305', null, 'date_impossible'],
      ['13/13/2024', null, 'date_impossible'],
      ['2024-03-05 24:30', null, 'date_impossible'],
      ['abc', null, 'invalid_date'],
      ['2024-03', null, 'invalid_date'],
      ['2024', ts('1905-07-16 00:00:00')],
      ['2024-03/05', null, 'invalid_date'],
      ['2024-03-05 garbage9', null, 'invalid_date'],
      ['2024-03-05 25:00', null, 'invalid_date'],
      ['3/5/2024 13:30 PM', null, 'invalid_date'],
      ['epoch', null, 'invalid_date'],
      ['infinity', null, 'invalid_date'],
      ['2024-03-05 (BC)', null, 'invalid_date'],
      ['0000-03-05', null, 'invalid_date'],
      ['12024-03-05', null, 'invalid_date'],
    ]);
  });

  it('drops the time for date fields', async () => {
    await expectCases('date', options(), [
      ['2024-03-05', '2024-03-05'],
      ['2024-03-05 14:30', '2024-03-05'],
      ['2024年3月5日', '2024-03-05'],
      ['2018-01-01 星期五', '2018-01-01'],
      ['45356.99', '2024-03-05'],
      ['12/1/2010 8:26', '2010-12-01'],
      ['2024/2/30', null, 'date_impossible'],
      ['2024-03', null, 'invalid_date'],
      ['', null],
    ]);
  });
});

describe('period', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['2024-03', '2024-03-01', '2024-03-31'],
    ['2024-3', '2024-03-01', '2024-03-31'],
    ['2024/3', '2024-03-01', '2024-03-31'],
    ['2024.02', '2024-02-01', '2024-02-29'],
    ['2024年3月', '2024-03-01', '2024-03-31'],
    ['2024年3月份', '2024-03-01', '2024-03-31'],
    ['202403', '2024-03-01', '2024-03-31'],
    ['2024-Q1', '2024-01-01', '2024-03-31'],
    ['2024Q1', '2024-01-01', '2024-03-31'],
    ['2024 Q1', '2024-01-01', '2024-03-31'],
    ['2024 q4', '2024-10-01', '2024-12-31'],
    ['2024年第1季度', '2024-01-01', '2024-03-31'],
    ['2024年一季度', '2024-01-01', '2024-03-31'],
    ['2024年第四季度', '2024-10-01', '2024-12-31'],
    ['2024年Q1', '2024-01-01', '2024-03-31'],
    ['2024H1', '2024-01-01', '2024-06-30'],
    ['2024-H2', '2024-07-01', '2024-12-31'],
    ['2024年上半年', '2024-01-01', '2024-06-30'],
    ['2024年下半年', '2024-07-01', '2024-12-31'],
    ['2024', '2024-01-01', '2024-12-31'],
    ['2024年', '2024-01-01', '2024-12-31'],
    [' ２０２４－０３ ', '2024-03-01', '2024-03-31'],
  ];

  it('gives the first and last day of months, quarters, halves and years', async () => {
    const raws = cases.map((c) => c[0]);
    const b = periodBoundsSql('c');
    const rows = await engine.query<{ i: number; s: unknown; e: unknown; p: unknown }>(
      `SELECT i, ${b.start} AS s, ${b.end} AS e, ${b.problem} AS p FROM ${cellsSql(raws)} t ORDER BY i`,
    );
    expect(rows.map((r) => [raws[r.i], r.s, r.e, r.p])).toEqual(cases.map((c) => [...c, null]));
  });

  it('parseSql gives the first day; unreadable periods are problems', async () => {
    await expectCases('period', options(), [
      ['2024-03', '2024-03-01'],
      ['2024年一季度', '2024-01-01'],
      ['', null],
      ['2024-13', null, 'invalid_period'],
      ['2024-00', null, 'invalid_period'],
      ['2024Q5', null, 'invalid_period'],
      ['2024-03-05', null, 'invalid_period'],
      ['24-03', null, 'invalid_period'],
      ['abc', null, 'invalid_period'],
    ]);
  });
});

describe('fast and slow paths agree', () => {
  // Each well-formed cell, padded or typed full-width, takes the slow path and must read the same.
  const samples: readonly (readonly [FieldType, Partial<ValueOptions>, string])[] = [
    ['amount', {}, '1234.5'],
    ['amount', {}, '¥1,234.50'],
    ['amount', { unitFactor: 10_000 }, '0.07'],
    ['amount', { decimal: ',' }, '1.234,56'],
    ['number', {}, '1.5E3'],
    ['integer', {}, '1234'],
    ['rate', {}, '0.15'],
    ['rate', { unitFactor: 0.01 }, '15'],
    ['boolean', {}, 'Yes'],
    ['id', {}, '12345.0'],
    ['datetime', {}, '2024-03-05 14:30:15'],
    ['datetime', { dateOrder: 'dmy' }, '13/5/2024 8:26'],
    ['datetime', { dateOrder: 'mdy' }, '12/1/2010 8:26:07'],
    ['date', {}, '2024年3月5日'],
    ['period', {}, '2024-03'],
  ];

  it.each(samples)('%s %j %s', async (type, o, raw) => {
    const opts = options(o);
    const [plain, padded, wide] = await outcomes(type, opts, [raw, ` \t${raw}\r\n `, fullWidth(raw)]);
    expect(plain?.value).not.toBeNull();
    expect(padded).toEqual({ ...plain, raw: ` \t${raw}\r\n ` });
    expect(wide).toEqual({ ...plain, raw: fullWidth(raw) });
  });
});

describe('the expressions in a query', () => {
  const sqlTypes: readonly (readonly [FieldType, string])[] = [
    ['id', 'VARCHAR'],
    ['text', 'VARCHAR'],
    ['date', 'DATE'],
    ['datetime', 'TIMESTAMP'],
    ['amount', 'DOUBLE'],
    ['number', 'DOUBLE'],
    ['rate', 'DOUBLE'],
    ['integer', 'BIGINT'],
    ['boolean', 'BOOLEAN'],
    ['period', 'DATE'],
  ];

  it.each(sqlTypes)('%s parses to %s and its problem is VARCHAR', async (type, sqlType) => {
    const rows = await engine.query<{ v: string; p: string }>(
      `SELECT typeof(${parseSql(type, 'c', options())}) AS v, typeof(${problemSql(type, 'c', options())}) AS p FROM ${cellsSql(['x'])} t`,
    );
    expect(rows[0]).toEqual({ v: sqlType, p: 'VARCHAR' });
  });

  it('embeds in a bigger SELECT over any raw expression', async () => {
    const raw = `coalesce("my col", '5')`;
    const rows = await engine.query<{ v: unknown; p: unknown; t: unknown }>(
      `SELECT ${parseSql('amount', raw, options())} AS v, ${problemSql('amount', raw, options())} AS p, ${cleanTextSql(raw)} AS t
       FROM (VALUES (1, NULL), (2, '1,2'), (3, ' 7 ')) x(i, "my col") ORDER BY i`,
    );
    expect(rows).toEqual([
      { v: 5, p: null, t: '5' },
      { v: null, p: 'invalid_amount', t: '1,2' },
      { v: 7, p: null, t: '7' },
    ]);
  });

  it('takes another builder as its raw expression', async () => {
    const raw = cleanTextSql('c');
    const rows = await engine.query<{ v: unknown; p: unknown }>(
      `SELECT ${parseSql('amount', raw, options())} AS v, ${problemSql('date', raw, options())} AS p FROM ${cellsSql([' ¥1,234 '])} t`,
    );
    expect(rows).toEqual([{ v: 1234, p: 'invalid_date' }]);
  });

  it('reports a problem from an already parsed value', async () => {
    const opts = options();
    const rows = await engine.query<{ i: number; p: unknown }>(
      `SELECT i, ${problemSql('datetime', 'c', opts, 'v')} AS p
       FROM (SELECT i, c, ${parseSql('datetime', 'c', opts)} AS v FROM ${cellsSql(['2024-03-05', '2024年3月5日', '2024/2/30', 'abc', ''])} t) ORDER BY i`,
    );
    expect(rows.map((r) => r.p)).toEqual([null, null, 'date_impossible', 'invalid_date', null]);
  });

  it('hands an id that lost digits its problem from the parsed value too', async () => {
    const opts = options();
    const rows = await engine.query<{ i: number; v: unknown; p: unknown }>(
      `SELECT i, v, ${problemSql('id', 'c', opts, 'v')} AS p
       FROM (SELECT i, c, ${parseSql('id', 'c', opts)} AS v FROM ${cellsSql(['123456789012345000', '1.23E+17', 'A1', ''])} t) ORDER BY i`,
    );
    expect(rows.map((r) => [r.v, r.p])).toEqual([
      ['123456789012345000', 'id_precision_lost'],
      [null, 'id_scientific_notation'],
      ['A1', null],
      [null, null],
    ]);
  });

  it('plans as one projection, without the joins DuckDB makes of long IN lists', async () => {
    const opts = options();
    for (const [type] of sqlTypes) {
      const plan = await engine.query<{ explain_value: string }>(
        `EXPLAIN SELECT ${parseSql(type, 'c', opts)}, ${problemSql(type, 'c', opts)} FROM ${cellsSql(['x'])} t`,
      );
      expect(plan.map((r) => r.explain_value).join('\n')).not.toMatch(/JOIN/);
    }
  });

  it('reads a column whose name needs quoting', async () => {
    const col = quoteIdent(`it's "c"`);
    const rows = await engine.query<{ v: unknown; p: unknown }>(
      `SELECT ${parseSql('date', col, options())} AS v, ${problemSql('date', col, options())} AS p FROM (VALUES ('2024年3月5日')) x(${col})`,
    );
    expect(rows).toEqual([{ v: '2024-03-05', p: null }]);
  });
});

describe('detectDateOrder', () => {
  const cases: readonly (readonly [readonly string[], 'ymd' | 'mdy' | 'dmy'])[] = [
    [['03/01/19', '07/01/19', '15/01/19'], 'dmy'],
    [['12/1/2010 8:26', '12/13/2010 9:00'], 'mdy'],
    [['3/5/2024', '4/6/2024'], 'mdy'],
    [['05.03.2024', '25.03.2024'], 'dmy'],
    [['13/1/2024', '1/13/2024', '14/1/2024'], 'dmy'],
    [['1/13/2024', '1/14/2024', '13/1/2024'], 'mdy'],
    [['１３/０１/２０２４'], 'dmy'],
    [[' 13-01-2024 '], 'dmy'],
    [['2024-03-05', '2024/3/5', '20240305'], 'ymd'],
    [['2024-03-05', '5/13/2024'], 'mdy'],
    [['45356', 'abc', ''], 'ymd'],
    [[], 'ymd'],
  ];

  it.each(cases)('%j → %s', (samples, order) => {
    expect(detectDateOrder(samples)).toBe(order);
  });

  it('falls back as told when nothing decides', () => {
    expect(detectDateOrder(['3/5/2024', '4/6/2024'], 'dmy')).toBe('dmy');
    expect(detectDateOrder(['2024-03-05'], 'dmy')).toBe('ymd');
  });
});

describe('detectDecimal', () => {
  const cases: readonly (readonly [readonly string[], '.' | ','])[] = [
    [['261,96', '731,94', '14,62'], ','],
    [['3,5'], ','],
    [['1.234,56'], ','],
    [['¥261,96', '(12,5)'], ','],
    [['1 234,56'], ','],
    [['261,96', '957,5775', '22,368', '2'], ','],
    [['261,96', '1.5'], '.'],
    [['261,96', '1,234.50'], '.'],
    [['22,368'], '.'],
    [['1.234'], '.'],
    [['1.5E3'], '.'],
    [['12', '5'], '.'],
    [[], '.'],
  ];

  it.each(cases)('%j → %s', (samples, decimal) => {
    expect(detectDecimal(samples)).toBe(decimal);
  });
});

describe('unitFactorFromHeader', () => {
  const cases: readonly (readonly [string, number, string | null])[] = [
    ['金额(万元)', 10_000, '万元'],
    ['金额（万元）', 10_000, '万元'],
    ['销售额/万元', 10_000, '万元'],
    ['销售额万元', 10_000, '万元'],
    ['金额 单位：万元', 10_000, '万元'],
    ['销售额【万元】', 10_000, '万元'],
    ['收入(千元)', 1_000, '千元'],
    ['营收(亿元)', 100_000_000, '亿元'],
    ['单价(元)', 1, '元'],
    ['销量(万)', 10_000, '万'],
    ['Amount (10k CNY)', 10_000, '10k CNY'],
    ['Revenue ($m)', 1_000_000, '$m'],
    ['Sales (USD)', 1, 'USD'],
    ['毛利率(%)', 0.01, '%'],
    ['金额', 1, null],
    ['备注(含税)', 1, null],
    ['产品(A类)', 1, null],
    ['()', 1, null],
  ];

  it.each(cases)('%s → ×%d', (header, factor, unit) => {
    expect(unitFactorFromHeader(header)).toEqual({ factor, unit });
  });
});
