/**
 * Canonical values for the few fields analytics branch on, with the words
 * Chinese and English files use for them. A value not listed is kept as
 * written: it is the user's vocabulary, not an error.
 */
import type { EnumName } from './field-catalog.js';

export const enumSynonyms: Readonly<Record<EnumName, Readonly<Record<string, readonly string[]>>>> = {
  interaction_type: {
    visit: ['拜访', '上门拜访', '面访', '上门', 'visit', 'site visit'],
    call: ['电话', '电话沟通', '致电', 'call', 'phone', 'phone call'],
    email: ['邮件', '电子邮件', 'email', 'e-mail', 'mail'],
    meeting: ['会议', '线上会议', '视频会议', 'meeting'],
    quote: ['报价', '询价', 'quote', 'quotation'],
    demo: ['演示', '产品演示', 'demo', 'demonstration'],
    wechat: ['微信', 'wechat'],
  },
  gender: {
    male: ['男', '男性', 'm', 'male', 'man'],
    female: ['女', '女性', 'f', 'female', 'woman'],
  },
  opportunity_status: {
    won: ['赢单', '成交', '已成交', '签约', '已签约', 'won', 'closed won', 'win'],
    lost: ['输单', '丢单', '失败', '已丢单', '流失', 'lost', 'closed lost', 'loss'],
    open: ['进行中', '跟进中', '未关闭', 'open', 'in progress', 'active'],
  },
  order_status: {
    completed: ['已完成', '完成', '已成交', '成功', '交易成功', '已签收', 'completed', 'complete', 'done', 'closed'],
    cancelled: ['已取消', '取消', '交易关闭', 'cancelled', 'canceled'],
    returned: ['已退货', '退货', '退款', '已退款', 'returned', 'refunded'],
    unpaid: ['待付款', '未付款', 'unpaid', 'pending payment'],
    pending: ['待发货', '已发货', '处理中', 'pending', 'processing', 'shipped'],
  },
  decision_complexity: {
    simple: ['简单', '低', 'simple', 'low'],
    normal: ['一般', '中', '中等', 'normal', 'medium', 'moderate'],
    complex: ['复杂', '高', 'complex', 'high'],
  },
  demand_type: {
    new_project: ['新项目采购', '新项目', '新购', 'new project', 'new'],
    replenishment: ['日常补货', '补货', '复购', '日常采购', 'replenishment', 'reorder', 'repeat'],
    upgrade: ['设备升级', '升级', '改造', 'upgrade', 'retrofit'],
  },
};

/** Stage names that mean the deal is over, whatever the funnel calls its stages. */
export const wonStageWords: readonly string[] = ['成交', '赢单', '签约', 'won', 'closed won', 'win'];
export const lostStageWords: readonly string[] = ['输单', '丢单', '失败', 'lost', 'closed lost'];
