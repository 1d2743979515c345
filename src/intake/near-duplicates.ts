/**
 * Customers that are probably one company under two ids: the same name once
 * legal-form words, spacing, punctuation and letter case are set aside
 * (苏州华瑞精密机械有限公司 and 苏州 华瑞精密机械, "ACME Co., Ltd." and "Acme Ltd").
 * Reported for a person to merge; never merged automatically.
 */
import { quoteIdent as q, type Queryable } from '../store/engine.js';

export interface DuplicateCandidate {
  readonly key: string;
  readonly customers: readonly { readonly id: string; readonly name: string }[];
}

const legalForms = ['股份有限公司', '有限责任公司', '有限公司', '集团', '分公司', '公司', 'co ltd', 'co., ltd', 'company', 'limited', 'ltd', 'inc', 'llc', 'corp', 'corporation', 'gmbh'];

/** SQL of the comparison key for a name column. */
export function nameKeySql(name: string): string {
  const stripped = `regexp_replace(lower(${name}), '[\\s\\p{P}（）【】·]+', '', 'g')`;
  const forms = legalForms.map((w) => w.replace(/[\s.,]/g, '')).join('|');
  // Only at the end of the name, where legal forms sit: "inc" inside "Princeton" stays.
  return `regexp_replace(${stripped}, '(${forms})+$', '')`;
}

/**
 * Groups of two or more customers sharing a key, at least one written by
 * `runId`. DuckDB SQL (its regexps know Unicode punctuation): a PostgreSQL
 * store's customers are read from a copy in the import's own DuckDB.
 */
export async function nearDuplicateCustomers(db: Queryable, runId: number, limit = 100, customers = 'customers'): Promise<DuplicateCandidate[]> {
  const rows = await db.query<{ k: string; ids: string[]; names: string[] }>(
    `WITH n AS (SELECT customer_id, name, import_run_id, ${nameKeySql('name')} AS k FROM ${q(customers)} WHERE name IS NOT NULL)
     SELECT k, list(customer_id ORDER BY customer_id) AS ids, list(name ORDER BY customer_id) AS names
     FROM n WHERE k <> '' GROUP BY k
     HAVING count(DISTINCT customer_id) > 1 AND bool_or(import_run_id = $1)
     ORDER BY k LIMIT ${Math.floor(limit)}`,
    [runId],
  );
  return rows.map((r) => ({ key: r.k, customers: r.ids.map((id, i) => ({ id, name: r.names[i] ?? '' })) }));
}
