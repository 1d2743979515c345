/**
 * Marketing campaigns: a fixed yearly programme per channel. Costs are set
 * after the customers are drawn, from what each channel pays per acquired
 * customer, so that CAC differs clearly by channel (a trade fair buys few,
 * large customers dearly; a referral programme is nearly free).
 */
import { dayOfYmd, yearOf, type Day } from './day.js';
import type { Rng } from '../domain/rng.js';

export type CampaignChannel = '展会' | '线上广告' | '行业研讨会' | '老客户推荐' | '电话营销' | '官网';
/** How a customer came: a campaign channel, or a rep's own prospecting (no campaign, no marketing cost). */
export type AcquisitionChannel = CampaignChannel | '销售自拓';

export const campaignChannels: readonly CampaignChannel[] = ['展会', '线上广告', '行业研讨会', '老客户推荐', '电话营销', '官网'];

/** Planted cost per acquired customer (元) and lead → customer conversion, by channel. */
export const channelEconomics: Readonly<Record<CampaignChannel, { readonly cac: number; readonly leadConversion: number }>> = {
  展会: { cac: 48_000, leadConversion: 0.08 },
  行业研讨会: { cac: 30_000, leadConversion: 0.12 },
  线上广告: { cac: 12_000, leadConversion: 0.03 },
  电话营销: { cac: 7_000, leadConversion: 0.02 },
  官网: { cac: 4_000, leadConversion: 0.05 },
  老客户推荐: { cac: 2_500, leadConversion: 0.35 },
};

export interface CampaignPlan {
  readonly id: string;
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly start: Day;
  readonly end: Day;
}

export interface Campaign extends CampaignPlan {
  readonly cost: number;
  readonly leads: number;
  readonly acquired: number;
}

export function planCampaigns(windowStart: Day, windowEnd: Day): CampaignPlan[] {
  const drafts: Omit<CampaignPlan, 'id'>[] = [];
  const add = (name: string, channel: CampaignChannel, start: Day, end: Day) => {
    const s = Math.max(start, windowStart);
    const e = Math.min(end, windowEnd);
    if (s <= e) drafts.push({ name, channel, start: s, end: e });
  };
  for (let y = yearOf(windowStart); y <= yearOf(windowEnd); y++) {
    const d = (m: number, day: number) => dayOfYmd(y, m, day);
    add(`${y}华南国际工业自动化展（深圳）`, '展会', d(3, 27), d(3, 29));
    add(`${y}北方国际工业自动化展（北京）`, '展会', d(6, 11), d(6, 13));
    add(`${y}中国国际工业博览会（上海）`, '展会', d(9, 19), d(9, 23));
    add(`${y}新能源智能制造研讨会（常州）`, '行业研讨会', d(4, 18), d(4, 18));
    add(`${y}医药GMP自动化研讨会（成都）`, '行业研讨会', d(5, 23), d(5, 23));
    add(`${y}汽车零部件数字化工厂研讨会（武汉）`, '行业研讨会', d(7, 12), d(7, 12));
    add(`${y}食品饮料智慧工厂沙龙（广州）`, '行业研讨会', d(10, 17), d(10, 17));
    for (let q = 1; q <= 4; q++) add(`${y}年Q${q}搜索及信息流广告`, '线上广告', d(q * 3 - 2, 1), dayOfYmd(y, q * 3 + 1, 1) - 1);
    add(`${y}年上半年电话营销`, '电话营销', d(1, 1), d(6, 30));
    add(`${y}年下半年电话营销`, '电话营销', d(7, 1), d(12, 31));
    add(`${y}年官网及SEO运营`, '官网', d(1, 1), d(12, 31));
    add(`${y}年老客户推荐奖励计划`, '老客户推荐', d(1, 1), d(12, 31));
  }
  drafts.sort((a, b) => a.start - b.start || a.end - b.end || (a.name < b.name ? -1 : 1));
  const perYear = new Map<number, number>();
  return drafts.map((c) => {
    const y = yearOf(c.start);
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    return { ...c, id: `HD${String(y).slice(2)}${String(n).padStart(2, '0')}` };
  });
}

/** The campaign of `channel` that was running (or had last run) on `day`; null when none had started. */
export function campaignFor(plans: readonly CampaignPlan[], channel: CampaignChannel, day: Day): CampaignPlan | null {
  let found: CampaignPlan | null = null;
  for (const c of plans) if (c.channel === channel && c.start <= day && (found === null || c.start >= found.start)) found = c;
  return found;
}

export function costCampaigns(rng: Rng, plans: readonly CampaignPlan[], acquiredBy: ReadonlyMap<string, number>): Campaign[] {
  return plans.map((c) => {
    const acquired = acquiredBy.get(c.id) ?? 0;
    const econ = channelEconomics[c.channel];
    // Half a customer's worth of cost even when a campaign converts nobody: the booth is paid either way.
    const cost = Math.round((econ.cac * (acquired + 0.5) * rng.uniform(0.85, 1.15)) / 100) * 100;
    const leads = Math.max(acquired, Math.round(((acquired + 0.5) / econ.leadConversion) * rng.uniform(0.8, 1.2)));
    return { ...c, cost, leads, acquired };
  });
}
