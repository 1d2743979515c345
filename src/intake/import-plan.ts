/**
 * The SQL of one import, as pure builders: staged text → typed fields and
 * problems → shaped target rows → compared with what the store holds.
 *
 * Tables, all temporary and named after the run:
 *   raw     _row, c1..cN           the file's cells as text (staged elsewhere)
 *   norm    _row, _dup, f_*, p_*   every field of the entity, typed; problems
 *   issues  _row, col, code, sev   one row per problem found
 *   shaped  _row, target columns   keys synthesised, references resolved
 *   merged  shaped ⋈ target        outcome inserted / updated / unchanged
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import type { EntitySpec, FieldSpec } from './field-catalog.js';
import type { FieldType, ValueOptions } from './field-type.js';
import { isOwnColumn } from './own-columns.js';
import { cleanTextSql, parseSql, periodBoundsSql, problemSql } from './value-sql.js';

export interface PlanColumn {
  readonly field: FieldSpec;
  /** Raw column name in the staged table (c1 …). */
  readonly source: string;
  readonly header: string;
  readonly options: ValueOptions;
}

export interface PlanInput {
  readonly entity: EntitySpec;
  readonly tables: RunTables;
  /** All staged text columns, in file order, with their (deduplicated) headers. */
  readonly rawColumns: readonly { readonly source: string; readonly header: string }[];
  /** Number of columns the header has; cells beyond it are surplus. */
  readonly headerWidth: number;
  readonly columns: readonly PlanColumn[];
  /** Constant text for fields the file lacks (from a mapping file). */
  readonly defaults: Readonly<Record<string, string>>;
  readonly defaultOptions: ValueOptions;
  /**
   * Whether identical rows are one record written twice. True when rows carry
   * their own id; a transaction log without ids (CDNOW) can hold two identical
   * purchases on one day, which are two purchases.
   */
  readonly detectDuplicates: boolean;
  /** Field whose empty cells need a content hash for a synthesised id; null when none does. */
  readonly hashFor: string | null;
  /** Temp table (_row, _scan_code, _scan_severity) of problems the structural scan found, if any. */
  readonly scanIssues: string | null;
  /**
   * Each row is its own order (a file with one row per order and no order
   * numbers): ids come from the row's content and its occurrence among
   * identical rows, instead of grouping a customer's day into one order.
   */
  readonly orderPerRow: boolean;
}

export interface RunTables {
  readonly raw: string;
  readonly norm: string;
  readonly issues: string;
  readonly shaped: string;
  readonly merged: string;
}

export function runTables(runId: number): RunTables {
  const t = (name: string) => `import_${runId}_${name}`;
  return { raw: t('raw'), norm: t('norm'), issues: t('issues'), shaped: t('shaped'), merged: t('merged') };
}

/** SQL type of a normalised field. */
export function sqlTypeOf(type: FieldType): string {
  switch (type) {
    case 'id':
    case 'text':
      return 'VARCHAR';
    case 'date':
      return 'DATE';
    case 'datetime':
      return 'TIMESTAMP';
    case 'amount':
    case 'number':
    case 'rate':
      return 'DOUBLE';
    case 'integer':
      return 'BIGINT';
    case 'boolean':
      return 'BOOLEAN';
    case 'period':
      return 'DATE';
    default:
      return assertNever(type);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

const f = (name: string) => q(`f_${name}`);
const p = (name: string) => q(`p_${name}`);

/** The raw text a field reads: its column, else its default, else nothing. */
function sourceOf(input: PlanInput, field: FieldSpec): { expr: string; options: ValueOptions } | null {
  const col = input.columns.find((c) => c.field.name === field.name);
  if (col) {
    const def = input.defaults[field.name];
    const expr = def === undefined ? q(col.source) : `coalesce(${q(col.source)}, ${lit(def)})`;
    return { expr, options: col.options };
  }
  const def = input.defaults[field.name];
  return def === undefined ? null : { expr: lit(def), options: input.defaultOptions };
}

interface FieldSql {
  /** Typed values, computed first. */
  readonly values: string[];
  /** Problems, computed over the typed values (an unreadable cell is parsed once more, a clean one not at all). */
  readonly problems: string[];
}

function fieldSelects(input: PlanInput): FieldSql {
  const values: string[] = [];
  const problems: string[] = [];
  for (const field of input.entity.fields) {
    const src = sourceOf(input, field);
    if (field.type === 'period') {
      const bounds = src ? periodBoundsSql(src.expr) : { start: 'NULL', end: 'NULL', problem: 'NULL' };
      // A period becomes two dates, named _from/_to so they never clash with
      // explicit period_start / period_end fields.
      values.push(`CAST(${bounds.start} AS DATE) AS ${f(`${field.name}_from`)}`);
      values.push(`CAST(${bounds.end} AS DATE) AS ${f(`${field.name}_to`)}`);
      problems.push(`${bounds.problem} AS ${p(field.name)}`);
      continue;
    }
    const type = sqlTypeOf(field.type);
    if (!src) {
      values.push(`CAST(NULL AS ${type}) AS ${f(field.name)}`);
      problems.push(`CAST(NULL AS VARCHAR) AS ${p(field.name)}`);
      continue;
    }
    values.push(`CAST(${parseSql(field.type, src.expr, src.options)} AS ${type}) AS ${f(field.name)}`);
    problems.push(`${problemSql(field.type, src.expr, src.options, f(field.name))} AS ${p(field.name)}`);
  }
  return { values, problems };
}

/** Unmapped columns kept as extra data: those with a header, other than the store's own. */
function extraColumns(input: PlanInput): PlanInput['rawColumns'] {
  const mapped = new Set(input.columns.map((c) => c.source));
  return input.rawColumns.slice(0, input.headerWidth).filter((c) => !mapped.has(c.source) && c.header.trim() !== '' && !isOwnColumn(c.header));
}

/** Whether `_extra` can hold anything: else it is NULL on every row. */
export function hasExtraColumns(input: PlanInput): boolean {
  return extraColumns(input).length > 0;
}

/** Unmapped columns as one JSON object (NULL when they are all empty). */
function extraSelect(input: PlanInput): string {
  const extras = extraColumns(input);
  if (extras.length === 0) return 'CAST(NULL AS JSON) AS _extra';
  const cleaned = extras.map((c) => ({ key: c.header, value: cleanTextSql(q(c.source)) }));
  const anyValue = cleaned.map((c) => c.value).join(', ');
  const pairs = cleaned.map((c) => `${lit(c.key)}, ${c.value}`).join(', ');
  return `CASE WHEN coalesce(${anyValue}) IS NULL THEN NULL ELSE json_object(${pairs}) END AS _extra`;
}

/** Cells past the header's width that hold something: the row had too many fields. */
function surplusSelect(input: PlanInput): string {
  const surplus = input.rawColumns.slice(input.headerWidth).map((c) => `nullif(trim(${q(c.source)}), '')`);
  return surplus.length === 0 ? 'CAST(NULL AS VARCHAR) AS _surplus' : `coalesce(${surplus.join(', ')}) AS _surplus`;
}

function allColumnsList(input: PlanInput): string {
  return input.rawColumns.map((c) => q(c.source)).join(', ');
}

/**
 * Step 1, one pass over the staged cells: typed fields, problems, the
 * duplicate rank (0 for a blank row, 1 for the first copy), a content hash
 * where an id must be made, and — for rows with problems only — the list of
 * issues and the raw cells for the quarantine. Clean rows pay for one test.
 */
export function normSql(input: PlanInput, rules: readonly IssueRule[]): string {
  const all = allColumnsList(input);
  const hashInput = input.rawColumns.map((c) => `coalesce(${q(c.source)}, '')`).join(', ');
  const nonBlank = input.rawColumns.map((c) => `nullif(trim(${q(c.source)}), '')`).join(', ');
  const fields = fieldSelects(input);
  // Only rows that lack their id pay for the hash.
  const occurrence = input.orderPerRow ? `, CAST(_occ AS VARCHAR)` : '';
  const hash =
    input.hashFor === null ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${f(input.hashFor)} IS NULL THEN substr(md5(concat_ws(chr(31), ${hashInput}${occurrence})), 1, 16) END`;
  // A first cell that starts with something other than a space settles it
  // without trimming every cell of the row (≈ 0.15 s of a half-million rows).
  const first = q(input.rawColumns[0]?.source ?? 'c1');
  const blank = `CASE WHEN ascii(${first}) NOT IN (0, 32) THEN false ELSE coalesce(${nonBlank}) IS NULL END`;
  const ranks = input.detectDuplicates || input.orderPerRow;
  const dup = input.detectDuplicates ? 'coalesce(_rank, 1)' : '1';
  const scan = input.scanIssues ? `LEFT JOIN ${q(input.scanIssues)} USING (_row)` : '';
  const scanCols = input.scanIssues ? '_scan_code, _scan_severity' : `CAST(NULL AS VARCHAR) AS _scan_code, CAST(NULL AS VARCHAR) AS _scan_severity`;
  // Only what later steps read is written out: a wide temporary table is
  // costly to fill, and unmapped fields are NULL anyway (normView adds them back).
  const kept = ['_row', '_dup', '_hash', '_own_order', ...mappedFieldColumns(input), '_extra'].map((c) => q(c)).join(', ');
  return `CREATE TEMP TABLE ${q(input.tables.norm)} AS
${ranks ? `${copyRanksSql(input)}
` : ''}SELECT ${kept},
  ${issueListSql(rules)} AS _issues,
  ${rawJsonSql(input, rules)} AS _raw
FROM (
  SELECT *, ${hash} AS _hash, ${input.orderPerRow ? 'true' : 'false'} AS _own_order, ${fields.problems.join(',\n    ')}
  FROM (
    SELECT _row, ${all}, ${scanCols},
      CASE WHEN ${blank} THEN 0 ELSE ${dup} END AS _dup,
      ${input.orderPerRow ? 'coalesce(_rank, 1)' : '1'} AS _occ,
      ${fields.values.join(',\n      ')},
      ${extraSelect(input)},
      ${surplusSelect(input)}
    FROM ${ranks ? 'cells LEFT JOIN copies USING (_row)' : q(input.tables.raw)} ${scan}
  )
)`;
}

/**
 * Each row's rank among the rows with the same cells (NULL for a row that
 * has no twin), as CTEs \`cells\` and \`copies\`. Only rows whose content hash
 * repeats go through the exact ranking: a window over every row carried all
 * the cells through its sort (≈ 0.2 s of a half-million-row file), and a
 * grouping by the hash finds the few candidates for less.
 */
function copyRanksSql(input: PlanInput): string {
  const all = allColumnsList(input);
  return `WITH cells AS MATERIALIZED (SELECT *, hash(${all}) AS _cells_hash FROM ${q(input.tables.raw)}),
copies AS (
  SELECT _row, row_number() OVER (PARTITION BY ${all} ORDER BY _row) AS _rank FROM cells
  WHERE _cells_hash IN (SELECT _cells_hash FROM cells GROUP BY _cells_hash HAVING count(*) > 1)
)`;
}

/** Typed columns of the fields the file (or a default) provides. */
function mappedFieldColumns(input: PlanInput): string[] {
  return input.entity.fields
    .filter((field) => sourceOf(input, field) !== null)
    .flatMap(fieldColumns);
}

/** A field's typed columns in norm: a period has two. */
export function fieldColumns(field: FieldSpec): string[] {
  return field.type === 'period' ? [`f_${field.name}_from`, `f_${field.name}_to`] : [`f_${field.name}`];
}

/**
 * norm with every field of the entity as a column (NULL where the file lacks
 * it), for the shaping SQL, which may name any field.
 */
export function normWithAllFields(input: PlanInput): string {
  const missing = [...missingFields(input)].map(([name, type]) => `CAST(NULL AS ${type}) AS ${q(name)}`);
  return missing.length === 0 ? q(input.tables.norm) : `(SELECT *, ${missing.join(', ')} FROM ${q(input.tables.norm)})`;
}

/** The entity's field columns (f_…) the file does not have, with their SQL types. */
function missingFields(input: PlanInput): Map<string, string> {
  const present = new Set(mappedFieldColumns(input));
  return new Map(
    input.entity.fields.flatMap((field) =>
      fieldColumns(field)
        .filter((n) => !present.has(n))
        .map((n): [string, string] => [n, sqlTypeOf(field.type)]),
    ),
  );
}

/**
 * An expression over the row `n` with each field the file does not have
 * written as a typed NULL: the engine then folds whole branches away (a
 * status lookup of a file without statuses is NULL, not 31 string
 * comparisons per row), which a column of NULLs from normWithAllFields
 * would not let it do.
 */
export function withMissingAsNull(input: PlanInput, expr: string): string {
  let out = expr;
  for (const [name, type] of missingFields(input)) out = out.replaceAll(`n.${q(name)}`, `CAST(NULL AS ${type})`);
  return out;
}

function anyOf(rules: readonly IssueRule[]): string {
  return rules.length === 0 ? 'false' : rules.map((r) => `coalesce(${r.when}, false)`).join(' OR ');
}

function issueListSql(rules: readonly IssueRule[]): string {
  if (rules.length === 0) return 'CAST(NULL AS STRUCT(col VARCHAR, code VARCHAR, severity VARCHAR, value VARCHAR)[])';
  const structs = rules.map(
    (r) =>
      `CASE WHEN ${r.when} THEN {'col': ${lit(r.column)}, 'code': CAST(${r.code} AS VARCHAR), 'severity': ${lit(r.severity)}, 'value': CAST(${r.value} AS VARCHAR)} END`,
  );
  return `CASE WHEN _dup = 1 AND (${anyOf(rules)}) THEN list_filter([${structs.join(',\n    ')}], x -> x IS NOT NULL) END`;
}

/** The row as read, header → text, kept only for rows an error sends to the quarantine. */
function rawJsonSql(input: PlanInput, rules: readonly IssueRule[]): string {
  const pairs = input.rawColumns.map((c) => `${lit(c.header)}, ${q(c.source)}`).join(', ');
  return `CASE WHEN _dup = 1 AND (${anyOf(rules.filter((r) => r.severity === 'error'))}) THEN json_object(${pairs}) END`;
}

/** Fields whose problems reject the row: keys, required fields, and every date or amount. */
export function isStrictField(entity: EntitySpec, field: FieldSpec): boolean {
  const required = entity.required.some((r) => (typeof r === 'string' ? r === field.name : r.includes(field.name)));
  return required || field.type === 'date' || field.type === 'datetime' || field.type === 'amount' || field.type === 'id';
}

export interface IssueRule {
  /** Source column name to report (the header), or '' for the whole row. */
  readonly column: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** Boolean SQL over norm columns: true when the row has the problem. */
  readonly when: string;
  /** SQL giving the offending value as text. */
  readonly value: string;
}

function headerOf(input: PlanInput, fieldName: string): string {
  return input.columns.find((c) => c.field.name === fieldName)?.header ?? fieldName;
}

function rawValueOf(input: PlanInput, fieldName: string): string {
  const col = input.columns.find((c) => c.field.name === fieldName);
  return col ? `left(${q(col.source)}, 200)` : 'NULL';
}

/** Problems every entity shares: unreadable values, missing required fields, out-of-range numbers, surplus cells. */
export function commonIssueRules(input: PlanInput): IssueRule[] {
  const rules: IssueRule[] = [];
  for (const field of input.entity.fields) {
    const mapped = input.columns.some((c) => c.field.name === field.name) || input.defaults[field.name] !== undefined;
    if (!mapped) continue;
    rules.push({
      column: headerOf(input, field.name),
      code: `${p(field.name)}`,
      severity: isStrictField(input.entity, field) ? 'error' : 'warning',
      when: `${p(field.name)} IS NOT NULL`,
      value: rawValueOf(input, field.name),
    });
    if (field.range) {
      const [lo, hi] = field.range;
      rules.push({
        column: headerOf(input, field.name),
        code: lit('out_of_range'),
        severity: 'error',
        when: `${f(field.name)} NOT BETWEEN ${lo} AND ${hi}`,
        value: rawValueOf(input, field.name),
      });
    }
  }
  for (const req of input.entity.required) {
    const names = typeof req === 'string' ? [req] : req;
    const present = names.filter((n) => input.columns.some((c) => c.field.name === n) || input.defaults[n] !== undefined);
    if (present.length === 0) continue; // the whole file lacks it: refused before any row is read
    const nullChecks = names.map((n) => {
      const field = input.entity.fields.find((x) => x.name === n);
      return field?.type === 'period' ? `${f(`${n}_from`)} IS NULL` : `${f(n)} IS NULL`;
    });
    rules.push({
      column: headerOf(input, present[0]!),
      code: lit('required_missing'),
      severity: 'error',
      // A value that was there but unreadable is reported once, as unreadable.
      when: `${nullChecks.join(' AND ')} AND ${names.map((n) => `${p(n)} IS NULL`).join(' AND ')}`,
      value: 'NULL',
    });
  }
  rules.push(...idFromNameRules(input));
  rules.push({ column: '', code: lit('too_many_fields'), severity: 'error', when: '_surplus IS NOT NULL', value: 'left(_surplus, 200)' });
  // Found by the structural scan (short rows, a cut-off last row), joined in by row.
  rules.push({ column: '', code: '_scan_code', severity: 'error', when: "_scan_severity = 'error'", value: 'NULL' });
  rules.push({ column: '', code: '_scan_code', severity: 'warning', when: "_scan_severity = 'warning'", value: 'NULL' });
  return rules;
}

/**
 * A record keyed by its own id or, lacking one, its name (customers,
 * products, opportunities): in a file that has the id column, a row whose id
 * is blank is kept under its name, and says so, since it will not merge with
 * the record if that has an id.
 */
function idFromNameRules(input: PlanInput): IssueRule[] {
  const mapped = (n: string) => input.columns.some((c) => c.field.name === n);
  return input.entity.required
    .filter((req): req is readonly string[] => typeof req !== 'string' && req.length === 2 && req[0]!.endsWith('_id') && req[1] === 'name')
    .filter(([id, name]) => mapped(id!) && mapped(name!) && input.defaults[id!] === undefined)
    .map(([id, name]) => ({
      column: headerOf(input, id!),
      code: lit('id_from_name'),
      severity: 'warning' as const,
      when: `${f(id!)} IS NULL AND ${p(id!)} IS NULL AND ${f(name!)} IS NOT NULL`,
      value: rawValueOf(input, name!),
    }));
}

/** Step 2: one row per problem, unnested from the few rows that have any. */
export function issuesSql(input: PlanInput): string {
  const t = input.tables;
  return `CREATE TEMP TABLE ${q(t.issues)} AS
SELECT _row, i.col AS col, i.code AS code, i.severity AS severity, i.value AS value
FROM (SELECT _row, unnest(_issues) AS i FROM ${q(t.norm)} WHERE _issues IS NOT NULL)`;
}
