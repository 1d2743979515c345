/** A user as GET /api/users lists them, what GET /api/users/scopes offers, and a one-time password just given, to be shown once. */
import type { ScopeOptions, User } from '../../../access/roles.js';

export type UserRow = User;
export type { ScopeOptions };

export interface IssuedPassword {
  readonly username: string;
  readonly oneTimePassword: string;
  readonly reason: 'added' | 'reset';
}
