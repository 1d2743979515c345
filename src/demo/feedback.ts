/**
 * Satisfaction surveys (twice a year, six items scored 1–5 with their
 * importance) and quarterly NPS pulses. The planted IPA picture: delivery and
 * technical support matter most and score worst; product quality matters and
 * scores well; price matters least. Drifting customers mark down the items
 * behind their reason and turn detractors.
 */
import { inSignal, signalProgress, type CustomerTimeline } from './customer-timeline.js';
import type { ChurnReason } from './customers.js';
import { dayOfYmd, yearOf, type Day } from './day.js';
import { competitors, competitorWeights } from './industries.js';
import type { Rng } from '../domain/rng.js';

export const surveyItems = ['产品质量', '交付及时性', '技术支持', '价格合理性', '售后服务', '沟通响应'] as const;
export type SurveyItem = (typeof surveyItems)[number];

/** Mean satisfaction and importance (1–5) a content customer gives each item. */
export const plantedIpa: Readonly<Record<SurveyItem, { readonly score: number; readonly importance: number }>> = {
  产品质量: { score: 4.3, importance: 4.6 },
  交付及时性: { score: 3.2, importance: 4.5 },
  技术支持: { score: 3.3, importance: 4.4 },
  价格合理性: { score: 3.6, importance: 3.0 },
  售后服务: { score: 4.0, importance: 3.7 },
  沟通响应: { score: 4.1, importance: 3.4 },
};

/** How much a drifting customer marks items down, by its reason. */
const reasonPenalty: Readonly<Record<ChurnReason, Partial<Record<SurveyItem, number>>>> = {
  交付延迟: { 交付及时性: 1.3 },
  服务响应慢: { 技术支持: 1.2, 沟通响应: 1.0, 售后服务: 0.6 },
  质量问题: { 产品质量: 1.5, 售后服务: 0.5 },
  价格: { 价格合理性: 1.3 },
  竞争对手: { 价格合理性: 0.8, 技术支持: 0.4 },
  需求变化: {},
};

export interface StorySurvey {
  readonly day: Day;
  readonly answers: readonly { readonly item: SurveyItem; readonly score: number; readonly importance: number }[];
}

export interface StoryNps {
  readonly day: Day;
  readonly score: number;
  readonly comment: string | null;
}

function waves(start: Day, end: Day, periods: readonly [number, number, number][]): [Day, Day][] {
  const out: [Day, Day][] = [];
  for (let y = yearOf(start); y <= yearOf(end); y++) {
    for (const [m, d1, d2] of periods) {
      const a = dayOfYmd(y, m, d1);
      const b = dayOfYmd(y, m, d2);
      if (a >= start && b <= end) out.push([a, b]);
    }
  }
  return out;
}

export function surveysFor(rng: Rng, tl: CustomerTimeline, start: Day, end: Day): StorySurvey[] {
  const out: StorySurvey[] = [];
  const offset = rng.normal(0, 0.35);
  for (const [a, b] of waves(start, end, [[5, 15, 31], [11, 10, 30]])) {
    const day = rng.int(a, b);
    if (day < tl.activeFrom || day > tl.activeTo || !tl.orders.some((o) => o.day < day && o.day >= day - 180)) continue;
    const drifting = inSignal(tl.signal, day);
    if (!rng.chance(drifting ? 0.7 : 0.3)) continue;
    const progress = signalProgress(tl.signal, day);
    const penalty = drifting ? reasonPenalty[tl.signal!.reason] : {};
    out.push({
      day,
      answers: surveyItems.map((item) => {
        const plant = plantedIpa[item];
        const mean = plant.score + offset - (drifting ? 0.5 * (0.5 + progress) + (penalty[item] ?? 0) : 0);
        return { item, score: likert(rng.normal(mean, 0.75)), importance: likert(rng.normal(plant.importance, 0.6)) };
      }),
    });
  }
  return out;
}

const promoterComments = ['产品稳定可靠，交期也比较准时，愿意推荐给同行。', '技术支持专业，响应及时。', '性价比高，合作多年很放心。', '销售服务周到，有问题能及时解决。'];
const passiveComments = ['整体还可以，交付偶尔会延迟。', '产品不错，但价格还有下降空间。', '技术支持响应速度有待提升。', '希望提供更多操作培训。'];
const detractorComments = ['交货经常延迟，影响我们项目进度。', '技术支持响应太慢，问题拖了一周才解决。', '价格偏高，性价比一般。'];
const reasonComments: Readonly<Record<ChurnReason, string>> = {
  价格: '价格比同行高不少，今年预算很难通过。',
  竞争对手: '{competitor}的方案更有竞争力，正在考虑切换。',
  服务响应慢: '售后响应太慢，设备停机损失很大。',
  质量问题: '最近几批产品故障率高，质量不稳定。',
  交付延迟: '交期一拖再拖，已影响我们对下游的交付。',
  需求变化: '公司业务调整，暂时没有新的采购需求。',
};

export function npsFor(rng: Rng, tl: CustomerTimeline, start: Day, end: Day): StoryNps[] {
  const out: StoryNps[] = [];
  const { signal, plan } = tl;
  const answer = (day: Day): StoryNps => {
    const drifting = inSignal(signal, day);
    const score = drifting
      ? Math.round(clamp(rng.normal(5.5 - 3 * signalProgress(signal, day), 1), 0, 6))
      : Math.round(clamp(rng.normal(plan.loyalty, 1.2), 0, 10));
    let comment: string | null = null;
    if (rng.chance(0.55)) {
      if (drifting && rng.chance(0.7)) {
        comment = reasonComments[signal!.reason].replace('{competitor}', rng.weighted(competitors, competitorWeights(plan.industry.name)));
      } else {
        comment = rng.pick(score >= 9 ? promoterComments : score >= 7 ? passiveComments : detractorComments);
      }
    }
    return { day, score, comment };
  };
  for (const [a, b] of waves(start, end, [[3, 10, 25], [6, 10, 25], [9, 10, 25], [12, 5, 20]])) {
    const day = rng.int(a, b);
    if (day < tl.activeFrom || day > tl.activeTo || !tl.orders.some((o) => o.day < day)) continue;
    if (rng.chance(inSignal(signal, day) ? 0.6 : 0.2)) out.push(answer(day));
  }
  // Every drifting customer answers at least once while drifting: the detractor turn must be visible.
  if (signal !== null && !out.some((n) => inSignal(signal, n.day))) {
    const day = Math.round(signal.start + (signal.end - signal.start) * rng.uniform(0.5, 0.95));
    if (day >= tl.activeFrom && day <= Math.min(tl.activeTo, end)) {
      out.push(answer(day));
      out.sort((x, y) => x.day - y.day);
    }
  }
  return out;
}

function likert(x: number): number {
  return Math.round(clamp(x, 1, 5));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
