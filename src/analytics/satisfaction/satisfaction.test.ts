import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/open-store.js';
import { fixtureContext, fixtureStore } from '../../../test/support/fixture.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { ipaQuadrants } from './ipa.js';
import { satisfactionSection, type SatisfactionSection } from './satisfaction.js';
import { defaultStopWords, topIssues } from './text-issues.js';

/**
 * Period 2024. Customer A is strategic, B long-tail, C has no tier.
 *   surveys (score / importance): A in March: 交付 2/5, 质量 4/4, 价格 3/2, 服务 5/3 · B in April: 交付 3/5, 质量 5/5, 价格 3/3, 服务 4/2
 *     item means: 交付 2.5/5, 质量 4.5/4.5, 价格 3/2.5, 服务 4.5/2.5; cut at the means of means: 3.625 / 3.625
 *   NPS: A March 10 and 6 · B May 8 · C May 9 · (2023 answers do not count)
 *   complaints: 交付延迟 ×2 (one resolved in 10 days, one 处理中), 质量问题 ×1 (已关闭, no date)
 *   churn records: A 价格, B 竞争对手, C 价格
 */
const survey = (id: string, customer: string, date: string, item: string, score: number, importance: number) => ({
  response_id: id, customer_id: customer, survey_date: date, item, score, importance,
});
const data = {
  customers: [{ customer_id: 'A' }, { customer_id: 'B' }, { customer_id: 'C' }],
  surveys: [
    survey('a1', 'A', '2024-03-01', '交付', 2, 5), survey('a2', 'A', '2024-03-01', '质量', 4, 4),
    survey('a3', 'A', '2024-03-01', '价格', 3, 2), survey('a4', 'A', '2024-03-01', '服务', 5, 3),
    survey('b1', 'B', '2024-04-01', '交付', 3, 5), survey('b2', 'B', '2024-04-01', '质量', 5, 5),
    survey('b3', 'B', '2024-04-01', '价格', 3, 3), survey('b4', 'B', '2024-04-01', '服务', 4, 2),
    survey('old', 'B', '2023-04-01', '交付', 5, 1),
  ],
  nps: [
    { response_id: 'n1', customer_id: 'A', response_date: '2024-03-05', score: 10, comment: '很好' },
    { response_id: 'n2', customer_id: 'A', response_date: '2024-03-06', score: 6, comment: '交货太慢' },
    { response_id: 'n3', customer_id: 'B', response_date: '2024-05-01', score: 8 },
    { response_id: 'n4', customer_id: 'C', response_date: '2024-05-02', score: 9 },
    { response_id: 'n0', customer_id: 'C', response_date: '2023-05-02', score: 0 },
  ],
  complaints: [
    { complaint_id: 'K1', customer_id: 'A', complaint_date: '2024-01-10', category: '交付延迟', text: '交货延迟，影响生产', resolved_date: '2024-01-20' },
    { complaint_id: 'K2', customer_id: 'B', complaint_date: '2024-02-01', category: '交付延迟', text: '交货又延迟了', status: '处理中' },
    { complaint_id: 'K3', customer_id: 'C', complaint_date: '2024-03-01', category: '质量问题', text: '产品质量不稳定', status: '已关闭' },
    { complaint_id: 'K4', customer_id: 'C', complaint_date: '2023-03-01', category: '价格争议', text: '价格太高' },
  ],
  churn: [
    { customer_id: 'A', churn_date: '2024-06-01', reason_category: '价格' },
    { customer_id: 'B', churn_date: '2024-07-01', reason_category: '竞争对手' },
    { customer_id: 'C', churn_date: '2024-08-01', reason_category: '价格' },
    { customer_id: 'D', churn_date: '2023-08-01', reason_category: '服务' },
  ],
};

let store: Store;
let s: SatisfactionSection;
beforeAll(async () => {
  store = await fixtureStore(data);
  await store.engine.run(`CREATE TABLE test_tiers AS SELECT * FROM (VALUES ('A', 'strategic'), ('B', 'long_tail')) t(customer_id, tier)`);
  const satisfaction = { ...defaultAnalysisConfig().satisfaction, minIssueTexts: 2 };
  s = await satisfactionSection(fixtureContext(store, { asOf: '2024-12-31', from: '2024-01-01', to: '2024-12-31' }, { satisfaction }, 'test_tiers'));
});
afterAll(() => store.close());

describe('satisfaction', () => {
  it('places survey items in IPA quadrants against the means of the item means', () => {
    expect(s.ipa.cut).toEqual({ score: 3.625, importance: 3.625 });
    expect(s.ipa.items.map((i) => [i.item, i.meanScore, i.meanImportance, i.quadrant])).toEqual([
      ['交付', 2.5, 5, 'concentrate_here'],
      ['价格', 3, 2.5, 'low_priority'],
      ['服务', 4.5, 2.5, 'possible_overkill'],
      ['质量', 4.5, 4.5, 'keep_up_the_good_work'],
    ]);
    expect(s.ipa.improveFirst).toEqual(['交付']);
  });

  it('orders items to improve by how far satisfaction falls short of importance', () => {
    const r = ipaQuadrants([
      { item: 'x', responses: 1, meanScore: 1, meanImportance: 4 },
      { item: 'y', responses: 1, meanScore: 2, meanImportance: 5 },
      { item: 'z', responses: 1, meanScore: 1.5, meanImportance: 5 },
      { item: 'w', responses: 1, meanScore: 5, meanImportance: 1 },
    ]);
    // Cut: score 2.375, importance 3.75. x, y and z are important and below the cut; gaps 3, 3, 3.5.
    expect(r.improveFirst).toEqual(['z', 'x', 'y']);
    expect(ipaQuadrants([])).toEqual({ items: [], cut: null, improveFirst: [] });
  });

  it('trends NPS and CSAT by month and splits them by tier', () => {
    expect(s.byMonth).toEqual([
      { group: '2024-03', npsResponses: 2, nps: 0, surveyResponses: 4, csat: 0.5, meanScore: 3.5 },
      { group: '2024-04', npsResponses: 0, nps: null, surveyResponses: 4, csat: 0.5, meanScore: 3.75 },
      { group: '2024-05', npsResponses: 2, nps: 50, surveyResponses: 0, csat: null, meanScore: null },
    ]);
    expect(s.byTier.map((r) => [r.group, r.npsResponses, r.nps, r.csat])).toEqual([
      ['long_tail', 1, 0, 0.5],
      ['strategic', 2, 0, 0.5],
      ['unknown', 1, 100, null],
    ]);
  });

  it('summarises complaint categories and recorded churn reasons in the period', () => {
    expect(s.complaintCategories).toEqual([
      { category: '交付延迟', complaints: 2, share: 2 / 3, unresolved: 1, medianResolutionDays: 10 },
      { category: '质量问题', complaints: 1, share: 1 / 3, unresolved: 0, medianResolutionDays: null },
    ]);
    expect(s.churnReasons).toEqual([
      { reason: '价格', customers: 2, share: 2 / 3 },
      { reason: '竞争对手', customers: 1, share: 1 / 3 },
    ]);
  });

  it('finds the issues raised in complaints and unhappy comments, with examples', () => {
    // Texts: three complaints and the comment of the NPS 6 (the 10's comment is praise, not an issue).
    expect(s.topIssues.texts).toBe(4);
    const delivery = s.topIssues.issues.find((i) => i.term === '交货')!;
    expect(delivery).toMatchObject({ texts: 3, share: 0.75 });
    expect(delivery.examples).toHaveLength(2);
    expect(s.topIssues.issues.find((i) => i.term === '延迟')).toMatchObject({ texts: 2 });
  });
});

describe('topIssues', () => {
  const options = { limit: 10, minTexts: 2, stopWords: new Set(defaultStopWords), examples: 1 };

  it('counts words and adjacent pairs once per text, listing a pair instead of the words inside it', () => {
    const issues = topIssues(['late delivery again', 'late delivery', 'poor support', 'support was poor'], options);
    // "was" is a stop word, so "support poor" is no pair; "poor support" occurs once.
    expect(issues.map((i) => [i.term, i.texts])).toEqual([['late delivery', 2], ['support', 2], ['poor', 2]]);
    expect(issues[0]!.examples).toEqual(['late delivery again']);
  });

  it('returns nothing for no texts or only stop words', () => {
    expect(topIssues([], options)).toEqual([]);
    expect(topIssues(['the and of', '的 了 和'], options)).toEqual([]);
  });
});
