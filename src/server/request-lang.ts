/** The caller's language: ?lang=, else the first language of Accept-Language we speak, else the app's default. */
import type { Lang } from '../i18n/i18n.js';

export function requestLang(query: unknown, acceptLanguage: string | undefined, fallback: Lang): Lang {
  const explicit = typeof query === 'object' && query !== null ? (query as Record<string, unknown>).lang : undefined;
  const tags = [typeof explicit === 'string' ? explicit : '', ...(acceptLanguage ?? '').split(',').map((t) => t.split(';')[0]!.trim())];
  for (const tag of tags) {
    const t = tag.toLowerCase();
    if (t.startsWith('zh')) return 'zh-CN';
    if (t.startsWith('en')) return 'en';
  }
  return fallback;
}
