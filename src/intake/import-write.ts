/**
 * SQL builders for the second half of an import: shape the valid rows into
 * the target table's columns, compare them with what the store holds, and
 * write the outcome. Pure: the orchestrator runs the statements.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import type { ColumnDoc, TableDoc } from '../store/schema/data-model.js';
import { orderHeadRowsSql } from '../store/schema/order-heads.js';
import { hasExtraColumns, normWithAllFields, withMissingAsNull, type PlanInput } from './import-plan.js';
import type { Lookup, Parent, Shape } from './entity-shapes.js';
import type { InsertSelect } from './parsing-engine.js';

const bookkeeping = new Set(['extra', 'import_run_id', 'updated_at', 'row_version']);
/** Worked out from the stored rows after each write (order-heads.ts): a merged row leaves it NULL, a fresh table marks it on the way in. */
const derived = new Set(['opens_order']);

/** Target columns an import writes from the file (everything but bookkeeping). */
export function dataColumns(table: TableDoc): ColumnDoc[] {
  return table.columns.filter((c) => !bookkeeping.has(c.name) && !derived.has(c.name));
}

function lookupJoin(lookup: Lookup, mapped: ReadonlySet<string>): string {
  // A lookup on a field the file does not have finds nothing: a one-row stand-in keeps the expressions valid.
  if (lookup === 'customer_by_name' && !mapped.has('customer_name')) return 'CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS id) cn';
  if (lookup === 'rep_by_name' && !mapped.has('rep_id')) {
    return 'CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS rep_id) ri CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS id) rn';
  }
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

/** Store tables the shape's lookups read (the same conditions as lookupJoin). */
export function lookupTables(input: PlanInput, shape: Shape): ('customers' | 'reps')[] {
  const mapped = mappedFields(input);
  return shape.lookups.flatMap((l): ('customers' | 'reps')[] => {
    if (l === 'customer_by_name') return mapped.has('customer_name') ? ['customers'] : [];
    if (l === 'rep_by_name') return mapped.has('rep_id') ? ['reps'] : [];
    throw new Error(`unknown lookup ${String(l)}`);
  });
}

function keyEquals(table: TableDoc, left: string, right: string): string {
  return table.key.map((k) => `${left}.${q(k)} = ${right}.${q(k)}`).join(' AND ');
}

/** Whether shapedSql marks order heads (`_opens`): only where the rows go straight into an empty table (freshRows). */
export function marksHeads(table: TableDoc, fresh: boolean): boolean {
  return fresh && table.name === 'order_lines';
}

const NULL_OF_TYPE = /^CAST\(NULL AS [A-Z]+(\(\d+(,\s*\d+)?\))?\)$/;

/**
 * Target columns the file cannot fill: their expression is a typed NULL
 * once the fields the file lacks are written as NULLs. An import of a few
 * columns into the 31 of order_lines carried two dozen of them through
 * every step; now they are left to the table's NULL.
 */
export function unfilledColumns(input: PlanInput, shape: Shape): Set<string> {
  const mapped = mappedFields(input);
  const given = (fields: readonly string[] | undefined) => fields === undefined || fields.some((field) => mapped.has(field));
  return new Set([
    ...Object.entries(shape.columns).flatMap(([name, expr]) =>
      NULL_OF_TYPE.test(withMissingAsNull(input, expr)) || !given(shape.nullUnless?.[name]) ? [name] : [],
    ),
    ...(hasExtraColumns(input) ? [] : ['extra']),
  ]);
}

/** Step 3: valid, first-seen rows in the target's shape, with a rank among rows sharing a key. */
export function shapedSql(input: PlanInput, shape: Shape, table: TableDoc, materialise: boolean, markHeads = false): string {
  const t = input.tables;
  const types = new Map(table.columns.map((c) => [c.name, c.type]));
  const unfilled = unfilledColumns(input, shape);
  const cols = Object.entries(shape.columns)
    .filter(([name]) => !unfilled.has(name))
    .map(([name, expr]) => typedAs(types, name, withMissingAsNull(input, expr)));
  // Added after the windows, so that no materialised or sorted row carries them.
  const nulls = [...unfilled].map((name) => `, ${typedAs(types, name, 'NULL')}`).join('');
  const inputs = Object.entries(shape.inputs ?? {}).map(([name, expr]) => `${withMissingAsNull(input, expr)} AS ${q(name)}`);
  const positioned = shape.position ? `, win.${q(shape.position.column)}` : '';
  const mapped = mappedFields(input);
  const keysUnique = keysUniqueByConstruction(input, shape, table);
  // When no key can repeat and the rows are only read once (by the merge),
  // a view saves writing them all out once more.
  const joins = `${shape.position ? ' JOIN win USING (_row)' : ''}${keysUnique ? '' : ' JOIN k USING (_row)'}`;
  // Heads among the rows that stay (a repeated key's later rows are deleted).
  const heads = markHeads ? `, hd AS (${orderHeadRowsSql(`(SELECT * FROM base${joins}${keysUnique ? '' : ' WHERE _keyrank = 1'})`)})` : '';
  return `CREATE TEMP ${materialise || !keysUnique ? 'TABLE' : 'VIEW'} ${q(t.shaped)} AS
WITH base AS (
  SELECT n._row, ${[...cols, ...inputs, ...(unfilled.has('extra') ? [] : ['n._extra AS extra'])].join(',\n    ')}
  ${validRows(input, shape, mapped)}
), ${windowCtes(shape, types, table, keysUnique)}${heads}
SELECT base.*${nulls}${positioned}, ${keysUnique ? '1' : 'k._keyrank'} AS _keyrank${markHeads ? ', hd._head IS NOT NULL AS _opens' : ''}
FROM base${joins}${markHeads ? ' LEFT JOIN hd ON hd._head = base._row' : ''}`;
}

/** `expr` as target column `name`, cast to the column's type. */
function typedAs(types: ReadonlyMap<string, string>, name: string, expr: string): string {
  return `CAST(${expr} AS ${types.get(name) ?? 'VARCHAR'}) AS ${q(name)}`;
}

function mappedFields(input: PlanInput): Set<string> {
  return new Set([...input.columns.map((c) => c.field.name), ...Object.keys(input.defaults)]);
}

/** A key completed by a row number within the rest of the key (line_no from position) cannot repeat. */
export function keysUniqueByConstruction(input: PlanInput, shape: Shape, table: TableDoc): boolean {
  return shape.position !== undefined && table.key.includes(shape.position.column) && !mappedFields(input).has(shape.position.column);
}

/** The valid, first-seen rows of norm, with every field and the shape's lookups joined. */
function validRows(input: PlanInput, shape: Shape, mapped: ReadonlySet<string>): string {
  return `FROM ${normWithAllFields(input)} n
  ${shape.lookups.map((l) => lookupJoin(l, mapped)).join('\n  ')}
  WHERE n._dup = 1 AND NOT coalesce(list_contains(list_transform(n._issues, x -> x.severity), 'error'), false)`;
}

/**
 * The position and key-rank windows, over narrow projections joined back by
 * row: a window over a CTE's rows carries every column of them through its
 * sort, even those nothing above reads (≈ 0.25 s of a half-million-line
 * import).
 */
function windowCtes(shape: Shape, types: Map<string, string>, table: TableDoc, keysUnique: boolean): string {
  const position = shape.position;
  const ctes: string[] = [];
  if (position) ctes.push(`win AS (${positionSql(position, types, Object.keys(shape.inputs ?? {}))})`);
  if (!keysUnique) {
    const keys = table.key.map((k) => (k === position?.column ? `win.${q(k)}` : `base.${q(k)}`));
    const from = position ? 'base JOIN win USING (_row)' : 'base';
    const named = table.key.map((k) => q(k)).join(', ');
    ctes.push(`k AS (SELECT _row, row_number() OVER (PARTITION BY ${named} ORDER BY _row) AS _keyrank FROM (SELECT base._row, ${keys.map((k, i) => `${k} AS ${q(table.key[i]!)}`).join(', ')} FROM ${from}) AS keyed)`);
  }
  return ctes.length > 0 ? ctes.join(', ') : 'unused AS (SELECT 1)';
}

/**
 * Each row's place within its group, in file order: row_number() over the
 * group. A group whose rows fill every line from its first to its last (most
 * orders of a file) is numbered from its first line without the window's
 * sort, exactly as the window would; only the other groups take the window.
 */
export function positionSql(position: NonNullable<Shape['position']>, types: ReadonlyMap<string, string>, inputs: readonly string[]): string {
  const { column, within, given } = position;
  const reads = ['_row', within, ...inputs].map((c) => q(c)).join(', ');
  const type = types.get(column) ?? 'INTEGER';
  const joined = `b JOIN g ON b.${q(within)} IS NOT DISTINCT FROM g.${q(within)}`;
  return `WITH b AS (SELECT ${reads} FROM base),
  g AS (SELECT ${q(within)}, min(_row) AS _first, count(*) = max(_row) - min(_row) + 1 AS _filled FROM b GROUP BY ${q(within)})
  SELECT _row, CAST(coalesce(${q(given)}, _row - _first + 1) AS ${type}) AS ${q(column)} FROM ${joined} WHERE _filled
  UNION ALL
  SELECT _row, CAST(coalesce(${q(given)}, row_number() OVER (PARTITION BY b.${q(within)} ORDER BY _row)) AS ${type}) AS ${q(column)} FROM ${joined} WHERE NOT _filled`;
}

export function duplicateKeySql(input: PlanInput, shape: Shape, table: TableDoc): string[] {
  if (keysUniqueByConstruction(input, shape, table)) return [];
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
  const written = [...Object.keys(shape.columns), ...(shape.position ? [shape.position.column] : [])];
  const nonKey = written.filter((c) => !keySet.has(c));
  const same = nonKey.map((c) => `(s.${q(c)} IS NULL OR s.${q(c)} IS NOT DISTINCT FROM o.${q(c)})`);
  same.push('(s.extra IS NULL OR CAST(s.extra AS VARCHAR) IS NOT DISTINCT FROM CAST(o.extra AS VARCHAR))');
  const values = [...nonKey.map((c) => `coalesce(s.${q(c)}, o.${q(c)}) AS ${q(c)}`)];
  const firstKey = q(table.key[0]!);
  const hasVersion = table.columns.some((c) => c.name === 'row_version');
  const kept = table.columns
    .filter((c) => !bookkeeping.has(c.name) && !derived.has(c.name) && !written.includes(c.name))
    .map((c) => `o.${q(c.name)}`);
  return `CREATE TEMP TABLE ${q(t.merged)} AS
SELECT s._row,
  CASE WHEN o.${firstKey} IS NULL THEN 'inserted' WHEN ${same.join(' AND ')} THEN 'unchanged' ELSE 'updated' END AS _outcome,
  ${[...table.key.map((k) => `s.${q(k)}`), ...values, ...kept].join(',\n  ')},
  coalesce(s.extra, o.extra) AS extra${hasVersion ? ',\n  coalesce(o.row_version, 0) + 1 AS row_version' : ''}
FROM ${q(t.shaped)} s LEFT JOIN ${q(table.name)} o ON ${keyEquals(table, 's', 'o')}`;
}

/**
 * Rows are stored grouped by customer, so that one customer's orders,
 * interactions and feedback sit in a few row groups and the customer 360
 * reads those instead of scanning the table (the engine skips row groups by
 * their min/max customer id).
 */
function clusterBy(table: TableDoc): string {
  return table.name !== 'customers' && table.columns.some((c) => c.name === 'customer_id') ? '\nORDER BY customer_id' : '';
}

export interface WriteContext {
  readonly runId: number;
  /** Timestamp literal for updated_at (the clock is passed in). */
  readonly now: string;
  /**
   * The store is not the engine that parsed: parents are read from their
   * candidate tables (parentCandidatesSql, copied to the store) instead of
   * from norm, which the store does not have.
   */
  readonly parentsCopied?: boolean;
}

/** Step 6: replace changed rows, add new ones, create the parents they name. */
export function writeSql(input: PlanInput, shape: Shape, table: TableDoc, ctx: WriteContext): string[] {
  const t = input.tables;
  const cols = table.columns.filter((c) => !['import_run_id', 'updated_at'].includes(c.name) && !derived.has(c.name)).map((c) => q(c.name));
  const target = q(table.name);
  return [
    `DELETE FROM ${target} USING ${q(t.merged)} m WHERE ${keyEquals(table, target, 'm')} AND m._outcome = 'updated'`,
    `INSERT INTO ${target} (${cols.join(', ')}, import_run_id, updated_at)
SELECT ${cols.join(', ')}, ${ctx.runId}, ${ctx.now} FROM ${q(t.merged)} WHERE _outcome <> 'unchanged'${clusterBy(table)}`,
    ...parentsSql(input, shape, ctx),
  ];
}

/** The parents the valid rows name that the store does not hold yet (with writeSql, or before freshRows). */
export function parentsSql(input: PlanInput, shape: Shape, ctx: WriteContext): string[] {
  return shape.parents.map((p) => parentSql(input, shape, p, ctx));
}

/**
 * Step 5 and 6 at once, for a table that holds nothing yet (after
 * parentsSql): every shaped row is new, so it goes straight in, with no
 * comparison table in between.
 */
export function freshRows(input: PlanInput, shape: Shape, table: TableDoc, ctx: WriteContext): InsertSelect {
  const unfilled = unfilledColumns(input, shape);
  const cols = table.columns
    .filter((c) => !['import_run_id', 'updated_at', 'row_version'].includes(c.name) && !derived.has(c.name) && !unfilled.has(c.name))
    .map((c) => c.name);
  const hasVersion = table.columns.some((c) => c.name === 'row_version');
  // Every line of every order is here, so the heads are marked on the way in
  // (shapedSql's markHeads): cheaper than updating them after.
  const heads = marksHeads(table, true);
  return {
    table: table.name,
    columns: [...cols, ...(heads ? ['opens_order'] : []), ...(hasVersion ? ['row_version'] : []), 'import_run_id', 'updated_at'],
    // The constants are added after the sort, which need not carry them.
    select: `SELECT *${hasVersion ? ', 1' : ''}, ${ctx.runId}, ${ctx.now} FROM (SELECT ${[...cols.map((c) => q(c)), ...(heads ? ['_opens'] : [])].join(', ')} FROM ${q(input.tables.shaped)}${clusterBy(table)})`,
  };
}

/** Minimal records for the customers and products the valid rows name that the store does not know yet. */
function parentSql(input: PlanInput, shape: Shape, parent: Parent, ctx: WriteContext): string {
  const entries = Object.entries(parent.columns);
  const [keyCol] = entries[0]!;
  const rest = entries.slice(1);
  const version = parent.table === 'customers' ? ', row_version' : '';
  const versionValue = parent.table === 'customers' ? ', 1' : '';
  const source = ctx.parentsCopied === true ? q(parentCandidatesTable(input, parent)) : `(${parentRowsSql(input, shape, parent)})`;
  return `INSERT INTO ${q(parent.table)} (${[keyCol, ...rest.map(([c]) => c)].map((c) => q(c)).join(', ')}${version}, import_run_id, updated_at)
SELECT _key, ${rest.map(([c]) => `max(${q(c)})`).join(', ')}${versionValue}, ${ctx.runId}, ${ctx.now}
FROM ${source}
WHERE _key IS NOT NULL AND _key NOT IN (SELECT ${q(parent.key)} FROM ${q(parent.table)} WHERE ${q(parent.key)} IS NOT NULL)
GROUP BY _key`;
}

/** The parent's key and fields on every valid row. */
function parentRowsSql(input: PlanInput, shape: Shape, parent: Parent): string {
  const [[, keyExpr], ...rest] = Object.entries(parent.columns) as [[string, string], ...[string, string][]];
  const value = (e: string) => withMissingAsNull(input, e);
  return `SELECT ${value(keyExpr)} AS _key${rest.map(([c, e]) => `, ${value(e)} AS ${q(c)}`).join('')} ${validRows(input, shape, mappedFields(input))}`;
}

/** Temporary table of a parent's candidates, when they are copied from the engine that parsed to the store. */
export function parentCandidatesTable(input: PlanInput, parent: Parent): string {
  return `${input.tables.shaped}_${parent.table}`;
}

/** One row per parent key the valid rows name (parentSql, run over these, gives the same records). */
export function parentCandidatesSql(input: PlanInput, shape: Shape, parent: Parent): string {
  const rest = Object.keys(parent.columns).slice(1);
  return `SELECT _key, ${rest.map((c) => `max(${q(c)}) AS ${q(c)}`).join(', ')} FROM (${parentRowsSql(input, shape, parent)}) AS p WHERE _key IS NOT NULL GROUP BY _key`;
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

/**
 * Every rejected row with its raw cells (by header) and all its reasons. The
 * cells were kept in norm for rows with errors; rows rejected later (a
 * repeated key) are looked up in the staged file, which only then is read again.
 */
export function quarantineSql(input: PlanInput, ctx: WriteContext, lateRejects: boolean): InsertSelect {
  const t = input.tables;
  const pairs = input.rawColumns.map((c) => `${lit(c.header)}, r.${q(c.source)}`).join(', ');
  const raw = lateRejects ? `coalesce(n._raw, json_object(${pairs}))` : 'n._raw';
  const join = lateRejects ? `LEFT JOIN ${q(t.raw)} r ON n._raw IS NULL AND r._row = e._row` : '';
  return {
    table: 'quarantine',
    columns: ['run_id', 'row_number', 'entity', 'raw', 'reasons'],
    select: `WITH e AS (
  SELECT _row, json_group_array(json_object('column', col, 'code', code, 'value', value)) AS reasons
  FROM ${q(t.issues)} WHERE severity = 'error' GROUP BY _row
)
SELECT ${ctx.runId}, e._row, ${lit(input.entity.name)}, ${raw}, e.reasons
FROM e JOIN ${q(t.norm)} n ON n._row = e._row ${join}`,
  };
}

/** Issues kept for review: at most `cap` per code, earliest rows first. */
export function importIssuesSql(input: PlanInput, ctx: WriteContext, cap: number): InsertSelect {
  return {
    table: 'import_issues',
    columns: ['run_id', 'row_number', 'column_name', 'code', 'severity', 'value'],
    select: `SELECT ${ctx.runId}, _row, col, code, severity, value FROM (
  SELECT *, row_number() OVER (PARTITION BY code ORDER BY _row) AS rk FROM ${q(input.tables.issues)}
) WHERE rk <= ${Math.floor(cap)}`,
  };
}

function outcomeCount(input: PlanInput, outcome: 'inserted' | 'updated' | 'unchanged'): string {
  return `(SELECT count(*) FROM ${q(input.tables.merged)} WHERE _outcome = '${outcome}')`;
}

/** Inserted, updated and unchanged rows, where the merge ran. */
export function outcomeCountsSql(input: PlanInput): string {
  return `SELECT ${(['inserted', 'updated', 'unchanged'] as const).map((o) => `${outcomeCount(input, o)} AS ${o}`).join(', ')}`;
}

/**
 * Row outcomes. `fresh`: the rows went straight in (freshRows), so all
 * valid rows were inserted. Where the merge ran on the store and the rest on
 * a private engine, these are taken as if fresh and outcomeCountsSql on the
 * store gives the three outcomes.
 */
export function countsSql(input: PlanInput, fresh: boolean): string {
  const t = input.tables;
  const errorRows = `(SELECT count(DISTINCT _row) FROM ${q(t.issues)} WHERE severity = 'error')`;
  const outcome = (o: 'inserted' | 'updated' | 'unchanged') => outcomeCount(input, o);
  return `SELECT
  count(*) FILTER (WHERE _dup > 0) AS rows,
  count(*) FILTER (WHERE _dup = 0) AS blank,
  count(*) FILTER (WHERE _dup > 1) AS duplicates,
  ${errorRows} AS quarantined,
  (SELECT count(DISTINCT _row) FROM ${q(t.issues)} WHERE severity = 'warning'
     AND _row NOT IN (SELECT _row FROM ${q(t.issues)} WHERE severity = 'error')) AS warnings,
  ${fresh ? `count(*) FILTER (WHERE _dup = 1) - ${errorRows}` : outcome('inserted')} AS inserted,
  ${fresh ? '0' : outcome('updated')} AS updated,
  ${fresh ? '0' : outcome('unchanged')} AS unchanged
FROM ${q(t.norm)}`;
}
