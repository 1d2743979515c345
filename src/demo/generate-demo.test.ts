import { beforeAll, describe, expect, it } from 'vitest';
import { regionOfProvince, shortProvinceName } from '../domain/china-regions.js';
import type { DemoCompany, OrderLineRow } from './demo-company.js';
import { generateDemo } from './generate-demo.js';

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Orders (distinct 订单编号 with positive lines) per customer, in date order. */
function ordersByCustomer(lines: readonly OrderLineRow[]): Map<string, { id: string; date: string; categories: Set<string>; promo: boolean }[]> {
  const orders = new Map<string, { id: string; customerId: string; date: string; categories: Set<string>; promo: boolean }>();
  for (const l of lines) {
    if (l.quantity <= 0) continue;
    const o = orders.get(l.orderId) ?? { id: l.orderId, customerId: l.customerId, date: l.date, categories: new Set<string>(), promo: false };
    o.categories.add(l.category);
    o.promo ||= l.promotion !== null;
    orders.set(l.orderId, o);
  }
  const out = new Map<string, { id: string; date: string; categories: Set<string>; promo: boolean }[]>();
  for (const o of orders.values()) out.set(o.customerId, [...(out.get(o.customerId) ?? []), o]);
  for (const list of out.values()) list.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

describe('generateDemo determinism', () => {
  it('gives the same company for the same options and another for another seed', () => {
    const a = generateDemo({ seed: 11, customers: 60 });
    const b = generateDemo({ seed: 11, customers: 60 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const c = generateDemo({ seed: 12, customers: 60 });
    expect(c.customers.map((x) => x.name)).not.toEqual(a.customers.map((x) => x.name));
    expect(c.orderLines.length).not.toBe(a.orderLines.length);
  });

  it('applies the defaults and rejects nonsense', () => {
    const small = generateDemo({ seed: 1, customers: 50 });
    expect(small.options).toEqual({ seed: 1, customers: 50, endDate: '2025-12-31', years: 3 });
    expect(small.windowStart).toBe('2023-01-01');
    expect(small.windowEnd).toBe('2025-12-31');
    expect(() => generateDemo({ seed: 1, customers: 0 })).toThrow(RangeError);
    expect(() => generateDemo({ seed: 1, customers: 10, endDate: '2025-02-30' })).toThrow();
  });

  it('works for another end date and length', () => {
    const c = generateDemo({ seed: 5, customers: 80, endDate: '2024-06-30', years: 2 });
    expect(c.windowStart).toBe('2022-07-01');
    for (const l of c.orderLines) expect(l.date >= '2022-07-01' && l.date <= '2024-06-30').toBe(true);
    expect(c.truth.churn.churned.length).toBeGreaterThan(0);
  });
});

describe('generateDemo with 300 customers', () => {
  let c: DemoCompany;
  let orders: ReturnType<typeof ordersByCustomer>;
  const customer = new Map<string, DemoCompany['customers'][number]>();
  beforeAll(() => {
    c = generateDemo({ seed: 42, customers: 300 });
    orders = ordersByCustomer(c.orderLines);
    for (const x of c.customers) customer.set(x.id, x);
  });

  it('has rows in the expected ranges', () => {
    expect(c.customers).toHaveLength(300);
    expect(c.reps).toHaveLength(24);
    expect(c.products.length).toBeGreaterThanOrEqual(55);
    expect(c.products.length).toBeLessThanOrEqual(65);
    expect(c.campaigns.length).toBeGreaterThanOrEqual(30);
    expect(c.orderLines.length).toBeGreaterThan(6_000);
    expect(c.orderLines.length).toBeLessThan(16_000);
    expect(c.opportunities.length).toBeGreaterThan(1_000);
    expect(c.stageHistory.length).toBeGreaterThan(c.opportunities.length * 2);
    expect(c.interactions.length).toBeGreaterThan(8_000);
    expect(c.surveys.length).toBeGreaterThan(1_000);
    expect(c.nps.length).toBeGreaterThan(300);
    expect(c.complaints.length).toBeGreaterThan(100);
    expect(c.tickets.length).toBeGreaterThan(400);
    expect(c.wallet.length).toBeGreaterThan(100);
    expect(c.churnRecords.length).toBeGreaterThan(0);
  });

  it('keeps reference data consistent', () => {
    const repNames = new Set(c.reps.map((r) => r.name));
    expect(repNames.size).toBe(24);
    expect(new Set(c.reps.map((r) => r.team))).toEqual(new Set(['华东一组', '华东二组', '华北组', '华南组', '华中组', '西南组']));
    for (const r of c.reps) if (r.manager !== null) expect(repNames.has(r.manager)).toBe(true);
    expect(c.reps.filter((r) => r.manager === null)).toHaveLength(1);
    expect(new Set(c.customers.map((x) => x.name)).size).toBe(300);
    for (const x of c.customers) {
      expect(x.name).toMatch(/(股份)?有限公司$/);
      expect(x.contactPhone).toMatch(/^1(3|5|7|8|9)\d{9}$/);
      expect(regionOfProvince[shortProvinceName(x.province)]).toBe(x.region);
      expect(repNames.has(x.repName)).toBe(true);
      const range = { 大型: [1000, Infinity], 中型: [300, 999], 小型: [20, 299], 微型: [1, 19] }[x.size];
      expect(x.employees).toBeGreaterThanOrEqual(range[0]!);
      expect(x.employees).toBeLessThanOrEqual(range[1]!);
    }
    for (const p of c.products) expect(p.marginRate).toBeCloseTo(1 - p.unitCost / p.listPrice, 2);
    const complexShare = (size: string) => c.customers.filter((x) => x.size === size && x.decisionComplexity === '复杂').length / c.customers.filter((x) => x.size === size).length;
    expect(complexShare('大型')).toBeGreaterThan(complexShare('中型'));
    expect(complexShare('中型')).toBeGreaterThan(complexShare('小型'));
    const campaigns = new Map(c.campaigns.map((x) => [x.id, x]));
    for (const x of c.customers) {
      if (x.acquisitionCampaignId === null) continue;
      const campaign = campaigns.get(x.acquisitionCampaignId);
      expect(campaign?.channel).toBe(x.acquisitionChannel);
      expect(x.createdDate >= campaign!.startDate).toBe(true);
    }
  });

  it('keeps every event inside the window and after the customer was registered', () => {
    const inWindow = (d: string | null) => d === null || (d >= c.windowStart && d <= c.windowEnd);
    for (const l of c.orderLines) {
      expect(inWindow(l.date)).toBe(true);
      expect(l.date >= customer.get(l.customerId)!.createdDate).toBe(true);
    }
    for (const o of c.opportunities) for (const d of [o.createdDate, o.stageDate, o.closeDate]) expect(inWindow(d)).toBe(true);
    for (const x of [...c.stageHistory.map((h) => h.date), ...c.interactions.map((i) => i.date), ...c.surveys.map((s) => s.date), ...c.nps.map((n) => n.date)]) expect(inWindow(x)).toBe(true);
    for (const x of c.complaints) expect(inWindow(x.date) && inWindow(x.resolvedDate)).toBe(true);
    for (const x of c.tickets) expect(inWindow(x.openedDate) && inWindow(x.closedDate)).toBe(true);
    for (const x of c.campaigns) expect(inWindow(x.startDate) && inWindow(x.endDate) && x.startDate <= x.endDate).toBe(true);
    for (const x of c.churnRecords) expect(inWindow(x.date)).toBe(true);
    for (const x of c.interactions) expect(x.date >= customer.get(x.customerId)!.createdDate).toBe(true);
  });

  it('writes order lines whose amounts add up', () => {
    const keys = new Set<string>();
    for (const l of c.orderLines) {
      keys.add(`${l.orderId}/${l.lineNo}`);
      expect(Math.abs(l.amount - l.quantity * l.unitPrice * (1 - (l.discount ?? 0)))).toBeLessThanOrEqual(0.01);
      expect(l.discount === null || (l.discount > 0 && l.discount < 0.5)).toBe(true);
      expect(l.repName).toBe(customer.get(l.customerId)!.repName);
      if (l.status === '已退货') expect(l.quantity < 0 && l.amount < 0).toBe(true);
      else expect(l.quantity > 0 && l.amount > 0).toBe(true);
    }
    expect(keys.size).toBe(c.orderLines.length);
    const firstDate = new Map<string, string>();
    for (const l of c.orderLines) if (l.quantity > 0 && !firstDate.has(l.orderId)) firstDate.set(l.orderId, l.date);
    const returns = c.orderLines.filter((l) => l.quantity < 0);
    expect(returns.length / firstDate.size).toBeGreaterThan(0.01);
    expect(returns.length / firstDate.size).toBeLessThan(0.06);
    for (const r of returns) expect(r.date > firstDate.get(r.orderId)!).toBe(true);
  });

  it('orders only from customers that are still buying', () => {
    const lost = new Map(c.churnRecords.map((r) => [r.customerId, r.date]));
    for (const l of c.orderLines) if (lost.has(l.customerId)) expect(l.date < lost.get(l.customerId)!).toBe(true);
    for (const x of c.customers) expect(x.status === '潜在客户').toBe(!orders.has(x.id));
    for (const ch of c.truth.churn.churned) {
      const list = orders.get(ch.id)!;
      expect(list.at(-1)!.date).toBe(ch.lastOrderDate);
      expect(dayOf(c.windowEnd) - dayOf(ch.lastOrderDate)).toBeGreaterThanOrEqual(60);
    }
  });

  it('logs interactions and opportunities under the customer’s own rep', () => {
    for (const i of c.interactions) expect(i.repName).toBe(customer.get(i.customerId)!.repName);
    for (const o of c.opportunities) expect(o.repName).toBe(customer.get(o.customerId)!.repName);
    const quotes = c.interactions.filter((i) => i.type === '报价');
    expect(quotes.length).toBeGreaterThan(0);
    for (const i of c.interactions) expect(i.responseHours !== null).toBe(i.type === '报价');
  });

  it('moves opportunities through their stages in order, and won ones become orders', () => {
    const stages = ['线索', '意向', '商务洽谈', '报价', '成交'];
    const history = new Map<string, { stage: string; date: string }[]>();
    for (const h of c.stageHistory) history.set(h.opportunityId, [...(history.get(h.opportunityId) ?? []), h]);
    const orderOf = new Map<string, { customerId: string; date: string }>();
    for (const l of c.orderLines) if (l.quantity > 0 && !orderOf.has(l.orderId)) orderOf.set(l.orderId, l);
    let skipped = 0;
    for (const o of c.opportunities) {
      const rows = history.get(o.id)!;
      expect(rows[0]).toEqual({ opportunityId: o.id, stage: '线索', date: o.createdDate });
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.date > rows[i - 1]!.date).toBe(true);
      const funnel = rows.filter((r) => r.stage !== '输单').map((r) => stages.indexOf(r.stage));
      for (let i = 1; i < funnel.length; i++) expect(funnel[i]!).toBeGreaterThan(funnel[i - 1]!);
      if (funnel.includes(2) && !funnel.includes(1)) skipped++;
      expect(rows.at(-1)!.stage).toBe(o.stage);
      expect(rows.at(-1)!.date).toBe(o.stageDate);
      if (o.status === '赢单') {
        expect(o.stage).toBe('成交');
        const order = orderOf.get(o.orderId!)!;
        expect(order.customerId).toBe(o.customerId);
        const lag = dayOf(order.date) - dayOf(o.closeDate!);
        expect(lag).toBeGreaterThanOrEqual(0);
        expect(lag).toBeLessThanOrEqual(14);
      } else if (o.status === '输单') {
        expect(o.stage).toBe('输单');
        expect(o.lostReason).not.toBeNull();
      } else {
        expect(o.closeDate).toBeNull();
      }
    }
    expect(skipped).toBeGreaterThan(0);
  });

  it('carries heavy-tailed customer value', () => {
    const revenue = new Map<string, number>();
    for (const l of c.orderLines) revenue.set(l.customerId, (revenue.get(l.customerId) ?? 0) + l.amount);
    const sorted = [...revenue.values()].filter((v) => v > 0).sort((a, b) => b - a);
    const share = sorted.slice(0, Math.ceil(sorted.length * 0.2)).reduce((a, b) => a + b, 0) / sorted.reduce((a, b) => a + b, 0);
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.87);
    expect(share).toBeCloseTo(c.truth.value.top20Share, 3);
    const planted = new Set(c.truth.value.top20ByPlantedValue);
    expect(c.truth.value.top20ByRevenue.filter((id) => planted.has(id)).length).toBeGreaterThanOrEqual(10);
    const bySize = (size: string) => mean(c.customers.filter((x) => x.size === size).map((x) => revenue.get(x.id) ?? 0));
    expect(bySize('大型')).toBeGreaterThan(bySize('中型'));
    expect(bySize('中型')).toBeGreaterThan(bySize('小型'));
    expect(bySize('小型')).toBeGreaterThan(bySize('微型'));
  });

  it('plants the funnel bottleneck at 商务洽谈 → 报价', () => {
    const stages = ['线索', '意向', '商务洽谈', '报价', '成交'];
    const reached = new Map<string, number>();
    for (const h of c.stageHistory) {
      const i = stages.indexOf(h.stage);
      if (i >= 0) reached.set(h.opportunityId, Math.max(reached.get(h.opportunityId) ?? -1, i));
    }
    const count = (i: number) => [...reached.values()].filter((r) => r >= i).length;
    const rates = [0, 1, 2, 3].map((i) => count(i + 1) / count(i));
    expect(rates[2]).toBe(Math.min(...rates));
    expect(rates[2]!).toBeLessThan(0.45);
    for (const i of [0, 1, 3]) expect(rates[i]!).toBeGreaterThan(0.52);
    expect(c.truth.funnel.bottleneck.realised).toBe('商务洽谈→报价');
    const dwell = c.truth.funnel.meanDwellDays;
    expect(dwell['商务洽谈']!).toBeGreaterThan(Math.max(dwell['线索']!, dwell['意向']!, dwell['报价']!));
  });

  it('stretches churners’ purchase intervals before they stop', () => {
    expect(c.truth.churn.churned.length).toBe(36);
    expect(c.truth.churn.atRisk.length).toBe(18);
    for (const ch of c.truth.churn.churned) {
      const dates = orders.get(ch.id)!.map((o) => dayOf(o.date));
      expect(dates.length).toBeGreaterThanOrEqual(5);
      const gaps = dates.slice(1).map((d, i) => d - dates[i]!);
      expect(mean(gaps.slice(-2)) / mean(gaps.slice(0, -2))).toBeGreaterThanOrEqual(1.5);
      const lead = dayOf(ch.lastOrderDate) - dayOf(ch.signalStart);
      expect(lead).toBeGreaterThanOrEqual(85);
      expect(lead).toBeLessThanOrEqual(275);
    }
    for (const r of c.truth.churn.atRisk) {
      const list = orders.get(r.id)!;
      expect(list.some((o) => o.date >= r.signalStart)).toBe(true);
    }
  });

  it('shows warning signals for drifting customers and few for healthy ones', () => {
    const periods = new Map<string, [string, string]>();
    for (const ch of c.truth.churn.churned) periods.set(ch.id, [ch.signalStart, ch.lastOrderDate]);
    const late = new Date(Date.parse(`${c.windowEnd}T00:00:00Z`) - 182 * 86_400_000).toISOString().slice(0, 10);
    for (const id of c.truth.churn.healthy) periods.set(id, [late, c.windowEnd]);
    const churned = new Set(c.truth.churn.churned.map((x) => x.id));
    const healthy = new Set(c.truth.churn.healthy);
    const within = (id: string, date: string) => {
      const p = periods.get(id);
      return p !== undefined && date >= p[0] && date <= p[1];
    };
    const pick = <T extends { customerId: string; date: string }>(rows: readonly T[], group: Set<string>) => rows.filter((r) => group.has(r.customerId) && within(r.customerId, r.date));
    const hours = (group: Set<string>) => mean(pick(c.interactions, group).filter((i) => i.responseHours !== null).map((i) => i.responseHours!));
    expect(hours(churned)).toBeGreaterThan(2 * hours(healthy));
    expect(hours(churned)).toBeGreaterThan(50);
    expect(hours(healthy)).toBeLessThan(30);
    const share = <T>(rows: readonly T[], f: (r: T) => boolean) => rows.filter(f).length / rows.length;
    const ci = pick(c.interactions, churned);
    const hi = pick(c.interactions, healthy);
    expect(share(ci, (i) => i.competitor !== null)).toBeGreaterThan(2 * share(hi, (i) => i.competitor !== null));
    expect(share(ci, (i) => i.projectStatus === '停滞')).toBeGreaterThan(0.2);
    expect(share(hi, (i) => i.projectStatus === '停滞')).toBe(0);
    const detractors = (group: Set<string>) => share(pick(c.nps, group), (n) => n.score <= 6);
    expect(detractors(churned)).toBeGreaterThan(0.9);
    expect(detractors(healthy)).toBeLessThan(0.3);
    for (const id of churned) expect(pick(c.nps, new Set([id])).length).toBeGreaterThan(0);
    const complaintsPerCustomer = (group: Set<string>) => pick(c.complaints, group).length / group.size;
    expect(complaintsPerCustomer(churned)).toBeGreaterThan(5 * complaintsPerCustomer(healthy));
  });

  it('records about 70% of the churned with the reason they showed', () => {
    const truth = new Map(c.truth.churn.churned.map((x) => [x.id, x]));
    expect(c.churnRecords.length).toBe(Math.round(0.7 * truth.size));
    for (const r of c.churnRecords) {
      const t = truth.get(r.customerId)!;
      expect(r.reason).toBe(t.reason);
      expect(r.date > t.lastOrderDate).toBe(true);
      expect(customer.get(r.customerId)!.status).toBe('已流失');
    }
  });

  it('makes promotion-sensitive customers buy on promotion', () => {
    const sensitive = new Set(c.truth.behaviour.promotion.sensitive);
    const share = (pickIt: (id: string) => boolean) => {
      const list = [...orders].filter(([id]) => pickIt(id)).flatMap(([, o]) => o);
      return list.filter((o) => o.promo).length / list.length;
    };
    expect(share((id) => sensitive.has(id))).toBeGreaterThan(3 * share((id) => !sensitive.has(id)));
  });

  it('plants basket pairs and industry preferences', () => {
    const all = [...orders.values()].flat();
    const support = (cat: string) => all.filter((o) => o.categories.has(cat)).length / all.length;
    const withPlc = all.filter((o) => o.categories.has('PLC控制器'));
    const lift = withPlc.filter((o) => o.categories.has('HMI触摸屏')).length / withPlc.length / support('HMI触摸屏');
    expect(lift).toBeGreaterThan(1.5);
    const industry = new Map(c.customers.map((x) => [x.id, x.industry]));
    const lineShare = (ind: string | null, cats: readonly string[]) => {
      const lines = c.orderLines.filter((l) => l.quantity > 0 && (ind === null || industry.get(l.customerId) === ind));
      return lines.filter((l) => cats.includes(l.category)).length / lines.length;
    };
    expect(lineShare('汽车制造', ['工业机器人', '伺服驱动'])).toBeGreaterThan(1.2 * lineShare(null, ['工业机器人', '伺服驱动']));
    expect(lineShare('食品饮料', ['传感器', '变频器'])).toBeGreaterThan(1.2 * lineShare(null, ['传感器', '变频器']));
  });

  it('plants the IPA picture in the survey answers', () => {
    const items = ['产品质量', '交付及时性', '技术支持', '价格合理性', '售后服务', '沟通响应'];
    const stat = (item: string, key: 'score' | 'importance') => mean(c.surveys.filter((s) => s.item === item).map((s) => s[key]));
    const meanScore = mean(items.map((i) => stat(i, 'score')));
    const meanImportance = mean(items.map((i) => stat(i, 'importance')));
    for (const item of ['交付及时性', '技术支持']) {
      expect(stat(item, 'importance')).toBeGreaterThan(meanImportance);
      expect(stat(item, 'score')).toBeLessThan(meanScore);
    }
    expect(stat('产品质量', 'importance')).toBeGreaterThan(meanImportance);
    expect(stat('产品质量', 'score')).toBeGreaterThan(meanScore);
    expect(Math.min(...items.map((i) => stat(i, 'importance')))).toBe(stat('价格合理性', 'importance'));
    for (const s of c.surveys) {
      expect([1, 2, 3, 4, 5]).toContain(s.score);
      expect([1, 2, 3, 4, 5]).toContain(s.importance);
    }
    expect(c.truth.satisfaction.improveFirst).toEqual(['交付及时性', '技术支持']);
    expect(new Set(c.surveys.map((s) => s.id)).size).toBe(c.surveys.length);
  });

  it('makes CAC differ by channel as planted', () => {
    const cost = new Map<string, number>();
    const acquired = new Map<string, number>();
    const channelOf = new Map(c.campaigns.map((x) => [x.id, x.channel]));
    for (const x of c.campaigns) cost.set(x.channel, (cost.get(x.channel) ?? 0) + x.cost);
    for (const x of c.customers) if (x.acquisitionCampaignId !== null) acquired.set(channelOf.get(x.acquisitionCampaignId)!, (acquired.get(channelOf.get(x.acquisitionCampaignId)!) ?? 0) + 1);
    const cac = (ch: string) => cost.get(ch)! / acquired.get(ch)!;
    const order = c.truth.acquisition.cacOrder;
    expect(order).toEqual(['展会', '行业研讨会', '线上广告', '电话营销', '官网', '老客户推荐']);
    for (let i = 1; i < order.length; i++) expect(cac(order[i - 1]!)).toBeGreaterThan(cac(order[i]!));
    const lastSix = c.customers.filter((x) => x.createdDate > '2025-06-30').length / c.customers.length;
    expect(lastSix).toBeCloseTo(0.08, 2);
  });

  it('sets monthly targets for every rep and month, and reps differ', () => {
    const months = new Set(c.targets.map((t) => t.month));
    expect(months.size).toBe(36);
    const reps = new Map(c.reps.map((r) => [r.id, r]));
    for (const t of c.targets) {
      expect(reps.has(t.repId)).toBe(true);
      expect(t.month).toMatch(/^20\d\d-(0[1-9]|1[0-2])$/);
      expect(t.amount).toBeGreaterThanOrEqual(0);
    }
    const full = c.reps.filter((r) => r.hireDate < c.windowStart);
    for (const r of full) expect(c.targets.filter((t) => t.repId === r.id)).toHaveLength(36);
    const byRep = new Map(c.truth.reps.byRep.map((r) => [r.id, r]));
    const best = byRep.get(c.truth.reps.plantedBest.id)!;
    const worst = byRep.get(c.truth.reps.plantedWorst.id)!;
    expect(best.winRate!).toBeGreaterThan(worst.winRate!);
    expect(best.interactionsPerCustomerMonth).toBeGreaterThan(worst.interactionsPerCustomerMonth);
    const attainments = c.truth.reps.byRep.filter((r) => !r.newHire).map((r) => r.attainmentFinalYear!);
    expect(Math.max(...attainments)).toBeGreaterThan(1.1);
    expect(Math.min(...attainments)).toBeLessThan(0.9);
  });

  it('estimates share of wallet consistently', () => {
    const revenue = new Map<string, number>();
    for (const l of c.orderLines) revenue.set(`${l.customerId}/${l.date.slice(0, 4)}`, (revenue.get(`${l.customerId}/${l.date.slice(0, 4)}`) ?? 0) + l.amount);
    const groups = new Map<string, { total: number; rivals: number }>();
    for (const w of c.wallet) {
      const key = `${w.customerId}/${w.year}`;
      const g = groups.get(key) ?? { total: w.totalWallet, rivals: 0 };
      expect(g.total).toBe(w.totalWallet);
      g.rivals += w.competitorAmount;
      groups.set(key, g);
    }
    for (const [key, g] of groups) {
      const ours = Math.max(0, revenue.get(key) ?? 0);
      expect(Math.abs(g.total - ours - g.rivals)).toBeLessThanOrEqual(g.total * 0.01 + 500);
    }
  });

  it('plants a handful of dirty order rows', () => {
    const kinds = c.dirtyRows.map((d) => d.kind);
    expect(new Set(kinds)).toEqual(new Set(['impossible_date', 'text_amount', 'duplicate', 'yuan_symbol_amount', 'wan_amount']));
    expect(c.dirtyRows.length / c.orderLines.length).toBeLessThan(0.005);
    for (const d of c.dirtyRows) {
      const line = c.orderLines[d.lineIndex]!;
      expect([line.orderId, line.lineNo]).toEqual([d.orderId, d.lineNo]);
      if (d.expected === 'valid') expect(d.value).toBe(line.amount);
    }
    expect(c.dirtyRows.find((d) => d.kind === 'impossible_date')!.written).toMatch(/^20\d\d\/2\/30$/);
    expect(c.dirtyRows.find((d) => d.kind === 'wan_amount')!.written).toMatch(/^\d+(\.\d)?万$/);
    expect(c.dirtyRows.find((d) => d.kind === 'yuan_symbol_amount')!.written).toMatch(/^¥\d{1,3}(,\d{3})*\.\d\d$/);
    expect(c.dirtyRows.find((d) => d.kind === 'text_amount')!.written).toMatch(/^约\d+$/);
  });
});

describe('generateDemo with 50 customers', () => {
  it('still plants every kind of truth', () => {
    const c = generateDemo({ seed: 3, customers: 50 });
    expect(c.customers).toHaveLength(50);
    expect(c.truth.churn.churned).toHaveLength(6);
    expect(c.truth.churn.atRisk).toHaveLength(3);
    expect(c.truth.churn.healthy.length).toBeGreaterThan(20);
    expect(c.dirtyRows.length).toBeGreaterThan(0);
    expect(c.dirtyRows.length / c.orderLines.length).toBeLessThan(0.005);
    expect(c.truth.funnel.wonOpportunityOrders.length).toBeGreaterThan(0);
  });
});
