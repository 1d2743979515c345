import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import type { AnalysisContext } from '../analysis-context.js';
import { bottleneckIndex, funnelSection, type FunnelSection } from './funnel.js';

/**
 * Period 2024, as of 2024-12-31; stages 线索 → 意向 → 商务洽谈 → 报价 → 成交, with "Quote" another name for 报价.
 *   P1 展会 won: 线索 01-01, 意向 01-11, 商务洽谈 01-31, 报价 03-01, 成交 03-21 (won 1,000; 80 days)   → reached 4
 *   P2 展会 lost 价格过高: 线索 02-01, 商务洽谈 02-06 (意向 skipped), 输单 03-08                       → 2
 *   P3 open at 意向 since 03-05 (800): 线索 03-01, 意向 03-05 — idle 301 days, stalled                 → 1
 *   P4 open, no history, stage "Quote" since 12-10                                                     → 3
 *   P5 展会 won without history or won amount (expected 500), created 05-01 closed 06-30 (60 days)    → 4
 *   P6 lost 需求变更: 线索 06-01, 输单 06-11                                                           → 0
 *   P9 lost 选择竞争对手: 线索 07-01, 意向 07-02, 商务洽谈 07-10, 输单 08-09                          → 2
 *   P7 (created 2023, won) is outside the period; P8 (created 2023, open at 商务洽谈 since 2023-07-01, 2,000) is stalled 549 days.
 * Reached: 7, 6, 5, 3, 2 → conversions 6/7, 5/6, 3/5, 2/3: the bottleneck is 商务洽谈 → 报价.
 */
const opp = (id: string, created: string, status: string, extra: Record<string, string | number> = {}) => ({ opportunity_id: id, created_date: created, status, ...extra });
const hist = (id: string, ...rows: [string, string][]) => rows.map(([stage, d]) => ({ opportunity_id: id, stage, entered_date: d }));
const data = {
  reps: [{ rep_id: 'E1', name: '王芳', region: '华东' }],
  opportunities: [
    opp('P1', '2024-01-01', 'won', { lead_source: '展会', rep_id: 'E1', close_date: '2024-03-21', won_amount: 1000, stage: '成交' }),
    opp('P2', '2024-02-01', 'lost', { lead_source: '展会', rep_id: 'E1', close_date: '2024-03-08', lost_reason: '价格过高', stage: '输单' }),
    opp('P3', '2024-03-01', 'open', { stage: '意向', stage_date: '2024-03-05', expected_amount: 800 }),
    opp('P4', '2024-12-01', 'open', { stage: 'Quote', stage_date: '2024-12-10' }),
    opp('P5', '2024-05-01', 'won', { lead_source: '展会', close_date: '2024-06-30', expected_amount: 500 }),
    opp('P6', '2024-06-01', 'lost', { close_date: '2024-06-11', lost_reason: '需求变更' }),
    opp('P9', '2024-07-01', 'lost', { close_date: '2024-08-09', lost_reason: '选择竞争对手' }),
    opp('P7', '2023-12-01', 'won', { close_date: '2024-01-15', won_amount: 9000 }),
    opp('P8', '2023-06-01', 'open', { stage: '商务洽谈', stage_date: '2023-07-01', expected_amount: 2000 }),
  ],
  stageHistory: [
    ...hist('P1', ['线索', '2024-01-01'], ['意向', '2024-01-11'], ['商务洽谈', '2024-01-31'], ['报价', '2024-03-01'], ['成交', '2024-03-21']),
    ...hist('P2', ['线索', '2024-02-01'], ['商务洽谈', '2024-02-06'], ['输单', '2024-03-08']),
    ...hist('P3', ['线索', '2024-03-01'], ['意向', '2024-03-05']),
    ...hist('P6', ['线索', '2024-06-01'], ['输单', '2024-06-11']),
    ...hist('P9', ['线索', '2024-07-01'], ['意向', '2024-07-02'], ['商务洽谈', '2024-07-10'], ['输单', '2024-08-09']),
  ],
};

let store: Store;
let f: FunnelSection;
beforeAll(async () => {
  store = await fixtureStore(data);
  const ctx: AnalysisContext = fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' });
  const config = { ...ctx.config, funnel: { ...ctx.config.funnel, aliases: { 报价: ['Quote'] } } };
  f = await funnelSection({ ...ctx, config }, 10);
});
afterAll(() => store.close());

describe('the sales funnel', () => {
  it('counts skipped stages as passed and open deals where they stand', () => {
    expect(f.stages.map((s) => [s.stage, s.reached, s.open, s.lost])).toEqual([
      ['线索', 7, 0, 1],
      ['意向', 6, 1, 0],
      ['商务洽谈', 5, 0, 2],
      ['报价', 3, 1, 0],
      ['成交', 2, 0, 0],
    ]);
    expect(f.stages.map((s) => s.conversion)).toEqual([null, 6 / 7, 5 / 6, 3 / 5, 2 / 3]);
    expect(f.stages[4]!.fromFirst).toBeCloseTo(2 / 7, 12);
  });

  it('measures dwell from entering a stage to the next history row', () => {
    // 线索 10, 5, 4, 10, 1 · 意向 20, 8 · 商务洽谈 30, 31, 30 · 报价 20 · 成交 has no next row.
    expect(f.stages.map((s) => s.medianDwellDays)).toEqual([5, 14, 30, 20, null]);
    expect(f.stages.map((s) => s.meanDwellDays)).toEqual([6, 14, 91 / 3, 20, null]);
  });

  it('names the bottleneck and why deals die there', () => {
    expect(f.bottleneck).toEqual({
      from: '商务洽谈',
      to: '报价',
      conversion: 0.6,
      medianDwellDays: 30,
      lost: 2,
      lostReasons: [
        { reason: '价格过高', opportunities: 1, share: 0.5, amount: 0 },
        { reason: '选择竞争对手', opportunities: 1, share: 0.5, amount: 0 },
      ],
    });
    expect(bottleneckIndex([{ conversion: null }, { conversion: 0.5 }, { conversion: 0.5 }])).toBe(1);
    expect(bottleneckIndex([{ conversion: null }])).toBeNull();
  });

  it('reports outcomes, win rate, cycle and lost reasons of deals created in the period', () => {
    expect(f).toMatchObject({ opportunities: 7, won: 2, lost: 3, open: 2, winRate: 0.4, wonAmount: 1500, medianCycleDays: 70 });
    expect(f.lostReasons.map((r) => [r.reason, r.opportunities])).toEqual([['价格过高', 1], ['选择竞争对手', 1], ['需求变更', 1]]);
  });

  it('slices the funnel by lead source, rep and quarter', () => {
    expect(f.slices.source).toEqual([
      { key: 'unknown', group: 'unknown', opportunities: 4, reached: [4, 3, 2, 1, 0], won: 0, lost: 2, winRate: 0, conversion: 0 },
      { key: '展会', group: '展会', opportunities: 3, reached: [3, 3, 3, 2, 2], won: 2, lost: 1, winRate: 2 / 3, conversion: 2 / 3 },
    ]);
    // Reps are found by id (names can repeat) and shown by name.
    expect(f.slices.rep.find((r) => r.group === '王芳')).toMatchObject({ key: 'E1', opportunities: 2, won: 1, lost: 1 });
    expect(f.slices.quarter.map((r) => [r.group, r.opportunities])).toEqual([['2024-Q1', 3], ['2024-Q2', 2], ['2024-Q3', 1], ['2024-Q4', 1]]);
  });

  it('compares each conversion with the history before the period', () => {
    // Before 2024: P7 won (reached 4) and P8 open at 商务洽谈 (reached 2) → 2/2, 2/2, 1/2, 1/1.
    expect(f.stages.map((s) => s.historicalConversion)).toEqual([null, 1, 1, 0.5, 1]);
    // Changes: 6/7 − 1, 5/6 − 1, 3/5 − 1/2 = +0.1, 2/3 − 1: the largest fall is 报价 → 成交.
    expect(f.decline).toMatchObject({ from: '报价', to: '成交', historical: 1 });
    expect(f.decline!.change).toBeCloseTo(-1 / 3, 12);
  });

  it('lists open deals without a stage change for 60 days, from any period', () => {
    expect(f.stalled).toMatchObject({ opportunities: 2, amount: 2800, stalledDays: 60 });
    expect(f.stalled.top.map((d) => [d.opportunityId, d.idleDays, d.stage])).toEqual([['P8', 549, '商务洽谈'], ['P3', 301, '意向']]);
  });
});

describe('a funnel with no opportunities', () => {
  it('has zero counts, null rates and no bottleneck', async () => {
    const empty = await fixtureStore({});
    try {
      const e = await funnelSection(fixtureContext(empty, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }), 10);
      expect(e.stages.map((s) => s.reached)).toEqual([0, 0, 0, 0, 0]);
      expect(e.stages.map((s) => s.conversion)).toEqual([null, null, null, null, null]);
      expect(e).toMatchObject({ winRate: null, bottleneck: null, decline: null, lostReasons: [], stalled: { opportunities: 0, top: [] } });
    } finally {
      await empty.close();
    }
  });
});
