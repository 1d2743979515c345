/** Tableau Superstore in its variants; expected figures from the dataset README. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../src/intake/sniff/legacy-xls.js';
import { datasets, outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

const dir = path.join(datasets, 'superstore');
const mappings = path.resolve(import.meta.dirname, '../fixtures/mappings');
const summary = `SELECT count(*) AS lines, count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS orders,
  CAST(sum(amount) AS FLOAT8) AS sales, CAST(sum(profit) AS FLOAT8) AS profit,
  CAST(min(order_date) AS VARCHAR) AS first, CAST(max(order_date) AS VARCHAR) AS last FROM order_lines`;

describe('Superstore', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());

  it('classic CSV (M/D/YYYY dates, quoted commas)', async () => {
    const r = await store.import(path.join(dir, 'Sample - Superstore.csv'));
    expect(r).toMatchObject({ entity: 'order_lines', rows: 9_994, inserted: 9_994, quarantined: 0, duplicates: 0 });
    const s = await store.one<Record<string, number | string>>(summary);
    expect(s).toMatchObject({ lines: 9_994, customers: 793, orders: 5_009, first: '2018-01-03', last: '2021-12-30' });
    expect(s.sales).toBeCloseTo(2_297_200.8603, 4);
    expect(s.profit).toBeCloseTo(286_397.0233, 4);
  });

  it('2023 release: UTF-8 with BOM, dd/mm/yy dates, Country/Region and State/Province', async () => {
    const r = await store.import(path.join(dir, 'superstore_2023_utf8bom_ddmmyy.csv'));
    expect(r).toMatchObject({ encoding: 'utf-8-bom', rows: 10_194, inserted: 10_194, quarantined: 0 });
    const s = await store.one<Record<string, number | string>>(summary);
    expect(s).toMatchObject({ customers: 804, orders: 5_111, first: '2019-01-03', last: '2022-12-30' });
    const first = await store.one<{ d: string; region: string; province: string }>(
      `SELECT CAST(order_date AS VARCHAR) AS d, region, province FROM order_lines WHERE order_id = 'US-2019-103800'`,
    );
    expect(first).toEqual({ d: '2019-01-03', region: 'Central', province: 'Texas' });
  });

  it('European export: semicolons, decimal commas, Windows-1252, no ids (with a mapping file)', async () => {
    const { readUserMapping } = await import('../../src/intake/user-mapping.js');
    const m = await readUserMapping(path.join(mappings, 'superstore-semicolon.yaml'));
    if (!m.ok) throw new Error('mapping');
    const r = await store.import(path.join(dir, 'superstore_semicolon_decimalcomma_cp1252.csv'), { mapping: m.mapping });
    expect(r).toMatchObject({ encoding: 'windows-1252', rows: 9_994, quarantined: 0 });
    expect(outcomesAddUp(r)).toBe(true);
    const s = await store.one<{ sales: number; customers: number }>(
      `SELECT CAST(sum(amount) AS FLOAT8) AS sales, count(DISTINCT customer_id) AS customers FROM order_lines`,
    );
    expect(s.sales).toBeCloseTo(2_297_200.8603, 4);
    expect(s.customers).toBe(793);
  });

  it('without the mapping, says what the European export lacks', async () => {
    await expect(
      store.import(path.join(dir, 'superstore_semicolon_decimalcomma_cp1252.csv'), { entity: 'order_lines' }),
    ).rejects.toMatchObject({ code: 'required_columns_missing', params: expect.objectContaining({ missing: 'order_date' }) });
  });

  it('legacy .xls: converted when LibreOffice is present, else a clear message', async () => {
    const soffice = await findLibreOffice();
    const file = path.join(dir, 'Sample - Superstore.xls');
    if (soffice === null) {
      await expect(store.import(file)).rejects.toMatchObject({ code: 'xls_needs_conversion' });
    } else {
      const r = await store.import(file, { sheet: 'Orders' });
      expect(r).toMatchObject({ rows: 9_994, quarantined: 0 });
    }
  });
});
