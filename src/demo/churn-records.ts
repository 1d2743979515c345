/**
 * The company's own churn log: it notices only ~70% of the customers it lost,
 * some months after their last order, and files the reason it was told.
 */
import type { CustomerTimeline } from './customer-timeline.js';
import type { ChurnReason } from './customers.js';
import type { ChurnRow } from './demo-company.js';
import { isoOf, type Day } from './day.js';
import { competitors, competitorWeights } from './industries.js';
import type { Rng } from '../domain/rng.js';

export const recordedChurnShare = 0.7;

const explanations: Readonly<Record<ChurnReason, readonly string[]>> = {
  价格: ['客户认为我司价格高于市场水平，转向低价供应商。', '年度招标中我司报价未进入短名单。', '客户压缩采购预算，要求降价未果。'],
  竞争对手: ['客户已与{competitor}签订年度框架协议。', '{competitor}提供了更优惠的整体方案，客户切换供应商。', '客户新产线全部采用{competitor}产品。'],
  服务响应慢: ['多次故障处理不及时，客户对服务失去信心。', '技术支持响应慢导致停机损失，客户更换供应商。'],
  质量问题: ['{product}批量故障后客户暂停采购。', '质量问题整改未达客户要求，客户终止合作。'],
  需求变化: ['客户产线调整，相关采购需求取消。', '客户业务收缩，暂停自动化投入。', '客户工厂搬迁，新厂由集团统一采购。'],
  交付延迟: ['连续多次交付延误，客户转向交期更短的供应商。', '关键项目交期不满足，客户改用其他品牌。'],
};

export function generateChurnRecords(rng: Rng, timelines: readonly CustomerTimeline[], end: Day): ChurnRow[] {
  const churned = timelines.filter((t) => t.plan.segment === 'churned');
  const recordable = churned.filter((t) => t.churnDay !== null && t.churnDay <= end);
  const count = Math.min(recordable.length, Math.round(churned.length * recordedChurnShare));
  return rng
    .sample(recordable, count)
    .sort((a, b) => a.churnDay! - b.churnDay! || a.plan.index - b.plan.index)
    .map((t) => {
      const reason = t.plan.reason!;
      const product = t.orders[t.orders.length - 1]?.lines[0]?.product.name ?? '产品';
      const text = rng
        .pick(explanations[reason])
        .replace('{competitor}', rng.weighted(competitors, competitorWeights(t.plan.industry.name)))
        .replace('{product}', product);
      const recent = end - t.churnDay! < 90;
      const winBack = rng.choose<string>(recent ? [['挽回中', 0.6], ['挽回失败', 0.3], ['放弃挽回', 0.1]] : [['挽回失败', 0.65], ['放弃挽回', 0.3], ['挽回中', 0.05]]);
      return { customerId: t.plan.id, date: isoOf(t.churnDay!), reason, reasonText: text, winBackStatus: winBack };
    });
}
