/**
 * The rep's follow-up log for one customer: contacts around every
 * opportunity stage, quotes before orders, and routine calls and visits.
 * In a warning period quotes are answered ever more slowly, competitors
 * come up, projects stall and the notes turn sour.
 */
import { inSignal, signalProgress, type CustomerTimeline, type StoryDeal } from './customer-timeline.js';
import type { ChurnReason } from './customers.js';
import type { Day } from './day.js';
import { competitors, competitorWeights, type Competitor } from './industries.js';
import type { Rng } from '../domain/rng.js';

export type InteractionType = '拜访' | '电话' | '邮件' | '会议' | '报价' | '演示';
export type ProjectStatus = '进行中' | '停滞' | '已完成' | '已取消';

export interface StoryInteraction {
  readonly day: Day;
  readonly type: InteractionType;
  readonly responseHours: number | null;
  readonly competitor: Competitor | null;
  readonly project: string | null;
  readonly projectStatus: ProjectStatus | null;
  readonly notes: string;
}

const routineNotes: Readonly<Record<Exclude<InteractionType, '报价' | '演示'>, readonly string[]>> = {
  电话: [
    '电话回访设备运行情况，客户反馈整体稳定。',
    '与采购确认{product}下批到货时间。',
    '客户咨询{product}的交期和库存情况。',
    '跟进上月订单的回款进度，客户表示月底安排付款。',
    '了解客户下季度的采购计划，预计需求平稳。',
    '客户询问{product}的替代型号，已发送对照表。',
  ],
  拜访: [
    '上门拜访设备部，了解产线运行情况和改造计划。',
    '拜访客户技术负责人，介绍{product}新品。',
    '陪同技术工程师现场巡检，客户对服务表示认可。',
    '与客户生产经理交流明年扩产计划。',
    '拜访采购经理，沟通年度框架协议续签事宜。',
  ],
  邮件: ['发送{product}产品资料和选型手册。', '邮件确认合同条款及付款方式。', '发送年度服务报告和备件清单建议。', '发送新品发布会邀请函。'],
  会议: ['参加客户季度供应商会议，沟通交付计划。', '与客户召开技术方案评审会。', '与客户工程部开会梳理设备点检计划。'],
};

const quoteNotes = ['根据客户询价提供{product}报价单。', '按客户需求调整配置后重新报价。', '客户补充采购清单，已更新报价。'];
const demoNotes = ['为客户工程师演示{product}的调试流程。', '现场演示组态软件功能，客户兴趣较高。', '在展厅为客户安排产品演示。'];

const signalNotes: Readonly<Record<ChurnReason, readonly string[]>> = {
  竞争对手: ['客户透露{competitor}报价低15%左右，正在比价。', '客户表示{competitor}已到现场做过技术交流。', '采购提到{competitor}给出了更长的质保期。', '客户在试用{competitor}的同类产品。'],
  价格: ['客户认为今年报价偏高，要求再降价。', '采购反馈预算压缩，价格成为主要障碍。', '客户要求按去年价格供货，否则暂停采购。'],
  服务响应慢: ['客户抱怨上次故障等了三天工程师才到现场。', '客户对报价回复太慢表示不满。', '客户反映技术支持电话经常无人接听。'],
  质量问题: ['客户反映{product}近期故障率偏高，要求出具分析报告。', '客户质量部门对来料批次提出质疑。', '客户要求对{product}全部进行复检。'],
  交付延迟: ['客户反映上批{product}交期延误，影响产线计划。', '客户要求提供交付保障方案，否则考虑其他供应商。', '客户催货多次，对交付表示失望。'],
  需求变化: ['客户产线调整，原定项目暂缓。', '客户表示明年采购计划大幅缩减。', '客户部分产能外迁，需求下降。'],
};
const driftNotes = ['客户联系人变更，新负责人态度冷淡。', '多次电话未接通，客户回复较慢。', '项目推进停滞，客户暂无明确时间表。', '客户表示近期没有采购需求。'];
const winBackNotes = ['流失客户回访，了解不再合作的原因。', '尝试提供专属优惠方案挽回客户，客户暂无意向。', '邀请客户参加新品发布会，客户婉拒。'];

const routineRate: Readonly<Record<string, number>> = { 大型: 1.5, 中型: 0.8, 小型: 0.4, 微型: 0.2 };

export function interactionsFor(rng: Rng, tl: CustomerTimeline): StoryInteraction[] {
  const { plan, signal } = tl;
  const out: StoryInteraction[] = [];
  const products = tl.orders.flatMap((o) => o.lines.map((l) => l.product.name));
  const productName = () => (products.length > 0 ? rng.pick(products) : `${plan.industry.name}自动化方案`);
  const competitor = () => rng.weighted(competitors, competitorWeights(plan.industry.name));
  const fill = (template: string, extra: { competitor?: string; project?: string; reason?: string } = {}) =>
    template
      .replace('{product}', template.includes('{product}') ? productName() : '')
      .replace('{competitor}', extra.competitor ?? '')
      .replace('{project}', extra.project ?? '')
      .replace('{reason}', extra.reason ?? '');
  const responseHours = (day: Day): number => {
    if (!inSignal(signal, day)) return Math.round(clamp(rng.lognormal(Math.log(20), 0.45), 2, 72));
    const slow = signal!.reason === '服务响应慢' ? 1.3 : 1;
    return Math.round(clamp(rng.lognormal(Math.log((28 + 62 * signalProgress(signal, day)) * slow), 0.25), 8, 240));
  };
  const within = (day: Day) => day >= tl.activeFrom && day <= tl.activeTo;

  for (const deal of tl.deals) out.push(...dealContacts(rng, tl, deal, fill, responseHours, within));

  for (const order of tl.orders) {
    if (order.kind === 'project' || !rng.chance(inSignal(signal, order.day) ? 0.5 : 0.35)) continue;
    const day = order.day - rng.int(1, 6);
    if (!within(day)) continue;
    out.push({ day, type: '报价', responseHours: responseHours(day), competitor: null, project: null, projectStatus: null, notes: fill(rng.pick(quoteNotes)) });
  }

  const months = (tl.activeTo - tl.activeFrom) / 30.4;
  const routine = rng.poisson((routineRate[plan.size] ?? 0.5) * plan.rep.activity * Math.max(0, months));
  const extra = signal === null ? 0 : rng.poisson(0.6 * Math.max(0, (Math.min(signal.end, tl.activeTo) - signal.start) / 30.4));
  const lastDeal = tl.deals[tl.deals.length - 1];
  for (let i = 0; i < routine + extra; i++) {
    const day = i < routine ? rng.int(tl.activeFrom, tl.activeTo) : rng.int(signal!.start, Math.min(signal!.end, tl.activeTo));
    const type = rng.choose<Exclude<InteractionType, '报价' | '演示'>>([['电话', 0.4], ['拜访', 0.3], ['邮件', 0.2], ['会议', 0.1]]);
    const lost = plan.segment === 'churned' && tl.lastOrderDay !== null && day > tl.lastOrderDay + 30;
    if (lost) {
      out.push({ day, type: type === '拜访' ? '拜访' : '电话', responseHours: null, competitor: rng.chance(0.5) ? competitor() : null, project: null, projectStatus: null, notes: rng.pick(winBackNotes) });
    } else if (inSignal(signal, day)) {
      const mentions = rng.chance(signal!.reason === '竞争对手' ? 0.6 : 0.3);
      const who = mentions ? competitor() : null;
      const template = who !== null ? rng.pick(signalNotes.竞争对手) : rng.chance(0.6) ? rng.pick(signalNotes[signal!.reason]) : rng.pick(driftNotes);
      const stalled = rng.chance(0.5);
      out.push({
        day,
        type,
        responseHours: null,
        competitor: who,
        project: stalled ? lastDeal?.name ?? `${plan.shortName}产线改造项目` : null,
        projectStatus: stalled ? '停滞' : null,
        notes: fill(template, { competitor: who ?? '' }),
      });
    } else {
      const who = rng.chance(0.04) ? competitor() : null;
      out.push({
        day,
        type,
        responseHours: null,
        competitor: who,
        project: null,
        projectStatus: null,
        notes: who !== null ? `客户提到也在了解${who}的产品，整体仍倾向我司。` : fill(rng.pick(routineNotes[type])),
      });
    }
  }
  return out.sort((a, b) => a.day - b.day);
}

type Fill = (template: string, extra?: { competitor?: string; project?: string; reason?: string }) => string;

function dealContacts(rng: Rng, tl: CustomerTimeline, deal: StoryDeal, fill: Fill, responseHours: (day: Day) => number, within: (day: Day) => boolean): StoryInteraction[] {
  const out: StoryInteraction[] = [];
  const project = deal.name;
  const mention = (day: Day) => (deal.path.competitor !== null && rng.chance(inSignal(tl.signal, day) ? 0.7 : 0.25) ? deal.path.competitor : null);
  const status = (day: Day): ProjectStatus => (inSignal(tl.signal, day) && rng.chance(0.6) ? '停滞' : '进行中');
  const add = (day: Day, type: InteractionType, projectStatus: ProjectStatus, notes: string, competitor: Competitor | null = null, hours: number | null = null) => {
    out.push({ day, type, responseHours: hours, competitor, project, projectStatus, notes });
  };
  const visits = deal.path.visits;
  visits.forEach((visit, i) => {
    const day = visit.day;
    if (!within(day)) return;
    switch (visit.stage) {
      case '线索':
        if (rng.chance(0.8)) add(day, '电话', '进行中', `初步沟通${project}需求，客户有意向了解方案。`);
        break;
      case '意向': {
        const demo = rng.chance(0.4);
        add(day, demo ? '演示' : '拜访', status(day), demo ? fill(rng.pick(demoNotes)) : `拜访客户，确认${project}的技术需求和预算。`);
        break;
      }
      case '商务洽谈': {
        add(day, '会议', status(day), `就${project}进行商务洽谈，讨论价格和付款条件。`, mention(day));
        // Negotiation drags on: reps keep chasing while the deal sits here.
        const until = (visits[i + 1]?.day ?? tl.activeTo) - 1;
        for (let d = day + rng.int(10, 20), n = 0; d <= until && n < 3; d += rng.int(12, 25), n++) {
          if (!within(d)) break;
          add(d, rng.chance(0.5) ? '电话' : '拜访', status(d), `跟进${project}商务条款，客户仍在内部审批。`, mention(d));
        }
        break;
      }
      case '报价':
        add(day, '报价', status(day), `提交${project}正式报价。`, mention(day), responseHours(day));
        break;
      case '成交':
        add(day, rng.chance(0.5) ? '拜访' : '电话', '已完成', `${project}签订合同，安排排产发货。`);
        break;
      case '输单': {
        const { lostReason, competitor } = deal.path;
        const lostTo = competitor !== null && (lostReason === '选择竞争对手' || lostReason === '价格过高') ? `，客户选择了${competitor}` : '';
        add(day, '电话', '已取消', `${project}未能中标，原因：${lostReason ?? '客户取消'}${lostTo}。`, competitor);
        break;
      }
    }
  });
  return out;
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
