import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { blendWeights } from './target-split.js';
import { teamSection, type TeamSection } from './team.js';

/**
 * Period 2024, as of 2024-12-31. Reps E1 王芳 and E2 李强 (华东组), E3 赵敏 (华北组, nothing at all).
 * Customers A and C belong to E1, B to E2. A line's rep credits it; else the customer's owner does.
 *   2023: A 100 (E1), A 300 credited to E2 — the previous period
 *   2024: A 1,000 (E1) · A 500 credited to E2 · B 2,000 (E2, B's first order) · C 300 (E1, C's first) · A return −200 (E1)
 *   E1: revenue 1,100, 2 orders, customers A and C, 1 new · E2: revenue 2,500, 2 orders, customers A and B, 1 new
 *   deals closed in 2024: E1 won W1 (30 days, 1,000) and lost L1 · E2 won W2 (40 days, expected 600) and W3 (20 days, 400)
 *   activities: E1 two visits and a call, E2 a call · surveys: A 5 and 3, B 4 · NPS: A 10, C 5, B 9
 *   targets: E1 1,000 for 2024; E2 3,650 for 2024-07-01 … 2025-06-30, of which 184 of 365 days fall in 2024 → 1,840
 *   potential scores in snapshot 1: A 0.2, B 0.6, C 0.2
 */
const data = {
  reps: [
    { rep_id: 'E1', name: '王芳', team: '华东组' },
    { rep_id: 'E2', name: '李强', team: '华东组' },
    { rep_id: 'E3', name: '赵敏', team: '华北组' },
  ],
  customers: [
    { customer_id: 'A', rep_id: 'E1' },
    { customer_id: 'B', rep_id: 'E2' },
    { customer_id: 'C', rep_id: 'E1' },
  ],
  orders: [
    { order_id: 'o0', customer_id: 'A', order_date: '2023-06-01', amount: 100 },
    { order_id: 'o01', customer_id: 'A', order_date: '2023-07-01', amount: 300, rep_id: 'E2' },
    { order_id: 'o1', customer_id: 'A', order_date: '2024-02-01', amount: 1000 },
    { order_id: 'o2', customer_id: 'A', order_date: '2024-03-01', amount: 500, rep_id: 'E2' },
    { order_id: 'o3', customer_id: 'B', order_date: '2024-04-01', amount: 2000 },
    { order_id: 'o4', customer_id: 'C', order_date: '2024-05-01', amount: 300 },
    { order_id: 'r1', customer_id: 'A', order_date: '2024-06-01', amount: -200, quantity: -1 },
  ],
  opportunities: [
    { opportunity_id: 'W1', rep_id: 'E1', status: 'won', created_date: '2024-01-01', close_date: '2024-01-31', won_amount: 1000 },
    { opportunity_id: 'L1', rep_id: 'E1', status: 'lost', created_date: '2024-01-01', close_date: '2024-03-01' },
    { opportunity_id: 'W2', rep_id: 'E2', status: 'won', created_date: '2024-03-01', close_date: '2024-04-10', expected_amount: 600 },
    { opportunity_id: 'W3', rep_id: 'E2', status: 'won', created_date: '2024-02-01', close_date: '2024-02-21', won_amount: 400 },
  ],
  interactions: [
    { interaction_id: 'i1', rep_id: 'E1', customer_id: 'A', type: 'visit', interaction_date: '2024-02-01' },
    { interaction_id: 'i2', rep_id: 'E1', customer_id: 'C', type: 'visit', interaction_date: '2024-03-01' },
    { interaction_id: 'i3', rep_id: 'E1', customer_id: 'A', type: 'call', interaction_date: '2024-04-01' },
    { interaction_id: 'i4', rep_id: 'E2', customer_id: 'B', type: 'call', interaction_date: '2024-04-01' },
  ],
  surveys: [
    { response_id: 's1', customer_id: 'A', survey_date: '2024-06-01', item: '交付', score: 5, importance: 5 },
    { response_id: 's2', customer_id: 'A', survey_date: '2024-06-01', item: '质量', score: 3, importance: 4 },
    { response_id: 's3', customer_id: 'B', survey_date: '2024-06-01', item: '交付', score: 4, importance: 3 },
  ],
  nps: [
    { response_id: 'n1', customer_id: 'A', response_date: '2024-06-01', score: 10 },
    { response_id: 'n2', customer_id: 'C', response_date: '2024-06-01', score: 5 },
    { response_id: 'n3', customer_id: 'B', response_date: '2024-06-01', score: 9 },
  ],
  targets: [
    { scope_type: 'rep', scope_id: 'E1', period_start: '2024-01-01', period_end: '2024-12-31', target_amount: 1000 },
    { scope_type: 'rep', scope_id: 'E2', period_start: '2024-07-01', period_end: '2025-06-30', target_amount: 3650 },
  ],
};

let store: Store;
let t: TeamSection;
beforeAll(async () => {
  store = await fixtureStore(data);
  await store.engine.run(`INSERT INTO customer_scores (snapshot_id, customer_id, potential_score) VALUES (1, 'A', 0.2), (1, 'B', 0.6), (1, 'C', 0.2)`);
  t = await teamSection(fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }), 1);
});
afterAll(() => store.close());

describe('team performance', () => {
  it('ranks reps by target attainment, reps without a target last', () => {
    expect(t.reps.map((r) => [r.rank, r.repId, r.revenue, r.target])).toEqual([
      [1, 'E2', 2500, 1840],
      [2, 'E1', 1100, 1000],
      [3, 'E3', 0, null],
    ]);
    expect(t.reps[0]!.attainment).toBeCloseTo(2500 / 1840, 12);
    expect(t.reps[1]!.attainment).toBeCloseTo(1.1, 12);
    expect(t.reps[2]!.attainment).toBeNull();
  });

  it('for a set of customers lists only the reps who own or worked with them, with what they sold to them', async () => {
    // Customer C only: E1 owns it and sold 300 to it; E2 and E3 never touched it.
    await store.engine.run(`CREATE TEMP TABLE only_c AS SELECT CAST('C' AS VARCHAR) AS customer_id`);
    const scoped = await teamSection({ ...fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }), scope: 'only_c' }, 1);
    expect(scoped.reps.map((r) => [r.repId, r.revenue, r.orders])).toEqual([['E1', 300, 1]]);
  });

  it('credits sales, deals, activities and satisfaction to the right rep', () => {
    const e1 = t.reps.find((r) => r.repId === 'E1')!;
    const e2 = t.reps.find((r) => r.repId === 'E2')!;
    expect(e1).toMatchObject({ name: '王芳', orders: 2, customers: 2, newCustomers: 1, won: 1, lost: 1, winRate: 0.5, wonAmount: 1000, averageDealSize: 1000, medianCycleDays: 30 });
    expect(e2).toMatchObject({ orders: 2, customers: 2, newCustomers: 1, won: 2, lost: 0, winRate: 1, wonAmount: 1000, averageDealSize: 500, medianCycleDays: 30 });
    expect([e1.activities, e1.visits, e2.activities, e2.visits]).toEqual([3, 2, 1, 0]);
    expect([e1.meanSatisfaction, e1.csat, e1.nps]).toEqual([4, 0.5, 0]);
    expect([e2.meanSatisfaction, e2.csat, e2.nps]).toEqual([4, 1, 100]);
    expect(t.reps.find((r) => r.repId === 'E3')).toMatchObject({ orders: 0, winRate: null, meanSatisfaction: null, nps: null });
  });

  it('rolls reps up into teams', () => {
    expect(t.teams[0]).toMatchObject({ team: '华东组', reps: 2, revenue: 3600, target: 2840, won: 3, lost: 1, winRate: 0.75, activities: 4 });
    expect(t.teams[0]!.attainment).toBeCloseTo(3600 / 2840, 12);
    expect(t.teams[1]).toMatchObject({ team: '华北组', reps: 1, revenue: 0, target: null, attainment: null });
  });

  it('splits the total target by owner, 70% history and 30% potential, adding up exactly', () => {
    // Total 1,000 + 1,840. Previous period: A bought 400 (both lines are A's), B and C nothing.
    // E1 owns A and C: history 1, potential 0.4 → 0.7 + 0.12 = 0.82; E2 owns B: 0 and 0.6 → 0.18.
    // 2,840 × 0.82 = 2,328.8 and × 0.18 = 511.2 → 2,328 + 511, the unit left goes to E1 (0.8 > 0.2).
    expect(t.targetSplit).toMatchObject({ total: 2840, source: 'rep', potentialWeight: 0.3 });
    expect(t.targetSplit!.byDimension.rep).toEqual([
      { group: 'E1', historyShare: 1, potentialShare: expect.closeTo(0.4, 12), weight: expect.closeTo(0.82, 12), suggested: 2329 },
      { group: 'E2', historyShare: 0, potentialShare: expect.closeTo(0.6, 12), weight: expect.closeTo(0.18, 12), suggested: 511 },
    ]);
    // No customer has a region: one group takes it all.
    expect(t.targetSplit!.byDimension.region).toMatchObject([{ group: 'unknown', suggested: 2840 }]);
  });

  it('measures each rep\'s conversion of the opportunities they opened', () => {
    expect(t.reps.find((r) => r.repId === 'E1')).toMatchObject({ opportunitiesCreated: 2, conversion: 0.5 });
    expect(t.reps.find((r) => r.repId === 'E2')).toMatchObject({ opportunitiesCreated: 2, conversion: 1 });
  });
});

describe('blendWeights', () => {
  it('drops a basis that is all zero and splits evenly with neither', () => {
    expect(blendWeights([{ history: 3, potential: 0 }, { history: 1, potential: 0 }], 0.3).map((w) => w.weight)).toEqual([0.75, 0.25]);
    expect(blendWeights([{ history: 0, potential: 0 }, { history: 0, potential: 0 }], 0.3).map((w) => w.weight)).toEqual([0.5, 0.5]);
  });
});

describe('an order split between reps', () => {
  it('is credited to the rep of its first line; each line’s revenue to its own rep', async () => {
    // X belongs to E1. Order q1: line 1 credited to E2 (50), line 2 to nobody, so to X's owner E1 (70).
    const store = await fixtureStore({
      reps: [
        { rep_id: 'E1', name: '王芳', team: '华东组' },
        { rep_id: 'E2', name: '李强', team: '华东组' },
      ],
      customers: [{ customer_id: 'X', rep_id: 'E1' }],
      orders: [
        { order_id: 'q1', customer_id: 'X', order_date: '2024-07-01', amount: 50, rep_id: 'E2' },
        { order_id: 'q1', customer_id: 'X', order_date: '2024-07-01', amount: 70 },
      ],
    });
    try {
      const t = await teamSection(fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }), 1);
      const pick = (id: string) => t.reps.find((r) => r.repId === id)!;
      expect(pick('E1')).toMatchObject({ revenue: 70, orders: 0, customers: 0, newCustomers: 0 });
      expect(pick('E2')).toMatchObject({ revenue: 50, orders: 1, customers: 1, newCustomers: 1 });
    } finally {
      await store.close();
    }
  });
});
