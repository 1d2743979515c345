/**
 * The customer base and each customer's hidden nature: what it is worth a
 * year, how often it reorders, how it will end (stays, churns, or is drifting
 * away at the end date). Everything later (orders, funnel, interactions,
 * feedback) acts these traits out.
 */
import { campaignFor, type AcquisitionChannel, type CampaignChannel, type CampaignPlan } from './campaigns.js';
import { brandName, mobileNumber, personName } from './chinese-names.js';
import { addMonths, type Day } from './day.js';
import { cityFullName, provinces, type Province } from './geography.js';
import { industries, type Industry } from './industries.js';
import { teamOfProvince, type Rep } from './reps.js';
import { Rng } from '../domain/rng.js';

export type Size = '大型' | '中型' | '小型' | '微型';
export type Segment = 'healthy' | 'churned' | 'at_risk';
export type ChurnReason = '价格' | '竞争对手' | '服务响应慢' | '质量问题' | '需求变化' | '交付延迟';
export type SalesChannel = '直销' | '经销商' | '电商平台';
export type Complexity = '简单' | '一般' | '复杂';

export const churnReasons: readonly ChurnReason[] = ['价格', '竞争对手', '服务响应慢', '质量问题', '需求变化', '交付延迟'];
const reasonWeights = [0.2, 0.3, 0.15, 0.1, 0.15, 0.1];

export interface CustomerPlan {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** Brand + industry word (华瑞精密机械): what reps call the customer. */
  readonly shortName: string;
  readonly industry: Industry;
  readonly size: Size;
  readonly employees: number;
  readonly province: Province;
  readonly city: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactEmail: string | null;
  readonly rep: Rep;
  readonly level: 'A' | 'B' | 'C';
  readonly complexity: Complexity;
  readonly acquisitionChannel: AcquisitionChannel;
  readonly campaign: CampaignPlan | null;
  readonly createdDay: Day;
  /** Registered before the window opened. */
  readonly preExisting: boolean;
  readonly salesChannel: SalesChannel;
  /** Expected revenue a year at the window's start (元), before growth. */
  readonly annualValue: number;
  /** Yearly growth of that value: the industry's outlook plus the rep's effect (a strong rep grows an account, a weak one lets it slide). */
  readonly growth: number;
  /** Mean days between replenishment orders. */
  readonly cycleDays: number;
  /** Share of the value that comes through projects (won opportunities). */
  readonly projectShare: number;
  /** Opportunities opened a year. */
  readonly opportunityRate: number;
  readonly promoSensitive: boolean;
  /** Acquired through a won opportunity (its first order is a project). */
  readonly acquisitionDeal: boolean;
  /** Latent NPS level of a content customer. */
  readonly loyalty: number;
  readonly segment: Segment;
  /** Why a churned or at-risk customer drifts away. */
  readonly reason: ChurnReason | null;
  /** Churned: when the last order is meant to be (the actual one follows from the stretched intervals). */
  readonly plannedLastDay: Day | null;
  /** At risk: when warning signals begin. */
  readonly riskStart: Day | null;
}

const sizeTable: readonly (readonly [Size, number])[] = [
  ['大型', 0.12],
  ['中型', 0.3],
  ['小型', 0.38],
  ['微型', 0.2],
];

const sizeTraits: Readonly<Record<Size, { value: number; cycle: number; projectShare: number; opportunities: number; promo: number; churnWeight: number }>> = {
  大型: { value: 900_000, cycle: 32, projectShare: 0.55, opportunities: 6, promo: 0.08, churnWeight: 0.5 },
  中型: { value: 220_000, cycle: 45, projectShare: 0.45, opportunities: 3.5, promo: 0.18, churnWeight: 0.9 },
  小型: { value: 60_000, cycle: 60, projectShare: 0.3, opportunities: 1.8, promo: 0.32, churnWeight: 1.2 },
  微型: { value: 15_000, cycle: 85, projectShare: 0.12, opportunities: 0.7, promo: 0.4, churnWeight: 1.3 },
};

/** σ of log annual value within a size class: with the size mix this puts ~75% of revenue in the top 20%. */
const VALUE_SIGMA = 0.8;

const channelWeights: Readonly<Record<Size, readonly (readonly [AcquisitionChannel, number])[]>> = {
  大型: [['展会', 3], ['行业研讨会', 3], ['线上广告', 1], ['电话营销', 0.5], ['官网', 1], ['老客户推荐', 1.5], ['销售自拓', 2]],
  中型: [['展会', 2], ['行业研讨会', 2], ['线上广告', 2], ['电话营销', 1], ['官网', 1.5], ['老客户推荐', 1.5], ['销售自拓', 1.5]],
  小型: [['展会', 1], ['行业研讨会', 1], ['线上广告', 3], ['电话营销', 2], ['官网', 2.5], ['老客户推荐', 1.5], ['销售自拓', 1]],
  微型: [['展会', 0.5], ['行业研讨会', 0.3], ['线上广告', 3], ['电话营销', 3], ['官网', 3], ['老客户推荐', 1], ['销售自拓', 0.5]],
};

/** Churned and at-risk customers are drawn from those reordering at most this often, so that lengthening intervals show within nine months. */
export const SIGNAL_MAX_CYCLE = 55;

export interface CustomerInputs {
  readonly seed: number;
  readonly count: number;
  readonly start: Day;
  readonly end: Day;
  readonly reps: readonly Rep[];
  readonly campaigns: readonly CampaignPlan[];
}

interface Draft extends Omit<CustomerPlan, 'index' | 'id' | 'segment' | 'reason' | 'plannedLastDay' | 'riskStart'> {
  readonly order: number;
}

export function generateCustomers(input: CustomerInputs): CustomerPlan[] {
  const { count, start, end } = input;
  const preCount = Math.round(count * 0.6);
  const lateCount = Math.round(count * 0.08);
  const lateStart = addMonths(end, -6) + 1;
  const names = new Set<string>();
  const drafts: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const rng = Rng.derive(input.seed, 'customer', i);
    const createdDay =
      i < preCount
        ? start - rng.int(30, 8 * 365)
        : i < count - lateCount
          ? rng.int(start, lateStart - 1)
          : rng.int(lateStart, end - 3);
    drafts.push(draftCustomer(rng, i, createdDay, i < preCount, input, names));
  }
  drafts.sort((a, b) => a.createdDay - b.createdDay || a.order - b.order);
  const segments = assignSegments(Rng.derive(input.seed, 'segments'), drafts, start, end);
  return drafts.map((d, index) => {
    const { order: _order, ...rest } = d;
    const s = segments.get(d.order);
    return {
      ...rest,
      index,
      id: `C${String(index + 1).padStart(5, '0')}`,
      segment: s?.segment ?? 'healthy',
      reason: s?.reason ?? null,
      plannedLastDay: s?.plannedLastDay ?? null,
      riskStart: s?.riskStart ?? null,
    };
  });
}

function draftCustomer(rng: Rng, order: number, createdDay: Day, preExisting: boolean, input: CustomerInputs, names: Set<string>): Draft {
  const size = rng.choose(sizeTable);
  const industry = rng.weighted(industries, industries.map((x) => x.weight));
  const province = rng.weighted(provinces, provinces.map((p) => p.weight));
  const city = rng.weighted(province.cities, province.cities.map((_, i) => 1 / (1 + i * 0.6)));
  const traits = sizeTraits[size];

  let name = '';
  let shortName = '';
  let brandPinyin = '';
  for (let attempt = 0; name === '' || names.has(name); attempt++) {
    const brand = brandName(rng);
    const word = rng.pick(industry.nameWords);
    const suffix = size === '大型' && rng.chance(0.6) ? '股份有限公司' : size === '中型' && rng.chance(0.15) ? '股份有限公司' : '有限公司';
    // A second city prefix is how real registries disambiguate; after many clashes fall back to it.
    const prefix = attempt > 20 ? `${city}${rng.pick(province.cities)}` : city;
    name = `${prefix}${brand.name}${word}${suffix}`;
    shortName = `${brand.name}${word}`;
    brandPinyin = brand.pinyin;
  }
  names.add(name);

  const contact = personName(rng);
  const contactEmail = rng.chance(size === '微型' ? 0.7 : 0.9) ? emailFor(rng, contact.pinyin, brandPinyin, size) : null;

  const drawnChannel = rng.choose(channelWeights[size]);
  const campaign = preExisting || drawnChannel === '销售自拓' ? null : pickCampaign(rng, input.campaigns, drawnChannel, createdDay);

  const rep = pickRep(rng, input.reps, province, preExisting ? input.start : createdDay);
  // Accounts won recently are smaller than the established book: the big ones were won long ago.
  const annualValue = Math.round(rng.lognormal(Math.log(traits.value * (preExisting ? 1 : 0.6)), VALUE_SIGMA));
  const growth = industry.growth + 0.35 * (rep.skill - 1) + rng.normal(0, 0.03);
  const cycleDays = Math.round(clamp(traits.cycle * industry.cycleFactor * rng.lognormal(0, 0.3), 20, 120));

  return {
    order,
    name,
    shortName,
    industry,
    size,
    employees: employeesFor(rng, size),
    province,
    city: cityFullName(city),
    contactName: contact.name,
    contactPhone: mobileNumber(rng),
    contactEmail,
    rep,
    level: levelFor(rng, size),
    complexity: complexityFor(rng, size),
    acquisitionChannel: campaign?.channel ?? (preExisting ? drawnChannel : '销售自拓'),
    campaign,
    createdDay,
    preExisting,
    salesChannel: salesChannelFor(rng, size),
    annualValue,
    growth,
    cycleDays,
    projectShare: traits.projectShare,
    opportunityRate: traits.opportunities * industry.projectFactor,
    promoSensitive: rng.chance(traits.promo),
    acquisitionDeal: !preExisting && size !== '微型' && rng.chance(0.6),
    loyalty: clamp(rng.normal(8.3, 0.9), 5.5, 10),
  };
}

function pickCampaign(rng: Rng, campaigns: readonly CampaignPlan[], channel: CampaignChannel, day: Day): CampaignPlan | null {
  const c = campaignFor(campaigns, channel, day);
  if (c !== null) return c;
  // Nothing of that channel had started yet: the website runs from the first day.
  return campaignFor(campaigns, rng.pick(['官网', '线上广告', '电话营销'] as const), day);
}

function pickRep(rng: Rng, reps: readonly Rep[], province: Province, asOf: Day): Rep {
  const team = teamOfProvince(province.region, province.short);
  const inTeam = reps.filter((r) => r.team === team && r.hireDay <= asOf);
  const local = inTeam.filter((r) => r.region === province.region);
  const pool = local.length > 0 ? local : inTeam.length > 0 ? inTeam : reps.filter((r) => r.hireDay <= asOf);
  // New hires are handed most new accounts in their territory.
  return rng.weighted(pool, pool.map((r) => r.load * (r.newHire ? 2.5 : 1)));
}

function emailFor(rng: Rng, person: string, brand: string, size: Size): string {
  if (size === '微型' && rng.chance(0.5)) return rng.chance(0.5) ? `${rng.int(100_000_000, 2_999_999_999)}@qq.com` : `${person}${rng.int(1, 99)}@163.com`;
  return `${person}@${brand}${rng.pick(['.com', '.com.cn', '.cn'])}`;
}

function employeesFor(rng: Rng, size: Size): number {
  switch (size) {
    case '大型':
      return Math.max(1000, Math.round(rng.lognormal(Math.log(2500), 0.7)));
    case '中型':
      return rng.int(300, 999);
    case '小型':
      return Math.round(clamp(rng.lognormal(Math.log(80), 0.7), 20, 299));
    case '微型':
      return rng.int(5, 19);
  }
}

function levelFor(rng: Rng, size: Size): 'A' | 'B' | 'C' {
  // Rated at registration by size and gut feeling, rarely revisited: it only loosely tracks what they buy.
  const table: Record<Size, readonly (readonly ['A' | 'B' | 'C', number])[]> = {
    大型: [['A', 0.7], ['B', 0.25], ['C', 0.05]],
    中型: [['A', 0.25], ['B', 0.55], ['C', 0.2]],
    小型: [['A', 0.05], ['B', 0.4], ['C', 0.55]],
    微型: [['B', 0.15], ['C', 0.85]],
  };
  return rng.choose(table[size]);
}

function complexityFor(rng: Rng, size: Size): Complexity {
  const table: Record<Size, readonly (readonly [Complexity, number])[]> = {
    大型: [['复杂', 0.7], ['一般', 0.25], ['简单', 0.05]],
    中型: [['复杂', 0.3], ['一般', 0.55], ['简单', 0.15]],
    小型: [['复杂', 0.05], ['一般', 0.45], ['简单', 0.5]],
    微型: [['一般', 0.2], ['简单', 0.8]],
  };
  return rng.choose(table[size]);
}

function salesChannelFor(rng: Rng, size: Size): SalesChannel {
  const table: Record<Size, readonly (readonly [SalesChannel, number])[]> = {
    大型: [['直销', 0.9], ['经销商', 0.1]],
    中型: [['直销', 0.7], ['经销商', 0.3]],
    小型: [['直销', 0.45], ['经销商', 0.45], ['电商平台', 0.1]],
    微型: [['直销', 0.2], ['经销商', 0.5], ['电商平台', 0.3]],
  };
  return rng.choose(table[size]);
}

interface SegmentChoice {
  readonly segment: Segment;
  readonly reason: ChurnReason;
  readonly plannedLastDay: Day | null;
  readonly riskStart: Day | null;
}

/**
 * ~12% churn and ~6% at risk, drawn among customers with enough history to
 * show a pattern before it breaks; small customers churn more readily.
 */
function assignSegments(rng: Rng, drafts: readonly Draft[], start: Day, end: Day): Map<number, SegmentChoice> {
  const out = new Map<number, SegmentChoice>();
  const churnTarget = Math.round(drafts.length * 0.12);
  const riskTarget = Math.round(drafts.length * 0.06);
  const latestLast = end - 150;

  const churnWindow = (d: Draft): [Day, Day] | null => {
    if (d.cycleDays > SIGNAL_MAX_CYCLE) return null;
    const firstOrder = d.preExisting ? start : d.createdDay + 25;
    const lo = Math.max(addMonths(start, 12), firstOrder + Math.round(4.5 * d.cycleDays) + 250);
    return lo <= latestLast ? [lo, latestLast] : null;
  };
  // Small accounts, and the accounts of weak reps, are the ones that slip away.
  const weight = (d: Draft) => sizeTraits[d.size].churnWeight / (d.rep.skill * d.rep.skill);
  const churnPool = drafts.filter((d) => churnWindow(d) !== null);
  for (const d of weightedSample(rng, churnPool, churnPool.map(weight), churnTarget)) {
    const [lo, hi] = churnWindow(d)!;
    out.set(d.order, { segment: 'churned', reason: rng.weighted(churnReasons, reasonWeights), plannedLastDay: rng.int(lo, hi), riskStart: null });
  }
  const riskPool = drafts.filter((d) => !out.has(d.order) && d.cycleDays <= SIGNAL_MAX_CYCLE && d.createdDay <= addMonths(end, -15));
  for (const d of weightedSample(rng, riskPool, riskPool.map(weight), riskTarget)) {
    out.set(d.order, { segment: 'at_risk', reason: rng.weighted(churnReasons, reasonWeights), plannedLastDay: null, riskStart: end - rng.int(90, 180) });
  }
  return out;
}

function weightedSample<T>(rng: Rng, items: readonly T[], weights: readonly number[], k: number): T[] {
  // Efraimidis–Spirakis: key u^(1/w), keep the k largest.
  const keyed = items.map((item, i) => ({ item, key: Math.pow(rng.next(), 1 / Math.max(1e-9, weights[i] ?? 1)) }));
  keyed.sort((a, b) => b.key - a.key);
  return keyed.slice(0, k).map((e) => e.item);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
