/** The pure shaping behind the funnel, satisfaction and team pages, on hand-computed examples. */
import { describe, expect, it } from 'vitest';
import { barOption } from '../../src/web/charts/bar-option.js';
import { ipaBounds, ipaOption } from '../../src/web/charts/ipa-option.js';
import { dotSize, monthsBetween } from '../../src/web/charts/nps-trend-option.js';
import { bottleneckHistory, overallConversion, stageViews, stepConversions } from '../../src/web/pages/funnel/funnel-shape.js';
import type { FunnelStage } from '../../src/web/pages/funnel/funnel-types.js';
import { distinctExamples, overallScore } from '../../src/web/pages/satisfaction/overall-score.js';
import { activeReps, activeTeams, attainmentBand, teamTotals } from '../../src/web/pages/team/team-shape.js';
import type { RepPerformance } from '../../src/web/pages/team/team-types.js';

const stage = (name: string, reached: number, conversion: number | null, historicalConversion: number | null): FunnelStage => ({
  stage: name, reached, conversion, historicalConversion, fromFirst: null, open: 0, lost: 0, medianDwellDays: null, meanDwellDays: null,
});

describe('funnel shaping', () => {
  const stages = [stage('线索', 100, null, null), stage('意向', 60, 0.6, 0.5), stage('报价', 15, 0.25, 0.4), stage('成交', 12, 0.8, null)];
  const bottleneck = { from: '意向', to: '报价', conversion: 0.25, medianDwellDays: 9, lost: 30, lostReasons: [] };

  it('marks the stage the bottleneck leads into and measures each conversion against its history', () => {
    const views = stageViews({ stages, bottleneck });
    expect(views.map((v) => v.isBottleneck)).toEqual([false, false, true, false]);
    expect(views[1]!.change).toBeCloseTo(0.1);
    expect(views[2]!.change).toBeCloseTo(-0.15);
    expect(views[3]!.change).toBeNull();
    expect(bottleneckHistory({ stages, bottleneck })).toBe(0.4);
    expect(bottleneckHistory({ stages, bottleneck: null })).toBeNull();
  });

  it('does not take a same-named later transition for the bottleneck', () => {
    const twice = [stage('A', 10, null, null), stage('B', 5, 0.5, null), stage('A', 4, 0.8, null)];
    expect(stageViews({ stages: twice, bottleneck: { ...bottleneck, from: 'B', to: 'A' } }).map((v) => v.isBottleneck)).toEqual([false, false, true]);
    expect(stageViews({ stages: twice, bottleneck: { ...bottleneck, from: 'X', to: 'A' } }).map((v) => v.isBottleneck)).toEqual([false, false, false]);
  });

  it('converts step by step, with nothing after a stage nobody reached', () => {
    expect(stepConversions([200, 50, 0, 0])).toEqual([null, 0.25, 0, null]);
    expect(overallConversion(stages)).toBe(0.12);
    expect(overallConversion([])).toBeNull();
  });
});

describe('satisfaction shaping', () => {
  it('gives the period NPS and CSAT exactly from the monthly points', () => {
    // March: 10 answers, 5 promoters, 2 detractors (NPS 30); April: 2 answers, both detractors (−100).
    // Over both: (5 − 4) ÷ 12 = 8.33. CSAT: 6 of 8 and 1 of 2 satisfied = 7 of 10.
    const o = overallScore([
      { group: '2025-03', npsResponses: 10, nps: 30, surveyResponses: 8, csat: 0.75, meanScore: 4 },
      { group: '2025-04', npsResponses: 2, nps: -100, surveyResponses: 2, csat: 0.5, meanScore: 3 },
      { group: '2025-05', npsResponses: 0, nps: null, surveyResponses: 0, csat: null, meanScore: null },
    ]);
    expect(o.nps).toBeCloseTo(100 / 12);
    expect(o.npsResponses).toBe(12);
    expect(o.csat).toBeCloseTo(0.7);
    expect(o.meanScore).toBeCloseTo(3.8);
    expect(overallScore([]).nps).toBeNull();
  });

  it('shows an example comment once however many customers wrote it', () => {
    expect(distinctExamples(['交付偶尔会延迟。', ' 交付偶尔会延迟。', '', '价格偏高'])).toEqual(['交付偶尔会延迟。', '价格偏高']);
  });

  it('lists every month of the period, across a year end', () => {
    expect(monthsBetween('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsBetween('2025-03-01', '2025-02-01')).toEqual([]);
  });

  it('sizes trend dots by answers, hiding months without any', () => {
    expect(dotSize(0, 300)).toBe(0);
    expect(dotSize(300, 300)).toBe(18);
    expect(dotSize(3, 300)).toBe(5);
  });

  it('puts every item and both means inside the IPA axes, and names the quadrants where they lie', () => {
    const b = ipaBounds([3.2, 4.47, 3.67]);
    expect(b).toEqual({ min: 2.5, max: 5 });
    const option = ipaOption(
      [{ item: '交付及时性', score: 3.2, importance: 4.47, quadrant: 'concentrate_here' }],
      { score: 3.67, importance: 3.92 },
      { score: 'S', importance: 'I', quadrant: { concentrate_here: 'C', keep_up_the_good_work: 'K', low_priority: 'L', possible_overkill: 'P' } },
    ) as { series: { markArea: { data: [{ xAxis: number; yAxis: number; name: string }, { xAxis: number; yAxis: number }][] } }[] };
    const areas = option.series[0]!.markArea.data.map(([a, z]) => ({ name: a.name, x: [a.xAxis, z.xAxis], y: [a.yAxis, z.yAxis] }));
    // High importance and a low score (top left) is where to concentrate.
    expect(areas.find((a) => a.name === 'C')).toEqual({ name: 'C', x: [2.5, 3.67], y: [3.92, 5] });
    expect(areas.find((a) => a.name === 'P')).toEqual({ name: 'P', x: [3.67, 4], y: [3.5, 3.92] });
  });
});

describe('team shaping', () => {
  const rep = (repId: string, revenue: number, target: number | null, won = 0, lost = 0): RepPerformance => ({
    repId, name: repId, team: null, region: null, hireDate: null, revenue, orders: 0, customers: 0, newCustomers: 1, won, lost, wonAmount: 0, opportunitiesCreated: 0, createdWon: 0,
    medianCycleDays: null, activities: 2, visits: 0, meanSatisfaction: null, csat: null, nps: null, target, winRate: null, conversion: null, averageDealSize: null,
    attainment: target ? revenue / target : null, rank: 1,
  });

  it('measures the team\'s attainment over the reps who have a target', () => {
    const t = teamTotals([rep('a', 120, 100, 3, 1), rep('b', 40, 80, 1, 3), rep('c', 500, null)]);
    expect(t.revenue).toBe(660);
    expect(t.target).toBe(180);
    expect(t.attainment).toBeCloseTo(160 / 180);
    expect(t.winRate).toBe(0.5);
    expect(t.newCustomers).toBe(3);
    expect(teamTotals([rep('c', 500, null)]).attainment).toBeNull();
  });

  it('leaves out of a scoped view the reps and teams with nothing among the scoped customers', () => {
    const idle = { ...rep('idle', 0, 100), activities: 0 };
    const busy = { ...rep('busy', 0, 100), activities: 3 };
    const seller = { ...rep('seller', 50, 100), activities: 0 };
    expect(activeReps([idle, busy, seller], true).map((r) => r.repId)).toEqual(['busy', 'seller']);
    expect(activeReps([idle, busy, seller], false)).toHaveLength(3);
    const teams = [{ team: 'A', revenue: 0, won: 0, lost: 0, activities: 0 }, { team: 'B', revenue: 0, won: 0, lost: 1, activities: 0 }];
    expect(activeTeams(teams, true).map((t) => t.team)).toEqual(['B']);
  });

  it('colours attainment: met at 100%, close from 80%', () => {
    expect([1.6, 1, 0.8, 0.79, null].map(attainmentBand)).toEqual(['met', 'met', 'close', 'behind', 'none']);
  });
});

describe('bar chart', () => {
  it('lists bars top-down as given and carries each group\'s key for drilling', () => {
    const o = barOption([{ name: '张三', value: 2, key: 'E1' }, { name: '李四', value: 1, key: 'E2' }]) as { yAxis: { data: string[] }; series: { data: { key: string }[] }[] };
    expect(o.yAxis.data).toEqual(['李四', '张三']);
    expect(o.series[0]!.data.map((d) => d.key)).toEqual(['E2', 'E1']);
  });
});
