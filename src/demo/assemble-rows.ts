/**
 * Turns every customer's drafts into table rows: ids are handed out in date
 * order across customers (SO202403050012 is the 12th order of that day), as
 * the CRM/ERP would have numbered them.
 */
import type { StoryComplaint } from './complaints.js';
import type { CustomerTimeline, StoryDeal, StoryOrder } from './customer-timeline.js';
import { isoOf, type Day } from './day.js';
import type { ComplaintRow, InteractionRow, NpsRow, OpportunityRow, OrderLineRow, StageHistoryRow, SurveyRow, TicketRow } from './demo-company.js';
import type { StoryNps, StorySurvey } from './feedback.js';
import type { StoryInteraction } from './interactions.js';
import type { StoryTicket } from './tickets.js';

/** All customers' items by day, then customer, then position: the order ids are handed out in. */
function inDateOrder<T>(perCustomer: readonly (readonly T[])[], dayOfItem: (item: T) => Day): { item: T; customer: number }[] {
  const all: { item: T; customer: number; seq: number; day: Day }[] = [];
  perCustomer.forEach((items, customer) => items.forEach((item, seq) => all.push({ item, customer, seq, day: dayOfItem(item) })));
  all.sort((a, b) => a.day - b.day || a.customer - b.customer || a.seq - b.seq);
  return all;
}

/** Sequence numbers per key (a day, a month, a year), each counting from 1. */
function counter(): (key: string) => number {
  const counts = new Map<string, number>();
  return (key) => {
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    return n;
  };
}

function compact(iso: string): string {
  return iso.replace(/-/g, '');
}

export function assembleOrders(timelines: readonly CustomerTimeline[]): { lines: OrderLineRow[]; orderIds: Map<StoryOrder, string> } {
  const orderIds = new Map<StoryOrder, string>();
  const lines: OrderLineRow[] = [];
  const next = counter();
  for (const { item: order, customer } of inDateOrder(timelines.map((t) => t.orders), (o) => o.day)) {
    const plan = timelines[customer]!.plan;
    const date = isoOf(order.day);
    const orderId = `SO${compact(date)}${String(next(date)).padStart(4, '0')}`;
    orderIds.set(order, orderId);
    // Rows are spelled out field by field, not spread from a common part: spread objects this wide are built slowly and held loosely.
    const line = (lineNo: number, lineDate: string, l: StoryOrder['lines'][number], quantity: number, status: OrderLineRow['status']): OrderLineRow => ({
      orderId,
      lineNo,
      date: lineDate,
      customerId: plan.id,
      productId: l.product.id,
      productName: l.product.name,
      category: l.product.category,
      quantity,
      unitPrice: l.product.listPrice,
      discount: l.discount,
      amount: Math.sign(quantity) * cents(Math.abs(quantity) * l.product.listPrice * (1 - (l.discount ?? 0))),
      cost: Math.sign(quantity) * cents(Math.abs(quantity) * l.product.unitCost),
      repName: plan.rep.name,
      channel: order.channel,
      promotion: order.promotion,
      demandType: order.demandType,
      status,
    });
    order.lines.forEach((l, k) => lines.push(line(k + 1, date, l, l.quantity, '已完成')));
    if (order.returned !== null) {
      lines.push(line(order.lines.length + 1, isoOf(order.returned.day), order.lines[order.returned.line]!, -order.returned.quantity, '已退货'));
    }
  }
  return { lines, orderIds };
}

function cents(x: number): number {
  return Math.round(x * 100) / 100;
}

export function assembleDeals(timelines: readonly CustomerTimeline[], orderIds: ReadonlyMap<StoryOrder, string>): { opportunities: OpportunityRow[]; stageHistory: StageHistoryRow[] } {
  const opportunities: OpportunityRow[] = [];
  const stageHistory: StageHistoryRow[] = [];
  const next = counter();
  for (const { item: deal, customer } of inDateOrder<StoryDeal>(timelines.map((t) => t.deals), (d) => d.path.visits[0]!.day)) {
    const plan = timelines[customer]!.plan;
    const { path } = deal;
    const created = isoOf(path.visits[0]!.day);
    const year = created.slice(0, 4);
    const id = `SJ${year}${String(next(year)).padStart(5, '0')}`;
    const current = path.visits[path.visits.length - 1]!;
    opportunities.push({
      id,
      customerId: plan.id,
      name: deal.name,
      repName: plan.rep.name,
      product: deal.category,
      leadSource: deal.leadSource,
      region: plan.province.region,
      stage: current.stage,
      status: path.outcome === 'won' ? '赢单' : path.outcome === 'lost' ? '输单' : '进行中',
      expectedAmount: deal.amount,
      createdDate: created,
      stageDate: isoOf(current.day),
      expectedCloseDate: isoOf(path.expectedCloseDay),
      closeDate: path.closeDay === null ? null : isoOf(path.closeDay),
      lostReason: path.lostReason,
      competitor: path.competitor,
      orderId: deal.order === null ? null : orderIds.get(deal.order) ?? null,
      acquisition: deal.acquisition,
    });
    for (const v of path.visits) stageHistory.push({ opportunityId: id, stage: v.stage, date: isoOf(v.day) });
  }
  return { opportunities, stageHistory };
}

export function assembleInteractions(timelines: readonly CustomerTimeline[], drafts: readonly (readonly StoryInteraction[])[]): InteractionRow[] {
  let n = 0;
  return inDateOrder(drafts, (i) => i.day).map(({ item: i, customer }) => {
    const plan = timelines[customer]!.plan;
    return {
      id: `GJ${String(++n).padStart(8, '0')}`,
      customerId: plan.id,
      repName: plan.rep.name,
      type: i.type,
      date: isoOf(i.day),
      responseHours: i.responseHours,
      competitor: i.competitor,
      project: i.project,
      projectStatus: i.projectStatus,
      notes: i.notes,
    };
  });
}

export function assembleSurveys(timelines: readonly CustomerTimeline[], drafts: readonly (readonly StorySurvey[])[]): SurveyRow[] {
  const next = counter();
  return inDateOrder(drafts, (s) => s.day).flatMap(({ item: s, customer }) => {
    const date = isoOf(s.day);
    const month = compact(date).slice(0, 6);
    const questionnaire = `SV${month}${String(next(month)).padStart(4, '0')}`;
    // One row per item, so each row needs its own id: questionnaire number + item number.
    return s.answers.map((a, k) => ({ id: `${questionnaire}-${k + 1}`, customerId: timelines[customer]!.plan.id, date, item: a.item, score: a.score, importance: a.importance }));
  });
}

export function assembleNps(timelines: readonly CustomerTimeline[], drafts: readonly (readonly StoryNps[])[]): NpsRow[] {
  const next = counter();
  return inDateOrder(drafts, (s) => s.day).map(({ item: s, customer }) => {
    const date = isoOf(s.day);
    const year = date.slice(0, 4);
    return { id: `NPS${year}${String(next(year)).padStart(5, '0')}`, customerId: timelines[customer]!.plan.id, date, score: s.score, comment: s.comment };
  });
}

export function assembleComplaints(timelines: readonly CustomerTimeline[], drafts: readonly (readonly StoryComplaint[])[]): ComplaintRow[] {
  const next = counter();
  return inDateOrder(drafts, (c) => c.day).map(({ item: c, customer }) => {
    const date = isoOf(c.day);
    const year = date.slice(0, 4);
    return {
      id: `TS${year}${String(next(year)).padStart(5, '0')}`,
      customerId: timelines[customer]!.plan.id,
      date,
      category: c.category,
      text: c.text,
      severity: c.severity,
      status: c.status,
      resolvedDate: c.resolvedDay === null ? null : isoOf(c.resolvedDay),
    };
  });
}

export function assembleTickets(timelines: readonly CustomerTimeline[], drafts: readonly (readonly StoryTicket[])[]): TicketRow[] {
  const next = counter();
  return inDateOrder(drafts, (t) => t.day).map(({ item: t, customer }) => {
    const date = isoOf(t.day);
    return {
      id: `GD${compact(date)}${String(next(date)).padStart(3, '0')}`,
      customerId: timelines[customer]!.plan.id,
      openedDate: date,
      closedDate: t.closedDay === null ? null : isoOf(t.closedDay),
      type: t.type,
      priority: t.priority,
      status: t.status,
      rating: t.rating,
    };
  });
}
