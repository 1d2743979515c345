/**
 * Who may do what. One place: routes declare the roles they admit, and data
 * scoping asks here which customers a person sees and whether they see
 * contact details unmasked.
 */
export type Role = 'admin' | 'manager' | 'analyst' | 'rep' | 'auditor';
export const roles: readonly Role[] = ['admin', 'manager', 'analyst', 'rep', 'auditor'];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The signed-in person a request acts for. */
export interface Principal {
  readonly userId: number;
  readonly username: string;
  readonly role: Role;
  /** A rep's own rep id. */
  readonly repId: string | null;
  /** A manager's team. */
  readonly team: string | null;
}

/** Someone who may sign in, as the store lists them (never with their password hash). */
export interface User {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly repId: string | null;
  readonly team: string | null;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
}

/** The rep ids (with the rep's name where known) and teams a rep or manager may be given, as the store checks them. */
export interface ScopeOptions {
  readonly reps: readonly { readonly id: string; readonly name: string | null }[];
  readonly teams: readonly string[];
}

/**
 * What a new user of `role` must be given to see any customer: a rep their
 * rep id, a manager a team; null when the role sees all. The command line
 * and the API word it each in their own terms (--rep, repId).
 */
export function scopeNeeded(role: Role, given: { readonly repId?: string | undefined; readonly team?: string | undefined }): 'repId' | 'team' | null {
  switch (role) {
    case 'rep':
      return given.repId ? null : 'repId';
    case 'manager':
      return given.team ? null : 'team';
    case 'admin':
    case 'analyst':
    case 'auditor':
      return null;
    default:
      return role satisfies never;
  }
}

/** Which customers a person sees: all, those of one rep, or those of one team's reps. */
export type CustomerScope = { readonly kind: 'all' } | { readonly kind: 'rep'; readonly repId: string } | { readonly kind: 'team'; readonly team: string } | { readonly kind: 'none' };

export function customerScope(p: Principal): CustomerScope {
  switch (p.role) {
    case 'admin':
    case 'analyst':
    case 'auditor':
      return { kind: 'all' };
    case 'manager':
      return p.team === null ? { kind: 'none' } : { kind: 'team', team: p.team };
    case 'rep':
      return p.repId === null ? { kind: 'none' } : { kind: 'rep', repId: p.repId };
    default:
      return p.role satisfies never;
  }
}

/** Contact details (name, phone, e-mail) unmasked, on request and logged: admins and managers (for their team). */
export function mayReveal(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

/** Changing data (tasks, settings, imports): everyone but the read-only auditor; settings and imports not reps. */
export const writers: readonly Role[] = ['admin', 'manager', 'analyst', 'rep'];
export const dataStewards: readonly Role[] = ['admin', 'manager', 'analyst'];
export const everyone: readonly Role[] = roles;
export const revealers: readonly Role[] = roles.filter(mayReveal);
