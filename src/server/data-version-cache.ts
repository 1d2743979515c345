/**
 * Answers that depend only on imported data and stored analyses, kept until
 * either changes: a new import run or a new snapshot gives a new version.
 * Snapshots never change once stored, and customers change only by import,
 * so a kept answer is never stale. (Edits that bypass the intake must bump
 * the version too.)
 */
import type { Queryable } from '../store/engine.js';

export async function dataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ s: number | null; r: number | null }>('SELECT (SELECT max(snapshot_id) FROM analysis_snapshots) AS s, (SELECT max(run_id) FROM import_runs) AS r');
  return `${row?.s ?? 0}/${row?.r ?? 0}`;
}

export class DataVersionCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}

  async get(db: Queryable, key: string, compute: () => Promise<T>): Promise<T> {
    const full = `${await dataVersion(db)}|${key}`;
    const hit = this.entries.get(full);
    if (hit !== undefined) {
      // Most recently used last, so the oldest goes first when full.
      this.entries.delete(full);
      this.entries.set(full, hit);
      return hit;
    }
    const value = await compute();
    this.entries.set(full, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
