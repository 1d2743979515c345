/**
 * Sealing personal columns in place: every distinct value not sealed yet is
 * sealed once in JavaScript (the engine has no AES) and written back by a
 * join, so the cost follows the number of distinct values, not of rows.
 */
import type { FieldCipher } from '../access/field-cipher.js';
import { dataModel } from './schema/data-model.js';
import { quoteIdent as q, type Queryable } from './engine.js';

/** The sealed columns of each table, from the data model. */
export const sealedColumns: ReadonlyMap<string, readonly string[]> = new Map(
  dataModel.flatMap((t) => {
    const cols = t.columns.filter((c) => c.sealed).map((c) => c.name);
    return cols.length > 0 ? [[t.name, cols] as const] : [];
  }),
);

let counter = 0;

/** Seals the named columns of `table` (a store table, or an import's staged copy of one). */
export async function sealColumns(db: Queryable, table: string, columns: readonly string[], cipher: FieldCipher): Promise<void> {
  for (const col of columns) {
    const found = await db.queryColumns(`SELECT DISTINCT ${q(col)} AS v FROM ${q(table)} WHERE ${q(col)} IS NOT NULL AND NOT starts_with(${q(col)}, 'enc1:')`);
    const plain = (found.v ?? []) as string[];
    if (plain.length === 0) continue;
    const map = `_seal_${process.pid}_${++counter}`;
    await db.run(`CREATE TEMP TABLE ${q(map)} (plain VARCHAR, sealed VARCHAR)`);
    try {
      await db.append(map, ['plain', 'sealed'], plain.map((p) => [p, cipher.seal(p)]));
      await db.run(`UPDATE ${q(table)} SET ${q(col)} = m.sealed FROM ${q(map)} m WHERE ${q(table)}.${q(col)} = m.plain`);
    } finally {
      await db.run(`DROP TABLE ${q(map)}`);
    }
  }
}

/** Seals whatever a store holds in the clear: values written before sealing existed. */
export async function sealStore(db: Queryable, cipher: FieldCipher): Promise<void> {
  for (const [table, cols] of sealedColumns) await sealColumns(db, table, cols, cipher);
}
