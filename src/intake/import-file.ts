/**
 * One file, one atomic import: stage, recognise, normalise, validate, then
 * write everything (rows, quarantine, issues, the run's record) in a single
 * transaction. A crash before the commit leaves the store as it was.
 */
import type { FieldCipher } from '../access/field-cipher.js';
import { sealColumns, sealedColumns } from '../store/seal-columns.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { quoteIdent as q, quoteLiteral as lit, type Queryable } from '../store/engine.js';
import type { Store } from '../store/open-store.js';
import { dataModel, type TableDoc } from '../store/schema/data-model.js';
import { entitySpec, type EntityName, type EntitySpec } from './field-catalog.js';
import { defaultValueOptions, type ValueOptions } from './field-type.js';
import { contradictingEntity, matchEntity, recogniseEntity, type HeaderMatch } from './header-match.js';
import { ImportError } from './import-error.js';
import { commonIssueRules, issuesSql, normSql, runTables, type PlanColumn, type PlanInput } from './import-plan.js';
import {
  countsSql,
  duplicateKeySql,
  freshRows,
  marksHeads,
  importIssuesSql,
  lookupTables,
  mergedSql,
  outcomeCountsSql,
  parentCandidatesSql,
  parentCandidatesTable,
  parentsSql,
  quarantineSql,
  resolveRepNamesSql,
  shapedSql,
  writeSql,
  type WriteContext,
} from './import-write.js';
import { shapeOf, type Parent, type Shape } from './entity-shapes.js';
import { apart, copyRows, copyToStore, insertSelect, withParsingEngine, type ColumnType, type ImportSides } from './parsing-engine.js';
import { nearDuplicateCustomers, type DuplicateCandidate } from './near-duplicates.js';
import { stageFileAhead, type FileNote, type StagedFile, type StagedShape } from './stage-file.js';
import type { UserMapping } from './user-mapping.js';
import { markOrderHeadsSql } from '../store/schema/order-heads.js';
import { detectDateOrder, detectDecimal, unitFactorFromHeader } from './value-sql.js';

export interface ImportRequest {
  readonly file: string;
  readonly entity?: EntityName;
  readonly mapping?: UserMapping;
  readonly sheet?: string;
}

export type ImportPhase = 'reading' | 'validating' | 'writing';

export interface ImportDeps {
  readonly now: () => Date;
  readonly onProgress?: (phase: ImportPhase, done: number, total: number) => void;
  /** Issues kept per problem code in the store and in the result. */
  readonly issueCap?: number;
  /** Most data rows one file may bring (the server caps uploads; the console does not). */
  readonly maxRows?: number;
}

export interface ImportIssue {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly value: string | null;
}

export interface ImportResult {
  readonly runId: number;
  readonly file: string;
  readonly entity: EntityName;
  readonly format: StagedFile['format'];
  readonly encoding: string | null;
  readonly sheet: string | null;
  readonly rows: number;
  /** Rows with every cell empty: not data, counted apart from rows. */
  readonly blank: number;
  readonly inserted: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly duplicates: number;
  readonly quarantined: number;
  readonly warnings: number;
  readonly issues: readonly ImportIssue[];
  readonly issuesTotal: number;
  readonly mapping: readonly { readonly header: string; readonly field: string; readonly how: string }[];
  readonly unmapped: readonly string[];
  readonly notes: readonly FileNote[];
  /** Customers that look like one company under two ids (customer files only). */
  readonly duplicateCandidates: readonly DuplicateCandidate[];
}

const DEFAULT_ISSUE_CAP = 1_000;

export async function importFile(store: Store, req: ImportRequest, deps: ImportDeps): Promise<ImportResult> {
  try {
    return await importOnce(store, req, deps, false);
  } catch (error) {
    // The first MiB looked like UTF-8 but a later byte is not: read it again, checked and repaired.
    if (!(error instanceof Error) || !/Invalid unicode/i.test(error.message)) throw error;
    return importOnce(store, req, deps, true);
  }
}

async function importOnce(store: Store, req: ImportRequest, deps: ImportDeps, confirmEncoding: boolean): Promise<ImportResult> {
  const db = store.engine;
  const runId = (await db.query<{ id: number }>(`SELECT nextval('import_run_seq') AS id`))[0]!.id;
  const startedAt = deps.now();
  await mkdir(store.workDir, { recursive: true });
  const scratch: string[] = [];
  try {
    // One connection for the whole import: its temporary tables are private
    // to it and vanish with it. The file is parsed into them before the
    // transaction begins (DuckDB scans a table made inside an open
    // transaction on one thread), and only the write is a transaction:
    // nothing is visible to others before its COMMIT.
    // Imports take turns: each compares natural keys with the stored rows before it writes.
    const oneAtATime = { exclusive: 'import' };
    return await withParsingEngine(store, (parser) => parser.session(async (parsing) => {
      const tables = runTables(runId);
      const ahead = await stageFileAhead(parsing, {
        file: req.file,
        rawTable: tables.raw,
        workDir: store.workDir,
        runTag: `run-${runId}`,
        confirmEncoding,
        ...(req.mapping ? { mapping: req.mapping } : {}),
        ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
        onProgress: (_phase, done, total) => deps.onProgress?.('reading', done, total),
      });
      scratch.push(...ahead.scratch);
      // Parsing starts on the file as its head shows it: the engine parses on
      // its threads while the structural scan runs on this one. In the rare
      // file the scan finds otherwise, it is parsed again as the scan says.
      const planned = await planParse(parsing, req, ahead.shape, tables).then(
        (parsed) => ({ parsed }),
        (error: unknown) => ({ error }),
      );
      // The file's hash is read beside the engine's work too, not before it.
      const sha256 = fileSha256(req.file).catch(() => '');
      const [early, scanned] = await Promise.allSettled([
        'parsed' in planned ? runNorm(parsing, planned.parsed) : Promise.reject(planned.error),
        ahead.scan(),
      ]);
      if (scanned.status === 'rejected') throw scanned.reason;
      const { staged, restage } = scanned.value;
      if (deps.maxRows !== undefined && staged.rows > deps.maxRows) throw new ImportError('too_many_rows', req.file, { rows: staged.rows, max: deps.maxRows });
      deps.onProgress?.('validating', 0, staged.rows);
      const { match, input } = restage ? await parseAgain(parsing, req, staged, tables, restage) : parsedOrThrow(early);
      const notes = fileNotes(req, match, staged);
      await parsing.run(issuesSql(input));
      await checkRecordCount(parsing, input, staged, req.file);
      deps.onProgress?.('writing', 0, staged.rows);
      const run: RunContext = { runId, sha256: await sha256, startedAt, deps, file: req.file, cipher: store.cipher, notes };
      // On a DuckDB store the write's transaction is on the parsing connection, so one handle serves both sides.
      const result = parser === db
        ? await parsing.transaction((storeTx) => writeRun({ parse: storeTx, store: storeTx }, input, staged, match, run))
        : await db.transaction((storeTx) => writeRun({ parse: parsing, store: storeTx }, input, staged, match, run), oneAtATime);
      deps.onProgress?.('writing', staged.rows, staged.rows);
      return result;
    }, parser === db ? oneAtATime : {}));
  } catch (error) {
    const retried = !confirmEncoding && error instanceof Error && /Invalid unicode/i.test(error.message);
    if (!retried) await recordFailure(db, runId, req.file, startedAt, deps.now(), error);
    throw error;
  } finally {
    for (const file of scratch) await rm(file, { recursive: true, force: true });
  }
}

interface Parsed {
  readonly match: HeaderMatch;
  readonly input: PlanInput;
}

/** The staged cells recognised and sampled for conventions: what the norm statement is made from. */
async function planParse(db: Queryable, req: ImportRequest, shape: StagedShape, tables: PlanInput['tables']): Promise<Parsed> {
  const match = resolveMatch(req, shape);
  const scanIssues = await stageScanIssues(db, `${tables.raw}_scan`, shape);
  return { match, input: planInput(match, shape, req.mapping, tables, await columnSamples(db, tables.raw, match), scanIssues) };
}

async function runNorm(db: Queryable, parsed: Parsed): Promise<Parsed> {
  await db.run(normSql(parsed.input, commonIssueRules(parsed.input)));
  return parsed;
}

/** After a wrong guess: the norm table made from it goes, and the file is parsed as the scan found it. */
async function parseAgain(db: Queryable, req: ImportRequest, staged: StagedFile, tables: PlanInput['tables'], restage: () => Promise<void>): Promise<Parsed> {
  await db.run(`DROP TABLE IF EXISTS ${q(tables.norm)}`);
  await restage();
  return runNorm(db, await planParse(db, req, staged, tables));
}

/** What parsing on the guess gave, once the scan has confirmed the guess: its error is the file's. */
function parsedOrThrow<T>(early: PromiseSettledResult<T>): T {
  if (early.status === 'rejected') throw early.reason;
  return early.value;
}

function resolveMatch(req: ImportRequest, staged: StagedShape): HeaderMatch {
  const entityName = req.entity ?? req.mapping?.entity;
  if (staged.headers.length === 0) throw new ImportError('no_columns', req.file);
  const match = matchHeaders(req, staged, path.basename(req.file));
  const defaults = new Set(Object.keys(req.mapping?.defaults ?? {}));
  const missing = match.missing.filter((m) => (typeof m === 'string' ? !defaults.has(m) : !m.some((x) => defaults.has(x))));
  if (missing.length > 0) {
    const code = entityName !== undefined || match.columns.length > 0 ? 'required_columns_missing' : 'entity_not_recognised';
    throw new ImportError(code, req.file, {
      entity: match.entity.name,
      missing: missing.map((m) => (typeof m === 'string' ? m : m.join('|'))).join(', '),
      headers: staged.headers.join(', ').slice(0, 300),
    });
  }
  return match;
}

/**
 * The columns' fields, as an import and its preview both read them: the
 * entity chosen (--entity, a mapping's entity, the wizard's data type) or
 * else recognised, with the mapping's columns over what the headers say.
 * `name` is the file's name as the user knows it.
 */
export function matchHeaders(req: ImportRequest, staged: StagedShape, name: string): HeaderMatch {
  const chosen = req.entity ?? req.mapping?.entity;
  const overrides = mappingOverrides(req, staged);
  if (chosen === undefined && overrides.size === 0) return recogniseEntity(staged.headers, name);
  return matchEntity(entitySpec(chosen ?? recogniseEntity(staged.headers, name).entity.name), staged.headers, name, overrides);
}

/**
 * What staging noticed about the file as a whole, and a warning when the
 * entity the user chose is not what the headers clearly say: the user may
 * know better, so the file is still read as chosen, but they hear of it
 * before (preview) and after (import result) the rows are written.
 */
export function fileNotes(req: ImportRequest, match: HeaderMatch, staged: StagedFile): FileNote[] {
  const chosen = req.entity ?? req.mapping?.entity;
  const other = chosen === undefined ? undefined : contradictingEntity(match, staged.headers);
  if (chosen === undefined || other === undefined) return [...staged.notes];
  return [...staged.notes, { code: 'entity_mismatch', params: { entity: chosen, recognised: other.entity.name, columns: other.headers } }];
}

/** Mapping-file columns, given as header text or 1-based number, as column indexes. */
export function mappingOverrides(req: ImportRequest, staged: StagedShape): Map<string, number> {
  const out = new Map<string, number>();
  for (const [field, ref] of Object.entries(req.mapping?.columns ?? {})) {
    const index = typeof ref === 'number' ? ref - 1 : staged.headers.findIndex((h) => h.trim() === ref.trim());
    if (index < 0 || index >= staged.width) {
      throw new ImportError('mapping_column_not_found', req.file, { field, column: String(ref), headers: staged.headers.join(', ').slice(0, 300) });
    }
    out.set(field, index);
  }
  return out;
}

/** Up to 20,000 non-empty values per date or number column, for detecting the file's conventions. */
async function columnSamples(db: Queryable, raw: string, match: HeaderMatch): Promise<Map<number, string[]>> {
  const wanted = match.columns.filter((c) => ['date', 'datetime', 'amount', 'number', 'rate', 'integer'].includes(c.field.type));
  if (wanted.length === 0) return new Map();
  // One joined string per column: a list of 20,000 values costs more to hand over than to read from the file.
  // A cell holding the separator (a control character) only splits one sample in two.
  const lists = wanted.map((c) => `string_agg(${q(`c${c.index + 1}`)}, chr(30)) FILTER (WHERE ${q(`c${c.index + 1}`)} IS NOT NULL) AS ${q(`s${c.index}`)}`);
  const row = (await db.query(`SELECT ${lists.join(', ')} FROM (SELECT * FROM ${q(`${raw}_sample`)} LIMIT 20000)`))[0] ?? {};
  return new Map(wanted.map((c) => [c.index, sampleValues(row[`s${c.index}`])]));
}

function sampleValues(joined: unknown): string[] {
  return joined === null || joined === undefined ? [] : String(joined).split('\x1e');
}

function planInput(
  match: HeaderMatch,
  staged: StagedShape,
  mapping: UserMapping | undefined,
  tables: PlanInput['tables'],
  samples: Map<number, string[]>,
  scanIssues: string | null,
): PlanInput {
  const numericSamples = match.columns
    .filter((c) => ['amount', 'number', 'rate'].includes(c.field.type))
    .flatMap((c) => samples.get(c.index) ?? []);
  const decimal = mapping?.decimal ?? detectDecimal(numericSamples);
  const columns: PlanColumn[] = match.columns.map((c) => {
    const options: ValueOptions = {
      decimal,
      // Only dates read by day and month order; a number column's samples need no look for it.
      dateOrder: mapping?.dateOrder ?? (isDateType(c.field.type) ? detectDateOrder(samples.get(c.index) ?? []) : defaultValueOptions.dateOrder),
      unitFactor: unitFactorOf(c.field.type, c.header, mapping),
    };
    return { field: c.field, source: `c${c.index + 1}`, header: c.header, options };
  });
  return {
    entity: match.entity,
    tables,
    rawColumns: Array.from({ length: staged.width }, (_, i) => ({ source: `c${i + 1}`, header: staged.headers[i] ?? `column ${i + 1}` })),
    headerWidth: staged.hasHeader ? staged.headers.length : staged.width,
    columns,
    defaults: mapping?.defaults ?? {},
    defaultOptions: { ...defaultValueOptions, decimal },
    detectDuplicates: mapping?.duplicates !== undefined ? mapping.duplicates === 'count' : hasOwnIds(match),
    hashFor: shapeOf(match.entity.name).hashFor ?? null,
    scanIssues,
    orderPerRow: mapping?.orderPerRow === true && match.entity.name === 'order_lines',
  };
}

const isDateType = (type: string) => type === 'date' || type === 'datetime';

/** A header's unit scales amounts (金额(万元)) and marks percent rates (折扣(%)); a mapping's unit wins for amounts. */
function unitFactorOf(type: string, header: string, mapping: UserMapping | undefined): number {
  const fromHeader = unitFactorFromHeader(header).factor;
  if (type === 'amount') return mapping?.unitFactor ?? fromHeader;
  if (type === 'rate' && fromHeader === 0.01) return 0.01;
  return 1;
}

/** Order lines without an order number are a transaction log: identical rows are separate purchases. */
function hasOwnIds(match: HeaderMatch): boolean {
  if (match.entity.name !== 'order_lines') return true;
  return match.columns.some((c) => c.field.name === 'order_id');
}

/** Problems the structural scan found (short rows: warnings; a cut-off last row: error), as a table norm joins by row. */
async function stageScanIssues(db: Queryable, table: string, staged: StagedShape): Promise<string | null> {
  const rows = [
    // One row per line (norm joins on it): a cut-off last row is short too, and the error says more.
    ...staged.shortRows.filter((r) => r !== staged.truncatedRow).map((r) => `(${r}, 'short_row', 'warning')`),
    ...(staged.truncatedRow !== null ? [`(${staged.truncatedRow}, 'truncated_row', 'error')`] : []),
  ];
  if (rows.length === 0) return null;
  await db.run(`CREATE OR REPLACE TEMP TABLE ${q(table)} (_row BIGINT, _scan_code VARCHAR, _scan_severity VARCHAR)`);
  for (let i = 0; i < rows.length; i += 1000) {
    await db.run(`INSERT INTO ${q(table)} VALUES ${rows.slice(i, i + 1000).join(', ')}`);
  }
  return table;
}

/**
 * The engine's CSV reader and the structural scan must agree on how many
 * records the file holds; if they ever do not, stop rather than misnumber rows.
 */
async function checkRecordCount(db: Queryable, input: PlanInput, staged: StagedFile, file: string): Promise<void> {
  const n = (await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(input.tables.norm)}`))[0]!.n;
  if (n !== staged.rows) throw new Error(`read ${n} records where the scan counted ${staged.rows} in ${file}`);
}

interface RunContext {
  readonly runId: number;
  readonly sha256: string;
  readonly startedAt: Date;
  readonly deps: ImportDeps;
  readonly file: string;
  readonly cipher: FieldCipher;
  /** What staging and recognition noticed about the file as a whole. */
  readonly notes: readonly FileNote[];
}

/** An erased customer's personal fields stay erased whatever an old file says; the rest are sealed. */
async function sealStaged(tx: Queryable, shaped: string, table: TableDoc, shape: Shape, columns: readonly string[], cipher: FieldCipher): Promise<void> {
  if (table.name === 'customers') {
    const personal = table.columns.filter((c) => c.sensitivity === 'personal' && c.name in shape.columns);
    await tx.run(`UPDATE ${q(shaped)} SET ${personal.map((c) => `${q(c.name)} = NULL`).join(', ')} WHERE customer_id IN (SELECT customer_id FROM erasures)`);
  }
  await sealColumns(tx, shaped, columns, cipher);
}

async function isEmpty(db: Queryable, table: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM ${q(table)} LIMIT 1`)).length === 0;
}

function tableOf(entity: EntitySpec): TableDoc {
  const table = dataModel.find((t) => t.name === entity.table);
  if (!table) throw new Error(`no table ${entity.table}`);
  return table;
}

function timestampLiteral(d: Date): string {
  return `TIMESTAMP ${lit(d.toISOString().replace('T', ' ').replace('Z', ''))}`;
}

async function writeRun(sides: ImportSides, input: PlanInput, staged: StagedFile, match: HeaderMatch, run: RunContext): Promise<ImportResult> {
  const { parse, store: tx } = sides;
  const copied = apart(sides);
  const table = tableOf(input.entity);
  const shape = shapeOf(input.entity.name);
  const cap = run.deps.issueCap ?? DEFAULT_ISSUE_CAP;
  const mapping = match.columns.map((c) => ({ header: c.header, field: c.field.name, how: c.how }));
  {
    const ctx: WriteContext = { runId: run.runId, now: timestampLiteral(run.deps.now()), ...(copied ? { parentsCopied: true } : {}) };
    // An empty table takes every row as new: shaped rows go straight in.
    const fresh = await isEmpty(tx, table.name);
    const sealed = (sealedColumns.get(table.name) ?? []).filter((c) => c in shape.columns);
    if (copied) await copyLookups(sides, lookupTables(input, shape), sealed.length > 0 && table.name === 'customers');
    // Personal fields are sealed before the merge compares them with the stored (sealed) ones.
    await parse.run(shapedSql(input, shape, table, sealed.length > 0, marksHeads(table, fresh)));
    if (sealed.length > 0) await sealStaged(parse, input.tables.shaped, table, shape, sealed, run.cipher);
    for (const sql of duplicateKeySql(input, shape, table)) await parse.run(sql);
    if (copied) for (const parent of shape.parents) await copyRows(parse, parentCandidatesSql(input, shape, parent), tx, parentCandidatesTable(input, parent), parentColumns(parent));
    if (fresh) {
      for (const sql of parentsSql(input, shape, ctx)) await tx.run(sql);
      await insertSelect(sides, freshRows(input, shape, table, ctx));
    } else {
      if (copied) await copyToStore(sides, input.tables.shaped);
      await tx.run(mergedSql(input, shape, table));
      for (const sql of writeSql(input, shape, table, ctx)) await tx.run(sql);
    }
    if (input.entity.name === 'reps') for (const sql of resolveRepNamesSql()) await tx.run(sql);
    // A fresh table had its order heads marked on the way in (freshRows); merged lines are marked here.
    if (table.name === 'order_lines' && !fresh) await tx.run(markOrderHeadsSql);
    const lateRejects = (await parse.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(input.tables.issues)} WHERE code = 'duplicate_key'`))[0]!.n > 0;
    await insertSelect(sides, quarantineSql(input, ctx, lateRejects));
    await insertBadRecords(sides, run.runId, input.entity.name, staged);
    await insertSelect(sides, importIssuesSql(input, ctx, cap));
    // Where the merge ran on the store, the parse side counts as if fresh and the store gives the outcomes.
    const counts = (await parse.query<Record<string, number>>(countsSql(input, fresh || copied)))[0]!;
    if (copied && !fresh) Object.assign(counts, (await tx.query<Record<string, number>>(outcomeCountsSql(input)))[0]);
    const bad = staged.badRecords.length;
    const totals = { ...counts, rows: counts.rows! + bad, quarantined: counts.quarantined! + bad };
    const issues = await tx.query<ImportIssue>(
      `SELECT row_number AS "row", column_name AS "column", code, severity, value FROM import_issues WHERE run_id = $1 ORDER BY row_number, column_name LIMIT ${cap}`,
      [run.runId],
    );
    const issuesTotal = (await parse.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(input.tables.issues)}`))[0]!.n + bad;
    const result: ImportResult = {
      runId: run.runId,
      file: run.file,
      entity: input.entity.name,
      format: staged.format,
      encoding: staged.encoding,
      sheet: staged.sheet,
      rows: totals.rows,
      blank: counts.blank!,
      inserted: counts.inserted!,
      updated: counts.updated!,
      unchanged: counts.unchanged!,
      duplicates: counts.duplicates!,
      quarantined: totals.quarantined,
      warnings: counts.warnings!,
      // The records the scan set aside are in import_issues already (insertBadRecords).
      issues,
      issuesTotal,
      mapping,
      unmapped: match.unmapped.map((u) => u.header),
      notes: run.notes,
      duplicateCandidates: input.entity.name === 'customers' ? await duplicateCandidates(sides, input, run.runId) : [],
    };
    await recordRun(tx, result, run, staged, 'committed', null);
    return result;
  }
}

const varchar = (name: string): ColumnType => ({ name, type: 'VARCHAR' });

/** The store rows the shaping reads (name lookups, erased customers), copied to the engine that parses. */
async function copyLookups(sides: ImportSides, lookups: readonly ('customers' | 'reps')[], erasures: boolean): Promise<void> {
  const { store, parse } = sides;
  if (lookups.includes('customers')) {
    await copyRows(store, 'SELECT customer_id, name FROM customers WHERE name IS NOT NULL', parse, 'customers', [varchar('customer_id'), varchar('name')]);
  }
  if (lookups.includes('reps')) await copyRows(store, 'SELECT rep_id, name FROM reps', parse, 'reps', [varchar('rep_id'), varchar('name')]);
  if (erasures) await copyRows(store, 'SELECT customer_id FROM erasures', parse, 'erasures', [varchar('customer_id')]);
}

/** Columns of a parent's candidates table: the key as _key, then the parent's fields, typed as the parent table has them. */
function parentColumns(parent: Parent): ColumnType[] {
  const doc = dataModel.find((t) => t.name === parent.table);
  const typeOf = (name: string) => doc?.columns.find((c) => c.name === name)?.type ?? 'VARCHAR';
  const [, ...rest] = Object.keys(parent.columns);
  return [{ name: '_key', type: typeOf(parent.key) }, ...rest.map((name) => ({ name, type: typeOf(name) }))];
}

async function duplicateCandidates(sides: ImportSides, input: PlanInput, runId: number): Promise<DuplicateCandidate[]> {
  if (!apart(sides)) return nearDuplicateCustomers(sides.store, runId);
  const names = `${input.tables.shaped}_names`;
  const columns = [varchar('customer_id'), varchar('name'), { name: 'import_run_id', type: 'BIGINT' }];
  await copyRows(sides.store, 'SELECT customer_id, name, import_run_id FROM customers WHERE name IS NOT NULL', sides.parse, names, columns);
  return nearDuplicateCustomers(sides.parse, runId, 100, names);
}

async function insertBadRecords(sides: ImportSides, runId: number, entity: string, staged: StagedFile): Promise<void> {
  for (const b of staged.badRecords) {
    await insertSelect(sides, {
      table: 'quarantine',
      columns: ['run_id', 'row_number', 'entity', 'raw', 'reasons'],
      select: `VALUES ($1, $2, $3, json_object('_line', $4::VARCHAR), json_array(json_object('column', '', 'code', $5::VARCHAR, 'value', NULL)))`,
      params: [runId, b.row, entity, b.text, b.reason],
    });
    await sides.store.run(`INSERT INTO import_issues VALUES ($1, $2, '', $3, 'error', $4)`, [runId, b.row, b.reason, b.text.slice(0, 200)]);
  }
}

async function recordRun(
  tx: Queryable,
  r: ImportResult,
  run: RunContext,
  staged: StagedFile,
  status: 'committed' | 'failed',
  error: string | null,
): Promise<void> {
  await tx.run(
    `INSERT INTO import_runs VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18::JSON, $19)`,
    [
      r.runId,
      isoTimestamp(run.startedAt),
      isoTimestamp(run.deps.now()),
      status,
      r.file,
      run.sha256,
      r.entity,
      staged.format,
      staged.encoding,
      staged.sheet,
      r.rows,
      r.inserted,
      r.updated,
      r.unchanged,
      r.duplicates,
      r.quarantined,
      r.warnings,
      JSON.stringify(r.mapping),
      error,
    ],
  );
}

function isoTimestamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

async function recordFailure(db: Queryable, runId: number, file: string, startedAt: Date, now: Date, error: unknown): Promise<void> {
  const message = error instanceof ImportError ? error.code : String((error as Error)?.message ?? error).slice(0, 2000);
  await db
    .run(
      `INSERT INTO import_runs (run_id, started_at, finished_at, status, file_name, error) VALUES ($1, $2::TIMESTAMP, $3::TIMESTAMP, 'failed', $4, $5)`,
      [runId, isoTimestamp(startedAt), isoTimestamp(now), file, message],
    )
    .catch(() => undefined);
}

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  // Large chunks: this runs beside the scan on the one JavaScript thread, and each chunk costs an event.
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
