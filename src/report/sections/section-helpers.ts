/** Small shared pieces of the report sections: locale formatting and labels. */
import type { Lang } from '../../i18n/i18n.js';
import { joinList } from '../../i18n/i18n.js';
import { formatDate, formatInteger, formatMoney, formatPercent } from '../../i18n/number-format.js';
import { tierLabel } from '../../i18n/tier-labels.js';
import type { ReportSection } from '../report-model.js';

export const fmt = (lang: Lang) => ({
  int: (n: number) => formatInteger(n, lang),
  money: (n: number) => formatMoney(n, lang),
  pct: (x: number | null | undefined) => (x === null || x === undefined ? '—' : formatPercent(x, lang)),
  date: (iso: string) => formatDate(iso, lang),
  tier: (code: string) => tierLabel(code, lang),
  /** A list in running text: 甲、乙和丙 / a, b and c. */
  list: (items: readonly string[]) => {
    if (items.length <= 1) return items.join('');
    const head = joinList(items.slice(0, -1), lang);
    return `${head}${lang === 'zh-CN' ? '和' : ' and '}${items[items.length - 1]}`;
  },
  quote: (s: string) => (lang === 'zh-CN' ? `“${s}”` : `"${s}"`),
});

export function section(id: string, title: string, parts: Partial<Omit<ReportSection, 'id' | 'title'>>): ReportSection {
  return { id, title, paragraphs: parts.paragraphs ?? [], charts: parts.charts ?? [], tables: parts.tables ?? [] };
}
