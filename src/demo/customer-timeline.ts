/**
 * One customer's commercial life inside the window: its opportunities and
 * its orders. Replenishment orders follow the customer's own purchase cycle;
 * won opportunities add project orders; a churning customer's last orders
 * come at stretched intervals and then stop, an at-risk customer's intervals
 * stretch in the final months. Interactions and feedback are derived from
 * this timeline elsewhere.
 */
import { amountFactor, februaryPostponed, promotionAhead, promotionOn, rateFactor, type Promotion } from './calendar-effects.js';
import type { ChurnReason, CustomerPlan, SalesChannel } from './customers.js';
import { addMonths, monthOf, type Day } from './day.js';
import { expectedWinRate, loseAtQuote, simulateDeal, type DealPath, type LostReason } from './funnel.js';
import type { Catalogue, DraftLine } from './order-lines.js';
import type { Category } from './products.js';
import type { Rng } from '../domain/rng.js';

export type OrderKind = 'replenish' | 'project' | 'first';
export type DemandType = '新项目采购' | '日常补货' | '设备升级';

export interface StoryDeal {
  readonly path: DealPath;
  readonly category: Category;
  /** Expected value (元). */
  readonly amount: number;
  readonly name: string;
  readonly leadSource: string;
  /** The deal that brought a new customer in: always won (or still open), which lifts every stage's conversion a little. */
  readonly acquisition: boolean;
  /** The order a won deal turned into. */
  order: StoryOrder | null;
}

export interface StoryLine extends DraftLine {
  readonly discount: number | null;
}

export interface StoryOrder {
  readonly day: Day;
  readonly kind: OrderKind;
  readonly deal: StoryDeal | null;
  lines: readonly StoryLine[];
  promotion: string | null;
  demandType: DemandType;
  channel: SalesChannel;
  returned: { readonly day: Day; readonly line: number; readonly quantity: number } | null;
}

export interface Signal {
  readonly start: Day;
  readonly end: Day;
  readonly reason: ChurnReason;
}

export interface CustomerTimeline {
  readonly plan: CustomerPlan;
  readonly activeFrom: Day;
  /** Last day the customer is in contact: the end date, or shortly after a churn. */
  readonly activeTo: Day;
  readonly orders: readonly StoryOrder[];
  readonly deals: readonly StoryDeal[];
  readonly signal: Signal | null;
  readonly lastOrderDay: Day | null;
  /** Churned: the day the company recorded the loss (may be after the end date, then unrecorded). */
  readonly churnDay: Day | null;
}

export interface TimelineContext {
  readonly start: Day;
  readonly end: Day;
  readonly promotions: readonly Promotion[];
  readonly catalogue: Catalogue;
}

/** How far 0..1 a day is into the warning period. */
export function signalProgress(signal: Signal | null, day: Day): number {
  if (signal === null || day < signal.start) return 0;
  if (signal.end <= signal.start) return 1;
  return Math.min(1, (day - signal.start) / (signal.end - signal.start));
}

export function inSignal(signal: Signal | null, day: Day): boolean {
  return signal !== null && day >= signal.start && day <= signal.end;
}

const MAX_SIGNAL_DAYS = 270;
const MIN_SIGNAL_DAYS = 90;

const lossForReason: Readonly<Record<ChurnReason, LostReason>> = {
  价格: '价格过高',
  竞争对手: '选择竞争对手',
  服务响应慢: '选择竞争对手',
  质量问题: '选择竞争对手',
  需求变化: '需求变更',
  交付延迟: '交期不满足',
};

const projectPhrases: Readonly<Record<Category, readonly string[]>> = {
  PLC控制器: ['产线PLC控制系统升级', '新厂区控制系统项目', '老旧PLC替换项目'],
  伺服驱动: ['伺服系统改造项目', '包装线伺服升级', '设备运动控制项目'],
  变频器: ['风机水泵节能改造', '变频调速改造项目', '空压站节能项目'],
  传感器: ['产线检测传感器项目', '在线质量检测项目', '仪表更新项目'],
  工业机器人: ['焊装线机器人项目', '码垛机器人改造项目', '自动化装配线项目', '机器人上下料项目'],
  HMI触摸屏: ['设备人机界面升级', '操作屏更换项目'],
  工控软件: ['MES系统建设项目', 'SCADA监控平台项目', '能源管理系统项目', '数字化车间项目'],
  备品备件: ['年度备件框架采购', '备品备件集中采购'],
};

const leadSources: readonly (readonly [string, number])[] = [
  ['客户主动询价', 4],
  ['销售自拓', 3],
  ['展会', 1],
  ['行业研讨会', 1],
  ['官网', 1],
  ['老客户推荐', 0.6],
  ['线上广告', 0.8],
  ['电话营销', 0.6],
];

export function buildTimeline(rng: Rng, plan: CustomerPlan, ctx: TimelineContext): CustomerTimeline {
  const { start, end } = ctx;
  const activeFrom = Math.max(start, plan.createdDay);
  const growthAt = (day: Day) => Math.pow(1 + plan.growth, (day - start) / 365);
  const cycle = plan.cycleDays;
  const expectedSpan = Math.round(2.3 * cycle * (6.9 * cycle <= MAX_SIGNAL_DAYS ? 3 : 2));
  const normalEnd = plan.segment === 'churned' ? plan.plannedLastDay! - expectedSpan : plan.segment === 'at_risk' ? plan.riskStart! : end;
  const drifting = plan.segment !== 'healthy';

  // A new account starts with a pilot and trial quantities and grows into its full size over its first year.
  const ramp = (day: Day) => (plan.preExisting ? 1 : Math.min(1, 0.35 + (0.65 * (day - plan.createdDay)) / 365));

  // Opportunities and the project orders the won ones become.
  const deals: StoryDeal[] = [];
  const meanProject = (plan.projectShare * plan.annualValue) / (plan.opportunityRate * expectedWinRate);
  const addDeal = (created: Day, acquisition: boolean) => {
    let path = simulateDeal(rng, { created, end, complexity: plan.complexity, skill: plan.rep.skill, industry: plan.industry.name, forceWin: acquisition });
    const amount = roundTo(meanProject * ramp(created) * growthAt(created) * rng.lognormal(-0.06, 0.35), 100);
    const category = ctx.catalogue.pickCategory(rng, plan.industry, 'project', amount * 0.6);
    let orderDay = path.outcome === 'won' ? Math.min(end, path.closeDay! + rng.int(2, 14)) : null;
    if (orderDay !== null && drifting && orderDay > normalEnd) {
      path = loseAtQuote(rng, path, lossForReason[plan.reason!], plan.industry.name);
      orderDay = null;
    }
    const year = new Date(created * 86_400_000).getUTCFullYear();
    const deal: StoryDeal = {
      path,
      category,
      amount,
      name: `${plan.shortName}${year}年${rng.pick(projectPhrases[category])}`,
      leadSource: acquisition ? plan.acquisitionChannel : rng.choose(leadSources),
      acquisition,
      order: null,
    };
    // Deals opened before the window are not in the export, but the orders they bring inside it are.
    if (created >= start) deals.push(deal);
    return { day: orderDay, deal };
  };

  const projectOrders: { day: Day; deal: StoryDeal }[] = [];
  let firstOrderDay: Day | null = null;
  if (plan.acquisitionDeal) {
    const { day, deal } = addDeal(plan.createdDay, true);
    if (day !== null) {
      projectOrders.push({ day, deal });
      firstOrderDay = day;
    }
  }
  // An existing account's pipeline is already running when the window opens: start it months earlier.
  const dealsFrom = plan.preExisting ? start - 240 : activeFrom;
  const dealsUntil = plan.segment === 'churned' ? plan.plannedLastDay! - 30 : end - 5;
  for (let t = dealsFrom + Math.round(rng.gammaMean(365 / plan.opportunityRate, 1)); t <= dealsUntil; ) {
    const { day, deal } = addDeal(t, false);
    if (day !== null && day >= start) projectOrders.push({ day, deal });
    t += Math.max(1, Math.round(rng.gammaMean(365 / plan.opportunityRate, 1)));
  }

  // Replenishment on the customer's own cycle, shaped by the calendar and promotions.
  const replenish: Day[] = [];
  let firstDirect: Day | null = null;
  let t: Day;
  if (firstOrderDay !== null) t = firstOrderDay + gap(rng, cycle, firstOrderDay);
  else if (plan.preExisting) t = start + rng.int(0, Math.round(cycle * 0.9));
  else if (plan.acquisitionDeal) t = Infinity; // the deal is still open: no orders yet
  else {
    firstDirect = plan.createdDay + rng.int(5, 40);
    t = firstDirect + gap(rng, cycle, firstDirect);
    if (firstDirect > Math.min(end, normalEnd)) firstDirect = null;
  }
  while (t <= normalEnd) {
    if (monthOf(t) === 2 && rng.chance(februaryPostponed)) t = addMonths(t - new Date(t * 86_400_000).getUTCDate() + 1, 1) + rng.int(0, 19);
    if (plan.promoSensitive) {
      const promo = promotionAhead(ctx.promotions, t, 40);
      if (promo !== null && rng.chance(0.6)) t = promo.start + rng.int(0, Math.min(10, promo.end - promo.start));
    }
    if (t > normalEnd) break;
    replenish.push(t);
    t += gap(rng, cycle, t);
  }

  const anchors = [...projectOrders.map((p) => p.day), ...(firstDirect === null ? [] : [firstDirect])];
  const normal: { day: Day; kind: OrderKind; deal: StoryDeal | null }[] = [
    ...projectOrders.filter((p) => !drifting || p.day <= normalEnd).map((p) => ({ day: p.day, kind: 'project' as const, deal: p.deal })),
    ...(firstDirect === null ? [] : [{ day: firstDirect, kind: 'first' as const, deal: null }]),
    // A replenishment a few days from a project order would have been merged into it.
    ...replenish.filter((d) => anchors.every((a) => Math.abs(a - d) > 4)).map((day) => ({ day, kind: 'replenish' as const, deal: null })),
  ].sort((a, b) => a.day - b.day || (a.kind < b.kind ? -1 : 1));

  // The warning period: intervals stretch to 1.5–3× the customer's realised mean, then (churned) orders stop.
  const stretched: Day[] = [];
  let signal: Signal | null = null;
  let churnDay: Day | null = null;
  const last = normal[normal.length - 1];
  if (drifting && last !== undefined) {
    const mean = normal.length >= 3 ? (last.day - normal[0]!.day) / (normal.length - 1) : cycle;
    const factors = [rng.uniform(1.7, 2.1), rng.uniform(2.1, 2.6), rng.uniform(2.5, 3.0), rng.uniform(2.6, 3.2)];
    let gaps = factors.map((f) => Math.round(mean * f * rng.uniform(0.95, 1.05)));
    if (plan.segment === 'churned') {
      gaps = gaps[0]! + gaps[1]! + gaps[2]! <= MAX_SIGNAL_DAYS ? gaps.slice(0, 3) : gaps.slice(0, 2);
      const span = gaps.reduce((a, b) => a + b, 0);
      if (span > MAX_SIGNAL_DAYS) gaps = gaps.map((g) => Math.max(Math.round(mean * 1.55), Math.round((g * MAX_SIGNAL_DAYS) / span)));
      let d = last.day;
      for (const g of gaps) {
        d += g;
        if (d <= end) stretched.push(d);
      }
      const lastDay = stretched[stretched.length - 1] ?? last.day;
      signal = { start: clamp(last.day, lastDay - MAX_SIGNAL_DAYS, lastDay - MIN_SIGNAL_DAYS), end: lastDay, reason: plan.reason! };
      churnDay = lastDay + rng.int(60, 150);
    } else {
      let d = last.day;
      for (const g of gaps) {
        d += g;
        if (d > end) break;
        stretched.push(d);
      }
      const riskStart = plan.riskStart!;
      if (!stretched.some((s) => s >= riskStart)) {
        const want = last.day + Math.round(mean * 1.6);
        stretched.push(clamp(want, riskStart + 5, end - 2));
      }
      signal = { start: riskStart, end, reason: plan.reason! };
    }
  }

  const orders: StoryOrder[] = [];
  const replenishBase = (plan.projectShare < 1 ? 1 - plan.projectShare : 0) * plan.annualValue * (cycle / 365);
  for (const o of normal) {
    const base = replenishBase * ramp(o.day) * growthAt(o.day) * amountFactor(o.day) * rng.lognormal(-0.045, 0.3);
    const amount = o.kind === 'project' ? o.deal!.amount * rng.uniform(0.85, 1.02) : o.kind === 'first' ? base * 2 : base;
    orders.push(makeOrder(rng, plan, ctx, o.day, o.kind, o.deal, amount));
  }
  stretched.forEach((day, i) => {
    // Volume falls as the customer drifts away.
    const base = replenishBase * ramp(day) * growthAt(day) * amountFactor(day) * rng.lognormal(-0.045, 0.3) * [0.8, 0.65, 0.5, 0.45][i]!;
    orders.push(makeOrder(rng, plan, ctx, day, 'replenish', null, base));
  });
  orders.sort((a, b) => a.day - b.day);
  for (const o of orders) if (o.deal !== null) o.deal.order = o;

  addReturns(rng, orders, end);
  const lastOrderDay = orders.length > 0 ? orders[orders.length - 1]!.day : null;
  const activeTo = plan.segment === 'churned' && churnDay !== null ? Math.min(end, churnDay + 30) : end;
  return { plan, activeFrom, activeTo, orders, deals, signal, lastOrderDay, churnDay };
}

function gap(rng: Rng, cycle: number, day: Day): number {
  return Math.max(5, Math.round(rng.gammaMean(cycle / rateFactor(day), 0.45)));
}

function makeOrder(rng: Rng, plan: CustomerPlan, ctx: TimelineContext, day: Day, kind: OrderKind, deal: StoryDeal | null, amount: number): StoryOrder {
  const promo = promotionOn(ctx.promotions, day);
  const onPromo = promo !== null && kind !== 'project' && rng.chance(plan.promoSensitive ? 0.9 : 0.25);
  const draft = ctx.catalogue.buildLines(rng, Math.max(50, amount), plan.industry, kind === 'replenish' ? 'replenish' : 'project', deal?.category ?? null);
  const negotiated = plan.size === '大型' || plan.size === '中型' ? 0.35 : 0.12;
  const lines: StoryLine[] = draft.map((l) => ({
    product: l.product,
    quantity: l.quantity,
    discount: onPromo
      ? plan.promoSensitive
        ? rng.pick([0.08, 0.1, 0.12, 0.15])
        : 0.05
      : kind === 'project' && rng.chance(0.6)
        ? rng.pick([0.05, 0.08, 0.1, 0.12, 0.15])
        : rng.chance(negotiated)
          ? rng.pick([0.03, 0.05, 0.08, 0.1])
          : null,
  }));
  const demandType: DemandType =
    kind === 'first' ? '新项目采购' : kind === 'project' ? (rng.chance(0.7) ? '新项目采购' : '设备升级') : rng.chance(0.85) ? '日常补货' : '设备升级';
  const channel: SalesChannel = rng.chance(0.9) ? plan.salesChannel : plan.salesChannel === '直销' ? '经销商' : '直销';
  return { day, kind, deal, lines, promotion: onPromo ? promo.name : null, demandType, channel, returned: null };
}

/** A few per cent of orders have part of one line sent back before the customer's next order. */
function addReturns(rng: Rng, orders: StoryOrder[], end: Day): void {
  for (let i = 0; i + 1 < orders.length; i++) {
    const order = orders[i]!;
    if (!rng.chance(0.03)) continue;
    const day = order.day + rng.int(5, 25);
    if (day >= orders[i + 1]!.day || day > end) continue;
    const line = rng.int(0, order.lines.length - 1);
    const quantity = order.lines[line]!.quantity;
    order.returned = { day, line, quantity: Math.max(1, Math.min(quantity, Math.round(quantity * rng.uniform(0.1, 0.6)))) };
  }
}

function roundTo(x: number, step: number): number {
  return Math.max(step, Math.round(x / step) * step);
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
