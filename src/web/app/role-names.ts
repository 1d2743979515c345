/** Role names in the user's words, wherever a role is shown (who is signed in, the users page, a page closed to a role). */
import { useCallback } from 'react';
import { isRole, type Role } from '../../access/roles.js';
import type { Catalogue } from '../../i18n/i18n.js';
import { useT } from './i18n.js';

const m: Catalogue<Role> = {
  'zh-CN': { admin: '管理员', manager: '经理', analyst: '分析师', rep: '销售', auditor: '审计' },
  en: { admin: 'admin', manager: 'manager', analyst: 'analyst', rep: 'rep', auditor: 'auditor' },
};

export function useRoleName() {
  const t = useT(m);
  // The session names its role as a plain string: one the app does not know is shown as it is.
  return useCallback((role: string) => (isRole(role) ? t(role) : role), [t]);
}
