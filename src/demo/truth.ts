/**
 * What was planted in the demo company and what it came to in the rows: the
 * answers later analytics (Pareto, RFM, churn warning, CLV, funnel, team,
 * IPA, forecasting, CAC) must recover. Every realised figure here is computed
 * from the generated rows themselves, with the definition stated next to it,
 * so a test can recompute it independently.
 */
import { campaignChannels, channelEconomics, type Campaign, type CampaignChannel } from './campaigns.js';
import { monthAmountFactor, monthRateFactor } from './calendar-effects.js';
import type { CustomerTimeline } from './customer-timeline.js';
import { SIGNAL_MAX_CYCLE, type ChurnReason, type CustomerPlan, type Segment } from './customers.js';
import { addMonths, dayOf, isoOf } from './day.js';
import type { DemoCompany, DirtyRow, OrderLineRow } from './demo-company.js';
import { surveyItems, plantedIpa, type SurveyItem } from './feedback.js';
import { funnelStages, plantedAdvanceRates, plantedDwellDays, skipQualifiedRate, type FunnelStage, type OpenStage } from './funnel.js';
import { growingIndustries, industries } from './industries.js';
import { basketPairs } from './order-lines.js';
import { categories, type Category } from './products.js';
import type { RepPlan } from './reps.js';
import type { RevenueLedger } from './revenue-ledger.js';
import { plannedStretch } from './targets.js';

export type IpaQuadrant = 'concentrate_here' | 'keep_up_the_good_work' | 'low_priority' | 'possible_overkill';

export interface DemoTruth {
  readonly generator: { readonly seed: number; readonly customers: number; readonly endDate: string; readonly years: number; readonly windowStart: string; readonly windowEnd: string };
  readonly definitions: Readonly<Record<string, string>>;
  readonly value: {
    readonly buyingCustomers: number;
    readonly totalRevenue: number;
    readonly top20Share: number;
    readonly top20ByPlantedValue: readonly string[];
    readonly top20ByRevenue: readonly string[];
    readonly highPotential: readonly string[];
  };
  readonly revenue: {
    readonly byYear: Readonly<Record<string, number>>;
    readonly growthByYear: Readonly<Record<string, number>>;
    readonly byMonth: Readonly<Record<string, number>>;
    /** Index 0 = January: mean revenue of the calendar month over the window ÷ mean monthly revenue. */
    readonly seasonalIndex: readonly number[];
    readonly plantedMonthAmountFactor: readonly number[];
    readonly plantedMonthRateFactor: readonly number[];
  };
  readonly customers: readonly {
    readonly id: string;
    readonly segment: Segment;
    readonly reason: ChurnReason | null;
    readonly cycleDays: number;
    readonly annualValue: number;
    readonly growth: number;
    readonly plantedValue: number;
    readonly promoSensitive: boolean;
  }[];
  readonly churn: {
    readonly churned: readonly { readonly id: string; readonly lastOrderDate: string; readonly churnMonth: string; readonly signalStart: string; readonly reason: ChurnReason; readonly recorded: boolean; readonly recordedDate: string | null }[];
    readonly atRisk: readonly { readonly id: string; readonly signalStart: string; readonly reason: ChurnReason; readonly lastOrderDate: string | null }[];
    readonly healthy: readonly string[];
    readonly churnedShare: number;
    readonly atRiskShare: number;
    readonly signalMaxCycleDays: number;
    readonly intervalRatio: { readonly median: number; readonly min: number; readonly shareAtLeast1_5: number };
    readonly signals: Readonly<Record<'churned' | 'atRisk' | 'healthy', SignalSummary>>;
  };
  readonly behaviour: {
    readonly basketPairs: readonly { readonly from: Category; readonly to: Category; readonly plantedProbability: number; readonly confidence: number; readonly lift: number }[];
    readonly industryPreferences: Readonly<Record<string, { readonly planted: Readonly<Record<Category, number>>; readonly topByLift: readonly Category[] }>>;
    readonly promotion: { readonly sensitive: readonly string[]; readonly promoOrderShareSensitive: number; readonly promoOrderShareOthers: number };
  };
  readonly funnel: {
    readonly stages: readonly string[];
    readonly plantedAdvanceRates: Readonly<Record<OpenStage, number>>;
    readonly plantedDwellDays: Readonly<Record<OpenStage, number>>;
    readonly skipQualifiedRate: number;
    readonly conversions: Readonly<Record<string, number>>;
    readonly meanDwellDays: Readonly<Record<string, number>>;
    readonly bottleneck: { readonly from: FunnelStage; readonly to: FunnelStage; readonly realised: string };
    readonly opportunities: { readonly total: number; readonly won: number; readonly lost: number; readonly open: number; readonly acquisitionDeals: number };
    readonly wonOpportunityOrders: readonly { readonly opportunityId: string; readonly orderId: string; readonly closeDate: string; readonly orderDate: string }[];
  };
  readonly acquisition: {
    readonly cacByChannel: Readonly<Record<string, { readonly cost: number; readonly customers: number; readonly cac: number | null; readonly plantedCac: number }>>;
    readonly cacOrder: readonly CampaignChannel[];
    readonly newCustomers: number;
    readonly newInLastSixMonths: number;
    readonly newInLastSixMonthsShare: number;
  };
  readonly reps: {
    readonly plantedBest: { readonly id: string; readonly name: string };
    readonly plantedWorst: { readonly id: string; readonly name: string };
    readonly best: { readonly id: string; readonly name: string };
    readonly worst: { readonly id: string; readonly name: string };
    readonly targetStretch: number;
    readonly byRep: readonly {
      readonly id: string;
      readonly name: string;
      readonly team: string;
      readonly newHire: boolean;
      readonly skill: number;
      readonly activity: number;
      readonly customers: number;
      readonly winRate: number | null;
      readonly interactionsPerCustomerMonth: number;
      readonly revenueFinalYear: number;
      readonly targetFinalYear: number;
      readonly attainmentFinalYear: number | null;
    }[];
  };
  readonly satisfaction: {
    readonly ipa: Readonly<Record<SurveyItem, { readonly plantedScore: number; readonly plantedImportance: number; readonly meanScore: number; readonly meanImportance: number; readonly quadrant: IpaQuadrant }>>;
    readonly improveFirst: readonly SurveyItem[];
    readonly nps: number;
  };
  readonly dirtyRows: readonly DirtyRow[];
}

export interface SignalSummary {
  readonly customers: number;
  /** Mean 报价响应时间 over quotes in the warning period (healthy: the final 6 months). */
  readonly meanQuoteResponseHours: number | null;
  /** Share of interactions in that period that mention a competitor. */
  readonly competitorMentionShare: number;
  /** Share of interactions in that period with 项目状态 停滞. */
  readonly stalledShare: number;
  /** Complaints per customer-year in that period. */
  readonly complaintsPerYear: number;
  /** Share of NPS answers in that period that are 0–6. */
  readonly detractorShare: number | null;
}

export interface TruthInputs {
  readonly company: Omit<DemoCompany, 'truth'>;
  readonly plans: readonly CustomerPlan[];
  readonly timelines: readonly CustomerTimeline[];
  readonly repPlan: RepPlan;
  readonly campaigns: readonly Campaign[];
  readonly ledger: RevenueLedger;
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const r2 = (x: number) => Math.round(x * 100) / 100;

export function computeTruth(input: TruthInputs): DemoTruth {
  const { company, plans, ledger } = input;
  const start = dayOf(company.windowStart);
  const end = dayOf(company.windowEnd);
  const orders = ordersOf(company.orderLines);

  return {
    generator: { ...company.options, windowStart: company.windowStart, windowEnd: company.windowEnd },
    definitions: {
      revenue: 'sum of 金额 over all lines of 订单明细 including return lines (net), in 元; dirty rows counted at their clean value',
      order: 'an 订单编号; its date is the 下单日期 of its positive lines (return lines carry a later date)',
      top20Share: 'customers with positive net revenue, ranked by it; the first ceil(20%) of them, their share of the total',
      plantedValue: 'annualValue × (1+growth)^(mid-point years after window start) × years between first possible and planned last activity',
      seasonalIndex: 'mean revenue of the calendar month across the window ÷ mean monthly revenue',
      conversions: 'reached(next) ÷ reached(stage), where an opportunity reached a stage if it has a row for it or for any later funnel stage (skipped stages count as passed); open opportunities count where they stand; lost ones have a final 输单 row, which is not a funnel stage',
      acquisitionDeals: 'opportunities that brought a new customer in; they never lose, so they lift every conversion slightly above the planted advance rates',
      meanDwellDays: 'days between entering a stage and entering the next row, over opportunities that have both rows',
      intervalRatio: 'per churned customer: mean interval between its last 3 orders ÷ mean interval between its earlier orders',
      signalPeriod: 'churned: 3–9 months before and including the last order; at risk: the final 3–6 months; healthy control: the final 6 months',
      healthy: 'never drifting, registered at least a year before the end date, and with at least 4 orders',
      cac: 'sum of 活动费用 of the channel\'s campaigns ÷ customers whose 获客活动 is one of them',
      attainment: 'revenue of the rep\'s customers in the final calendar year ÷ the sum of the rep\'s 目标金额 for its months',
      winRate: 'won ÷ (won + lost) over the rep\'s opportunities',
      ipaQuadrant: 'item mean importance and score against the means over all items: high importance + low score = concentrate_here',
      nps: '% of answers 9–10 minus % of answers 0–6, in points',
    },
    value: valueTruth(plans, ledger, start, end),
    revenue: revenueTruth(ledger, company.windowStart, company.windowEnd),
    customers: plans.map((p) => ({
      id: p.id,
      segment: p.segment,
      reason: p.reason,
      cycleDays: p.cycleDays,
      annualValue: p.annualValue,
      growth: r4(p.growth),
      plantedValue: Math.round(plantedValue(p, start, end)),
      promoSensitive: p.promoSensitive,
    })),
    churn: churnTruth(input, orders, end),
    behaviour: behaviourTruth(plans, company.orderLines, orders),
    funnel: funnelTruth(company),
    acquisition: acquisitionTruth(input, start, end),
    reps: repTruth(input, start, end),
    satisfaction: satisfactionTruth(company),
    dirtyRows: company.dirtyRows,
  };
}

interface OrderSummary {
  readonly id: string;
  readonly customerId: string;
  readonly date: string;
  readonly categories: ReadonlySet<Category>;
  readonly promotion: boolean;
}

/** Orders from their positive lines, in date order per customer. */
function ordersOf(lines: readonly OrderLineRow[]): Map<string, OrderSummary[]> {
  const byId = new Map<string, { id: string; customerId: string; date: string; categories: Set<Category>; promotion: boolean }>();
  for (const l of lines) {
    if (l.quantity <= 0) continue;
    let o = byId.get(l.orderId);
    if (o === undefined) byId.set(l.orderId, (o = { id: l.orderId, customerId: l.customerId, date: l.date, categories: new Set(), promotion: false }));
    o.categories.add(l.category);
    if (l.promotion !== null) o.promotion = true;
  }
  const byCustomer = new Map<string, OrderSummary[]>();
  for (const o of byId.values()) {
    const list = byCustomer.get(o.customerId) ?? [];
    list.push(o);
    byCustomer.set(o.customerId, list);
  }
  for (const list of byCustomer.values()) list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return byCustomer;
}

function plantedValue(p: CustomerPlan, start: number, end: number): number {
  const from = Math.max(start, p.createdDay);
  const to = p.segment === 'churned' ? p.plannedLastDay! : end;
  const years = Math.max(0, (to - from) / 365);
  const mid = (from + to) / 2;
  return p.annualValue * Math.pow(1 + p.growth, (mid - start) / 365) * years;
}

function valueTruth(plans: readonly CustomerPlan[], ledger: RevenueLedger, start: number, end: number): DemoTruth['value'] {
  const revenues = [...ledger.byCustomer].filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const positive = revenues.reduce((s, [, v]) => s + v, 0);
  const top = revenues.slice(0, Math.ceil(revenues.length * 0.2));
  const byPlanted = [...plans].sort((a, b) => plantedValue(b, start, end) - plantedValue(a, start, end) || a.index - b.index);
  return {
    buyingCustomers: revenues.length,
    totalRevenue: r2(ledger.total),
    top20Share: r4(top.reduce((s, [, v]) => s + v, 0) / (positive || 1)),
    top20ByPlantedValue: byPlanted.slice(0, 20).map((p) => p.id),
    top20ByRevenue: revenues.slice(0, 20).map(([id]) => id),
    highPotential: plans.filter((p) => (p.size === '大型' || p.size === '中型') && growingIndustries.includes(p.industry.name) && p.segment === 'healthy').map((p) => p.id),
  };
}

function revenueTruth(ledger: RevenueLedger, windowStart: string, windowEnd: string): DemoTruth['revenue'] {
  const byYear: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  const perCalendarMonth = Array.from({ length: 12 }, () => ({ sum: 0, n: 0 }));
  for (let d = dayOf(windowStart); d <= dayOf(windowEnd); d = addMonths(d, 1)) {
    const month = isoOf(d).slice(0, 7);
    const v = ledger.byMonth.get(month) ?? 0;
    byMonth[month] = r2(v);
    byYear[month.slice(0, 4)] = (byYear[month.slice(0, 4)] ?? 0) + v;
    const slot = perCalendarMonth[Number(month.slice(5)) - 1]!;
    slot.sum += v;
    slot.n++;
  }
  const means = perCalendarMonth.map((s) => (s.n > 0 ? s.sum / s.n : 0));
  const overall = means.reduce((a, b) => a + b, 0) / 12;
  const years = Object.keys(byYear).sort();
  const growthByYear: Record<string, number> = {};
  years.forEach((y, i) => {
    if (i > 0) growthByYear[y] = r4(byYear[y]! / byYear[years[i - 1]!]! - 1);
  });
  for (const y of years) byYear[y] = r2(byYear[y]!);
  return {
    byYear,
    growthByYear,
    byMonth,
    seasonalIndex: means.map((m) => r4(m / (overall || 1))),
    plantedMonthAmountFactor: monthAmountFactor,
    plantedMonthRateFactor: monthRateFactor,
  };
}

function intervals(dates: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < dates.length; i++) out.push(dayOf(dates[i]!) - dayOf(dates[i - 1]!));
  return out;
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length);

function churnTruth(input: TruthInputs, orders: ReadonlyMap<string, OrderSummary[]>, end: number): DemoTruth['churn'] {
  const { company, timelines } = input;
  const recorded = new Map(company.churnRecords.map((c) => [c.customerId, c.date]));
  const lastOrder = (id: string) => orders.get(id)?.at(-1)?.date ?? null;
  const churned = timelines
    .filter((t) => t.plan.segment === 'churned' && t.signal !== null)
    .map((t) => {
      const last = lastOrder(t.plan.id) ?? isoOf(t.signal!.end);
      return {
        id: t.plan.id,
        lastOrderDate: last,
        churnMonth: last.slice(0, 7),
        signalStart: isoOf(t.signal!.start),
        reason: t.plan.reason!,
        recorded: recorded.has(t.plan.id),
        recordedDate: recorded.get(t.plan.id) ?? null,
      };
    });
  const atRisk = timelines
    .filter((t) => t.plan.segment === 'at_risk' && t.signal !== null)
    .map((t) => ({ id: t.plan.id, signalStart: isoOf(t.signal!.start), reason: t.plan.reason!, lastOrderDate: lastOrder(t.plan.id) }));
  const healthy = timelines
    .filter((t) => t.plan.segment === 'healthy' && t.plan.createdDay <= end - 365 && (orders.get(t.plan.id)?.length ?? 0) >= 4)
    .map((t) => t.plan.id);

  const ratios = churned
    .map((c) => {
      const dates = (orders.get(c.id) ?? []).map((o) => o.date);
      if (dates.length < 5) return NaN;
      const all = intervals(dates);
      return mean(all.slice(-2)) / mean(all.slice(0, -2));
    })
    .filter((x) => Number.isFinite(x))
    .sort((a, b) => a - b);

  const periods = new Map<string, [number, number]>();
  for (const t of timelines) {
    if (t.signal !== null) periods.set(t.plan.id, [t.signal.start, t.signal.end]);
  }
  for (const id of healthy) periods.set(id, [addMonths(end, -6) + 1, end]);
  return {
    churned,
    atRisk,
    healthy,
    churnedShare: r4(churned.length / timelines.length),
    atRiskShare: r4(atRisk.length / timelines.length),
    signalMaxCycleDays: SIGNAL_MAX_CYCLE,
    intervalRatio: {
      median: r4(ratios[Math.floor(ratios.length / 2)] ?? NaN),
      min: r4(ratios[0] ?? NaN),
      shareAtLeast1_5: r4(ratios.filter((x) => x >= 1.5).length / (ratios.length || 1)),
    },
    signals: {
      churned: signalSummary(company, new Set(churned.map((c) => c.id)), periods),
      atRisk: signalSummary(company, new Set(atRisk.map((c) => c.id)), periods),
      healthy: signalSummary(company, new Set(healthy), periods),
    },
  };
}

function signalSummary(company: TruthInputs['company'], ids: ReadonlySet<string>, periods: ReadonlyMap<string, [number, number]>): SignalSummary {
  const isoPeriods = new Map([...periods].map(([id, [a, b]]) => [id, [isoOf(a), isoOf(b)] as const]));
  const inPeriod = (id: string, date: string) => {
    if (!ids.has(id)) return false;
    const p = isoPeriods.get(id);
    return p !== undefined && date >= p[0] && date <= p[1];
  };
  const inter = company.interactions.filter((i) => inPeriod(i.customerId, i.date));
  const quotes = inter.filter((i) => i.responseHours !== null).map((i) => i.responseHours!);
  const nps = company.nps.filter((n) => inPeriod(n.customerId, n.date));
  const complaints = company.complaints.filter((c) => inPeriod(c.customerId, c.date)).length;
  let years = 0;
  for (const id of ids) {
    const p = periods.get(id);
    if (p !== undefined) years += (p[1] - p[0] + 1) / 365;
  }
  return {
    customers: ids.size,
    meanQuoteResponseHours: quotes.length > 0 ? r2(mean(quotes)) : null,
    competitorMentionShare: r4(inter.filter((i) => i.competitor !== null).length / (inter.length || 1)),
    stalledShare: r4(inter.filter((i) => i.projectStatus === '停滞').length / (inter.length || 1)),
    complaintsPerYear: r4(complaints / (years || 1)),
    detractorShare: nps.length > 0 ? r4(nps.filter((n) => n.score <= 6).length / nps.length) : null,
  };
}

function behaviourTruth(plans: readonly CustomerPlan[], lines: readonly OrderLineRow[], orders: ReadonlyMap<string, OrderSummary[]>): DemoTruth['behaviour'] {
  const all = [...orders.values()].flat();
  const n = all.length || 1;
  const support = (c: Category) => all.filter((o) => o.categories.has(c)).length / n;
  const pairs = basketPairs.map((p) => {
    const withFrom = all.filter((o) => o.categories.has(p.from));
    const both = withFrom.filter((o) => o.categories.has(p.to)).length;
    const confidence = both / (withFrom.length || 1);
    return { from: p.from, to: p.to, plantedProbability: p.probability, confidence: r4(confidence), lift: r4(confidence / (support(p.to) || 1)) };
  });

  const industryOf = new Map(plans.map((p) => [p.id, p.industry.name]));
  const overall = new Map<Category, number>();
  const byIndustry = new Map<string, Map<Category, number>>();
  for (const l of lines) {
    if (l.quantity <= 0) continue;
    overall.set(l.category, (overall.get(l.category) ?? 0) + 1);
    const ind = industryOf.get(l.customerId) ?? '';
    const m = byIndustry.get(ind) ?? new Map<Category, number>();
    m.set(l.category, (m.get(l.category) ?? 0) + 1);
    byIndustry.set(ind, m);
  }
  const totalLines = [...overall.values()].reduce((a, b) => a + b, 0) || 1;
  const industryPreferences: Record<string, { planted: Record<Category, number>; topByLift: Category[] }> = {};
  for (const ind of industries) {
    const m = byIndustry.get(ind.name) ?? new Map<Category, number>();
    const count = [...m.values()].reduce((a, b) => a + b, 0) || 1;
    const lift = (c: Category) => (m.get(c) ?? 0) / count / ((overall.get(c) ?? 0) / totalLines || 1);
    industryPreferences[ind.name] = { planted: { ...ind.preferences }, topByLift: [...categories].sort((a, b) => lift(b) - lift(a)).slice(0, 2) };
  }

  const sensitive = new Set(plans.filter((p) => p.promoSensitive).map((p) => p.id));
  const share = (pick: (o: OrderSummary) => boolean) => {
    const chosen = all.filter(pick);
    return r4(chosen.filter((o) => o.promotion).length / (chosen.length || 1));
  };
  return {
    basketPairs: pairs,
    industryPreferences,
    promotion: {
      sensitive: [...sensitive],
      promoOrderShareSensitive: share((o) => sensitive.has(o.customerId)),
      promoOrderShareOthers: share((o) => !sensitive.has(o.customerId)),
    },
  };
}

function funnelTruth(company: TruthInputs['company']): DemoTruth['funnel'] {
  const reachedIndex = new Map<string, number>();
  const visitsByOpp = new Map<string, { stage: string; day: number }[]>();
  for (const h of company.stageHistory) {
    const i = funnelStages.indexOf(h.stage as FunnelStage);
    if (i >= 0) reachedIndex.set(h.opportunityId, Math.max(reachedIndex.get(h.opportunityId) ?? -1, i));
    const list = visitsByOpp.get(h.opportunityId) ?? [];
    list.push({ stage: h.stage, day: dayOf(h.date) });
    visitsByOpp.set(h.opportunityId, list);
  }
  const reached = funnelStages.map((_, i) => [...reachedIndex.values()].filter((r) => r >= i).length);
  const conversions: Record<string, number> = {};
  let bottleneck = '';
  let lowest = Infinity;
  for (let i = 0; i + 1 < funnelStages.length; i++) {
    const key = `${funnelStages[i]}→${funnelStages[i + 1]}`;
    const rate = reached[i + 1]! / (reached[i] || 1);
    conversions[key] = r4(rate);
    if (rate < lowest) {
      lowest = rate;
      bottleneck = key;
    }
  }
  const dwell = new Map<string, number[]>();
  for (const visits of visitsByOpp.values()) {
    visits.sort((a, b) => a.day - b.day);
    for (let i = 0; i + 1 < visits.length; i++) {
      const list = dwell.get(visits[i]!.stage) ?? [];
      list.push(visits[i + 1]!.day - visits[i]!.day);
      dwell.set(visits[i]!.stage, list);
    }
  }
  const meanDwellDays: Record<string, number> = {};
  for (const s of funnelStages.slice(0, -1)) meanDwellDays[s] = r2(mean(dwell.get(s) ?? []));
  const orderDates = new Map<string, string>();
  for (const l of company.orderLines) if (l.quantity > 0 && !orderDates.has(l.orderId)) orderDates.set(l.orderId, l.date);
  const opps = company.opportunities;
  return {
    stages: funnelStages,
    plantedAdvanceRates,
    plantedDwellDays,
    skipQualifiedRate,
    conversions,
    meanDwellDays,
    bottleneck: { from: '商务洽谈', to: '报价', realised: bottleneck },
    opportunities: {
      total: opps.length,
      won: opps.filter((o) => o.status === '赢单').length,
      lost: opps.filter((o) => o.status === '输单').length,
      open: opps.filter((o) => o.status === '进行中').length,
      acquisitionDeals: opps.filter((o) => o.acquisition).length,
    },
    wonOpportunityOrders: opps
      .filter((o) => o.status === '赢单' && o.orderId !== null)
      .map((o) => ({ opportunityId: o.id, orderId: o.orderId!, closeDate: o.closeDate!, orderDate: orderDates.get(o.orderId!) ?? '' })),
  };
}

function acquisitionTruth(input: TruthInputs, start: number, end: number): DemoTruth['acquisition'] {
  const { campaigns, plans } = input;
  const cacByChannel: Record<string, { cost: number; customers: number; cac: number | null; plantedCac: number }> = {};
  for (const channel of campaignChannels) {
    const mine = campaigns.filter((c) => c.channel === channel);
    const cost = mine.reduce((s, c) => s + c.cost, 0);
    const customers = mine.reduce((s, c) => s + c.acquired, 0);
    cacByChannel[channel] = { cost, customers, cac: customers > 0 ? Math.round(cost / customers) : null, plantedCac: channelEconomics[channel].cac };
  }
  const lateFrom = addMonths(end, -6) + 1;
  const late = plans.filter((p) => p.createdDay >= lateFrom).length;
  return {
    cacByChannel,
    cacOrder: [...campaignChannels].sort((a, b) => channelEconomics[b].cac - channelEconomics[a].cac),
    newCustomers: plans.filter((p) => p.createdDay >= start).length,
    newInLastSixMonths: late,
    newInLastSixMonthsShare: r4(late / (plans.length || 1)),
  };
}

function repTruth(input: TruthInputs, start: number, end: number): DemoTruth['reps'] {
  const { company, repPlan, plans, ledger } = input;
  const finalYear = isoOf(end).slice(0, 4);
  const monthsIn = (from: number, to: number) => Math.max(0, (to - from) / 30.4);
  const tally = <T>(rows: readonly T[], key: (row: T) => string | null): Map<string, number> => {
    const m = new Map<string, number>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const wonBy = tally(company.opportunities, (o) => (o.status === '赢单' ? o.repName : null));
  const lostBy = tally(company.opportunities, (o) => (o.status === '输单' ? o.repName : null));
  const interactionsBy = tally(company.interactions, (i) => i.repName);
  const byRep = repPlan.reps.map((rep) => {
    const mine = plans.filter((p) => p.rep.id === rep.id);
    const won = wonBy.get(rep.name) ?? 0;
    const lost = lostBy.get(rep.name) ?? 0;
    const customerMonths = mine.reduce((s, p) => s + monthsIn(Math.max(start, p.createdDay), end), 0);
    const interactions = interactionsBy.get(rep.name) ?? 0;
    const revenueFinalYear = [...(ledger.byRepMonth.get(rep.name) ?? new Map<string, number>())].filter(([m]) => m.startsWith(finalYear)).reduce((s, [, v]) => s + v, 0);
    const targetFinalYear = company.targets.filter((t) => t.repId === rep.id && t.month.startsWith(finalYear)).reduce((s, t) => s + t.amount, 0);
    return {
      id: rep.id,
      name: rep.name,
      team: rep.team,
      newHire: rep.newHire,
      skill: r4(rep.skill),
      activity: r4(rep.activity),
      customers: mine.length,
      winRate: won + lost > 0 ? r4(won / (won + lost)) : null,
      interactionsPerCustomerMonth: r4(interactions / (customerMonths || 1)),
      revenueFinalYear: r2(revenueFinalYear),
      targetFinalYear,
      attainmentFinalYear: targetFinalYear > 0 ? r4(revenueFinalYear / targetFinalYear) : null,
    };
  });
  const ranked = byRep.filter((r) => !r.newHire && r.attainmentFinalYear !== null).sort((a, b) => b.attainmentFinalYear! - a.attainmentFinalYear!);
  const pick = (r: { id: string; name: string } | undefined) => ({ id: r?.id ?? '', name: r?.name ?? '' });
  return {
    plantedBest: pick(repPlan.best),
    plantedWorst: pick(repPlan.worst),
    best: pick(ranked[0]),
    worst: pick(ranked[ranked.length - 1]),
    targetStretch: plannedStretch,
    byRep,
  };
}

function satisfactionTruth(company: TruthInputs['company']): DemoTruth['satisfaction'] {
  const stats = new Map<SurveyItem, { score: number; importance: number; n: number }>();
  for (const s of company.surveys) {
    const x = stats.get(s.item) ?? { score: 0, importance: 0, n: 0 };
    x.score += s.score;
    x.importance += s.importance;
    x.n++;
    stats.set(s.item, x);
  }
  const means = surveyItems.map((item) => {
    const x = stats.get(item);
    return { item, score: x && x.n > 0 ? x.score / x.n : NaN, importance: x && x.n > 0 ? x.importance / x.n : NaN };
  });
  const grandScore = mean(means.map((m) => m.score));
  const grandImportance = mean(means.map((m) => m.importance));
  const ipa = {} as Record<SurveyItem, { plantedScore: number; plantedImportance: number; meanScore: number; meanImportance: number; quadrant: IpaQuadrant }>;
  for (const m of means) {
    const high = m.importance >= grandImportance;
    const good = m.score >= grandScore;
    ipa[m.item] = {
      plantedScore: plantedIpa[m.item].score,
      plantedImportance: plantedIpa[m.item].importance,
      meanScore: r4(m.score),
      meanImportance: r4(m.importance),
      quadrant: high ? (good ? 'keep_up_the_good_work' : 'concentrate_here') : good ? 'possible_overkill' : 'low_priority',
    };
  }
  const promoters = company.nps.filter((n) => n.score >= 9).length;
  const detractors = company.nps.filter((n) => n.score <= 6).length;
  return {
    ipa,
    improveFirst: surveyItems.filter((i) => ipa[i].quadrant === 'concentrate_here'),
    nps: r2(((promoters - detractors) / (company.nps.length || 1)) * 100),
  };
}
