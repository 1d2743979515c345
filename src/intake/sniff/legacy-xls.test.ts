import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../xlsx/xlsx-reader.js';
import { convertXlsToXlsx, findLibreOffice, XlsConversionError } from './legacy-xls.js';
import { datasets } from '../../../test/support/datasets.js';

const DATA = datasets;
const posix = process.platform !== 'win32';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-xls-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A stand-in for soffice: a shell script run with the same arguments. */
async function fakeSoffice(name: string, body: string): Promise<string> {
  const bin = path.join(dir, name);
  await mkdir(bin, { recursive: true });
  const file = path.join(bin, 'soffice');
  await writeFile(file, `#!/bin/sh\n${body}\n`);
  await chmod(file, 0o755);
  return file;
}

describe.skipIf(!posix)('findLibreOffice', () => {
  it('finds soffice on PATH', async () => {
    const fake = await fakeSoffice('on-path', 'exit 0');
    expect(await findLibreOffice({ PATH: ['/nonexistent', path.dirname(fake)].join(path.delimiter) })).toBe(fake);
  });

  it('ignores a soffice that is not executable', async () => {
    const bin = path.join(dir, 'not-exec');
    await mkdir(bin, { recursive: true });
    await writeFile(path.join(bin, 'soffice'), 'not a program');
    await chmod(path.join(bin, 'soffice'), 0o644);
    const found = await findLibreOffice({ PATH: bin });
    expect(found === null || !found.startsWith(bin)).toBe(true);
  });
});

describe.skipIf(!posix)('convertXlsToXlsx with a stand-in soffice', () => {
  it('passes --headless --convert-to xlsx --outdir and returns outDir/<name>.xlsx', async () => {
    const soffice = await fakeSoffice(
      'converts',
      // Last two arguments: outDir and the source; writes what it was called with into the "workbook".
      'for a; do prev2="$prev"; prev="$a"; done\nname=$(basename "$prev" .xls)\necho "$@" > "$prev2/$name.xlsx"',
    );
    const outDir = path.join(dir, 'out');
    const result = await convertXlsToXlsx('/data/客户 档案.xls', outDir, soffice);
    expect(result).toBe(path.join(outDir, '客户 档案.xlsx'));
    const args = await readFile(result, 'utf8');
    expect(args).toMatch(/^-env:UserInstallation=file:\/\/\S+ --headless --norestore --convert-to xlsx --outdir \S+ \/data\/客户 档案\.xls\n$/);
  });

  it('fails with a code when no workbook appears', async () => {
    const soffice = await fakeSoffice('fails', 'echo "Error: source file could not be loaded" >&2; exit 0');
    const error = await convertXlsToXlsx(path.join(dir, 'broken.xls'), path.join(dir, 'out2'), soffice).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsConversionError);
    expect(error).toMatchObject({ code: 'xls_conversion_failed', detail: 'Error: source file could not be loaded' });
  });

  it('gives up after the timeout', async () => {
    const soffice = await fakeSoffice('hangs', 'sleep 10 & wait');
    const error = await convertXlsToXlsx(path.join(dir, 'slow.xls'), path.join(dir, 'out3'), soffice, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'xls_conversion_timeout' });
  });
});

const soffice = await findLibreOffice();

describe('convertXlsToXlsx with LibreOffice', () => {
  it.skipIf(soffice === null)('converts the classic Superstore workbook', async () => {
    const converted = await convertXlsToXlsx(`${DATA}/superstore/Sample - Superstore.xls`, path.join(dir, 'lo'), soffice!);
    let rows = 0;
    let header: (string | null)[] = [];
    for await (const row of readXlsxRows(converted, { sheet: 'Orders' })) {
      if (row.rowNumber === 1) header = row.cells;
      rows++;
    }
    expect(rows).toBe(9_995);
    expect(header.slice(0, 3)).toEqual(['Row ID', 'Order ID', 'Order Date']);
  });
});
