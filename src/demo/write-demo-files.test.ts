import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entities } from '../intake/field-catalog.js';
import type { DemoCompany } from './demo-company.js';
import { generateDemo } from './generate-demo.js';
import { writeDemoFiles, type DemoFile } from './write-demo-files.js';

let dir: string;
let company: DemoCompany;
let files: DemoFile[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'salescope-demo-'));
  company = generateDemo({ seed: 7, customers: 150 });
  files = await writeDemoFiles(company, join(dir, 'a'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readCsv(file: DemoFile): Promise<string[][]> {
  const raw = await readFile(file.path);
  const text = file.encoding === 'gbk' ? iconv.decode(raw, 'gb18030') : raw.toString('utf8').replace(/^\ufeff/, '');
  return parse(text, { relax_column_count: false }) as string[][];
}

/**
 * The first worksheet of a workbook as rows of text, read straight from the
 * OOXML parts: only src/xlsx may use ExcelJS, and this checks the bytes on
 * disk rather than trusting the writer's own reader.
 */
interface Sheet {
  readonly rows: readonly (readonly string[])[];
  readonly merges: readonly string[];
  /** Cells written as numbers, by reference (A3 …), with their style index. */
  readonly numbers: ReadonlyMap<string, { readonly value: number; readonly style: number }>;
  readonly numFmts: readonly string[];
}

function zipEntries(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + skip;
  }
  return out;
}

const unescape = (x: string) => x.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

async function readSheet(path: string): Promise<Sheet> {
  const parts = zipEntries(await readFile(path));
  const text = (name: string) => parts.get(name)?.toString('utf8') ?? '';
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => unescape([...m[1]!.matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')));
  const sheetXml = text('xl/worksheets/sheet1.xml');
  const numbers = new Map<string, { value: number; style: number }>();
  const rows = [...sheetXml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1]!.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map(([, ref, attrs, body]) => {
      const v = /<v>(.*?)<\/v>/s.exec(body ?? '')?.[1] ?? '';
      if (/t="s"/.test(attrs!)) return shared[Number(v)] ?? '';
      if (v !== '') numbers.set(ref!, { value: Number(v), style: Number(/s="(\d+)"/.exec(attrs!)?.[1] ?? 0) });
      return v;
    }),
  );
  const styles = text('xl/styles.xml');
  const formats = new Map([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1]!, unescape(m[2]!)]));
  const cellXfs = /<cellXfs[^>]*>(.*?)<\/cellXfs>/s.exec(styles)?.[1] ?? '';
  const numFmts = [...cellXfs.matchAll(/<xf [^>]*numFmtId="(\d+)"/g)].map((m) => formats.get(m[1]!) ?? m[1]!);
  return { rows, merges: [...sheetXml.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => m[1]!), numbers, numFmts };
}

const UNIT = /\s*[(（](万元|元|小时|天)[)）]$/u;
const norm = (h: string) => h.normalize('NFKC').trim().toLowerCase();

describe('writeDemoFiles', () => {
  it('lists the files in import order, reference data first', () => {
    expect(files.map((f) => basename(f.path))).toEqual([
      '销售人员.csv',
      '产品目录.csv',
      '营销活动.csv',
      '客户档案.xlsx',
      '订单明细.csv',
      '商机.xlsx',
      '商机阶段记录.csv',
      '跟进记录.csv',
      '满意度调查.csv',
      'NPS调查.csv',
      '投诉记录.csv',
      '服务工单.csv',
      '销售目标.csv',
      '竞争份额.csv',
      '流失记录.csv',
    ]);
    expect(files.map((f) => f.entity)).toEqual(['reps', 'products', 'campaigns', 'customers', 'order_lines', 'opportunities', 'stage_history', 'interactions', 'surveys', 'nps', 'complaints', 'tickets', 'targets', 'wallet', 'churn']);
    expect(files.filter((f) => f.encoding === 'gbk').map((f) => basename(f.path))).toEqual(['跟进记录.csv']);
    expect(files.filter((f) => f.encoding === 'utf-8-bom').map((f) => basename(f.path))).toEqual(['订单明细.csv']);
  });

  it('writes the same bytes for the same company', async () => {
    const again = await writeDemoFiles(generateDemo({ seed: 7, customers: 150 }), join(dir, 'b'));
    const names = (await readdir(join(dir, 'a'))).sort();
    expect((await readdir(join(dir, 'b'))).sort()).toEqual(names);
    expect(names).toContain('truth.json');
    for (const name of names) {
      const a = await readFile(join(dir, 'a', name));
      const b = await readFile(join(dir, 'b', name));
      expect(a.equals(b), name).toBe(true);
    }
    expect(again.map((f) => f.rows)).toEqual(files.map((f) => f.rows));
  });

  it('names every column with a synonym of the intended entity’s fields', async () => {
    for (const file of files) {
      const spec = entities.find((e) => e.name === file.entity)!;
      const synonyms = new Set(spec.fields.flatMap((f) => f.synonyms.map(norm)));
      const header = file.path.endsWith('.xlsx') ? (await readSheet(file.path)).rows[file.entity === 'customers' ? 1 : 0]! : (await readCsv(file))[0]!;
      for (const h of header) {
        const known = synonyms.has(norm(h)) || (UNIT.test(h) && synonyms.has(norm(h.replace(UNIT, ''))));
        expect(known, `${basename(file.path)}: ${h}`).toBe(true);
      }
      const fields = header.map((h) => spec.fields.find((f) => f.synonyms.map(norm).includes(norm(h)) || f.synonyms.map(norm).includes(norm(h.replace(UNIT, ''))))!.name);
      expect(new Set(fields).size, basename(file.path)).toBe(fields.length);
    }
  });

  it('writes as many data rows as it reports', async () => {
    for (const file of files) {
      if (file.path.endsWith('.xlsx')) {
        const sheet = await readSheet(file.path);
        expect(sheet.rows.length - (file.entity === 'customers' ? 2 : 1), basename(file.path)).toBe(file.rows);
      } else {
        expect((await readCsv(file)).length - 1, basename(file.path)).toBe(file.rows);
      }
    }
  });

  it('encodes the follow-up log in GBK and the order lines with a BOM', async () => {
    const gbk = files.find((f) => f.entity === 'interactions')!;
    const raw = await readFile(gbk.path);
    const text = iconv.decode(raw, 'gb18030');
    expect(text.startsWith('记录编号,客户编号,负责人,跟进方式,跟进日期')).toBe(true);
    expect(text).toMatch(/[\u4e00-\u9fff]{4}/);
    expect(raw.toString('utf8')).not.toContain('跟进方式');
    expect(iconv.encode(text, 'gbk').equals(raw)).toBe(true);
    // An unencodable character would have become '?': there must be none.
    expect(text).not.toContain('?');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(company.interactions.length + 2);
    const first = company.interactions[0]!;
    expect(lines[1]!.split(',')[9]).toBe(first.notes);
    expect(text).toMatch(/\r\nGJ\d{8},C\d{5},[^,]+,(拜访|电话|邮件|会议|报价|演示),20\d\d\/\d{1,2}\/\d{1,2},/);

    const orders = await readFile(files.find((f) => f.entity === 'order_lines')!.path);
    expect([...orders.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const f of files.filter((x) => x.encoding === 'utf-8')) expect((await readFile(f.path))[0]).not.toBe(0xef);
  });

  it('puts the dirty rows where truth.json says', async () => {
    const rows = await readCsv(files.find((f) => f.entity === 'order_lines')!);
    const header = rows[0]!;
    const col = (name: string) => header.indexOf(name);
    expect(company.dirtyRows.length).toBeGreaterThanOrEqual(5);
    for (const d of company.dirtyRows) {
      const row = rows[d.row - 1]!;
      expect(row[col('订单编号')]).toBe(d.orderId);
      expect(row[col('行号')]).toBe(String(d.lineNo));
      if (d.column !== null) expect(row[col(d.column)]).toBe(d.written);
      if (d.kind === 'duplicate') expect(rows[d.row - 2]).toEqual(row);
    }
    const dates = rows.slice(1).map((r) => r[col('下单日期')]!);
    expect(dates.filter((x) => !/^\d{4}-\d{2}-\d{2}$/.test(x))).toEqual(company.dirtyRows.filter((d) => d.kind === 'impossible_date').map((d) => d.written));
  });

  it('gives the customer workbook a merged title row, text ids and real dates', async () => {
    const sheet = await readSheet(files.find((f) => f.entity === 'customers')!.path);
    expect(sheet.rows[0]![0]).toBe('A公司客户档案（导出日期：2025年12月31日）');
    expect(sheet.merges).toEqual(['A1:R1']);
    expect(sheet.rows[1]![0]).toBe('客户编号');
    const first = company.customers[0]!;
    expect(sheet.rows[2]!.slice(0, 4)).toEqual([first.id, first.name, first.industry, first.size]);
    expect(sheet.numbers.has('A3')).toBe(false);
    expect(sheet.numbers.has('J3')).toBe(false);
    expect(sheet.rows[2]![9]).toBe(first.contactPhone);
    expect(sheet.numbers.get('E3')?.value).toBe(first.employees);
    const created = sheet.numbers.get('Q3')!;
    expect(new Date(Math.round((created.value - 25569) * 86_400_000)).toISOString().slice(0, 10)).toBe(first.createdDate);
    expect(sheet.numFmts[created.style]).toBe('yyyy-mm-dd');

    const opps = await readSheet(files.find((f) => f.entity === 'opportunities')!.path);
    expect(opps.rows[0]![9]).toBe('预计金额(万元)');
    expect(opps.numbers.get('J2')!.value).toBeCloseTo(company.opportunities[0]!.expectedAmount / 10_000, 2);
  });

  it('writes truth.json with the company’s truths', async () => {
    const truth = JSON.parse(await readFile(join(dir, 'a', 'truth.json'), 'utf8'));
    expect(truth).toEqual(JSON.parse(JSON.stringify(company.truth)));
    expect(truth.funnel.bottleneck).toMatchObject({ from: '商务洽谈', to: '报价' });
  });
});
