/**
 * Strings live in per-area catalogues (intake, cli …) that give every key in
 * both languages; the type system refuses a catalogue missing one.
 */
export type Lang = 'zh-CN' | 'en';
export const langs: readonly Lang[] = ['zh-CN', 'en'];

export type Catalogue<K extends string> = { readonly [L in Lang]: { readonly [key in K]: string } };
export type Params = Readonly<Record<string, string | number | null | undefined>>;

/** Fills {name} placeholders; a missing parameter stays visible rather than vanishing. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** Names in a run, joined the language's way: 甲、乙、丙 but "a, b, c". */
export function joinList(items: readonly string[], lang: Lang): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

/** Clauses of one message joined the language's way: 甲；乙 but "a; b". */
export function joinClauses(parts: readonly string[], lang: Lang): string {
  return parts.join(lang === 'zh-CN' ? '；' : '; ');
}

export function translator<K extends string>(catalogue: Catalogue<K>, lang: Lang) {
  return (key: K, params?: Params): string => format(catalogue[lang][key], params);
}

export function isLang(value: string): value is Lang {
  return (langs as readonly string[]).includes(value);
}

/**
 * The user's language: an explicit choice, else the environment's locale
 * (LC_ALL, LC_MESSAGES, LANG), else Chinese when the locale is Chinese, else English.
 */
export function resolveLang(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (explicit !== undefined) {
    const normalised = explicit.toLowerCase().startsWith('zh') ? 'zh-CN' : explicit.toLowerCase().startsWith('en') ? 'en' : explicit;
    if (isLang(normalised)) return normalised;
  }
  const locale = env.SALESCOPE_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
