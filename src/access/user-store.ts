/** Users in the store: added with a one-time password, listed, given a new password, disabled. Rows become Users here. */
import { forgetSessions } from './session-store.js';
import type { Queryable } from '../store/engine.js';
import { hashPassword } from './password-hash.js';
import type { Role, ScopeOptions, User } from './roles.js';

export interface NewUser {
  readonly username: string;
  readonly displayName?: string;
  readonly role: Role;
  readonly repId?: string;
  readonly team?: string;
}

const columns = `user_id AS "userId", username, display_name AS "displayName", role, rep_id AS "repId", team, must_change_password AS "mustChangePassword", disabled`;
const stamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export async function findUser(db: Queryable, username: string): Promise<(User & { passwordHash: string }) | null> {
  const [row] = await db.query<User & { passwordHash: string }>(`SELECT ${columns}, password_hash AS "passwordHash" FROM users WHERE username = $1`, [username]);
  return row ?? null;
}

export async function userById(db: Queryable, userId: number): Promise<User | null> {
  const [row] = await db.query<User>(`SELECT ${columns} FROM users WHERE user_id = $1`, [userId]);
  return row ?? null;
}

export async function listUsers(db: Queryable): Promise<User[]> {
  return db.query<User>(`SELECT ${columns} FROM users ORDER BY username`);
}

export async function countUsers(db: Queryable): Promise<number> {
  return Number((await db.query<{ n: bigint }>('SELECT count(*) AS n FROM users'))[0]?.n ?? 0);
}

/** Where a user's scope can point: rep ids (of reps, or named on customers) or teams. */
const scopeValues = {
  rep: 'SELECT rep_id AS v FROM reps UNION SELECT rep_id FROM customers WHERE rep_id IS NOT NULL',
  team: 'SELECT DISTINCT team AS v FROM reps WHERE team IS NOT NULL',
} as const;

export interface ScopeCheck {
  readonly found: boolean;
  /** Up to five values the data has, to suggest when `found` is false. */
  readonly examples: readonly string[];
  readonly total: number;
}

/** Whether a rep id or team is in the data: a user scoped to one that is not would see nothing. */
export async function checkScope(db: Queryable, kind: keyof typeof scopeValues, value: string): Promise<ScopeCheck> {
  const [hit] = await db.query<{ n: bigint }>(`SELECT count(*) AS n FROM (${scopeValues[kind]}) s WHERE v = $1`, [value]);
  if (Number(hit?.n ?? 0) > 0) return { found: true, examples: [], total: 0 };
  const rows = await db.query<{ v: string; total: bigint }>(`SELECT v, count(*) OVER () AS total FROM (${scopeValues[kind]}) s ORDER BY v LIMIT 5`);
  return { found: false, examples: rows.map((r) => r.v), total: Number(rows[0]?.total ?? 0) };
}

/** Every rep id (with the rep's name where the reps table has one) and team checkScope accepts: offered as they are checked. */
export async function scopeOptions(db: Queryable): Promise<ScopeOptions> {
  // The reps table has no key: one name per rep id.
  const reps = await db.query<{ id: string; name: string | null }>(
    `SELECT s.v AS id, n.name FROM (${scopeValues.rep}) s LEFT JOIN (SELECT rep_id, min(name) AS name FROM reps GROUP BY rep_id) n ON n.rep_id = s.v ORDER BY id`,
  );
  const teams = await db.query<{ v: string }>(`SELECT v FROM (${scopeValues.team}) s ORDER BY v`);
  return { reps, teams: teams.map((t) => t.v) };
}

/** Adds a user whose password must be changed at first sign-in. */
export async function addUser(db: Queryable, user: NewUser, password: string, now: Date): Promise<User> {
  const passwordHash = await hashPassword(password);
  await db.run(
    `INSERT INTO users VALUES (nextval('user_seq'), $1, $2, $3, $4, $5, $6, true, false, $7::TIMESTAMP, $7::TIMESTAMP)`,
    [user.username, user.displayName ?? null, user.role, user.repId ?? null, user.team ?? null, passwordHash, stamp(now)],
  );
  // The row as a User: the hash stays in the store.
  const [row] = await db.query<User>(`SELECT ${columns} FROM users WHERE username = $1`, [user.username]);
  return row!;
}

/** Sets a password; `oneTime` marks it to be changed at the next sign-in. Ends the user's sessions. */
export async function setPassword(db: Queryable, userId: number, password: string, oneTime: boolean, now: Date): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.run('UPDATE users SET password_hash = $1, must_change_password = $2, updated_at = $3::TIMESTAMP WHERE user_id = $4', [passwordHash, oneTime, stamp(now), userId]);
  forgetSessions({ userId });
  await db.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Disables a user and ends their sessions. */
export async function disableUser(db: Queryable, userId: number, now: Date): Promise<void> {
  await db.run('UPDATE users SET disabled = true, updated_at = $1::TIMESTAMP WHERE user_id = $2', [stamp(now), userId]);
  forgetSessions({ userId });
  await db.run('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

/** Lets a disabled user sign in again, with the password they had. */
export async function enableUser(db: Queryable, userId: number, now: Date): Promise<void> {
  await db.run('UPDATE users SET disabled = false, updated_at = $1::TIMESTAMP WHERE user_id = $2', [stamp(now), userId]);
}

export async function logAccess(
  db: Queryable,
  entry: { userId: number | null; username: string; action: string; customerId?: string; fields?: readonly string[]; client?: string },
  now: Date,
): Promise<void> {
  await db.run('INSERT INTO access_log (logged_at, user_id, username, action, customer_id, fields, client) VALUES ($1::TIMESTAMP, $2, $3, $4, $5, $6, $7)', [
    stamp(now),
    entry.userId,
    entry.username,
    entry.action,
    entry.customerId ?? null,
    entry.fields ? entry.fields.join(',') : null,
    entry.client ?? null,
  ]);
}

/**
 * Failed sign-ins of a name from an address since `since`, not counting those
 * before its last successful one (those logged in the same millisecond as it
 * do count: the safe side). Kept in the store, so every app process
 * sharing it counts the same failures.
 */
export async function failedSignIns(db: Queryable, username: string, client: string, since: Date): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*) AS n FROM access_log
     WHERE action = 'login_failed' AND username = $1 AND client = $2
       AND logged_at >= greatest(CAST($3 AS TIMESTAMP), coalesce(
         (SELECT max(logged_at) FROM access_log WHERE action = 'login' AND username = $1 AND client = $2), CAST($3 AS TIMESTAMP)))`,
    [username, client, stamp(since)],
  );
  return Number(row?.n ?? 0);
}
