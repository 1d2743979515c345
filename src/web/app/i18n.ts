/**
 * The user's language: follows the browser at first, switchable, remembered.
 * Each page keeps its own words beside it (a Catalogue) and reads them with useT.
 */
import { createContext, useCallback, useContext } from 'react';
import { format, type Catalogue, type Lang, type Params } from '../../i18n/i18n.js';
import { tierLabel } from '../../i18n/tier-labels.js';

export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh-CN', setLang: () => undefined });

export function useLang() {
  return useContext(LangContext);
}

export function initialLang(stored: string | null, browser: readonly string[]): Lang {
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const first = browser[0]?.toLowerCase() ?? 'zh-cn';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export function useT<K extends string>(catalogue: Catalogue<K>) {
  const { lang } = useLang();
  return useCallback((key: K, params?: Params) => format(catalogue[lang][key], params), [catalogue, lang]);
}

/** A tier, segment or class code in the user's words. */
export function useTierLabel() {
  const { lang } = useLang();
  return useCallback((code: string | null | undefined) => (code ? tierLabel(code, lang) : '–'), [lang]);
}
