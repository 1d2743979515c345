/**
 * The door of every route: the session cookie opens a session (or not), the
 * route's declared roles admit the caller (or not), and a state-changing
 * request must carry the session's CSRF token. Headers every answer carries
 * are set here too.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { resumeSession, type ActiveSession } from '../access/session-store.js';
import type { Queryable } from '../store/engine.js';
import { ApiError } from './api-error.js';
import type { Access } from './route-spec.js';

export const sessionCookie = 'salescope_session';

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decoded(v.join('='));
  }
  return null;
}

/** A cookie we never set (%zz) is no session, not a crash: the caller is asked to sign in. */
function decoded(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

export function sessionCookieHeader(token: string | null, secure: boolean, maxAgeSeconds: number): string {
  const attrs = [`${sessionCookie}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${token === null ? 0 : maxAgeSeconds}`];
  if (secure) attrs.push('Secure');
  return attrs.join('; ');
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session the request's cookie opens, if any. */
export async function requestSession(db: Queryable, req: FastifyRequest, now: Date): Promise<{ token: string | null; session: ActiveSession | null }> {
  const token = cookieValue(req.headers.cookie, sessionCookie);
  return { token, session: token === null ? null : await resumeSession(db, token, now) };
}

/** The caller's session, checked against what the route admits; throws 401/403 as values the error translator words. */
export async function admit(db: Queryable, req: FastifyRequest, access: Access, now: Date, controlToken?: string): Promise<ActiveSession | null> {
  if (access === 'public') return null;
  if (access === 'control') {
    if (!sameSecret(req.headers['x-salescope-control'], controlToken)) throw new ApiError(403, 'control_only');
    return null;
  }
  const { session } = await requestSession(db, req, now);
  if (session === null) throw new ApiError(401, 'signed_out');
  if (!access.includes(session.principal.role)) throw new ApiError(403, 'forbidden', { role: session.principal.role });
  if (!safeMethods.has(req.method) && req.headers['x-csrf-token'] !== session.csrfToken) throw new ApiError(403, 'csrf');
  // Until the one-time password is replaced, the session may do nothing else.
  if (session.mustChangePassword) throw new ApiError(403, 'password_change_required');
  return session;
}

function sameSecret(given: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof given !== 'string' || expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What every answer says about itself to the browser. */
export function securityHeaders(reply: FastifyReply): void {
  void reply
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('permissions-policy', 'camera=(), microphone=(), geolocation=()')
    .header(
      'content-security-policy',
      // Ant Design writes its styles at run time, hence inline styles; scripts only from this server.
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
    );
}
