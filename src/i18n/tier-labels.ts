/** Names of tiers, segments and classes as people read them. */
import type { Lang } from './i18n.js';

const labels: Readonly<Record<string, { readonly en: string; readonly 'zh-CN': string }>> = {
  strategic: { en: 'Strategic', 'zh-CN': '战略客户' },
  high_value: { en: 'High value', 'zh-CN': '高价值客户' },
  potential: { en: 'Potential', 'zh-CN': '潜力客户' },
  long_tail: { en: 'Long tail', 'zh-CN': '长尾客户' },
  churn_risk: { en: 'Churn risk', 'zh-CN': '流失风险客户' },
  low_value: { en: 'Low value', 'zh-CN': '低价值客户' },
  Champions: { en: 'Champions', 'zh-CN': '冠军客户' },
  'Potential Loyalist': { en: 'Potential Loyalist', 'zh-CN': '潜在忠诚客户' },
  'Loyal Customers': { en: 'Loyal Customers', 'zh-CN': '忠诚客户' },
  Promising: { en: 'Promising', 'zh-CN': '有望客户' },
  'New Customers': { en: 'New Customers', 'zh-CN': '新客户' },
  "Can't Lose Them": { en: "Can't Lose Them", 'zh-CN': '不可流失客户' },
  'At Risk': { en: 'At Risk', 'zh-CN': '风险客户' },
  'Need Attention': { en: 'Need Attention', 'zh-CN': '需关注客户' },
  'About To Sleep': { en: 'About To Sleep', 'zh-CN': '即将沉睡客户' },
  Lost: { en: 'Lost', 'zh-CN': '已流失客户' },
  Others: { en: 'Others', 'zh-CN': '其他' },
  none: { en: '(none)', 'zh-CN': '（无）' },
};

export function tierLabel(code: string, lang: Lang): string {
  return labels[code]?.[lang] ?? code;
}

/** The code a person means by a tier or segment name in either language (case-insensitive), or null. */
export function tierCode(text: string): string | null {
  const wanted = text.trim().toLowerCase();
  for (const [code, names] of Object.entries(labels)) {
    if ([code, names.en, names['zh-CN']].some((n) => n.toLowerCase() === wanted)) return code;
  }
  return null;
}

/** Every tier or segment code, for messages that list what is accepted. */
export const tierCodes: readonly string[] = Object.keys(labels).filter((c) => c !== 'none');
