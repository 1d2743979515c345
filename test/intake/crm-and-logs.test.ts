/**
 * B2B pipeline (Maven CRM), marketing funnel (Olist), a fixed-width
 * transaction log (CDNOW) and a real Excel workbook (UCI 40k sample).
 * Expected figures from the datasets' READMEs.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readUserMapping, type UserMapping } from '../../src/intake/user-mapping.js';
import { datasets, outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

const mappings = path.resolve(import.meta.dirname, '../fixtures/mappings');
async function mapping(name: string): Promise<UserMapping> {
  const m = await readUserMapping(path.join(mappings, name));
  if (!m.ok) throw new Error(JSON.stringify(m.problems));
  return m.mapping;
}

describe('CRM, funnel and transaction-log files', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());

  it('Maven CRM: teams, accounts, products and 8,800 deals with a 63.15% win rate', async () => {
    const crm = path.join(datasets, 'crm_sales_opportunities');
    const results = [];
    for (const f of ['sales_teams.csv', 'accounts.csv', 'products.csv', 'sales_pipeline.csv']) results.push(await store.import(path.join(crm, f)));
    expect(results.map((r) => [r.entity, r.rows, r.inserted])).toEqual([
      ['reps', 35, 35],
      ['customers', 85, 85],
      ['products', 7, 7],
      ['opportunities', 8_800, 8_800],
    ]);
    const s = await store.one<Record<string, number>>(`SELECT
      count(*) FILTER (WHERE status = 'won') AS won, count(*) FILTER (WHERE status = 'lost') AS lost,
      count(*) FILTER (WHERE status = 'open') AS open, CAST(sum(won_amount) FILTER (WHERE status = 'won') AS FLOAT8) AS won_value,
      count(*) FILTER (WHERE customer_id IS NULL) AS no_account, count(DISTINCT rep_id) AS agents,
      count(*) FILTER (WHERE rep_id NOT IN (SELECT rep_id FROM reps)) AS unknown_agents
      FROM opportunities`);
    expect(s).toEqual({ won: 4_238, lost: 2_473, open: 2_089, won_value: 10_005_534, no_account: 1_425, agents: 30, unknown_agents: 0 });
    expect(Math.round((s.won! / (s.won! + s.lost!)) * 10_000) / 100).toBe(63.15);
    const managers = await store.one<{ n: number }>('SELECT count(DISTINCT manager) AS n FROM reps');
    expect(managers.n).toBe(6);
    // Accounts named in the pipeline all exist as customers: no stray minimal records.
    expect((await store.one<{ n: number }>('SELECT count(*) AS n FROM customers')).n).toBe(85);
  });

  it('Olist: 8,000 marketing-qualified leads, 842 of them closed (10.53%), updated in place', async () => {
    const olist = path.join(datasets, 'olist');
    const leads = await store.import(path.join(olist, 'olist_marketing_qualified_leads_dataset.csv'));
    expect(leads).toMatchObject({ entity: 'opportunities', rows: 8_000, inserted: 8_000 });
    const closed = await store.import(path.join(olist, 'olist_closed_deals_dataset.csv'), { mapping: await mapping('olist-closed-deals.yaml') });
    expect(closed).toMatchObject({ rows: 842, inserted: 0, updated: 842 });
    const s = await store.one<{ total: number; won: number; with_source: number; reps: number }>(
      `SELECT count(*) AS total, count(*) FILTER (WHERE status = 'won') AS won,
              count(*) FILTER (WHERE status = 'won' AND lead_source IS NOT NULL) AS with_source, count(DISTINCT rep_id) AS reps FROM opportunities`,
    );
    expect(s.total).toBe(8_000);
    expect(s.won).toBe(842);
    expect(Math.round((s.won / s.total) * 10_000) / 100).toBe(10.53);
    // The second file did not wipe what the first said (partial-column update).
    expect(s.with_source).toBeGreaterThan(800);
    expect(s.reps).toBe(22);
  });

  it('CDNOW master: whitespace-separated, YYYYMMDD dates; same-day repeat purchases are kept', async () => {
    const r = await store.import(path.join(datasets, 'cdnow/CDNOW_master.txt'));
    expect(r).toMatchObject({ entity: 'order_lines', rows: 69_659, inserted: 69_659, duplicates: 0, quarantined: 0 });
    const s = await store.one<Record<string, number | string>>(`SELECT count(DISTINCT customer_id) AS customers, CAST(sum(amount) AS FLOAT8) AS dollars,
      CAST(min(order_date) AS VARCHAR) AS first, CAST(max(order_date) AS VARCHAR) AS last,
      count(*) FILTER (WHERE amount = 0) AS zero FROM order_lines`);
    expect(s).toMatchObject({ customers: 23_570, first: '1997-01-01', last: '1998-06-30', zero: 80 });
    expect(s.dollars).toBeCloseTo(2_500_315.63, 2);
    const again = await store.import(path.join(datasets, 'cdnow/CDNOW_master.txt'));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 69_659 });
  });

  it('CDNOW sample without a header, read through a mapping file', async () => {
    const r = await store.import(path.join(datasets, 'cdnow/CDNOW_sample.txt'), { mapping: await mapping('cdnow-sample.yaml') });
    expect(r).toMatchObject({ rows: 6_919, inserted: 6_919, quarantined: 0 });
    const s = await store.one<{ customers: number; dollars: number; cds: number }>(
      `SELECT count(DISTINCT customer_id) AS customers, CAST(sum(amount) AS FLOAT8) AS dollars, sum(quantity) AS cds FROM order_lines`,
    );
    expect(s.customers).toBe(2_357);
    expect(s.dollars).toBeCloseTo(244_091.94, 2);
  });

  it('UCI 40k workbook: a real .xlsx with Excel dates', async () => {
    const r = await store.import(path.join(datasets, 'online_retail/Online_Retail_sample40k.xlsx'));
    expect(r).toMatchObject({ format: 'xlsx', sheet: 'Sheet1', entity: 'order_lines', rows: 40_000, quarantined: 0 });
    expect(outcomesAddUp(r)).toBe(true);
    const s = await store.one<{ first: string; last: string; returns: number }>(
      `SELECT CAST(min(order_time) AS VARCHAR) AS first, CAST(max(order_time) AS VARCHAR) AS last, count(*) FILTER (WHERE is_return) AS returns FROM order_lines`,
    );
    expect(s.first >= '2010-12-01 08:26:00').toBe(true);
    expect(s.last <= '2011-12-09 12:50:00').toBe(true);
    expect(s.returns).toBeGreaterThan(0);
  });
});
