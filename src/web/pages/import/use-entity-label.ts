/** The data types the intake knows, named in the user's language (from GET /api/imports/entities). */
import { useCallback } from 'react';
import { useLang } from '../../app/i18n.js';
import { useApi } from '../../app/use-api.js';

export interface EntityChoice {
  name: string;
  label: { 'zh-CN': string; en: string };
}

export function useEntities(): { choices: EntityChoice[]; label: (name: string | null) => string } {
  const { lang } = useLang();
  const entities = useApi<EntityChoice[]>('/api/imports/entities');
  const choices = entities.data ?? [];
  const label = useCallback((name: string | null) => (name === null ? '–' : (choices.find((e) => e.name === name)?.label[lang] ?? name)), [choices, lang]);
  return { choices, label };
}
