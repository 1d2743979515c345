import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore } from '../../../test/support/fixture.js';
import { purchaseDaysSql } from '../analysis-sql.js';
import { clvSummarySql } from './clv-summary-sql.js';

/**
 * Calibration end 2024-06-30, observation end 2024-12-31.
 *   A: 01-10 (100 + 50, two orders one day: one purchase day of 150), 03-10 (200), a return on 04-01 (not a purchase),
 *      05-10 (300), then 08-01 (400) in the holdout → x 2, tx 121 days, T 172 days, mx (200 + 300) / 2 = 250, x* 1.
 *   B: first buys 07-05, after the calibration end → no row.
 *   C: 02-01 only → x 0, tx 0, T 150, mx null, x* 0.
 *   A line of 2025 is past the observation end and counts nowhere.
 */
const data = {
  customers: [{ customer_id: 'A' }, { customer_id: 'B' }, { customer_id: 'C' }],
  orders: [
    { order_id: 'a1', customer_id: 'A', order_date: '2024-01-10', amount: 100 },
    { order_id: 'a2', customer_id: 'A', order_date: '2024-01-10', amount: 50 },
    { order_id: 'a3', customer_id: 'A', order_date: '2024-03-10', amount: 200 },
    { order_id: 'ar', customer_id: 'A', order_date: '2024-04-01', amount: -80 },
    { order_id: 'a4', customer_id: 'A', order_date: '2024-05-10', amount: 300 },
    { order_id: 'a5', customer_id: 'A', order_date: '2024-08-01', amount: 400 },
    { order_id: 'a6', customer_id: 'A', order_date: '2025-01-05', amount: 999 },
    { order_id: 'b1', customer_id: 'B', order_date: '2024-07-05', amount: 70 },
    { order_id: 'c1', customer_id: 'C', order_date: '2024-02-01', amount: 90 },
  ],
};

const window = { calibrationEnd: '2024-06-30', observationEnd: '2024-12-31' };
const expected = [
  { customer_id: 'A', x: 2, tx_days: 121, t_days: 172, mx: 250, x_star: 1 },
  { customer_id: 'C', x: 0, tx_days: 0, t_days: 150, mx: null, x_star: 0 },
];

describe('clvSummarySql', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore(data);
  });
  afterAll(() => store.close());

  it('summarises purchase days from the order lines', async () => {
    expect(await store.engine.query(clvSummarySql(window))).toEqual(expected);
  });

  it('gives the same summary from a table of purchase days made at a later date', async () => {
    // In one transaction: a temporary table lives on one connection.
    await store.engine.transaction(async (tx) => {
      await tx.run(`CREATE TEMP TABLE summary_days AS ${purchaseDaysSql('2025-03-31', '')}`);
      expect(await tx.query(clvSummarySql(window, '', 'summary_days'))).toEqual(expected);
      // The customer filter applies to the table's rows too.
      expect(await tx.query(clvSummarySql(window, ` AND customer_id <> 'A'`, 'summary_days'))).toEqual([expected[1]]);
      await tx.run('DROP TABLE summary_days');
    });
  });
});
