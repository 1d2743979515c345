/**
 * Erasure of one customer's personal data on request (PIPL art. 47): the
 * personal columns are emptied, rejected import rows that name the customer
 * are dropped (they would bring the data back when fixed and imported), the
 * customer is remembered so later imports keep the fields empty, and the act
 * is logged. Business facts (orders, revenue) stay: they are not personal.
 */
import type { Engine } from '../store/engine.js';
import { dataModel } from '../store/schema/data-model.js';
import { logAccess } from './user-store.js';

const personal = dataModel.find((t) => t.name === 'customers')!.columns.filter((c) => c.sensitivity === 'personal').map((c) => c.name);

export interface Eraser {
  readonly userId: number | null;
  readonly username: string;
}

/** The fields erased, or null when there is no such customer. */
export async function eraseCustomer(engine: Engine, customerId: string, who: Eraser, now: Date): Promise<{ fields: readonly string[]; quarantineRows: number } | null> {
  return engine.transaction(async (tx) => {
    const [found] = await tx.query<{ n: bigint }>('SELECT count(*) AS n FROM customers WHERE customer_id = $1', [customerId]);
    if (Number(found!.n) === 0) return null;
    const stamp = now.toISOString().slice(0, 19).replace('T', ' ');
    await tx.run(`UPDATE customers SET ${personal.map((c) => `${c} = NULL`).join(', ')}, row_version = row_version + 1 WHERE customer_id = $1`, [customerId]);
    // A rejected row names the customer when one of its cells is exactly the id (JSON text, quotes included).
    const mention = JSON.stringify(customerId);
    const [q] = await tx.query<{ n: bigint }>('SELECT count(*) AS n FROM quarantine WHERE strpos(CAST(raw AS VARCHAR), $1) > 0', [mention]);
    await tx.run('DELETE FROM quarantine WHERE strpos(CAST(raw AS VARCHAR), $1) > 0', [mention]);
    await tx.run('INSERT INTO erasures VALUES ($1, $2::TIMESTAMP, $3) ON CONFLICT (customer_id) DO UPDATE SET erased_at = excluded.erased_at, username = excluded.username', [customerId, stamp, who.username]);
    await logAccess(tx, { userId: who.userId, username: who.username, action: 'erase', customerId, fields: personal }, now);
    return { fields: personal, quarantineRows: Number(q!.n) };
  });
}
