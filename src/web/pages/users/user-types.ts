/** A user as GET /api/users lists them, what GET /api/users/scopes offers, and a one-time password just given, to be shown once. */
import type { User } from '../../../access/roles.js';

export type UserRow = User;

/** The rep ids (with names) and teams a rep or manager can be given. */
export interface ScopeOptions {
  readonly reps: readonly { readonly id: string; readonly name: string | null }[];
  readonly teams: readonly string[];
}

export interface IssuedPassword {
  readonly username: string;
  readonly oneTimePassword: string;
  readonly reason: 'added' | 'reset';
}
