/**
 * The default playbook: for each customer group of the report's table 4, its
 * core traits, the strategy direction, concrete actions, the owner role and
 * the deadline. Both languages; a company edits its own copy (see
 * playbookSchema).
 */
import { z } from 'zod';
import type { Lang } from '../i18n/i18n.js';
import { zodMessages } from '../i18n/input-problems.js';

export type PlaybookGroup = 'strategic' | 'high_value' | 'potential' | 'churn_risk' | 'long_tail';
export const playbookGroups: readonly PlaybookGroup[] = ['strategic', 'high_value', 'potential', 'churn_risk', 'long_tail'];

const text = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) });

export const playbookEntrySchema = z.object({
  traits: text,
  direction: text,
  actions: z.array(text).min(1),
  owner: text,
  /** Days after the report date by which the actions are due; 'monthly' for a standing routine. */
  due: z.union([z.number().int().positive(), z.literal('monthly')]),
  expectedEffect: text,
});

export const playbookSchema = z.object(Object.fromEntries(playbookGroups.map((g) => [g, playbookEntrySchema])) as Record<PlaybookGroup, typeof playbookEntrySchema>);
export type Playbook = z.infer<typeof playbookSchema>;
export type PlaybookEntry = z.infer<typeof playbookEntrySchema>;

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

export const defaultPlaybook: Playbook = {
  strategic: {
    traits: t('采购额高、合作稳定、利润贡献大', 'Large, steady purchases and a large share of profit'),
    direction: t('深化合作、提升粘性', 'Deepen the partnership and lock in loyalty'),
    actions: [t('组建专属客户成功小组，每月上门回访 1 次', 'A dedicated customer-success team, visiting monthly'), t('新产品优先试用，年度联合规划', 'Priority trials of new products and a joint yearly plan')],
    owner: t('大客户经理', 'Key-account manager'),
    due: 'monthly',
    expectedEffect: t('保持续约率，年采购额增长 10%', 'Keep renewals and grow yearly purchases by 10%'),
  },
  high_value: {
    traits: t('采购金额较高，频次或近度尚有提升空间', 'High spend with room in frequency or recency'),
    direction: t('提升份额、扩大品类', 'Win a larger share and more categories'),
    actions: [t('每月回访 1 次，推荐关联品类', 'Monthly visit with cross-sell of related categories'), t('优先试用与技术交流', 'Priority trials and technical workshops')],
    owner: t('负责销售', 'Account rep'),
    due: 'monthly',
    expectedEffect: t('交叉销售带来新品类订单', 'New-category orders from cross-selling'),
  },
  potential: {
    traits: t('所在行业景气、企业规模较大，当前采购尚少', 'Growing industry and a large company, buying little so far'),
    direction: t('激活需求、促进复购', 'Activate demand and win repeat orders'),
    actions: [t('区域销售跟进，明确项目需求', 'Regional sales follow-up to qualify projects'), t('邀请参加行业交流会与定向活动', 'Invitations to industry events and targeted campaigns')],
    owner: t('区域销售经理', 'Regional sales manager'),
    due: 30,
    expectedEffect: t('30 日内形成新商机', 'New opportunities within 30 days'),
  },
  churn_risk: {
    traits: t('超出自身采购周期未下单，出现流失预警信号', 'Overdue against their own buying rhythm, with churn warning signals'),
    direction: t('挽留客户、挖掘原因', 'Win back and learn why'),
    actions: [t('电话沟通了解未采购原因', 'Call to learn why they stopped buying'), t('15 日内提供专属“回归优惠”方案', 'A win-back offer within 15 days')],
    owner: t('负责销售', 'Account rep'),
    due: 15,
    expectedEffect: t('挽回一半以上高风险客户', 'Win back at least half of the high-risk customers'),
  },
  long_tail: {
    traits: t('采购额小、频次低', 'Small and infrequent purchases'),
    direction: t('低成本维护、自助服务', 'Low-cost care and self-service'),
    actions: [t('自助下单与电子邮件营销', 'Self-service ordering and e-mail campaigns'), t('季度促销推送', 'Quarterly promotions')],
    owner: t('市场部', 'Marketing'),
    due: 90,
    expectedEffect: t('降低服务成本，保持复购', 'Lower cost to serve while keeping repeat orders'),
  },
};

export function entryText(entry: PlaybookEntry, lang: Lang) {
  return {
    traits: entry.traits[lang],
    direction: entry.direction[lang],
    actions: entry.actions.map((a) => a[lang]),
    owner: entry.owner[lang],
    expectedEffect: entry.expectedEffect[lang],
  };
}

/** A company's changes: any group may be given whole; the others keep the defaults. */
export const playbookPatchSchema = playbookSchema.partial().strict();

/** `lang`: the language zod's findings are worded in, should the patch be refused. */
export function mergePlaybook(base: Playbook, patch: unknown, lang: Lang = 'en'): Playbook {
  const given = playbookPatchSchema.parse(patch ?? {}, { error: zodMessages[lang] });
  return Object.fromEntries(playbookGroups.map((g) => [g, given[g] ?? base[g]])) as Playbook;
}
