/**
 * Adding, resetting and disabling users, shared by the command line and the
 * app: what the store has to say about a new user comes back as a value
 * each edge words, and a new or reset password is made here, once.
 */
import type { Queryable } from '../store/engine.js';
import { oneTimePassword } from './password-hash.js';
import type { User } from './roles.js';
import { addUser, checkScope, disableUser, enableUser, findUser, setPassword, type NewUser } from './user-store.js';

/** Letters (Chinese characters too), digits, dots, dashes, underscores and @; no spaces. */
export const userNamePattern = /^[\p{L}\p{N}._@-]{1,100}$/u;

export type NewUserProblem =
  | { readonly code: 'exists' }
  | { readonly code: 'unknown_rep' | 'unknown_team'; readonly value: string; readonly examples: readonly string[]; readonly total: number }
  | { readonly code: 'no_reps'; readonly value: string };

/** Why the store cannot take this user (the name is taken, the rep or team is not in the data), or null. */
export async function newUserProblem(db: Queryable, user: NewUser): Promise<NewUserProblem | null> {
  if (await findUser(db, user.username)) return { code: 'exists' };
  const scopes = [
    ['rep', user.repId],
    ['team', user.team],
  ] as const;
  for (const [kind, value] of scopes) {
    if (value === undefined) continue;
    const check = await checkScope(db, kind, value);
    if (check.found) continue;
    if (check.total === 0) return { code: 'no_reps', value };
    return { code: kind === 'rep' ? 'unknown_rep' : 'unknown_team', value, examples: check.examples, total: check.total };
  }
  return null;
}

export type UserAdminResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: NewUserProblem };

/** Adds the user with a one-time password, returned once and stored only as a hash. */
export async function createUser(db: Queryable, user: NewUser, now: Date): Promise<UserAdminResult<{ user: User; password: string }>> {
  const problem = await newUserProblem(db, user);
  if (problem !== null) return { ok: false, problem };
  const password = oneTimePassword();
  return { ok: true, value: { user: await addUser(db, user, password, now), password } };
}

/** A new one-time password for an existing user (their sessions end), or null when there is no such user. */
export async function resetPassword(db: Queryable, username: string, now: Date): Promise<string | null> {
  const u = await findUser(db, username);
  if (!u) return null;
  const password = oneTimePassword();
  await setPassword(db, u.userId, password, true, now);
  return password;
}

/** Disables a user (their sessions end) or enables them again; false when there is no such user. */
export async function setDisabled(db: Queryable, username: string, disabled: boolean, now: Date): Promise<boolean> {
  const u = await findUser(db, username);
  if (!u) return false;
  await (disabled ? disableUser : enableUser)(db, u.userId, now);
  return true;
}
