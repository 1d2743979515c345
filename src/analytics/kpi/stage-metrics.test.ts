import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { stageMetrics } from './stage-metrics.js';

/**
 * Period 2024 (as of 2024-12-31):
 *   opportunities: L1 created 2024-02-01 won 2024-03-02 (30 days, 1,000) · L2 created 2024-03-01 won 2024-06-09 (100 days, won amount
 *   missing: expected 3,000 counts) · L3 created 2023-11-01 lost 2024-01-10 · L4 created 2024-05-01 open, expected 500 ·
 *   L5 created 2023-06-01 won 2023-07-01 (outside) · L6 created 2024-07-01 lost 2024-08-01
 *   interactions: 2 visits, 1 call, quotes answered in 10 h and 30 h; one quote in 2023 (50 h) does not count
 *   tickets: T1 opened 01-01 closed 01-05 (4 days, rated 4) · T2 opened 02-01 closed 02-11 (10) · T3 opened 03-01 open (rated 2)
 *   complaints: K1 resolved · K2 open · K3 status 已解决
 */
const data = {
  opportunities: [
    { opportunity_id: 'L1', created_date: '2024-02-01', close_date: '2024-03-02', status: 'won', won_amount: 1000, expected_amount: 900 },
    { opportunity_id: 'L2', created_date: '2024-03-01', close_date: '2024-06-09', status: 'won', expected_amount: 3000 },
    { opportunity_id: 'L3', created_date: '2023-11-01', close_date: '2024-01-10', status: 'lost', expected_amount: 700 },
    { opportunity_id: 'L4', created_date: '2024-05-01', status: 'open', expected_amount: 500 },
    { opportunity_id: 'L5', created_date: '2023-06-01', close_date: '2023-07-01', status: 'won', won_amount: 9000 },
    { opportunity_id: 'L6', created_date: '2024-07-01', close_date: '2024-08-01', status: 'lost', expected_amount: 200 },
  ],
  interactions: [
    { interaction_id: 'I1', customer_id: 'A', type: 'visit', interaction_date: '2024-02-01' },
    { interaction_id: 'I2', customer_id: 'A', type: 'visit', interaction_date: '2024-03-01' },
    { interaction_id: 'I3', customer_id: 'A', type: 'call', interaction_date: '2024-03-02' },
    { interaction_id: 'I4', customer_id: 'A', type: 'quote', interaction_date: '2024-03-03', response_hours: 10 },
    { interaction_id: 'I5', customer_id: 'B', type: 'quote', interaction_date: '2024-04-03', response_hours: 30 },
    { interaction_id: 'I6', customer_id: 'B', type: 'quote', interaction_date: '2023-04-03', response_hours: 50 },
  ],
  tickets: [
    { ticket_id: 'T1', customer_id: 'A', opened_date: '2024-01-01', closed_date: '2024-01-05', satisfaction: 4 },
    { ticket_id: 'T2', customer_id: 'A', opened_date: '2024-02-01', closed_date: '2024-02-11' },
    { ticket_id: 'T3', customer_id: 'B', opened_date: '2024-03-01', satisfaction: 2 },
  ],
  complaints: [
    { complaint_id: 'K1', customer_id: 'A', complaint_date: '2024-05-01', resolved_date: '2024-05-03' },
    { complaint_id: 'K2', customer_id: 'A', complaint_date: '2024-06-01', status: 'open' },
    { complaint_id: 'K3', customer_id: 'B', complaint_date: '2024-07-01', status: '已解决' },
  ],
  customers: [{ customer_id: 'A' }, { customer_id: 'B' }],
};
const period = { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' };

describe('pre-sale, in-sale and after-sale metrics', () => {
  let store: Store;
  beforeAll(async () => {
    store = await fixtureStore(data);
  });
  afterAll(() => store.close());

  it('computes each stage by hand', async () => {
    expect(await stageMetrics(fixtureContext(store, period))).toEqual({
      // leads created in 2024: L1 L2 L4 L6, of which L1 and L2 won
      preSale: { leads: 4, visits: 2, calls: 1, quotes: 2, meanQuoteResponseHours: 20, leadWinRate: 0.5 },
      // closed in 2024: won L1 L2, lost L3 L6; cycles 30 and 100 → median 65; open: L4
      inSale: { won: 2, lost: 2, winRate: 0.5, wonAmount: 4000, averageDealSize: 2000, medianCycleDays: 65, openPipelineAmount: 500, openOpportunities: 1 },
      afterSale: { tickets: 3, medianResolutionDays: 7, ticketSatisfaction: 3, complaints: 3, complaintResolutionRate: 2 / 3 },
    });
  });

  it('gives nulls, not NaN, for a period with nothing in it', async () => {
    const empty = await stageMetrics(fixtureContext(store, period), { from: '2020-01-01', to: '2020-12-31' });
    expect(empty.preSale).toEqual({ leads: 0, visits: 0, calls: 0, quotes: 0, meanQuoteResponseHours: null, leadWinRate: null });
    expect(empty.inSale.winRate).toBeNull();
    expect(empty.inSale.averageDealSize).toBeNull();
    expect(empty.afterSale).toEqual({ tickets: 0, medianResolutionDays: null, ticketSatisfaction: null, complaints: 0, complaintResolutionRate: null });
  });
});
