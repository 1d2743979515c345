/** Numbers, money and dates written the way the user's locale writes them. */
import type { Lang } from './i18n.js';

export function formatInteger(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(n);
}

export function formatNumber(n: number, lang: Lang, digits = 2): string {
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(n);
}

/** ¥1,234,567.89 in both languages: the currency is the company's, not the reader's. */
export function formatMoney(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' }).format(n);
}

export function formatPercent(ratio: number, lang: Lang, digits = 1): string {
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}

/** 2024年3月5日 / Mar 5, 2024 from an ISO date; no time zone shift. */
export function formatDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (lang === 'zh-CN') return `${y}年${m}月${d}日`;
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}
