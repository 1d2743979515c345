/** Names of the churn signals, as lists and the report show them. */
import type { SignalCode } from '../analytics/churn/churn-signals.js';
import type { Lang } from './i18n.js';

const labels: Readonly<Record<SignalCode, Readonly<Record<Lang, string>>>> = {
  recency: { en: 'overdue', 'zh-CN': '超期未购' },
  value: { en: 'falling value', 'zh-CN': '金额下滑' },
  competitor: { en: 'competitor contact', 'zh-CN': '接触竞品' },
  quote: { en: 'slower quotes', 'zh-CN': '报价变慢' },
  stalled: { en: 'stalled', 'zh-CN': '项目停滞' },
  complaints: { en: 'complaints', 'zh-CN': '投诉' },
  csat: { en: 'low satisfaction', 'zh-CN': '满意度低' },
  nps: { en: 'detractor', 'zh-CN': '贬损者' },
};

export function signalLabel(code: SignalCode, lang: Lang): string {
  return labels[code][lang];
}
