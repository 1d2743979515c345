/** Amounts in the unit the user picked (元, 万元, 亿元) and dates in the user's locale. */
import { createContext, useContext } from 'react';
import type { Lang } from '../../i18n/i18n.js';

export type MoneyUnit = 'yuan' | 'wan' | 'yi';
export const moneyUnits: readonly MoneyUnit[] = ['yuan', 'wan', 'yi'];
const factor: Record<MoneyUnit, number> = { yuan: 1, wan: 1e4, yi: 1e8 };
const unitName: Record<MoneyUnit, { 'zh-CN': string; en: string }> = {
  yuan: { 'zh-CN': '元', en: '¥' },
  wan: { 'zh-CN': '万元', en: '¥10k' },
  yi: { 'zh-CN': '亿元', en: '¥100M' },
};

export function unitLabel(unit: MoneyUnit, lang: Lang): string {
  return unitName[unit][lang];
}

export function formatMoney(value: number | null | undefined, unit: MoneyUnit, lang: Lang): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const scaled = value / factor[unit];
  // Small amounts in 万元/亿元 keep their significant digits instead of showing 0.00.
  const digits = unit === 'yuan' ? 0 : Math.abs(scaled) < 0.1 && scaled !== 0 ? 4 : 2;
  const n = scaled.toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return lang === 'zh-CN' ? `${n} ${unitName[unit]['zh-CN']}` : `${n} ${unitName[unit].en}`;
}

export function formatPercent(value: number | null | undefined, lang: Lang, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return (value * 100).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }) + '%';
}

export function formatNumber(value: number | null | undefined, lang: Lang, digits = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return value.toLocaleString(lang, { maximumFractionDigits: digits });
}

export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '–';
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(lang, { timeZone: 'UTC', year: 'numeric', month: lang === 'zh-CN' ? 'long' : 'short', day: 'numeric' });
}

export const MoneyContext = createContext<{ unit: MoneyUnit; setUnit: (u: MoneyUnit) => void }>({ unit: 'wan', setUnit: () => undefined });

export function useMoney() {
  return useContext(MoneyContext);
}
