/**
 * Signing in and out. A sign-in always starts a new session (the token
 * rotates, an old one the browser still held ends), failures are counted per
 * user name and address and slowed down, and a one-time password must be
 * replaced before anything else.
 */
import { z } from 'zod';
import { passwordProblem, verifyPassword } from '../../access/password-hash.js';
import { endSession, sessionLimits, startSession } from '../../access/session-store.js';
import { failedSignIns, findUser, logAccess, setPassword, userById } from '../../access/user-store.js';
import { ApiError } from '../api-error.js';
import { cookieValue, requestSession, sessionCookie, sessionCookieHeader } from '../access-guard.js';
import { CookieResult, noInput, route, type AppDeps } from '../route-spec.js';

const lang = z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict();
const maxAge = sessionLimits.absoluteHours * 3600;
const window = { failures: 5, minutes: 15 };

/** Refuses a name and address with too many recent failures; the count is the access log's, shared by every app process. */
async function throttle(deps: AppDeps, username: string, client: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - window.minutes * 60_000);
  if ((await failedSignIns(deps.store.engine, username, client, since)) >= window.failures) {
    throw new ApiError(429, 'too_many_logins', { minutes: window.minutes });
  }
}

const sessionView = (s: { principal: { username: string; role: string; repId: string | null; team: string | null }; csrfToken: string; mustChangePassword: boolean }) => ({
  username: s.principal.username,
  role: s.principal.role,
  repId: s.principal.repId,
  team: s.principal.team,
  csrfToken: s.csrfToken,
  mustChangePassword: s.mustChangePassword,
});

export const sessionRoutes = [
  route({
    method: 'POST',
    url: '/api/session',
    summary: 'Sign in with user name and password; sets the HttpOnly session cookie and answers with the CSRF token',
    access: 'public',
    query: lang,
    params: noInput,
    body: z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict(),
    handler: async ({ body, raw, deps }) => {
      const now = deps.now();
      await throttle(deps, body.username, raw.ip, now);
      const user = await findUser(deps.store.engine, body.username);
      const ok = user !== null && !user.disabled && (await verifyPassword(user.passwordHash, body.password));
      if (!ok || user === null) {
        await logAccess(deps.store.engine, { userId: user?.userId ?? null, username: body.username, action: 'login_failed', client: raw.ip }, now);
        throw new ApiError(401, 'bad_login');
      }
      const old = cookieValue(raw.headers.cookie, sessionCookie);
      if (old !== null) await endSession(deps.store.engine, old);
      const s = await startSession(deps.store.engine, user.userId, now);
      await logAccess(deps.store.engine, { userId: user.userId, username: user.username, action: 'login', client: raw.ip }, now);
      const view = { username: user.username, role: user.role, repId: user.repId, team: user.team, csrfToken: s.csrfToken, mustChangePassword: user.mustChangePassword };
      return new CookieResult(view, sessionCookieHeader(s.token, deps.secureCookies === true, maxAge));
    },
  }),
  route({
    method: 'GET',
    url: '/api/session',
    summary: 'Who is signed in (with the CSRF token for changes), or 401',
    access: 'public',
    query: lang,
    params: noInput,
    handler: async ({ raw, deps }) => {
      const { session: s } = await requestSession(deps.store.engine, raw, deps.now());
      if (s === null) throw new ApiError(401, 'signed_out');
      return sessionView(s);
    },
  }),
  route({
    method: 'DELETE',
    url: '/api/session',
    summary: 'Sign out: the session ends on the server and the cookie is cleared',
    access: 'public',
    query: lang,
    params: noInput,
    handler: async ({ raw, deps }) => {
      const { token, session: s } = await requestSession(deps.store.engine, raw, deps.now());
      if (token !== null) await endSession(deps.store.engine, token);
      if (s) await logAccess(deps.store.engine, { userId: s.principal.userId, username: s.principal.username, action: 'logout' }, deps.now());
      return new CookieResult({ signedOut: true }, sessionCookieHeader(null, deps.secureCookies === true, 0));
    },
  }),
  route({
    method: 'PUT',
    url: '/api/session/password',
    summary: 'Change one\'s own password (the one-time password first of all); every session of the user ends and a new one starts',
    access: 'public',
    query: lang,
    params: noInput,
    body: z.object({ current: z.string().min(1).max(200), next: z.string().min(1).max(200) }).strict(),
    handler: async ({ body, raw, deps }) => {
      const { session: s } = await requestSession(deps.store.engine, raw, deps.now());
      if (s === null) throw new ApiError(401, 'signed_out');
      if (raw.headers['x-csrf-token'] !== s.csrfToken) throw new ApiError(403, 'csrf');
      const user = await findUser(deps.store.engine, s.principal.username);
      if (!user || !(await verifyPassword(user.passwordHash, body.current))) throw new ApiError(401, 'bad_login');
      if (passwordProblem(body.next) !== null || body.next === body.current) throw new ApiError(400, 'weak_password');
      await setPassword(deps.store.engine, user.userId, body.next, false, deps.now());
      const fresh = await startSession(deps.store.engine, user.userId, deps.now());
      const u = (await userById(deps.store.engine, user.userId))!;
      return new CookieResult(
        { username: u.username, role: u.role, repId: u.repId, team: u.team, csrfToken: fresh.csrfToken, mustChangePassword: false },
        sessionCookieHeader(fresh.token, deps.secureCookies === true, maxAge),
      );
    },
  }),
];
