/**
 * A report or analysis limited to some customers: "region=华东,industry=制造业".
 * Keys are customer attributes; values match exactly (a rep by id or name).
 * Parsing returns problems as values; the SQL is built here and nowhere else.
 */
import { quoteLiteral as lit } from '../store/engine.js';

export type ScopeKey = 'region' | 'industry' | 'size' | 'rep' | 'team';
export const scopeKeys: readonly ScopeKey[] = ['region', 'industry', 'size', 'rep', 'team'];
export type AnalysisScope = Readonly<Partial<Record<ScopeKey, string>>>;

/** Chinese names accepted for the keys, as users write them. */
const aliases: Readonly<Record<string, ScopeKey>> = { 区域: 'region', 地区: 'region', 行业: 'industry', 规模: 'size', 企业规模: 'size', 销售: 'rep', 负责人: 'rep', 团队: 'team' };

export type ScopeParse = { readonly ok: true; readonly scope: AnalysisScope } | { readonly ok: false; readonly part: string };

export function parseScope(text: string): ScopeParse {
  const scope: Partial<Record<ScopeKey, string>> = {};
  for (const raw of text.split(/[,，;；]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const m = /^([^=＝:：]+)[=＝:：](.+)$/.exec(part);
    const key = m ? (aliases[m[1]!.trim()] ?? (scopeKeys as readonly string[]).find((k) => k === m[1]!.trim().toLowerCase())) : undefined;
    if (!m || key === undefined || m[2]!.trim() === '') return { ok: false, part };
    scope[key as ScopeKey] = m[2]!.trim();
  }
  if (Object.keys(scope).length === 0) return { ok: false, part: text };
  return { ok: true, scope };
}

/** The customers in scope: a relation (customer_id). */
export function scopeSql(scope: AnalysisScope): string {
  const where = scopeKeys.flatMap((k) => {
    const v = scope[k];
    if (v === undefined) return [];
    if (k === 'rep') return [`(c.rep_id = ${lit(v)} OR c.rep_id IN (SELECT rep_id FROM reps WHERE name = ${lit(v)}))`];
    if (k === 'team') return [`c.rep_id IN (SELECT rep_id FROM reps WHERE team = ${lit(v)})`];
    return [`c.${k} = ${lit(v)}`];
  });
  return `SELECT c.customer_id FROM customers c WHERE ${where.length > 0 ? where.join(' AND ') : 'TRUE'}`;
}

/** Canonical text of a scope ("industry=制造业,region=华东"), stored with the snapshot and compared to find it again. */
export function scopeKey(scope: AnalysisScope | undefined): string | null {
  if (scope === undefined) return null;
  const parts = scopeKeys.filter((k) => scope[k] !== undefined).map((k) => `${k}=${scope[k]}`);
  return parts.length === 0 ? null : parts.join(',');
}
