/**
 * Role names in the user's words, wherever a role is shown to a person: who
 * is signed in, the users page, and a refusal that names the caller's role.
 * The command line keeps the codes, which are what its --role flag takes.
 */
import { isRole, type Role } from '../access/roles.js';
import type { Catalogue, Lang } from './i18n.js';

export const roleNames: Catalogue<Role> = {
  'zh-CN': { admin: '管理员', manager: '经理', analyst: '分析师', rep: '销售', auditor: '审计' },
  en: { admin: 'admin', manager: 'manager', analyst: 'analyst', rep: 'rep', auditor: 'auditor' },
};

/** A session names its role as a plain string: one the app does not know is shown as it is. */
export function roleName(role: string, lang: Lang): string {
  return isRole(role) ? roleNames[lang][role] : role;
}
