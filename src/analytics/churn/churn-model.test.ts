import { describe, expect, it } from 'vitest';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { calibrationTable, auc, precisionAtTop } from './classifier-metrics.js';
import { churnSignals, riskScore, type ChurnFeatures } from './churn-signals.js';
import { fitLogistic, predictLogistic } from './logistic-regression.js';
import { trainingSampleFilter } from './churn-model.js';
import { openStore } from '../../store/open-store.js';
import { testDb, testDialect } from '../../../test/support/test-engine.js';

const settings = defaultAnalysisConfig().churn;
const quiet: ChurnFeatures = {
  customerId: 'A', lastPurchase: '2024-12-01', daysSince: 30, purchaseDays: 10, cycleDays: 30, valueRecent: 1000, valueBefore: 1000,
  quoteRecent: 10, quoteBefore: 10, competitorContacts: 0, competitors: [], stalledProjects: 0, stalledOpportunities: 0, stalledDays: null,
  complaints: 0, unresolvedComplaints: 0, csatMean: 4.5, npsLast: 9,
};

describe('churn signals', () => {
  it('raises nothing for a customer buying on their own rhythm', () => {
    expect(churnSignals(quiet, settings)).toEqual([]);
    expect(riskScore([], settings.weights)).toBe(0);
  });

  it('warns at 1.5 cycles and alerts at 2, with the evidence', () => {
    expect(churnSignals({ ...quiet, daysSince: 45 }, settings)).toEqual([{ code: 'recency', level: 'warn', evidence: { daysSince: 45, cycleDays: 30, ratio: 1.5 } }]);
    expect(churnSignals({ ...quiet, daysSince: 60 }, settings)[0]).toMatchObject({ code: 'recency', level: 'alert' });
    // One purchase day: no cycle, no recency signal (nothing to compare with).
    expect(churnSignals({ ...quiet, daysSince: 300, cycleDays: null, purchaseDays: 1 }, settings)).toEqual([]);
  });

  it('reads every other signal from its evidence', () => {
    const drifting: ChurnFeatures = {
      ...quiet, valueRecent: 400, valueBefore: 1000, quoteRecent: 30, quoteBefore: 10, competitorContacts: 1, competitors: ['汇川技术'],
      stalledOpportunities: 1, stalledDays: 75, stalledProjects: 1, complaints: 1, unresolvedComplaints: 1, csatMean: 2.5, npsLast: 5,
    };
    const s = churnSignals(drifting, settings);
    expect(s.map((x) => [x.code, x.level])).toEqual([
      ['value', 'alert'], // −60% ≤ −50%
      ['competitor', 'warn'], // one contact
      ['quote', 'alert'], // 3× ≥ 1.5² = 2.25×
      ['stalled', 'alert'], // a stalled deal and a stalled project
      ['complaints', 'alert'], // one, unresolved
      ['csat', 'warn'], // 2.5 < 3 but not < 2
      ['nps', 'warn'], // 5 ≤ 6 but > 3
    ]);
    expect(s[0]!.evidence).toEqual({ recent: 400, before: 1000, change: -0.6 });
    // (15 + 5 + 10 + 10 + 8 + 3 + 3) of 100 weight points.
    expect(riskScore(s, settings.weights)).toBe(54);
  });
});

describe('classifier metrics', () => {
  it('AUC as the probability a churner outranks a non-churner, ties counting half', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(auc([1, 1], [0, 1])).toBe(0.5);
    expect(auc([0.3, 0.2], [1, 1])).toBeNull();
  });

  it('precision among the top scores and the calibration table', () => {
    const scores = [0.9, 0.8, 0.7, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.05];
    const labels = [1, 0, 1, 0, 0, 0, 0, 1, 0, 0];
    expect(precisionAtTop(scores, labels, 0.1)).toBe(1); // the top 1: 0.9, a churner
    expect(precisionAtTop(scores, labels, 0.3)).toBeCloseTo(2 / 3, 12);
    const cal = calibrationTable(scores, labels, 2);
    expect(cal).toEqual([
      { bin: 1, customers: 5, meanPredicted: expect.closeTo(0.21, 12), observed: 0 },
      { bin: 2, customers: 5, meanPredicted: expect.closeTo(0.7, 12), observed: 0.6 },
    ]);
  });
});

describe('logistic regression', () => {
  it('reproduces the observed rates of a binary feature (the closed-form MLE)', () => {
    // x = 0: 2 of 10 churn; x = 1: 8 of 10.
    const rows = [...Array.from({ length: 10 }, () => [0]), ...Array.from({ length: 10 }, () => [1])];
    const labels = [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    const m = fitLogistic(rows, labels, 1e-9);
    expect(predictLogistic(m, [0])).toBeCloseTo(0.2, 6);
    expect(predictLogistic(m, [1])).toBeCloseTo(0.8, 6);
    // On standardised x (sd 0.5), the log-odds ratio ln 16 is 0.5 × ln 16 per sd.
    expect(m.weights[0]).toBeCloseTo(0.5 * Math.log(16), 6);
  });

  it('shrinks weights toward zero as the penalty grows', () => {
    const rows = [[0], [0], [1], [1]];
    const labels = [0, 1, 1, 1];
    const loose = fitLogistic(rows, labels, 1e-6);
    const tight = fitLogistic(rows, labels, 100);
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!));
  });
});

describe('training sample', () => {
  // Each engine hashes ids its own way, so DuckDB and PostgreSQL keep different customers:
  // on either, the sample must be about a third and the same customers on every run.
  it('keeps every customer up to 10,000 and about 10,000 of more, the same ones on every date', async () => {
    const d = testDialect();
    expect(trainingSampleFilter(d, 0)).toEqual({ every: 1, filter: '' });
    expect(trainingSampleFilter(d, 10_000)).toEqual({ every: 1, filter: '' });
    const { every, filter } = trainingSampleFilter(d, 30_000);
    expect(every).toBe(3); // ⌈30,000 ÷ 10,000⌉
    const target = testDb(':memory:');
    const store = await openStore({ db: target.db, env: target.env });
    try {
      const kept = async () => (await store.engine.query<{ n: number; first: string; last: string; ids: string }>(
        `SELECT count(*) AS n, min(customer_id) AS first, max(customer_id) AS last, md5(string_agg(customer_id, ',' ORDER BY customer_id)) AS ids
         FROM (SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0') AS customer_id FROM generate_series(0, 119999) AS t(i)) AS c WHERE true${filter}`,
      ))[0]!;
      const first = await kept();
      expect(Math.abs(first.n - 40_000)).toBeLessThan(800); // a third, within 2%
      // Spread over the whole range, not a block of it.
      expect(first.first < 'C00000100' && first.last > 'C00119899').toBe(true);
      expect(await kept()).toEqual(first);
    } finally {
      await store.close();
      await target.drop();
    }
  });
});
