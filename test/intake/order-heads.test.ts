/**
 * Order heads (store/schema/order-heads.ts): after every import exactly one
 * line per order and customer stands for the order in order counts, the
 * first purchase line by date then line number, and an order of returns
 * only has none. Counts worked out by hand from the files below.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPeriod } from '../../src/analytics/analysis-period.js';
import { rfmMeasuresSql } from '../../src/analytics/rfm/rfm-sql.js';
import { defaultAnalysisConfig } from '../../src/config/analysis-config.js';
import { markOrderHeadsSql } from '../../src/store/schema/order-heads.js';
import { testStore, type TestStore } from '../support/test-store.js';

const header = 'order_id,line_no,order_date,customer_id,quantity,amount\n';

describe('order heads', () => {
  let store: TestStore;
  let n = 0;
  const file = (body: string) => {
    const p = path.join(store.dir, `orders-${n++}.csv`);
    writeFileSync(p, header + body);
    return p;
  };
  const heads = async () =>
    (await store.engine.query<{ head: string }>(`SELECT order_id || line_no || ':' || customer_id AS head FROM order_lines WHERE opens_order ORDER BY 1`)).map((r) => r.head);
  const frequency = async () => {
    const ctx = { db: store.engine, period: defaultPeriod('2024-12-31'), config: defaultAnalysisConfig(), tiers: null, scope: null };
    return store.engine.query<{ customer_id: string; frequency: number }>(`SELECT customer_id, frequency FROM (${rfmMeasuresSql(ctx)}) AS m ORDER BY 1`);
  };
  beforeAll(async () => {
    store = await testStore();
  });
  afterAll(() => store.dispose());

  it('marks the first purchase line of each order and customer, and none for returns only', async () => {
    await store.import(file([
      'A,1,2024-03-01,C1,1,100', 'A,2,2024-03-01,C1,2,200', // two purchase lines: line 1
      'B,1,2024-03-02,C1,-1,-50', 'B,2,2024-03-02,C1,1,80', // a return first: line 2
      'R,1,2024-03-03,C2,-1,-30', // returns only: no head
      'M,1,2024-03-04,C1,1,10', 'M,2,2024-03-04,C2,1,20', // one order, two customers: one head each
      'E,1,2024-03-05,C2,1,10', 'E,2,2024-03-02,C2,1,10', // the earlier date wins over the lower line number
    ].join('\n') + '\n'));
    expect(await heads()).toEqual(['A1:C1', 'B2:C1', 'E2:C2', 'M1:C1', 'M2:C2']);
    expect(await store.one<{ n: number }>('SELECT count(*) AS n FROM order_lines WHERE opens_order IS NULL')).toEqual({ n: 0 });
    expect(await frequency()).toEqual([{ customer_id: 'C1', frequency: 3 }, { customer_id: 'C2', frequency: 2 }]);
  });

  it('moves a head when a later import adds an earlier line or turns the head into a return', async () => {
    await store.import(file(['A,3,2024-02-28,C1,1,5', 'B,2,2024-03-02,C1,-1,-80'].join('\n') + '\n'));
    expect(await heads()).toEqual(['A3:C1', 'E2:C2', 'M1:C1', 'M2:C2']);
    expect(await frequency()).toEqual([{ customer_id: 'C1', frequency: 2 }, { customer_id: 'C2', frequency: 2 }]);
  });

  it('marks lines written without a mark, and leaves marked ones as they are', async () => {
    await store.engine.run(`INSERT INTO order_lines (order_id, line_no, order_date, customer_id, quantity, amount, is_return) VALUES
      ('Z', 1, DATE '2024-04-01', 'C2', -1, -5, true), ('Z', 2, DATE '2024-04-01', 'C2', 1, 5, false)`);
    await store.engine.run(markOrderHeadsSql);
    expect(await heads()).toEqual(['A3:C1', 'E2:C2', 'M1:C1', 'M2:C2', 'Z2:C2']);
    expect(await store.one<{ n: number }>('SELECT count(*) AS n FROM order_lines WHERE opens_order IS NULL')).toEqual({ n: 0 });
  });
});
