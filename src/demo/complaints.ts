/**
 * Complaints with natural Chinese text (for the text-mining feature):
 * sentences assembled from an opening, a category-specific body naming the
 * product, quantities and days late, and a demand. Drifting customers
 * complain far more, mostly about the thing driving them away.
 */
import { inSignal, type CustomerTimeline } from './customer-timeline.js';
import type { ChurnReason } from './customers.js';
import { monthOf, type Day } from './day.js';
import type { Rng } from '../domain/rng.js';

export const complaintCategories = ['交付延迟', '质量问题', '技术支持响应慢', '价格争议', '发票问题', '安装调试'] as const;
export type ComplaintCategory = (typeof complaintCategories)[number];
export type Severity = '一般' | '较重' | '严重';
export type ComplaintStatus = '已解决' | '已关闭' | '处理中' | '未解决';

const baseWeights = [0.28, 0.14, 0.22, 0.1, 0.12, 0.14];

/** The complaint a drifting customer makes about its reason; 需求变化 has none. */
export const complaintForReason: Readonly<Record<ChurnReason, ComplaintCategory | null>> = {
  价格: '价格争议',
  竞争对手: '价格争议',
  服务响应慢: '技术支持响应慢',
  质量问题: '质量问题',
  交付延迟: '交付延迟',
  需求变化: null,
};

const sizeRate: Readonly<Record<string, number>> = { 大型: 0.3, 中型: 0.2, 小型: 0.15, 微型: 0.09 };

export interface StoryComplaint {
  readonly day: Day;
  readonly category: ComplaintCategory;
  readonly text: string;
  readonly severity: Severity;
  readonly status: ComplaintStatus;
  readonly resolvedDay: Day | null;
}

const openings = ['客户反映', '客户投诉：', '采购部门反馈', '客户设备部来电称', '客户邮件投诉，', '客户质量部反馈', ''];
const closings = ['，要求尽快处理。', '，希望给出书面说明。', '，要求赔偿相应损失。', '，对此非常不满。', '。', '，请尽快安排人员跟进。', '，表示如再发生将考虑更换供应商。'];
const bodies: Readonly<Record<ComplaintCategory, readonly string[]>> = {
  交付延迟: [
    '{month}月订购的{qty}{unit}{product}比合同约定交期晚了{days}天到货，导致产线调试推迟',
    '{product}迟迟未发货，催问多次仍无明确到货时间',
    '{product}分批到货，剩余{qty}{unit}已延误{days}天',
    '项目急需的{product}交期从两周拖到{days}天',
  ],
  质量问题: [
    '{product}投入使用{days}天后出现故障，需要返厂检测',
    '新到的一批{product}中有{qty}{unit}开箱即损坏',
    '{product}运行中频繁报警，影响正常生产',
    '{product}出现批量性通讯中断问题',
  ],
  技术支持响应慢: [
    '设备故障报修后{days}天才有工程师到现场',
    '{product}参数调试问题咨询技术支持，{days}天未得到答复',
    '热线电话多次无人接听，{product}问题一直未解决',
    '远程支持排队时间过长，产线停机等待',
  ],
  价格争议: [
    '{product}本次报价比上次高出{pct}%，认为不合理',
    '发现同型号{product}在电商平台的价格更低',
    '合同约定的年度返利未兑现',
    '{product}涨价未提前通知',
  ],
  发票问题: ['{month}月订单的发票迟迟未开具，影响财务入账', '发票抬头开错，需要重新开具', '发票金额与合同金额不符，相差{amount}元'],
  安装调试: [
    '{product}安装后无法与现有系统通讯，调试耗时{days}天',
    '现场调试人员对{product}不熟悉，调试进度缓慢',
    '{product}说明书与实物不符，安装时出错',
  ],
};

export function complaintsFor(rng: Rng, tl: CustomerTimeline, end: Day): StoryComplaint[] {
  const first = tl.orders[0];
  if (first === undefined) return [];
  const from = first.day + 5;
  const to = tl.activeTo;
  if (from > to) return [];
  const { signal } = tl;
  const days: { day: Day; drifting: boolean }[] = [];
  const routine = rng.poisson((sizeRate[tl.plan.size] ?? 0.15) * ((to - from) / 365));
  for (let i = 0; i < routine; i++) days.push({ day: rng.int(from, to), drifting: false });
  const reasonCategory = signal === null ? null : complaintForReason[signal.reason];
  if (signal !== null) {
    const a = Math.max(from, signal.start);
    const b = Math.min(to, signal.end);
    if (a <= b) {
      const n = rng.poisson((reasonCategory === null ? 1 : 4) * ((b - a) / 365));
      for (let i = 0; i < n; i++) days.push({ day: rng.int(a, b), drifting: true });
      // The planted signal must show even for a short warning period.
      if (reasonCategory !== null && n === 0) days.push({ day: rng.int(a, b), drifting: true });
    }
  }
  return days
    .sort((x, y) => x.day - y.day)
    .map(({ day, drifting }) => {
      const signalled = drifting || inSignal(signal, day);
      const category: ComplaintCategory =
        signalled && reasonCategory !== null && rng.chance(0.75) ? reasonCategory : rng.weighted(complaintCategories, baseWeights);
      const severity = rng.choose<Severity>(signalled ? [['一般', 0.3], ['较重', 0.45], ['严重', 0.25]] : [['一般', 0.6], ['较重', 0.3], ['严重', 0.1]]);
      const resolveIn = Math.max(1, Math.round(rng.gammaMean(signalled ? 18 : 6, 0.7)));
      const unresolved = signalled && rng.chance(0.25);
      const resolvedDay = unresolved || day + resolveIn > end ? null : day + resolveIn;
      const status: ComplaintStatus = unresolved ? '未解决' : resolvedDay === null ? '处理中' : rng.chance(0.2) ? '已关闭' : '已解决';
      return { day, category, text: complaintText(rng, tl, day, category), severity, status, resolvedDay };
    });
}

function complaintText(rng: Rng, tl: CustomerTimeline, day: Day, category: ComplaintCategory): string {
  const recent = [...tl.orders].reverse().find((o) => o.day <= day) ?? tl.orders[0]!;
  const line = rng.pick(recent.lines);
  const body = rng
    .pick(bodies[category])
    .replace('{product}', line.product.name)
    .replace('{qty}', String(Math.max(1, Math.min(line.quantity, rng.int(1, 20)))))
    .replace('{unit}', line.product.unit)
    .replace('{days}', String(rng.int(3, 30)))
    .replace('{month}', String(monthOf(recent.day)))
    .replace('{pct}', String(rng.int(5, 20)))
    .replace('{amount}', String(rng.int(2, 80) * 100));
  return `${rng.pick(openings)}${body}${rng.pick(closings)}`;
}
