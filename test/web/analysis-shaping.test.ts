/** The pure shaping behind the segmentation, churn and forecast pages: grid cells, score ranges, migration, settings patches, model quality, backtest verdicts. */
import { describe, expect, it } from 'vitest';
import { backtestRows, etsParts, verdictOf } from '../../src/web/pages/forecast/forecast-model.js';
import { pipelineMonths } from '../../src/web/pages/forecast/pipeline-option.js';
import type { Backtest, SeriesForecast } from '../../src/web/pages/forecast/forecast-data.js';
import { lift, scorerRows } from '../../src/web/pages/churn/model-quality.js';
import type { ChurnModelReport } from '../../src/web/pages/churn/churn-data.js';
import { direction, migrationMatrix } from '../../src/web/pages/segmentation/migration-matrix.js';
import { gridRows, heatColour, scoreRange, wholeRange } from '../../src/web/pages/segmentation/rfm-grid-cells.js';
import { draftOf, draftProblems, patchOf, type SettingsConfig } from '../../src/web/pages/segmentation/settings-draft.js';

describe('RFM grid', () => {
  const grid = [
    { r: 5, f: 5, customers: 10, revenue: 900 },
    { r: 1, f: 1, customers: 40, revenue: 100 },
    { r: 3, f: 2, customers: 20, revenue: -50 },
  ];

  it('lays out all 25 cells, recency 5 on top and frequency 1 on the left, empty cells as zero', () => {
    const rows = gridRows(grid, 'customers');
    expect(rows.map((r) => r[0]!.r)).toEqual([5, 4, 3, 2, 1]);
    expect(rows[0]!.map((c) => c.f)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.flat()).toHaveLength(25);
    expect(rows[0]![4]).toMatchObject({ r: 5, f: 5, customers: 10, revenue: 900, heat: 0.25 });
    expect(rows[4]![0]!.heat).toBe(1);
    expect(rows[1]![1]).toMatchObject({ r: 4, f: 2, customers: 0, revenue: 0, heat: 0 });
  });

  it('colours by revenue when asked, a negative revenue as no heat', () => {
    const rows = gridRows(grid, 'revenue');
    expect(rows[0]![4]!.heat).toBe(1);
    expect(rows[2]![1]!.heat).toBe(0);
    expect(gridRows([], 'revenue').flat().every((c) => c.heat === 0)).toBe(true);
    expect(heatColour(0)).toBe('rgb(240, 245, 255)');
    expect(heatColour(1)).toBe('rgb(31, 111, 235)');
  });

  it('names the values each score stands for, recency reversed', () => {
    const cuts = [10, 22, 37, 81];
    expect(scoreRange(cuts, 1, false)).toEqual({ min: null, below: 10 });
    expect(scoreRange(cuts, 3, false)).toEqual({ min: 22, below: 37 });
    expect(scoreRange(cuts, 5, false)).toEqual({ min: 81, below: null });
    expect(scoreRange(cuts, 5, true)).toEqual({ min: null, below: 10 });
    expect(scoreRange(cuts, 4, true)).toEqual({ min: 10, below: 22 });
    expect(scoreRange(cuts, 1, true)).toEqual({ min: 81, below: null });
  });

  it('turns a score\'s range into the whole days or orders it holds', () => {
    expect(wholeRange({ min: null, below: 9.4 })).toEqual({ from: null, to: 9 });
    expect(wholeRange({ min: 4, below: 6 })).toEqual({ from: 4, to: 5 });
    expect(wholeRange({ min: 6, below: 7 })).toEqual({ from: 6, to: 6 });
    expect(wholeRange({ min: 81.2, below: null })).toEqual({ from: 82, to: null });
    expect(wholeRange({ min: 7, below: 7 })).toBeNull();
  });
});

describe('tier migration matrix', () => {
  const moves = [
    { from: 'strategic', to: 'strategic', customers: 5 },
    { from: 'potential', to: 'strategic', customers: 2 },
    { from: 'strategic', to: 'long_tail', customers: 1 },
    { from: 'none', to: 'potential', customers: 3 },
    { from: 'long_tail', to: 'none', customers: 4 },
  ];

  it('orders tiers best first, adds "none" only on the side that has it, and counts every cell', () => {
    const mx = migrationMatrix(moves, 'value');
    expect(mx.columns).toEqual(['strategic', 'potential', 'long_tail', 'none']);
    expect(mx.rows.map((r) => r.from)).toEqual(['strategic', 'potential', 'long_tail', 'none']);
    expect(mx.rows[0]!.cells.map((c) => c.customers)).toEqual([5, 0, 1, 0]);
    expect(mx.rows.map((r) => r.total)).toEqual([6, 2, 4, 3]);
    expect(mx.summary).toEqual({ stay: 5, up: 2, down: 1, entered: 3, left: 4 });
  });

  it('tells up from down by the scheme\'s order, unknown tiers last', () => {
    expect(direction(['high_value', 'potential', 'churn_risk', 'low_value'], 'churn_risk', 'potential')).toBe('up');
    expect(direction(['high_value', 'potential'], 'potential', 'mystery')).toBe('down');
    expect(migrationMatrix([{ from: 'zz', to: 'high_value', customers: 1 }], 'rfm').columns).toEqual(['high_value', 'zz']);
  });
});

describe('settings editor', () => {
  const config: SettingsConfig = {
    rfm: { windowDays: 365, method: 'quintile', profile: 'industrial', highScore: 3 },
    valueTiers: { weights: { rfm: 0.6, profit: 0.25, potential: 0.15 }, strategic: 80, highValue: 60, potentialMin: 0.6 },
  };
  const breaks = { r: [10.4, 22, 37, 81], f: [4, 6, 7, 10], m: [8375.2, 26688.88, 65626.6, 182979.1] };

  it('patches nothing when nothing changed', () => {
    expect(patchOf(config, draftOf(config, breaks))).toEqual({});
  });

  it('patches only the changed threshold', () => {
    expect(patchOf(config, { ...draftOf(config, breaks), strategic: 70 })).toEqual({ valueTiers: { strategic: 70 } });
  });

  it('sends custom weights with the custom profile and fixed cut points (from the analysis, rounded) with the fixed method', () => {
    const d = { ...draftOf(config, breaks), profile: 'custom' as const, method: 'fixed' as const };
    expect(patchOf(config, d)).toEqual({
      rfm: { profile: 'custom', customWeights: { r: 1, f: 1, m: 1 }, method: 'fixed', thresholds: { r: [10, 22, 37, 81], f: [4, 6, 7, 10], m: [8375, 26689, 65627, 182979] } },
    });
    // Custom weights typed while another profile is chosen do not count.
    expect(patchOf(config, { ...draftOf(config, breaks), customWeights: { r: 2, f: 1, m: 1 } })).toEqual({});
  });

  it('sends the whole value-score weights when one changes, and keeps saved fixed thresholds', () => {
    const fixed: SettingsConfig = { ...config, rfm: { ...config.rfm, method: 'fixed', thresholds: { r: [7, 30, 90, 180], f: [2, 4, 8, 16], m: [1e4, 5e4, 1e5, 5e5] } } };
    const d = draftOf(fixed, breaks);
    expect(d.thresholds.r).toEqual([7, 30, 90, 180]);
    expect(patchOf(fixed, { ...d, tierWeights: { ...d.tierWeights, profit: 0.3 } })).toEqual({ valueTiers: { weights: { rfm: 0.6, profit: 0.3, potential: 0.15 } } });
    expect(patchOf(fixed, { ...d, thresholds: { ...d.thresholds, f: [2, 4, 8, 20] } })).toEqual({ rfm: { thresholds: { ...d.thresholds, f: [2, 4, 8, 20] } } });
  });

  it('finds cut points out of order, weights all zero and a high-value bar above the strategic one', () => {
    const d = { ...draftOf(config, breaks), method: 'fixed' as const };
    expect(draftProblems(d)).toEqual([]);
    expect(draftProblems({ ...d, thresholds: { ...d.thresholds, m: [5, 5, 6, 7] } })).toEqual([{ code: 'cutsNotAscending', measure: 'm' }]);
    expect(draftProblems({ ...d, profile: 'custom', customWeights: { r: 0, f: 0, m: 0 } })).toEqual([{ code: 'rfmWeightsZero' }]);
    expect(draftProblems({ ...d, tierWeights: { rfm: 0, profit: 0, potential: 0 } })).toEqual([{ code: 'tierWeightsZero' }]);
    expect(draftProblems({ ...d, highValue: 85 })).toEqual([{ code: 'highValueAboveStrategic' }]);
  });
});

describe('churn model quality', () => {
  it('gives the lift in the top 10% as precision over the base churn rate', () => {
    expect(lift(0.5, 0.1)).toBeCloseTo(5);
    expect(lift(null, 0.1)).toBeNull();
    expect(lift(0.5, 0)).toBeNull();
    const report = { testChurnRate: 0.25, model: { auc: 0.9, precisionAt10: 0.75 }, riskScore: { auc: 0.8, precisionAt10: 0.5 }, pAlive: null } as unknown as ChurnModelReport;
    expect(scorerRows(report).map((r) => [r.scorer, r.liftAt10])).toEqual([['model', 3], ['riskScore', 2]]);
  });
});

describe('forecast', () => {
  const bt = (model: number | null, naive: number | null, smape: [number, number] = [0.2, 0.3]): Backtest => ({
    origins: 12, horizon: 3, model: { mape: model, smape: smape[0], forecasts: 33 }, seasonalNaive: { mape: naive, smape: smape[1], forecasts: 33 },
  });

  it('reads an ETS name', () => {
    expect(etsParts('ETS(A,Ad,M)')).toEqual({ error: 'A', trend: 'Ad', season: 'M' });
    expect(etsParts('ETS(A,N,N)')).toEqual({ error: 'A', trend: 'N', season: 'N' });
    expect(etsParts('ARIMA(1,1,1)')).toBeNull();
  });

  it('compares the model with seasonal naive on MAPE, on sMAPE when MAPE is undefined', () => {
    expect(verdictOf(bt(0.2, 0.25))).toEqual({ measure: 'mape', change: expect.closeTo(-0.2, 10), verdict: 'better' });
    expect(verdictOf(bt(0.3, 0.2)).verdict).toBe('worse');
    expect(verdictOf(bt(null, 0.2))).toEqual({ measure: 'smape', change: expect.closeTo(-1 / 3, 10), verdict: 'better' });
    expect(verdictOf({ ...bt(0.2, 0.2), model: { mape: null, smape: null, forecasts: 0 } }).verdict).toBe('unknown');
  });

  it('lists backtests of the series that have a forecast only', () => {
    const series = [
      { group: 'A', status: 'ok', model: 'ETS(A,N,N)', backtest: bt(0.1, 0.2) },
      { group: 'B', status: 'too_little_history', months: 3, needed: 6 },
    ] as unknown as SeriesForecast[];
    expect(backtestRows(series).map((r) => [r.group, r.verdict])).toEqual([['A', 'better']]);
  });

  it('puts pipeline months in order, overdue and undated last', () => {
    const rows = ['undated', '2026-02', 'overdue', '2026-01'].map((month) => ({ month, opportunities: 1, amount: 1, weighted: 1 }));
    expect(pipelineMonths(rows).map((r) => r.month)).toEqual(['2026-01', '2026-02', 'overdue', 'undated']);
  });
});
