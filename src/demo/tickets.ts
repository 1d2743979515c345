/**
 * After-sale service tickets: installation after project deliveries, plus
 * repairs, questions, maintenance, upgrades and training in proportion to a
 * customer's installed base. Drifting customers over service or quality wait
 * longer and rate the service lower.
 */
import { inSignal, type CustomerTimeline } from './customer-timeline.js';
import type { Day } from './day.js';
import type { Rng } from '../domain/rng.js';

export type TicketType = '安装调试' | '故障维修' | '技术咨询' | '定期保养' | '软件升级' | '操作培训';
export type Priority = '低' | '中' | '高' | '紧急';
export type TicketStatus = '已关闭' | '处理中' | '待处理';

export interface StoryTicket {
  readonly day: Day;
  readonly closedDay: Day | null;
  readonly type: TicketType;
  readonly priority: Priority;
  readonly status: TicketStatus;
  readonly rating: number | null;
}

const sizeRate: Readonly<Record<string, number>> = { 大型: 2.5, 中型: 1.5, 小型: 0.8, 微型: 0.4 };
const resolveDays: Readonly<Record<Priority, number>> = { 紧急: 1.5, 高: 3, 中: 5, 低: 8 };

export function ticketsFor(rng: Rng, tl: CustomerTimeline, end: Day): StoryTicket[] {
  const first = tl.orders[0];
  if (first === undefined) return [];
  const drafts: { day: Day; type: TicketType }[] = [];
  for (const o of tl.orders) {
    const installable = o.kind !== 'replenish' && o.lines.some((l) => l.product.category === '工业机器人' || l.product.category === 'PLC控制器' || l.product.category === '工控软件');
    if (installable && rng.chance(0.6)) drafts.push({ day: o.day + rng.int(7, 30), type: '安装调试' });
  }
  const from = first.day + 3;
  const routine = rng.poisson((sizeRate[tl.plan.size] ?? 1) * Math.max(0, (tl.activeTo - from) / 365));
  for (let i = 0; i < routine; i++) {
    drafts.push({ day: rng.int(from, tl.activeTo), type: rng.choose<TicketType>([['故障维修', 0.3], ['技术咨询', 0.25], ['定期保养', 0.2], ['软件升级', 0.1], ['操作培训', 0.15]]) });
  }
  const signal = tl.signal;
  if (signal !== null && signal.reason === '质量问题') {
    const a = Math.max(from, signal.start);
    const b = Math.min(tl.activeTo, signal.end);
    if (a <= b) for (let i = rng.poisson(3 * ((b - a) / 365)) + 1; i > 0; i--) drafts.push({ day: rng.int(a, b), type: '故障维修' });
  }
  return drafts
    .filter((d) => d.day <= end && d.day <= tl.activeTo)
    .sort((a, b) => a.day - b.day)
    .map(({ day, type }) => {
      const priority = rng.choose<Priority>(type === '故障维修' ? [['低', 0.1], ['中', 0.35], ['高', 0.35], ['紧急', 0.2]] : [['低', 0.3], ['中', 0.48], ['高', 0.18], ['紧急', 0.04]]);
      const slowed = inSignal(signal, day) && (signal!.reason === '服务响应慢' || signal!.reason === '质量问题');
      const closedDay = day + Math.max(0, Math.round(rng.gammaMean(resolveDays[priority] * (slowed ? 2.5 : 1), 0.6)));
      if (closedDay > end) return { day, closedDay: null, type, priority, status: day >= end - 3 ? '待处理' : '处理中', rating: null };
      const drifting = inSignal(signal, day);
      const rating = rng.chance(0.15) ? null : Math.round(Math.min(5, Math.max(1, rng.normal(drifting ? 2.8 : 4.3, drifting ? 0.8 : 0.7))));
      return { day, closedDay, type, priority, status: '已关闭', rating };
    });
}
