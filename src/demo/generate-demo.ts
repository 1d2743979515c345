/**
 * generateDemo: the whole demo company from a seed, purely. Reference data
 * first, then each customer's life (timeline, contacts, feedback) from its
 * own random stream, then the company-wide tables that summarise those lives
 * (ids in date order, targets, wallet estimates, the churn log), the dirty
 * rows and the truths.
 */
import { assembleComplaints, assembleDeals, assembleInteractions, assembleNps, assembleOrders, assembleSurveys, assembleTickets } from './assemble-rows.js';
import { promotionsIn } from './calendar-effects.js';
import { costCampaigns, planCampaigns, type Campaign } from './campaigns.js';
import { generateChurnRecords } from './churn-records.js';
import { complaintsFor } from './complaints.js';
import { buildTimeline, type CustomerTimeline } from './customer-timeline.js';
import { generateCustomers, type CustomerPlan } from './customers.js';
import { addMonths, dayOf, isoOf, type Day } from './day.js';
import type { CampaignRow, CustomerRow, DemoCompany, DemoOptions, ProductRow, RepRow } from './demo-company.js';
import { planDirtyRows } from './dirty-rows.js';
import { npsFor, surveysFor } from './feedback.js';
import { interactionsFor } from './interactions.js';
import { Catalogue } from './order-lines.js';
import { generateProducts, type Product } from './products.js';
import { generateReps, type Rep } from './reps.js';
import { revenueLedger } from './revenue-ledger.js';
import { Rng } from '../domain/rng.js';
import { generateTargets } from './targets.js';
import { ticketsFor } from './tickets.js';
import { computeTruth } from './truth.js';
import { generateWallet } from './wallet.js';

export const demoDefaults = { customers: 2000, endDate: '2025-12-31', years: 3 } as const;

export function resolveDemoOptions(options: DemoOptions): Required<DemoOptions> {
  const resolved = {
    seed: options.seed,
    customers: options.customers ?? demoDefaults.customers,
    endDate: options.endDate ?? demoDefaults.endDate,
    years: options.years ?? demoDefaults.years,
  };
  if (!Number.isInteger(resolved.seed)) throw new RangeError(`seed must be an integer: ${resolved.seed}`);
  if (!Number.isInteger(resolved.customers) || resolved.customers < 1) throw new RangeError(`customers must be a positive integer: ${resolved.customers}`);
  if (!Number.isInteger(resolved.years) || resolved.years < 1 || resolved.years > 10) throw new RangeError(`years must be 1..10: ${resolved.years}`);
  dayOf(resolved.endDate);
  return resolved;
}

export function generateDemo(options: DemoOptions): DemoCompany {
  const opts = resolveDemoOptions(options);
  const { seed } = opts;
  const end = dayOf(opts.endDate);
  const start = addMonths(end, -12 * opts.years) + 1;

  const repPlan = generateReps(Rng.derive(seed, 'reps'), start, end);
  const products = generateProducts(Rng.derive(seed, 'products'));
  const campaignPlans = planCampaigns(start, end);
  const plans = generateCustomers({ seed, count: opts.customers, start, end, reps: repPlan.reps, campaigns: campaignPlans });
  const ctx = { start, end, promotions: promotionsIn(start, end), catalogue: new Catalogue(products) };

  const timelines = plans.map((plan) => buildTimeline(Rng.derive(seed, 'timeline', plan.index), plan, ctx));
  // Each table is drawn from its own stream per customer and turned into rows at once, so only one table's drafts live at a time.
  const each = <T>(label: string, draw: (rng: Rng, t: CustomerTimeline) => readonly T[]) => timelines.map((t) => draw(Rng.derive(seed, label, t.plan.index), t));
  const interactions = assembleInteractions(timelines, each('interactions', interactionsFor));
  const surveys = assembleSurveys(timelines, each('surveys', (rng, t) => surveysFor(rng, t, start, end)));
  const nps = assembleNps(timelines, each('nps', (rng, t) => npsFor(rng, t, start, end)));
  const complaints = assembleComplaints(timelines, each('complaints', (rng, t) => complaintsFor(rng, t, end)));
  const tickets = assembleTickets(timelines, each('tickets', (rng, t) => ticketsFor(rng, t, end)));

  const { lines: orderLines, orderIds } = assembleOrders(timelines);
  const { opportunities, stageHistory } = assembleDeals(timelines, orderIds);
  const ledger = revenueLedger(orderLines);

  const churnRecords = generateChurnRecords(Rng.derive(seed, 'churn-records'), timelines, end);
  const recorded = new Set(churnRecords.map((c) => c.customerId));
  const customers = timelines.map((t) => customerRow(t, recorded.has(t.plan.id)));

  const acquiredBy = new Map<string, number>();
  for (const p of plans) if (p.campaign !== null) acquiredBy.set(p.campaign.id, (acquiredBy.get(p.campaign.id) ?? 0) + 1);
  const campaigns = costCampaigns(Rng.derive(seed, 'campaign-costs'), campaignPlans, acquiredBy);

  const months: string[] = [];
  for (let d: Day = start; d <= end; d = addMonths(d, 1)) months.push(isoOf(d).slice(0, 7));
  const targets = generateTargets(Rng.derive(seed, 'targets'), { reps: repPlan.reps, plans, ledger, months, start });
  const wallet = generateWallet(seed, timelines, ledger, [...new Set(months.map((m) => Number(m.slice(0, 4))))]);

  // Dirty rows go only where they cannot blur a planted truth: healthy customers' ordinary orders.
  const protectedOrders = new Set<string>();
  for (const t of timelines) {
    const first = t.orders[0];
    const last = t.orders[t.orders.length - 1];
    for (const o of t.orders) if (o === first || o === last || o.kind !== 'replenish' || t.plan.segment !== 'healthy') protectedOrders.add(orderIds.get(o)!);
  }
  const dirtyRows = planDirtyRows(Rng.derive(seed, 'dirty'), orderLines, (i) => {
    const line = orderLines[i]!;
    return line.status === '已完成' && !protectedOrders.has(line.orderId);
  });

  const company: Omit<DemoCompany, 'truth'> = {
    options: opts,
    windowStart: isoOf(start),
    windowEnd: isoOf(end),
    reps: repPlan.reps.map(repRow),
    products: products.map(productRow),
    campaigns: campaigns.map(campaignRow),
    customers,
    orderLines,
    opportunities,
    stageHistory,
    interactions,
    surveys,
    nps,
    complaints,
    tickets,
    targets,
    wallet,
    churnRecords,
    dirtyRows,
  };
  return { ...company, truth: computeTruth({ company, plans, timelines, repPlan, campaigns, ledger }) };
}

function repRow(r: Rep): RepRow {
  return { id: r.id, name: r.name, team: r.team, region: r.region, manager: r.manager, hireDate: isoOf(r.hireDay), email: r.email, phone: r.phone, status: r.status };
}

function productRow(p: Product): ProductRow {
  return { id: p.id, name: p.name, category: p.category, series: p.series, unit: p.unit, listPrice: p.listPrice, unitCost: p.unitCost, marginRate: p.marginRate };
}

function campaignRow(c: Campaign): CampaignRow {
  return { id: c.id, name: c.name, channel: c.channel, startDate: isoOf(c.start), endDate: isoOf(c.end), cost: c.cost, leads: c.leads };
}

function customerRow(t: CustomerTimeline, recordedLost: boolean): CustomerRow {
  const p: CustomerPlan = t.plan;
  return {
    id: p.id,
    name: p.name,
    industry: p.industry.name,
    size: p.size,
    employees: p.employees,
    province: p.province.full,
    city: p.city,
    region: p.province.region,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    contactEmail: p.contactEmail,
    repName: p.rep.name,
    level: p.level,
    decisionComplexity: p.complexity,
    acquisitionChannel: p.acquisitionChannel,
    acquisitionCampaignId: p.campaign?.id ?? null,
    createdDate: isoOf(p.createdDay),
    status: recordedLost ? '已流失' : t.orders.length > 0 ? '合作中' : '潜在客户',
  };
}
