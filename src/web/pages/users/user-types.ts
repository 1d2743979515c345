/** A user as GET /api/users lists them, and a one-time password just given, to be shown once. */
import type { User } from '../../../access/roles.js';

export type UserRow = User;

export interface IssuedPassword {
  readonly username: string;
  readonly oneTimePassword: string;
  readonly reason: 'added' | 'reset';
}
