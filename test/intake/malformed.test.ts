/**
 * A corpus of broken files. None may crash the importer, and none may leave a
 * partial import behind: either the file is read (bad rows quarantined with
 * their reasons) or it is refused whole with a clear code.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isImportError } from '../../src/intake/import-error.js';
import { listQuarantine } from '../../src/intake/quarantine-store.js';
import { GUESS_HEAD_BYTES } from '../../src/intake/stage-delimited.js';
import { hasSessions, type Queryable, type Session, type TransactionOptions } from '../../src/store/engine.js';
import { outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

/** A queryable's four calls, bound to it: a stand-in to override some of. */
function bound(q: Queryable): Queryable {
  return { dialect: q.dialect, query: q.query.bind(q), queryColumns: q.queryColumns.bind(q), run: q.run.bind(q), append: q.append.bind(q) };
}

/**
 * The store's side of an import's write, failing when it writes the
 * quarantine: by INSERT … SELECT where the store parsed the file (DuckDB), by
 * an append of the parsed rows where it did not (PostgreSQL).
 */
function failingQuarantine(tx: Queryable): Queryable {
  return {
    ...bound(tx),
    append: async (table, columns, rows) => {
      if (table === 'quarantine') throw new Error('disk full');
      return tx.append(table, columns, rows);
    },
    run: async (sql, params) => {
      if (/^INSERT INTO "?quarantine"?\s/.test(sql)) throw new Error('disk full');
      return tx.run(sql, params);
    },
  };
}

const HEADER = '订单编号,下单日期,客户编号,产品名称,金额\n';
const line = (i: number, extra = '') => `SO${i},2024-03-${String((i % 28) + 1).padStart(2, '0')},C${i % 7},PLC控制器${extra},${100 + i}\n`;
const body = (n: number) => Array.from({ length: n }, (_, i) => line(i + 1)).join('');

describe('malformed files', () => {
  let store: TestStore;
  let n = 0;
  const write = (name: string, content: string | Buffer) => {
    const p = path.join(store.dir, `${n++}-${name}`);
    writeFileSync(p, content);
    return p;
  };
  const lineCount = async () => (await store.one<{ n: number }>('SELECT count(*) AS n FROM order_lines')).n;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());

  it('a file cut off in the middle of its last row: that row is quarantined, the rest read', async () => {
    const r = await store.import(write('cut.csv', HEADER + body(5) + 'SO6,2024-03-07,C6'));
    expect(r).toMatchObject({ rows: 6, inserted: 5, quarantined: 1 });
    expect(r.issues.find((i) => i.code === 'truncated_row')?.row).toBe(7);
  });

  it('an unbalanced quote: the line is set aside, every other line read, numbered as in the file', async () => {
    const r = await store.import(write('quote.csv', HEADER + line(1) + 'SO2,2024-03-02,C2,"PLC控制器,200\n' + line(3) + line(4)));
    expect(r).toMatchObject({ rows: 4, inserted: 3, quarantined: 1 });
    expect(r.issues).toMatchObject([{ row: 3, code: 'unterminated_quote' }]);
    expect(r.issuesTotal).toBe(1);
    const [q] = await listQuarantine(store.engine, {});
    expect(q?.raw).toEqual({ _line: 'SO2,2024-03-02,C2,"PLC控制器,200' });
    expect(outcomesAddUp(r)).toBe(true);
  });

  it('text after a closing quote: the record is quarantined whole, not silently cut', async () => {
    const r = await store.import(write('stray.csv', HEADER + line(1) + 'SO2,2024-03-02,C2,"PLC"控制器,200\n' + line(3)));
    expect(r).toMatchObject({ rows: 3, inserted: 2, quarantined: 1 });
    expect(r.issues[0]).toMatchObject({ row: 3, code: 'stray_quote' });
  });

  it('quoted line breaks inside cells keep row numbers right after them', async () => {
    const r = await store.import(write('multi.csv', HEADER + 'SO1,2024-03-01,C1,"多行\n产品",100\n' + 'SO2,2024/2/30,C2,x,200\n'));
    expect(r.issues[0]).toMatchObject({ row: 4, column: '下单日期', code: 'date_impossible', value: '2024/2/30' });
  });

  it('rows of only delimiters and spaces are blank; exact copies are duplicates, a copy with one cell changed is not', async () => {
    const r = await store.import(write('blank-dup.csv', HEADER + line(1) + ',,,,\n' + '  , ,  ,,\n' + ' ,2024-03-05,C1,X,5\n' + ',2024-03-06,C2,Y,6\n'
      + line(1) + 'SO1,2024-03-02,C1,PLC控制器,999\n' + line(1)));
    expect(r).toMatchObject({ blank: 2, rows: 6, duplicates: 2, inserted: 4, quarantined: 0 });
    expect(await store.one<{ n: number }>(`SELECT count(*) AS n FROM order_lines WHERE order_id = 'SO1'`)).toEqual({ n: 2 });
  });

  it('NUL bytes are removed and reported', async () => {
    const r = await store.import(write('nul.csv', HEADER + 'SO1,2024-03-01,C1,PLC\u0000控制器,100\n'));
    expect(r.inserted).toBe(1);
    expect(r.notes.map((x) => x.code)).toContain('nul_bytes');
    expect((await store.one<{ p: string }>('SELECT product_name AS p FROM order_lines')).p).toBe('PLC控制器');
  });

  it('mixed encodings: each line decoded as UTF-8 or GBK, whichever it is', async () => {
    const content = Buffer.concat([Buffer.from(HEADER + line(1)), iconv.encode('SO2,2024-03-02,C2,伺服驱动器,200\n', 'gbk'), Buffer.from(line(3))]);
    const r = await store.import(write('mixed.csv', content));
    expect(r.inserted).toBe(3);
    expect(r.notes.map((x) => x.code)).toContain('mixed_encoding');
    const names = await store.engine.query<{ p: string }>('SELECT product_name AS p FROM order_lines ORDER BY order_id');
    expect(names.map((x) => x.p)).toEqual(['PLC控制器', '伺服驱动器', 'PLC控制器']);
  });

  it('duplicate headers: the first is used, the second kept as extra data, both reported', async () => {
    const r = await store.import(write('dup.csv', '订单编号,下单日期,金额,金额\nSO1,2024-03-01,100,999\n'));
    expect(r.inserted).toBe(1);
    expect(r.notes).toContainEqual({ code: 'duplicate_header', params: { header: '金额', column: 4 } });
    const row = await store.one<{ amount: number; extra: string }>('SELECT CAST(amount AS FLOAT8) AS amount, CAST(extra AS VARCHAR) AS extra FROM order_lines');
    expect(row).toEqual({ amount: 100, extra: '{"金额 (2)":"999"}' });
  });

  it('an impossible date and an unreadable amount quarantine their rows with row, column and value', async () => {
    const r = await store.import(write('bad.csv', HEADER + line(1) + 'SO2,2024/2/30,C2,x,200\nSO3,2024-03-03,C3,x,约5000\n'));
    expect(r).toMatchObject({ rows: 3, inserted: 1, quarantined: 2 });
    expect(r.issues.map((i) => [i.row, i.column, i.code, i.value])).toEqual([
      [3, '下单日期', 'date_impossible', '2024/2/30'],
      [4, '金额', 'invalid_amount', '约5000'],
    ]);
  });

  it('a huge field within limits is kept; one past the limit is quarantined as a broken record', async () => {
    const big = 'x'.repeat(3_000_000);
    const r = await store.import(write('big.csv', HEADER + `SO1,2024-03-01,C1,"${big}",100\n` + line(2)));
    expect(r.inserted).toBe(2);
    const huge = 'y'.repeat(17 * 1024 * 1024);
    const r2 = await store.import(write('huge.csv', HEADER + `SO3,2024-03-01,C1,"${huge}",100\n` + line(4)));
    expect(r2).toMatchObject({ rows: 2, inserted: 1, quarantined: 1 });
    expect(r2.issues[0]?.code).toBe('record_too_large');
  });

  it('more cells than the header: quarantined, the surplus kept in the raw row', async () => {
    const r = await store.import(write('wide.csv', HEADER + line(1) + 'SO2,2024-03-02,C2,PLC,200,oops\n'));
    expect(r).toMatchObject({ inserted: 1, quarantined: 1 });
    expect(r.issues[0]).toMatchObject({ row: 3, code: 'too_many_fields', value: 'oops' });
  });

  it.each([
    ['empty.csv', '', 'file_empty'],
    ['binary.csv', Buffer.from([0, 1, 2, 3, 0, 0, 0, 255, 0, 0, 0, 7, 0, 0, 0, 9]), 'file_binary'],
    ['broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), 'xlsx_corrupt'],
    ['broken.parquet', 'PAR1garbagePAR1', 'parquet_corrupt'],
    ['page.xls', '<html><body><table><tr><td>客户编号</td></tr></table></body></html>', 'xls_is_html'],
    ['unknown.csv', 'foo,bar\n1,2\n', 'entity_not_recognised'],
  ])('%s is refused with %s and the store is unchanged', async (name, content, code) => {
    await store.import(write('ok.csv', HEADER + body(3)));
    const before = await lineCount();
    const error = await store.import(write(name, content)).catch((e: unknown) => e);
    expect(isImportError(error)).toBe(true);
    expect(error).toMatchObject({ code });
    expect(await lineCount()).toBe(before);
    const runs = await store.engine.query<{ status: string; error: string }>(`SELECT status, error FROM import_runs ORDER BY run_id`);
    expect(runs.at(-1)).toEqual({ status: 'failed', error: code });
  });

  it.each([
    ['broken.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)])],
    ['broken.parquet', 'PAR1garbagePAR1'],
  ])('%s: the message says what is wrong with the user\'s file, and no work copy is left', async (name, content) => {
    const error = await store.import(write(name, content)).catch((e: unknown) => e);
    const detail = String((error as { params?: { detail?: unknown } }).params?.detail ?? '');
    expect(detail.length).toBeGreaterThan(3);
    expect(detail).not.toMatch(/run-\d+/);
    expect(readdirSync(store.dir, { recursive: true }).map(String).filter((f) => /run-\d+\./.test(f))).toEqual([]);
  });

  it('a customer row with a blank ID in a file of IDs is kept under its name, with a warning naming the row', async () => {
    const r = await store.import(write('customers.csv', '客户编号,客户名称,所在地区\nK1,甲甲,华东\n,空编号客户,华南\n'));
    expect(r).toMatchObject({ rows: 2, inserted: 2, quarantined: 0, warnings: 1 });
    expect(r.issues).toMatchObject([{ row: 3, column: '客户编号', code: 'id_from_name', severity: 'warning', value: '空编号客户' }]);
    // A file without an ID column names its customers by name, as before, and says nothing.
    const named = await store.import(write('names.csv', '客户名称,所在地区\n乙乙,华北\n'));
    expect(named).toMatchObject({ inserted: 1, warnings: 0, issues: [] });
  });

  it('a failure in the middle of writing leaves nothing behind', async () => {
    const file = write('ok.csv', HEADER + body(50) + 'SO99,2024/2/30,C1,x,1\n');
    const engine = store.engine;
    const failing: typeof engine = {
      ...bound(engine),
      interrupt: engine.interrupt.bind(engine),
      close: engine.close.bind(engine),
      readers: engine.readers.bind(engine),
      transactionWithReader: engine.transactionWithReader.bind(engine),
      transaction: (fn) => engine.transaction((tx) => fn(failingQuarantine(tx))),
      // A DuckDB store parses in a session and writes in a transaction on the same connection.
      ...(hasSessions(engine)
        ? { session: <T>(fn: (s: Session) => Promise<T>, o?: TransactionOptions) => engine.session((s) => fn({ ...bound(s), transaction: (w) => s.transaction((tx) => w(failingQuarantine(tx))) }), o) }
        : {}),
    };
    const { importFile } = await import('../../src/intake/import-file.js');
    await expect(importFile({ ...store, engine: failing }, { file }, { now: () => new Date() })).rejects.toThrow('disk full');
    expect(await lineCount()).toBe(0);
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM customers')).n).toBe(0);
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM quarantine')).n).toBe(0);
  });
});

describe('an encoding fault deep in a file', () => {
  it('is found by the reader, and the file is read again, repaired, with a note', async () => {
    const store = await testStore();
    try {
      const { writeFileSync } = await import('node:fs');
      const file = path.join(store.dir, 'late-gbk.csv');
      const lines = Array.from({ length: 40_000 }, (_, i) => line(i + 1)).join('');
      writeFileSync(file, Buffer.concat([Buffer.from(HEADER + lines), iconv.encode('SO99999,2024-03-02,C2,伺服驱动器,200\n', 'gbk')]));
      const r = await store.import(file);
      expect(r.inserted).toBe(40_001);
      const last = await store.one<{ p: string }>(`SELECT product_name AS p FROM order_lines WHERE order_id = 'SO99999'`);
      expect(last.p).toBe('伺服驱动器');
      const runs = await store.engine.query<{ status: string }>('SELECT status FROM import_runs');
      expect(runs).toEqual([{ status: 'committed' }]);
    } finally {
      await store.dispose();
    }
  });
});

describe('row numbers in a large file read in parallel', () => {
  it('name the line a spreadsheet would show, far into the file', async () => {
    const store = await testStore();
    try {
      const { writeFileSync } = await import('node:fs');
      const file = path.join(store.dir, 'big.csv');
      const rows = Array.from({ length: 300_000 }, (_, i) => (i + 2 === 250_000 ? 'SO250000,2024/2/30,C1,x,1\n' : line(i + 1)));
      writeFileSync(file, HEADER + rows.join(''));
      const r = await store.import(file);
      expect(r.rows).toBe(300_000);
      expect(r.issues.map((i) => [i.row, i.code])).toEqual([[250_000, 'date_impossible']]);
    } finally {
      await store.dispose();
    }
  });
});

/**
 * Parsing starts on what a file's first 64 KiB say while the whole file is
 * still being scanned. A file whose trouble lies past its head must come out
 * exactly as if it had been scanned first.
 */
describe('trouble past the head of a large file', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());
  /** 3,000 good rows (well past the head) with `bad` as data row `at`; its line in the file is at + 1. */
  const fileWith = (name: string, at: number, bad: string) => {
    const rows = Array.from({ length: 3_000 }, (_, i) => (i + 1 === at ? bad : line(i + 1)));
    const content = HEADER + rows.join('');
    expect(Buffer.byteLength(HEADER + rows.slice(0, at - 1).join(''))).toBeGreaterThan(GUESS_HEAD_BYTES);
    const file = path.join(store.dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('an unbalanced quote: that line is set aside, the rest read and numbered as in the file', async () => {
    const r = await store.import(fileWith('quote.csv', 2_500, 'SO2500,2024-03-02,C2,"PLC控制器,200\n'));
    expect(r).toMatchObject({ rows: 3_000, inserted: 2_999, quarantined: 1 });
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[2_501, 'unterminated_quote']]);
  });

  it('text after a closing quote: the record is quarantined whole', async () => {
    const r = await store.import(fileWith('stray.csv', 2_600, 'SO2600,2024-03-02,C2,"PLC"控制器,200\n'));
    expect(r).toMatchObject({ rows: 3_000, inserted: 2_999, quarantined: 1 });
    expect(r.issues.map((i) => [i.row, i.code])).toEqual([[2_601, 'stray_quote']]);
  });

  it('a short row is named by its line, and quarantined for the amount it lacks', async () => {
    const r = await store.import(fileWith('short.csv', 2_700, 'SO2700,2024-03-02,C2,PLC\n'));
    expect(r).toMatchObject({ rows: 3_000, inserted: 2_999, quarantined: 1 });
    expect(r.issues.map((i) => [i.row, i.code, i.severity])).toEqual([
      [2_701, 'short_row', 'warning'],
      [2_701, 'required_missing', 'error'],
    ]);
  });

  it('a row wider than the header: quarantined with its surplus', async () => {
    const r = await store.import(fileWith('wide.csv', 2_800, 'SO2800,2024-03-02,C2,PLC,200,oops\n'));
    expect(r).toMatchObject({ rows: 3_000, inserted: 2_999, quarantined: 1 });
    expect(r.issues).toMatchObject([{ row: 2_801, code: 'too_many_fields', value: 'oops' }]);
  });

  it('NUL bytes are removed and reported', async () => {
    const r = await store.import(fileWith('nul.csv', 2_900, 'SO2900,2024-03-01,C1,PLC\u0000控制器,100\n'));
    expect(r.inserted).toBe(3_000);
    expect(r.notes.map((x) => x.code)).toContain('nul_bytes');
    expect(await store.one<{ p: string }>(`SELECT product_name AS p FROM order_lines WHERE order_id = 'SO2900'`)).toEqual({ p: 'PLC控制器' });
  });

  it('a quoted line break and a blank line: the rows after them keep the lines a spreadsheet shows', async () => {
    const file = fileWith('multi.csv', 2_000, 'SO2000,2024-03-01,C1,"多行\n产品",100\n\n');
    const text = (await import('node:fs')).readFileSync(file, 'utf8').replace('SO2950,', 'SO2950x,').replace(/SO2950x,2024-03-\d\d,/, 'SO2950,2024/2/30,');
    writeFileSync(file, text);
    const r = await store.import(file);
    expect(r).toMatchObject({ rows: 3_000, inserted: 2_999, quarantined: 1 });
    // Data row 2,950 is on line 2,951, plus one for the line break and one for the blank line.
    expect(r.issues.map((i) => [i.row, i.code, i.value])).toEqual([[2_953, 'date_impossible', '2024/2/30']]);
  });

  it('a file whose head is all it has wrong is refused as before', async () => {
    const file = path.join(store.dir, 'unknown.csv');
    writeFileSync(file, 'foo,bar\n' + Array.from({ length: 10_000 }, (_, i) => `${i},${i}\n`).join(''));
    await expect(store.import(file)).rejects.toMatchObject({ code: 'entity_not_recognised' });
    expect(await store.engine.query('SELECT status, error FROM import_runs')).toEqual([{ status: 'failed', error: 'entity_not_recognised' }]);
  });
});
