import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whitespaceToTsv } from './whitespace-to-tsv.js';
import { datasets } from '../../../test/support/datasets.js';

const DATA = datasets;
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-ws-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('whitespaceToTsv', () => {
  it('converts the CDNOW master log, keeping every value', async () => {
    const dest = path.join(dir, 'master.tsv');
    const r = await whitespaceToTsv(`${DATA}/cdnow/CDNOW_master.txt`, dest);
    expect(r).toEqual({ lines: 69_660, records: 69_660, segments: [{ fromRecord: 0, lineOffset: 0 }] });
    const rows = (await readFile(dest, 'utf8')).split('\n');
    expect(rows[0]).toBe('customer_id\tdate\tnumber_of_cds\tdollar_value');
    expect(rows[1]).toBe('00001\t19970101\t1\t11.77');
    expect(rows.at(-1)).toBe('');
    const data = rows.slice(1, -1).map((r) => r.split('\t'));
    expect(data.every((r) => r.length === 4)).toBe(true);
    expect(new Set(data.map((r) => r[0])).size).toBe(23_570);
    expect(data.reduce((n, r) => n + Number(r[2]), 0)).toBe(167_881);
    expect(Math.round(data.reduce((n, r) => n + Number(r[3]), 0) * 100) / 100).toBe(2_500_315.63);
  });

  it('converts the headerless CDNOW sample', async () => {
    const dest = path.join(dir, 'sample.tsv');
    const r = await whitespaceToTsv(`${DATA}/cdnow/CDNOW_sample.txt`, dest);
    expect(r.records).toBe(6_919);
    const rows = (await readFile(dest, 'utf8')).trimEnd().split('\n');
    expect(rows[0]).toBe('00004\t0001\t19970101\t2\t29.33');
    expect(Math.round(rows.reduce((n, r) => n + Number(r.split('\t')[4]), 0) * 100) / 100).toBe(244_091.94);
  });

  it('drops blank lines and says where each record came from', async () => {
    const src = path.join(dir, 'gaps.txt');
    await writeFile(src, '  a  b\r\n\r\n1 2\r\n   \r\n\r\n3\t\t4\r\n5 6');
    const dest = path.join(dir, 'gaps.tsv');
    const r = await whitespaceToTsv(src, dest);
    expect(await readFile(dest, 'utf8')).toBe('a\tb\n1\t2\n3\t4\n5\t6\n');
    expect(r.lines).toBe(7);
    expect(r.records).toBe(4);
    // record → source line: 0 → 1, 1 → 3, 2 → 6, 3 → 7
    expect(r.segments).toEqual([
      { fromRecord: 0, lineOffset: 0 },
      { fromRecord: 1, lineOffset: 1 },
      { fromRecord: 2, lineOffset: 3 },
    ]);
  });

  it('handles lines longer than a read chunk and an empty file', async () => {
    const long = `${'x '.repeat(700_000)}end\n1 2\n`;
    const src = path.join(dir, 'long.txt');
    await writeFile(src, long);
    const r = await whitespaceToTsv(src, path.join(dir, 'long.tsv'));
    expect(r.records).toBe(2);
    const first = (await readFile(path.join(dir, 'long.tsv'), 'utf8')).split('\n')[0]!;
    expect(first.split('\t')).toHaveLength(700_001);
    await writeFile(path.join(dir, 'empty.txt'), '');
    expect(await whitespaceToTsv(path.join(dir, 'empty.txt'), path.join(dir, 'empty.tsv'))).toEqual({ lines: 0, records: 0, segments: [] });
  });
});
