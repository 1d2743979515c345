/** Reading the quarantine back: rows as the file had them, with every reason. */
import type { Queryable } from '../store/engine.js';

export interface QuarantinedRow {
  readonly runId: number;
  readonly file: string;
  readonly entity: string;
  readonly row: number;
  readonly raw: Readonly<Record<string, string | null>>;
  readonly reasons: readonly { readonly column: string; readonly code: string; readonly value: string | null }[];
}

export interface QuarantineQuery {
  readonly runId?: number;
  /** Only the most recent run that rejected anything. */
  readonly latestRun?: boolean;
  readonly limit?: number;
}

export async function listQuarantine(db: Queryable, query: QuarantineQuery): Promise<QuarantinedRow[]> {
  const where = query.runId !== undefined
    ? `WHERE q.run_id = ${Math.floor(query.runId)}`
    : query.latestRun
      ? 'WHERE q.run_id = (SELECT max(run_id) FROM quarantine)'
      : '';
  const limit = query.limit !== undefined ? `LIMIT ${Math.floor(query.limit)}` : '';
  const rows = await db.query<{ run_id: number; file_name: string | null; entity: string; row_number: number; raw: string; reasons: string }>(
    `SELECT q.run_id, r.file_name, q.entity, q.row_number, CAST(q.raw AS VARCHAR) AS raw, CAST(q.reasons AS VARCHAR) AS reasons
     FROM quarantine q LEFT JOIN import_runs r USING (run_id) ${where} ORDER BY q.run_id, q.row_number ${limit}`,
  );
  return rows.map((r) => ({
    runId: r.run_id,
    file: r.file_name ?? '',
    entity: r.entity,
    row: r.row_number,
    raw: JSON.parse(r.raw) as Record<string, string | null>,
    reasons: JSON.parse(r.reasons) as QuarantinedRow['reasons'],
  }));
}
