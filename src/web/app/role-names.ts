/** Role names in the user's words (i18n/role-names.ts), as a hook for the pages. */
import { useCallback } from 'react';
import { roleName } from '../../i18n/role-names.js';
import { useLang } from './i18n.js';

export function useRoleName() {
  const { lang } = useLang();
  return useCallback((role: string) => roleName(role, lang), [lang]);
}
