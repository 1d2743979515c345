/**
 * People who may sign in, managed in the app by an administrator: the same
 * as `salescope user`, which cannot open a file store the running server
 * holds. A new user or a reset gets a one-time password, answered once and
 * stored only as a hash; every change is in the access log.
 */
import { z } from 'zod';
import { roles, scopeNeeded, type Principal, type Role } from '../../access/roles.js';
import { createUser, resetPassword, setDisabled, userNamePattern, type NewUserProblem } from '../../access/user-admin.js';
import { listUsers, logAccess, scopeOptions } from '../../access/user-store.js';
import { inputProblem } from '../../i18n/input-problems.js';
import type { Queryable } from '../../store/engine.js';
import { ApiError } from '../api-error.js';
import { langOnly, noInput, route, type AppDeps } from '../route-spec.js';

const admins = ['admin'] as const;
const nameParams = z.object({ username: z.string().min(1).max(100) });

const newUser = z
  .object({
    username: z.string().regex(userNamePattern, inputProblem('user_name')),
    role: z.enum(roles as [Role, ...Role[]]),
    repId: z.string().trim().min(1).max(100).optional(),
    team: z.string().trim().min(1).max(100).optional(),
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((u, ctx) => {
    const needed = scopeNeeded(u.role, u);
    if (needed !== null) ctx.addIssue({ code: 'custom', path: [needed], message: inputProblem(needed === 'repId' ? 'rep_needed' : 'team_needed') });
  });

function refused(problem: NewUserProblem, username: string): ApiError {
  switch (problem.code) {
    case 'exists':
      return new ApiError(409, 'user_exists', { username });
    case 'no_reps':
      return new ApiError(400, 'no_reps', { value: problem.value });
    case 'unknown_rep':
    case 'unknown_team':
      return new ApiError(400, problem.code, { value: problem.value, total: problem.total, examples: problem.examples.join(', ') });
    default:
      return problem satisfies never;
  }
}

/** Who did what to whom, in the access log (the user acted on in `fields`). */
async function logged(db: Queryable, who: Principal | null, action: 'user_add' | 'user_passwd' | 'user_disable' | 'user_enable', username: string, now: Date): Promise<void> {
  await logAccess(db, { userId: who?.userId ?? null, username: who?.username ?? '', action, fields: [username] }, now);
}

export const userRoutes = [
  route({
    method: 'GET',
    url: '/api/users',
    summary: 'Users with role, scope (rep id or team), state and whether their password is still a one-time one (administrators)',
    access: admins,
    query: langOnly,
    params: noInput,
    handler: async ({ deps }) => ({ users: await listUsers(deps.store.engine) }),
  }),
  route({
    method: 'GET',
    url: '/api/users/scopes',
    summary: 'The rep ids (with names) and teams a rep or manager can be given: those adding a user accepts (administrators)',
    access: admins,
    query: langOnly,
    params: noInput,
    handler: async ({ deps }) => scopeOptions(deps.store.engine.readers()),
  }),
  route({
    method: 'POST',
    url: '/api/users',
    summary: 'Add a user: a rep needs repId, a manager team, each as in the data; answers the one-time password once (administrators)',
    access: admins,
    query: langOnly,
    params: noInput,
    body: newUser,
    status: 201,
    handler: async ({ body, deps, principal }) =>
      deps.store.engine.transaction(async (tx) => {
        const { repId, team, displayName } = body;
        const user = { username: body.username, role: body.role, ...(repId ? { repId } : {}), ...(team ? { team } : {}), ...(displayName ? { displayName } : {}) };
        const r = await createUser(tx, user, deps.now());
        if (!r.ok) throw refused(r.problem, body.username);
        await logged(tx, principal, 'user_add', body.username, deps.now());
        return { user: r.value.user, oneTimePassword: r.value.password };
      }),
  }),
  route({
    method: 'POST',
    url: '/api/users/:username/password',
    summary: 'A new one-time password for a user, answered once; their sessions end (administrators)',
    access: admins,
    query: langOnly,
    params: nameParams,
    handler: async ({ params, deps, principal }) =>
      deps.store.engine.transaction(async (tx) => {
        const password = await resetPassword(tx, params.username, deps.now());
        if (password === null) throw new ApiError(404, 'unknown_user', { username: params.username });
        await logged(tx, principal, 'user_passwd', params.username, deps.now());
        return { username: params.username, oneTimePassword: password };
      }),
  }),
  route({
    method: 'POST',
    url: '/api/users/:username/disable',
    summary: 'Disable a user; their sessions end. Not oneself: an administrator cannot lock themselves out (administrators)',
    access: admins,
    query: langOnly,
    params: nameParams,
    handler: async ({ params, deps, principal }) => {
      if (params.username === principal?.username) throw new ApiError(400, 'cannot_disable_self');
      return switchUser(deps, principal, params.username, true);
    },
  }),
  route({
    method: 'POST',
    url: '/api/users/:username/enable',
    summary: 'Let a disabled user sign in again, with the password they had (administrators)',
    access: admins,
    query: langOnly,
    params: nameParams,
    handler: async ({ params, deps, principal }) => switchUser(deps, principal, params.username, false),
  }),
];

async function switchUser(deps: AppDeps, principal: Principal | null, username: string, disabled: boolean) {
  return deps.store.engine.transaction(async (tx) => {
    if (!(await setDisabled(tx, username, disabled, deps.now()))) throw new ApiError(404, 'unknown_user', { username });
    await logged(tx, principal, disabled ? 'user_disable' : 'user_enable', username, deps.now());
    return { username, disabled };
  });
}
