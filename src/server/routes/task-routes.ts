/** Action-plan tasks: list, create in bulk for customers, edit with optimistic versioning. */
import { everyone, writers } from '../../access/roles.js';
import { z } from 'zod';
import { createTasks, listTasks, taskStatuses, unknownCustomers, updateTask } from '../../playbook/task-store.js';
import { ApiError } from '../api-error.js';
import { callerScope } from '../caller-scope.js';
import type { Principal } from '../../access/roles.js';
import { scopeSql } from '../../analytics/analysis-scope.js';
import { quoteLiteral as lit } from '../../store/engine.js';
import { isoDate, noInput, route } from '../route-spec.js';

const idParams = z.object({ id: z.coerce.number().int().min(1) });

/** The caller's customers as SQL, or undefined when they see everyone. */
function withinSql(principal: Principal | null): string | undefined {
  const scope = callerScope(principal);
  return Object.keys(scope).length === 0 ? undefined : scopeSql(scope);
}

export const taskRoutes = [
  route({
    method: 'GET',
    url: '/api/tasks',
    summary: 'Tasks, by due date, filtered by status, owner or customer, paged',
    access: everyone,
    query: z
      .object({
        status: z.enum(taskStatuses as [string, ...string[]]).optional(),
        owner: z.string().min(1).optional(),
        customer: z.string().min(1).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
        lang: z.enum(['zh-CN', 'en']).optional(),
      })
      .strict(),
    params: noInput,
    handler: async ({ query, deps, principal }) => {
      const within = withinSql(principal);
      const r = await listTasks(deps.store.engine.readers(), {
        ...(within !== undefined ? { withinSql: within } : {}),
        ...(query.status ? { status: query.status as (typeof taskStatuses)[number] } : {}),
        ...(query.owner ? { owner: query.owner } : {}),
        ...(query.customer ? { customerId: query.customer } : {}),
        limit: query.pageSize,
        offset: (query.page - 1) * query.pageSize,
      });
      return { ...r, page: query.page, pageSize: query.pageSize };
    },
  }),
  route({
    method: 'POST',
    url: '/api/tasks',
    summary: 'Create a task, or one per customer when several customers are given (bulk from a list)',
    access: writers,
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    body: z
      .object({
        title: z.string().trim().min(1).max(500),
        customerIds: z.array(z.string().min(1)).max(5000).default([]),
        owner: z.string().trim().min(1).max(100).optional(),
        dueDate: isoDate.optional(),
      })
      .strict(),
    status: 201,
    handler: async ({ body, deps, principal }) => {
      const ids = [...new Set(body.customerIds)];
      const unknown = await unknownCustomers(deps.store.engine, ids);
      if (unknown.length > 0) throw new ApiError(400, 'unknown_customers', { ids: unknown.slice(0, 20).join(', ') });
      const within = withinSql(principal);
      if (within !== undefined && ids.length > 0) {
        const inScope = await deps.store.engine.query<{ id: string }>(`SELECT customer_id AS id FROM (${within}) AS within_scope WHERE customer_id IN (${ids.map(lit).join(', ')})`);
        const outside = ids.filter((id) => !inScope.some((r) => r.id === id));
        if (outside.length > 0) throw new ApiError(403, 'out_of_scope', { id: outside.slice(0, 20).join(', ') });
      }
      const tasks = await deps.store.engine.transaction((tx) =>
        createTasks(tx, { customerIds: ids.length > 0 ? ids : [null], title: body.title, owner: body.owner ?? null, dueDate: body.dueDate ?? null }, deps.now()),
      );
      return { created: tasks.length, tasks };
    },
  }),
  route({
    method: 'PATCH',
    url: '/api/tasks/:id',
    summary: 'Edit a task (status, owner, due date, title); the body names the version it read, and a stale one gets 409',
    access: writers,
    query: z.object({ lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: idParams,
    body: z
      .object({
        version: z.number().int().min(1),
        status: z.enum(taskStatuses as [string, ...string[]]).optional(),
        owner: z.string().trim().min(1).max(100).nullable().optional(),
        dueDate: isoDate.nullable().optional(),
        title: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    handler: async ({ params, body, deps, principal }) => {
      const { status, ...rest } = body;
      const edit = { ...rest, ...(status ? { status: status as (typeof taskStatuses)[number] } : {}) };
      const r = await updateTask(deps.store.engine, params.id, edit as Parameters<typeof updateTask>[2], deps.now(), withinSql(principal));
      if (r === 'not_found') throw new ApiError(404, 'unknown_task', { id: params.id });
      if (r === 'conflict') {
        const [current] = await deps.store.engine.query<{ version: number }>('SELECT version FROM tasks WHERE task_id = $1', [params.id]);
        throw new ApiError(409, 'edit_conflict', { id: params.id, version: current?.version ?? 0 });
      }
      return r;
    },
  }),
];
