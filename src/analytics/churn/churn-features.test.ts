import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureStore } from '../../../test/support/fixture.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { readChurnFeatures, readLabelledFeatures } from './churn-features.js';

/**
 * As of 2024-12-31 (recent window 90 days: from 2024-10-03; last two quarters: from 2024-07-03; the year: from 2024-01-01).
 *   A buys 2024-01-10 (1,000), 02-09 (1,000), 03-10 (1,000), 08-01 (400): purchase-day gaps 30, 30, 144 → cycle 30; 152 days since.
 *     value: recent (≥ 07-03) 400, before (01-01 … 07-02) 3,000.
 *     quotes: 10 h on 2024-05-01 (the year before the window), 30 h on 2024-11-01 (recent).
 *     interactions: competitor 汇川技术 on 11-15, project 停滞 on 12-01; a competitor in 2024-06 is outside the window.
 *     deal O1 created 2024-09-01, no stage change → open and idle 121 days; O2 closed 2024-12-20 (open until then) moved 2024-12-01;
 *     O3 created 2025-01-05 does not exist yet. complaints: 2024-11-01 unresolved; 2024-05-01 is older than 180 days.
 *     surveys 2 and 3 → 2.5; NPS 9 in March then 4 in December → the last is 4.
 *   B bought once, 2024-12-30.
 */
const data = {
  customers: [{ customer_id: 'A' }, { customer_id: 'B' }],
  orders: [
    { order_id: 'a1', customer_id: 'A', order_date: '2024-01-10', amount: 1000 },
    { order_id: 'a2', customer_id: 'A', order_date: '2024-02-09', amount: 1000 },
    { order_id: 'a3', customer_id: 'A', order_date: '2024-03-10', amount: 1000 },
    { order_id: 'a4', customer_id: 'A', order_date: '2024-08-01', amount: 400 },
    { order_id: 'b1', customer_id: 'B', order_date: '2024-12-30', amount: 50 },
    { order_id: 'late', customer_id: 'A', order_date: '2025-02-01', amount: 999 },
  ],
  interactions: [
    { interaction_id: 'q1', customer_id: 'A', type: 'quote', interaction_date: '2024-05-01', response_hours: 10 },
    { interaction_id: 'q2', customer_id: 'A', type: 'quote', interaction_date: '2024-11-01', response_hours: 30 },
    { interaction_id: 'c1', customer_id: 'A', type: 'visit', interaction_date: '2024-11-15', competitor: '汇川技术' },
    { interaction_id: 'c0', customer_id: 'A', type: 'visit', interaction_date: '2024-06-15', competitor: '西门子' },
    { interaction_id: 'p1', customer_id: 'A', type: 'visit', interaction_date: '2024-12-01', project_status: '停滞' },
  ],
  opportunities: [
    { opportunity_id: 'O1', customer_id: 'A', status: 'open', created_date: '2024-09-01' },
    { opportunity_id: 'O2', customer_id: 'A', status: 'lost', created_date: '2024-06-01', close_date: '2024-12-20' },
    { opportunity_id: 'O3', customer_id: 'A', status: 'open', created_date: '2025-01-05' },
  ],
  stageHistory: [{ opportunity_id: 'O2', stage: '商务洽谈', entered_date: '2024-12-01' }],
  complaints: [
    { complaint_id: 'k1', customer_id: 'A', complaint_date: '2024-11-01' },
    { complaint_id: 'k0', customer_id: 'A', complaint_date: '2024-05-01', resolved_date: '2024-05-02' },
  ],
  surveys: [
    { response_id: 's1', customer_id: 'A', survey_date: '2024-06-01', item: '交付', score: 2, importance: 5 },
    { response_id: 's2', customer_id: 'A', survey_date: '2024-07-01', item: '质量', score: 3, importance: 5 },
  ],
  nps: [
    { response_id: 'n1', customer_id: 'A', response_date: '2024-03-01', score: 9 },
    { response_id: 'n2', customer_id: 'A', response_date: '2024-12-01', score: 4 },
  ],
};

let store: Store;
beforeAll(async () => {
  store = await fixtureStore(data);
});
afterAll(() => store.close());

describe('churn features as they stood at the as-of date', () => {
  it('label each customer by a purchase in the window after the date, read in the same statement', async () => {
    const config = defaultAnalysisConfig();
    const labels = async (labelDays: number) =>
      (await readLabelledFeatures(store.engine, '2024-12-31', { ...config, churn: { ...config.churn, labelDays } })).map((r) => [r.f.customerId, r.label]);
    // A's 'late' order is on 2025-02-01, 32 days after the date; B buys nothing after 2024-12-30.
    expect(await labels(180)).toEqual([['A', 0], ['B', 1]]);
    expect(await labels(32)).toEqual([['A', 0], ['B', 1]]);
    expect(await labels(31)).toEqual([['A', 1], ['B', 1]]);
    const plain = await readChurnFeatures(store.engine, '2024-12-31', config);
    expect((await readLabelledFeatures(store.engine, '2024-12-31', config)).map((r) => r.f)).toEqual(plain);
  });

  it('measures purchases, value, quotes, competitors, stalled work, complaints and feedback', async () => {
    const [a, b] = await readChurnFeatures(store.engine, '2024-12-31', defaultAnalysisConfig());
    expect(a).toEqual({
      customerId: 'A',
      lastPurchase: '2024-08-01',
      daysSince: 152,
      purchaseDays: 4,
      cycleDays: 30,
      valueRecent: 400,
      valueBefore: 3000,
      quoteRecent: 30,
      quoteBefore: 10,
      competitorContacts: 1,
      competitors: ['汇川技术'],
      stalledProjects: 1,
      stalledOpportunities: 1,
      stalledDays: 121,
      complaints: 1,
      unresolvedComplaints: 1,
      csatMean: 2.5,
      npsLast: 4,
    });
    expect(b).toMatchObject({ customerId: 'B', daysSince: 1, purchaseDays: 1, cycleDays: null, valueRecent: 50, valueBefore: 0, quoteRecent: null, npsLast: null });
  });

  it('sees an earlier date as it was: later purchases, deals and answers do not count', async () => {
    const rows = await readChurnFeatures(store.engine, '2024-06-30', defaultAnalysisConfig());
    expect(rows.map((r) => r.customerId)).toEqual(['A']);
    // On 06-30 O2 had been open 29 days (not stalled yet), O1 did not exist; the December NPS had not been given.
    expect(rows[0]).toMatchObject({ daysSince: 112, stalledOpportunities: 0, npsLast: 9, competitorContacts: 1, competitors: ['西门子'] });
  });
});
