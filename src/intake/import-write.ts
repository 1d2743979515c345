/**
 * SQL builders for the second half of an import: shape the valid rows into
 * the target table's columns, compare them with what the store holds, and
 * write the outcome. Pure: the orchestrator runs the statements.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import type { ColumnDoc, TableDoc } from '../store/schema/data-model.js';
import type { PlanInput } from './import-plan.js';
import type { Lookup, Parent, Shape } from './entity-shapes.js';

const bookkeeping = new Set(['extra', 'import_run_id', 'updated_at', 'row_version']);

/** Target columns an import writes from the file (everything but bookkeeping). */
export function dataColumns(table: TableDoc): ColumnDoc[] {
  return table.columns.filter((c) => !bookkeeping.has(c.name));
}

function lookupJoin(lookup: Lookup): string {
  switch (lookup) {
    case 'customer_by_name':
      // Only names that identify one customer: an ambiguous name stays a name.
      return `LEFT JOIN (SELECT name, min(customer_id) AS id FROM customers WHERE name IS NOT NULL GROUP BY name HAVING count(*) = 1) cn
  ON n.f_customer_id IS NULL AND cn.name = n.f_customer_name`;
    case 'rep_by_name':
      return `LEFT JOIN reps ri ON ri.rep_id = n.f_rep_id
LEFT JOIN (SELECT name, min(rep_id) AS id FROM reps WHERE name IS NOT NULL GROUP BY name HAVING count(*) = 1) rn
  ON rn.name = n.f_rep_id`;
    default:
      throw new Error(`unknown lookup ${String(lookup)}`);
  }
}

function keyEquals(table: TableDoc, left: string, right: string): string {
  return table.key.map((k) => `${left}.${q(k)} = ${right}.${q(k)}`).join(' AND ');
}

/** Step 3: valid, first-seen rows in the target's shape, with a rank among rows sharing a key. */
export function shapedSql(input: PlanInput, shape: Shape, table: TableDoc): string {
  const t = input.tables;
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const cols = Object.entries(shape.columns).map(([name, expr]) => `CAST(${expr} AS ${types.get(name) ?? 'VARCHAR'}) AS ${q(name)}`);
  const carry = Object.entries(shape.carry ?? {}).map(([name, expr]) => `${expr} AS ${q(name)}`);
  const windowed = Object.entries(shape.windowed ?? {}).map(
    ([name, expr]) => `CAST(${expr} AS ${types.get(name) ?? 'VARCHAR'}) AS ${q(name)}`,
  );
  const keys = table.key.map((k) => q(k)).join(', ');
  return `CREATE TEMP TABLE ${q(t.shaped)} AS
WITH base AS (
  SELECT n._row, ${[...cols, ...carry].join(',\n    ')}, n._extra AS extra
  FROM ${q(t.norm)} n
  ${shape.lookups.map(lookupJoin).join('\n  ')}
  WHERE n._dup = 1 AND n._row NOT IN (SELECT _row FROM ${q(t.issues)} WHERE severity = 'error')
), win AS (
  SELECT *${windowed.length > 0 ? `, ${windowed.join(', ')}` : ''} FROM base
)
SELECT *, row_number() OVER (PARTITION BY ${keys} ORDER BY _row) AS _keyrank FROM win`;
}

/** Step 4: later rows repeating a key with other content are rejected, naming the key. */
export function duplicateKeySql(input: PlanInput, table: TableDoc): string[] {
  const t = input.tables;
  const keyText = table.key.map((k) => `coalesce(CAST(${q(k)} AS VARCHAR), '')`).join(` || ' / ' || `);
  const header = table.key.join(' + ');
  return [
    `INSERT INTO ${q(t.issues)} SELECT _row, ${lit(header)}, 'duplicate_key', 'error', ${keyText} FROM ${q(t.shaped)} WHERE _keyrank > 1`,
    `DELETE FROM ${q(t.shaped)} WHERE _keyrank > 1`,
  ];
}

/** Step 5: each shaped row against the stored row with the same key. */
export function mergedSql(input: PlanInput, shape: Shape, table: TableDoc): string {
  const t = input.tables;
  const keySet = new Set(table.key);
  const written = [...Object.keys(shape.columns), ...Object.keys(shape.windowed ?? {})];
  const nonKey = written.filter((c) => !keySet.has(c));
  const same = nonKey.map((c) => `(s.${q(c)} IS NULL OR s.${q(c)} IS NOT DISTINCT FROM o.${q(c)})`);
  same.push('(s.extra IS NULL OR CAST(s.extra AS VARCHAR) IS NOT DISTINCT FROM CAST(o.extra AS VARCHAR))');
  const values = [...nonKey.map((c) => `coalesce(s.${q(c)}, o.${q(c)}) AS ${q(c)}`)];
  const firstKey = q(table.key[0]!);
  const hasVersion = table.columns.some((c) => c.name === 'row_version');
  const carried = Object.keys(shape.carry ?? {}).map((c) => `s.${q(c)}`);
  const kept = table.columns
    .filter((c) => !bookkeeping.has(c.name) && !written.includes(c.name))
    .map((c) => `o.${q(c.name)}`);
  return `CREATE TEMP TABLE ${q(t.merged)} AS
SELECT s._row,
  CASE WHEN o.${firstKey} IS NULL THEN 'inserted' WHEN ${same.join(' AND ')} THEN 'unchanged' ELSE 'updated' END AS _outcome,
  ${[...table.key.map((k) => `s.${q(k)}`), ...values, ...kept].join(',\n  ')},
  coalesce(s.extra, o.extra) AS extra${hasVersion ? ',\n  coalesce(o.row_version, 0) + 1 AS row_version' : ''}${carried.length > 0 ? `,\n  ${carried.join(', ')}` : ''}
FROM ${q(t.shaped)} s LEFT JOIN ${q(table.name)} o ON ${keyEquals(table, 's', 'o')}`;
}

export interface WriteContext {
  readonly runId: number;
  /** Timestamp literal for updated_at (the clock is passed in). */
  readonly now: string;
}

/** Step 6: replace changed rows, add new ones, create the parents they name. */
export function writeSql(input: PlanInput, shape: Shape, table: TableDoc, ctx: WriteContext): string[] {
  const t = input.tables;
  const cols = table.columns.filter((c) => !['import_run_id', 'updated_at'].includes(c.name)).map((c) => q(c.name));
  const target = q(table.name);
  return [
    `DELETE FROM ${target} USING ${q(t.merged)} m WHERE ${keyEquals(table, target, 'm')} AND m._outcome = 'updated'`,
    `INSERT INTO ${target} (${cols.join(', ')}, import_run_id, updated_at)
SELECT ${cols.join(', ')}, ${ctx.runId}, ${ctx.now} FROM ${q(t.merged)} WHERE _outcome <> 'unchanged'`,
    ...shape.parents.map((p) => parentSql(input, p, ctx)),
  ];
}

function parentSql(input: PlanInput, parent: Parent, ctx: WriteContext): string {
  const entries = Object.entries(parent.columns);
  const [keyCol, keySource] = entries[0]!;
  const rest = entries.slice(1);
  const version = parent.table === 'customers' ? ', row_version' : '';
  const versionValue = parent.table === 'customers' ? ', 1' : '';
  return `INSERT INTO ${q(parent.table)} (${[keyCol, ...rest.map(([c]) => c)].map((c) => q(c)).join(', ')}${version}, import_run_id, updated_at)
SELECT ${q(keySource)}, ${rest.map(([, s]) => `max(${q(s)})`).join(', ')}${versionValue}, ${ctx.runId}, ${ctx.now}
FROM ${q(input.tables.merged)}
WHERE ${q(keySource)} IS NOT NULL AND ${q(keySource)} NOT IN (SELECT ${q(parent.key)} FROM ${q(parent.table)} WHERE ${q(parent.key)} IS NOT NULL)
GROUP BY ${q(keySource)}`;
}

/** Tables whose rep_id may still hold a rep's name from before the reps were known. */
const repReferences = ['customers', 'order_lines', 'opportunities', 'interactions'] as const;

/** After reps are imported: names written where an id belongs become the id. */
export function resolveRepNamesSql(): string[] {
  const byName = `(SELECT name, min(rep_id) AS id FROM reps WHERE name IS NOT NULL GROUP BY name HAVING count(*) = 1)`;
  return [
    ...repReferences.map(
      (table) => `UPDATE ${table} SET rep_id = r.id FROM ${byName} r
WHERE ${table}.rep_id = r.name AND ${table}.rep_id NOT IN (SELECT rep_id FROM reps)`,
    ),
    `UPDATE targets SET scope_id = r.id FROM ${byName} r
WHERE targets.scope_type = 'rep' AND targets.scope_id = r.name AND targets.scope_id NOT IN (SELECT rep_id FROM reps)`,
  ];
}

/** Every rejected row with its raw cells (by header) and all its reasons. */
export function quarantineSql(input: PlanInput, ctx: WriteContext): string {
  const t = input.tables;
  const pairs = input.rawColumns.map((c) => `${lit(c.header)}, ${q(c.source)}`).join(', ');
  return `INSERT INTO quarantine (run_id, row_number, entity, raw, reasons)
WITH e AS (
  SELECT _row, json_group_array(json_object('column', col, 'code', code, 'value', value)) AS reasons
  FROM ${q(t.issues)} WHERE severity = 'error' GROUP BY _row
)
SELECT ${ctx.runId}, r._row, ${lit(input.entity.name)}, json_object(${pairs}), e.reasons
FROM ${q(t.raw)} r JOIN e USING (_row)`;
}

/** Issues kept for review: at most `cap` per code, earliest rows first. */
export function importIssuesSql(input: PlanInput, ctx: WriteContext, cap: number): string {
  return `INSERT INTO import_issues (run_id, row_number, column_name, code, severity, value)
SELECT ${ctx.runId}, _row, col, code, severity, value FROM (
  SELECT *, row_number() OVER (PARTITION BY code ORDER BY _row) AS rk FROM ${q(input.tables.issues)}
) WHERE rk <= ${Math.floor(cap)}`;
}

export function countsSql(input: PlanInput): string {
  const t = input.tables;
  return `SELECT
  (SELECT count(*) FROM ${q(t.norm)}) AS rows,
  (SELECT count(*) FROM ${q(t.norm)} WHERE _dup > 1) AS duplicates,
  (SELECT count(DISTINCT _row) FROM ${q(t.issues)} WHERE severity = 'error') AS quarantined,
  (SELECT count(DISTINCT _row) FROM ${q(t.issues)} WHERE severity = 'warning'
     AND _row NOT IN (SELECT _row FROM ${q(t.issues)} WHERE severity = 'error')) AS warnings,
  (SELECT count(*) FROM ${q(t.merged)} WHERE _outcome = 'inserted') AS inserted,
  (SELECT count(*) FROM ${q(t.merged)} WHERE _outcome = 'updated') AS updated,
  (SELECT count(*) FROM ${q(t.merged)} WHERE _outcome = 'unchanged') AS unchanged`;
}
