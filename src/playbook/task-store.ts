/**
 * Action-plan tasks in the store: created in bulk from a customer list,
 * listed with filters, edited with optimistic versioning (an edit names the
 * version it read; if someone changed the task since, the edit is refused).
 */
import type { Queryable } from '../store/engine.js';

export type TaskStatus = 'open' | 'doing' | 'done' | 'cancelled';
export const taskStatuses: readonly TaskStatus[] = ['open', 'doing', 'done', 'cancelled'];

export interface Task {
  readonly taskId: number;
  readonly customerId: string | null;
  readonly title: string;
  readonly owner: string | null;
  readonly dueDate: string | null;
  readonly status: TaskStatus;
  readonly version: number;
}

const columns = `task_id AS "taskId", customer_id AS "customerId", title, owner, CAST(due_date AS VARCHAR) AS "dueDate", status, version`;
const stamp = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/** Customer ids among `ids` that do not exist. */
export async function unknownCustomers(db: Queryable, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  // One parameter per id (at most a few thousand): both engines take a plain IN list of text parameters.
  const known = await db.query<{ id: string }>(`SELECT customer_id AS id FROM customers WHERE customer_id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
  const set = new Set(known.map((k) => k.id));
  return ids.filter((id) => !set.has(id));
}

export async function createTasks(
  db: Queryable,
  t: { readonly customerIds: readonly (string | null)[]; readonly title: string; readonly owner: string | null; readonly dueDate: string | null },
  now: Date,
): Promise<Task[]> {
  const out: Task[] = [];
  for (const customerId of t.customerIds) {
    const [row] = await db.query<Task>(
      `INSERT INTO tasks VALUES (nextval('task_seq'), $1, $2, $3, CAST($4 AS DATE), 'open', CAST($5 AS TIMESTAMP), CAST($5 AS TIMESTAMP), 1) RETURNING ${columns}`,
      [customerId, t.title, t.owner, t.dueDate, stamp(now)],
    );
    out.push(row!);
  }
  return out;
}

export interface TaskQuery {
  readonly status?: TaskStatus;
  readonly owner?: string;
  readonly customerId?: string;
  /** Only tasks for these customers (a scope's relation of customer ids) or for no customer. */
  readonly withinSql?: string;
  readonly limit: number;
  readonly offset: number;
}

export async function listTasks(db: Queryable, q: TaskQuery): Promise<{ total: number; items: Task[] }> {
  const where: string[] = ['TRUE'];
  const params: string[] = [];
  const add = (col: string, v: string | undefined) => {
    if (v === undefined) return;
    params.push(v);
    where.push(`${col} = $${params.length}`);
  };
  add('status', q.status);
  add('owner', q.owner);
  add('customer_id', q.customerId);
  if (q.withinSql !== undefined) where.push(`(customer_id IS NULL OR customer_id IN (${q.withinSql}))`);
  const [count] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM tasks WHERE ${where.join(' AND ')}`, params);
  const items = await db.query<Task>(
    `SELECT ${columns} FROM tasks WHERE ${where.join(' AND ')} ORDER BY due_date NULLS LAST, task_id LIMIT ${Math.floor(q.limit)} OFFSET ${Math.floor(q.offset)}`,
    params,
  );
  return { total: count?.n ?? 0, items };
}

export type TaskEdit = Partial<Pick<Task, 'title' | 'owner' | 'dueDate' | 'status'>> & { readonly version: number };

export async function updateTask(db: Queryable, taskId: number, edit: TaskEdit, now: Date, withinSql?: string): Promise<Task | 'not_found' | 'conflict'> {
  const inScope = withinSql === undefined ? '' : ` AND (customer_id IS NULL OR customer_id IN (${withinSql}))`;
  const [current] = await db.query<Task>(`SELECT ${columns} FROM tasks WHERE task_id = $1${inScope}`, [taskId]);
  if (!current) return 'not_found';
  const next = { ...current, ...edit };
  // The version check is in the UPDATE itself, so two edits racing cannot both win.
  const [row] = await db.query<Task>(
    `UPDATE tasks SET title = $1, owner = $2, due_date = CAST($3 AS DATE), status = $4, updated_at = CAST($5 AS TIMESTAMP), version = version + 1
     WHERE task_id = $6 AND version = $7 RETURNING ${columns}`,
    [next.title, next.owner, next.dueDate, next.status, stamp(now), taskId, edit.version],
  );
  return row ?? 'conflict';
}
