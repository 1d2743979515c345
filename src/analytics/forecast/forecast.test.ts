import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { forecastSeries, runForecast } from './forecast.js';
import { monthlyRevenueSql } from './forecast-sql.js';
import { pipelineForecast } from './pipeline-forecast.js';

/**
 * As of 2024-12-31. Closed deals: W1, W2 won (reached 成交), L1 lost at 商务洽谈, L2 at 线索, L3 at 报价.
 * Win rate once a stage is reached: 线索 2/5, 意向 2/4, 商务洽谈 2/4, 报价 2/3, 成交 1.
 * Open: O1 at 报价, 3,000, closing 2025-02-15 → 2,000 · O2 at 线索, 1,000, no date → 400 · O3 at 意向, 500, due 2024-11-30 → 250.
 * Orders: X 100 in 2024-01, X 50 and Y 30 in 2024-03 (February empty), a guest sale of 20 in 2024-03.
 */
const opp = (id: string, status: string, stage: string, extra: Record<string, string | number> = {}) => ({ opportunity_id: id, status, stage, created_date: '2024-01-01', ...extra });
const data = {
  opportunities: [
    opp('W1', 'won', '成交', { close_date: '2024-03-01' }),
    opp('W2', 'won', '成交', { close_date: '2024-04-01' }),
    opp('L1', 'lost', '商务洽谈', { close_date: '2024-05-01' }),
    opp('L2', 'lost', '线索', { close_date: '2024-05-01' }),
    opp('L3', 'lost', '报价', { close_date: '2024-06-01' }),
    opp('O1', 'open', '报价', { expected_amount: 3000, expected_close_date: '2025-02-15' }),
    opp('O2', 'open', '线索', { expected_amount: 1000 }),
    opp('O3', 'open', '意向', { expected_amount: 500, expected_close_date: '2024-11-30' }),
  ],
  orders: [
    { order_id: 'a', customer_id: 'A', order_date: '2024-01-10', category: 'X', amount: 100 },
    { order_id: 'b', customer_id: 'A', order_date: '2024-03-10', category: 'X', amount: 50 },
    { order_id: 'c', customer_id: 'B', order_date: '2024-03-11', category: 'Y', amount: 30 },
    { order_id: 'g', customer_id: null, order_date: '2024-03-12', category: 'Y', amount: 20 },
  ],
};

let store: Store;
beforeAll(async () => {
  store = await fixtureStore(data);
});
afterAll(() => store.close());

describe('pipeline forecast', () => {
  it('weights open deals by the win rate of their stage, learned from closed deals', async () => {
    const p = await pipelineForecast(fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }));
    expect(p.stageWinRates.map((r) => [r.stage, r.closed, r.winRate])).toEqual([
      ['线索', 5, 0.4],
      ['意向', 4, 0.5],
      ['商务洽谈', 4, 0.5],
      ['报价', 3, 2 / 3],
      ['成交', 2, 1],
    ]);
    expect(p).toMatchObject({ openOpportunities: 3, openAmount: 4500 });
    expect(p.weightedAmount).toBeCloseTo(2650, 9);
    expect(p.byMonth.map((m) => [m.month, m.opportunities, Math.round(m.weighted)])).toEqual([
      ['2025-02', 1, 2000],
      ['overdue', 1, 250],
      ['undated', 1, 400],
    ]);
  });
});

describe('monthly series', () => {
  it('fills empty months with 0 up to the last month and counts guest sales', async () => {
    const all = await store.engine.query<{ group: string; month: string; revenue: number }>(monthlyRevenueSql('none', '2024-03-31'));
    expect(all).toEqual([
      { group: '*', month: '2024-01', revenue: 100 },
      { group: '*', month: '2024-02', revenue: 0 },
      { group: '*', month: '2024-03', revenue: 100 },
    ]);
    const byCategory = await store.engine.query<{ group: string; month: string; revenue: number }>(monthlyRevenueSql('category', '2024-03-31'));
    expect(byCategory.filter((r) => r.group === 'Y').map((r) => r.revenue)).toEqual([0, 0, 50]);
  });

  it('keeps the intervals of a series that never went negative at zero or above, and lets one with refund months go below', () => {
    // Small, very noisy revenue: the simulated paths cross zero, the interval must not.
    const noisy = [5, 120, 3, 140, 2, 90, 4, 160, 1, 110, 6, 130, 2, 150, 3, 100].map((revenue, i) => ({ month: `20${23 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, revenue }));
    const f = forecastSeries('*', noisy, 6, 1);
    if (f.status !== 'ok') throw new Error('expected a forecast');
    expect(Math.min(...f.forecast.map((p) => p.lower95))).toBe(0);
    const refunds = noisy.map((p, i) => ({ ...p, revenue: i === 4 ? -40 : p.revenue }));
    const g = forecastSeries('*', refunds, 6, 1);
    if (g.status !== 'ok') throw new Error('expected a forecast');
    expect(Math.min(...g.forecast.map((p) => p.lower95))).toBeLessThan(0);
  });

  it('says when there is too little history instead of drawing a line', async () => {
    const short = Array.from({ length: 5 }, (_, i) => ({ month: `2024-0${i + 1}`, revenue: 100 + i }));
    expect(forecastSeries('*', short, 12, 1)).toEqual({ group: '*', status: 'too_little_history', months: 5, needed: 6 });
    const doc = await runForecast(store.engine, defaultAnalysisConfig(), { by: 'none', horizon: 6 });
    // The last order (2024-03-12) leaves March in progress: the series ends in February.
    expect(doc.lastMonth).toBe('2024-02');
    expect(doc.series[0]).toMatchObject({ status: 'too_little_history', months: 2 });
  });
});
