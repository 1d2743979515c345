/**
 * API tests act as a signed-in person: a user of the given role is created
 * with a password chosen here (no default anywhere), signs in through
 * POST /api/session, and every inject carries the session cookie and CSRF token.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../src/access/roles.js';
import { addUser, setPassword } from '../../src/access/user-store.js';
import type { Queryable } from '../../src/store/engine.js';

export interface SignedIn {
  readonly headers: Readonly<Record<string, string>>;
  readonly username: string;
  readonly password: string;
}

let counter = 0;

export async function createUser(db: Queryable, role: Role, scope: { repId?: string; team?: string } = {}): Promise<{ username: string; password: string }> {
  const username = `${role}-${++counter}-${randomBytes(3).toString('hex')}`;
  const password = `Pw-${randomBytes(9).toString('base64url')}`;
  const user = await addUser(db, { username, role, ...scope }, password, new Date());
  await setPassword(db, user.userId, password, false, new Date());
  return { username, password };
}

export async function signIn(app: FastifyInstance, db: Queryable, role: Role, scope: { repId?: string; team?: string } = {}): Promise<SignedIn> {
  const { username, password } = await createUser(db, role, scope);
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (r.statusCode !== 200) throw new Error(`sign-in failed: ${r.body}`);
  const cookie = String(r.headers['set-cookie']).split(';')[0]!;
  return { headers: { cookie, 'x-csrf-token': (r.json() as { csrfToken: string }).csrfToken }, username, password };
}

/** The app as the signed-in person sees it: every inject carries their session. */
export function actingAs(app: FastifyInstance, who: SignedIn): FastifyInstance {
  return new Proxy(app, {
    get(target, prop, receiver) {
      if (prop !== 'inject') {
        const v = Reflect.get(target, prop, receiver) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (opts: InjectOptions) => target.inject({ ...opts, headers: { ...who.headers, ...(opts.headers ?? {}) } });
    },
  });
}
