/**
 * A churn signal's evidence as a sentence people can check ("no order for 69
 * days; usually every 27.5"). Shared by the web app and anything else that
 * shows signals; kept free of analytics imports so the browser bundle can use it.
 */
import { format, joinList, type Catalogue, type Lang } from './i18n.js';

export interface SignalLike {
  readonly code: string;
  readonly level: 'warn' | 'alert';
  readonly evidence: Readonly<Record<string, number | string | readonly string[]>>;
}

type Code = 'recency' | 'value' | 'competitor' | 'quote' | 'stalled' | 'complaints' | 'csat' | 'nps';

const sentences: Catalogue<Code> = {
  en: {
    recency: 'no order for {daysSince} days; usually one every {cycleDays} days ({ratio}× the cycle)',
    value: 'bought {recent} in the last two quarters against {before} in the two before ({change})',
    competitor: '{contacts} contact(s) with competitors: {competitors}',
    quote: 'quotes answered in {recentHours} h, up from {beforeHours} h ({ratio}×)',
    stalled: '{opportunities} stalled opportunity(ies), idle {idleDays} days; {projectReports} stalled project report(s)',
    complaints: '{complaints} complaint(s), {unresolved} unresolved',
    csat: 'average satisfaction score {meanScore}',
    nps: 'last NPS answer {lastScore} out of 10',
  },
  'zh-CN': {
    recency: '已 {daysSince} 天未下单，平常约每 {cycleDays} 天一单（周期的 {ratio} 倍）',
    value: '近两个季度采购 {recent}，之前两个季度 {before}（{change}）',
    competitor: '接触竞品 {contacts} 次：{competitors}',
    quote: '报价响应 {recentHours} 小时，之前 {beforeHours} 小时（{ratio} 倍）',
    stalled: '{opportunities} 个商机停滞，已 {idleDays} 天无进展；项目停滞报告 {projectReports} 条',
    complaints: '投诉 {complaints} 次，未解决 {unresolved} 次',
    csat: '满意度平均 {meanScore} 分',
    nps: '最近一次 NPS 打分 {lastScore}（满分 10）',
  },
};

const labels: Catalogue<Code> = {
  en: { recency: 'overdue', value: 'falling value', competitor: 'competitor contact', quote: 'slower quotes', stalled: 'stalled', complaints: 'complaints', csat: 'low satisfaction', nps: 'detractor' },
  'zh-CN': { recency: '超期未购', value: '金额下滑', competitor: '接触竞品', quote: '报价变慢', stalled: '项目停滞', complaints: '投诉', csat: '满意度低', nps: '贬损者' },
};

const isCode = (c: string): c is Code => c in labels.en;

export function signalName(code: string, lang: Lang): string {
  return isCode(code) ? labels[lang][code] : code;
}

export function signalEvidence(signal: SignalLike, lang: Lang): string {
  if (!isCode(signal.code)) return signal.code;
  const n = (v: unknown, digits = 1) => (typeof v === 'number' ? v.toLocaleString(lang, { maximumFractionDigits: digits }) : String(v ?? '–'));
  const e = signal.evidence;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) params[k] = Array.isArray(v) ? joinList(v, lang) : n(v);
  if (signal.code === 'value') {
    const money = (v: unknown) => (typeof v === 'number' ? (lang === 'zh-CN' ? `${n(v / 1e4, 1)} 万元` : `¥${n(v, 0)}`) : '–');
    const change = typeof e.change === 'number' ? e.change : 0;
    Object.assign(params, { recent: money(e.recent), before: money(e.before), change: `${change > 0 ? '+' : ''}${n(change * 100, 1)}%` });
  }
  return format(sentences[lang][signal.code], params);
}
