/**
 * Server-side sessions. The cookie holds a random 256-bit token; the store
 * keeps only its SHA-256, so a copy of the database opens no session. A
 * session ends after 30 idle minutes, 12 hours after sign-in, at sign-out,
 * or when the user is disabled or given a new password.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../store/engine.js';
import type { Principal } from './roles.js';
import { isRole } from './roles.js';

export const sessionLimits = { idleMinutes: 30, absoluteHours: 12 } as const;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const stamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * Every request reads its session; remembering it for a few seconds saves
 * that query on most of them. On a DuckDB file only this process changes
 * sessions and users (the store is locked to it), and every change here
 * forgets what it touches, so a sign-out or a disabled user takes effect at
 * once. A team store on PostgreSQL is shared by several app processes, whose
 * changes this one never hears of: there every request reads the store.
 */
const remembered = new Map<string, { readonly session: ActiveSession; readonly lastSeen: number; readonly created: number; readonly until: number }>();
const rememberMs = 5_000;

/** Forgets sessions after a change to them or their user. */
export function forgetSessions(which: { readonly token?: string; readonly userId?: number }): void {
  if (which.token !== undefined) remembered.delete(digest(which.token));
  if (which.userId !== undefined) for (const [k, v] of remembered) if (v.session.principal.userId === which.userId) remembered.delete(k);
}

export interface NewSession {
  readonly token: string;
  readonly csrfToken: string;
}

export async function startSession(db: Queryable, userId: number, now: Date): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db.run('INSERT INTO sessions VALUES ($1, $2, $3, $4::TIMESTAMP, $4::TIMESTAMP)', [digest(token), userId, csrfToken, stamp(now)]);
  return { token, csrfToken };
}

export interface ActiveSession {
  readonly principal: Principal;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
}

/** The session a token opens, touched; null when unknown, expired or its user disabled (an expired one is removed). */
export async function resumeSession(db: Queryable, token: string, now: Date): Promise<ActiveSession | null> {
  const key = digest(token);
  const remember = db.dialect === 'duckdb';
  const hit = remembered.get(key);
  const at = now.getTime();
  // A remembered session still needs its limits checked, and a touch once a minute goes to the store.
  if (hit && remember && at < hit.until && at - hit.lastSeen <= 60_000 && at - hit.created <= sessionLimits.absoluteHours * 3_600_000) return hit.session;
  remembered.delete(key);
  const [row] = await db.query<{ user_id: number; username: string; role: string; rep_id: string | null; team: string | null; csrf_token: string; created_at: string; last_seen_at: string; disabled: boolean; must_change_password: boolean }>(
    `SELECT s.user_id, u.username, u.role, u.rep_id, u.team, s.csrf_token, CAST(s.created_at AS VARCHAR) AS created_at, CAST(s.last_seen_at AS VARCHAR) AS last_seen_at, u.disabled, u.must_change_password
     FROM sessions s JOIN users u USING (user_id) WHERE s.token_hash = $1`,
    [digest(token)],
  );
  if (!row) return null;
  const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}Z`);
  const idle = now.getTime() - t(row.last_seen_at) > sessionLimits.idleMinutes * 60_000;
  const old = now.getTime() - t(row.created_at) > sessionLimits.absoluteHours * 3_600_000;
  if (idle || old || row.disabled || !isRole(row.role)) {
    await endSession(db, token);
    return null;
  }
  // Touching at most once a minute keeps reads from writing on every request.
  const touched = now.getTime() - t(row.last_seen_at) > 60_000;
  if (touched) await db.run('UPDATE sessions SET last_seen_at = $1::TIMESTAMP WHERE token_hash = $2', [stamp(now), key]);
  const session: ActiveSession = {
    principal: { userId: Number(row.user_id), username: row.username, role: row.role, repId: row.rep_id, team: row.team },
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
  };
  if (remember) remembered.set(key, { session, lastSeen: touched ? at : t(row.last_seen_at), created: t(row.created_at), until: at + rememberMs });
  return session;
}

export async function endSession(db: Queryable, token: string): Promise<void> {
  forgetSessions({ token });
  await db.run('DELETE FROM sessions WHERE token_hash = $1', [digest(token)]);
}
