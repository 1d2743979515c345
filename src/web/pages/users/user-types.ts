/** A user as GET /api/users lists them, and a one-time password just given, to be shown once. */
import type { Role } from '../../../access/roles.js';

export interface UserRow {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string | null;
  readonly role: Role;
  readonly repId: string | null;
  readonly team: string | null;
  readonly mustChangePassword: boolean;
  readonly disabled: boolean;
}

export interface IssuedPassword {
  readonly username: string;
  readonly oneTimePassword: string;
  readonly reason: 'added' | 'reset';
}
