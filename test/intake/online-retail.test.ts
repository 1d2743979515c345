/**
 * UCI Online Retail, 541,909 lines, through the normal intake from CSV and
 * from Parquet. Expected figures come from the dataset README and from an
 * independent parse of the CSV in this test (csv-parse), not from the code
 * under test.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasets, outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

const csv = path.join(datasets, 'online_retail/Online_Retail.csv');
const parquet = path.join(datasets, 'online_retail/online_retail.parquet');

/** Distinct rows and their Σ quantity × price, computed without salescope. */
function reference() {
  const rows = parse(readFileSync(csv), { columns: false, from_line: 2 }) as string[][];
  const seen = new Set<string>();
  let sum = 0;
  let returns = 0;
  for (const r of rows) {
    const key = r.join('\u0001');
    if (seen.has(key)) continue;
    seen.add(key);
    sum += Number(r[3]) * Number(r[5]);
    if (Number(r[3]) < 0) returns++;
  }
  return { rows: rows.length, distinct: seen.size, sum, returns };
}

describe('Online Retail', () => {
  let store: TestStore;
  let ref: ReturnType<typeof reference>;
  beforeAll(async () => {
    store = await testStore();
    ref = reference();
  });
  afterAll(() => store.dispose());

  it('imports the CSV: 541,909 rows, 5,268 exact duplicates, nothing lost', async () => {
    const r = await store.import(csv);
    expect(r).toMatchObject({ entity: 'order_lines', encoding: 'utf-8', rows: 541_909, duplicates: 5_268, quarantined: 0, updated: 0, unchanged: 0 });
    expect(r.inserted).toBe(541_909 - 5_268);
    expect(ref.distinct).toBe(r.inserted);
    expect(outcomesAddUp(r)).toBe(true);
  });

  it('keeps the published shape of the data', async () => {
    const s = await store.one<Record<string, number>>(`SELECT
      count(DISTINCT customer_id) AS customers, count(DISTINCT order_id) AS invoices,
      count(*) FILTER (WHERE customer_id IS NULL) AS anonymous,
      count(*) FILTER (WHERE is_return) AS returns,
      count(*) FILTER (WHERE order_id LIKE 'C%' AND NOT is_return) AS cancellations_not_returns,
      CAST(sum(amount) AS FLOAT8) AS revenue,
      count(DISTINCT region) AS countries
      FROM order_lines`);
    expect(s.customers).toBe(4_372);
    expect(s.invoices).toBe(25_900);
    expect(s.countries).toBe(38);
    expect(s.returns).toBe(ref.returns);
    expect(s.cancellations_not_returns).toBe(0);
    expect(s.revenue).toBeCloseTo(ref.sum, 2);
    // Guest sales stay (revenue) without a customer: 135,080 lines before duplicates are merged.
    expect(s.anonymous).toBeGreaterThan(130_000);
    expect(s.anonymous).toBeLessThan(135_080);
  });

  it('keeps ids as text and creates the customers and products the lines name', async () => {
    const c = await store.one<{ customers: number; products: number; id: string }>(
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM products) AS products,
              (SELECT customer_id FROM order_lines WHERE order_id = '536365' LIMIT 1) AS id`,
    );
    expect(c.customers).toBe(4_372);
    expect(c.id).toBe('17850');
    expect(c.products).toBeGreaterThanOrEqual(4_070);
  });

  it('changes nothing when the same file comes again', async () => {
    const r = await store.import(csv);
    expect(r).toMatchObject({ rows: 541_909, inserted: 0, updated: 0, unchanged: 536_641, duplicates: 5_268, quarantined: 0 });
  });

  it('reads the Parquet copy as the same data', async () => {
    const r = await store.import(parquet);
    expect(r).toMatchObject({ format: 'parquet', rows: 541_909, inserted: 0, updated: 0, unchanged: 536_641, duplicates: 5_268 });
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM order_lines')).n).toBe(536_641);
  });

  it('keeps natural keys unique', async () => {
    const d = await store.one<{ n: number }>('SELECT count(*) AS n FROM (SELECT order_id, line_no FROM order_lines GROUP BY order_id, line_no HAVING count(*) > 1) AS d');
    expect(d.n).toBe(0);
  });
});
