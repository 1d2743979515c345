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
import { matchEntity, recogniseEntity, type HeaderMatch } from './header-match.js';
import { ImportError } from './import-error.js';
import { commonIssueRules, issuesSql, normSql, runTables, type PlanColumn, type PlanInput } from './import-plan.js';
import {
  countsSql,
  duplicateKeySql,
  importIssuesSql,
  mergedSql,
  quarantineSql,
  resolveRepNamesSql,
  shapedSql,
  writeNewSql,
  writeSql,
  type WriteContext,
} from './import-write.js';
import { shapeOf, type Shape } from './entity-shapes.js';
import { nearDuplicateCustomers, type DuplicateCandidate } from './near-duplicates.js';
import { stageFile, type FileNote, type StagedFile } from './stage-file.js';
import type { UserMapping } from './user-mapping.js';
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
    const sha256 = fileSha256(req.file).catch(() => '');
    // One connection for the whole import: its temporary tables are private
    // to it and vanish with it, and nothing is visible to others before COMMIT.
    return await db.transaction(async (tx) => {
      const tables = runTables(runId);
      const staged = await stageFile(tx, {
        file: req.file,
        rawTable: tables.raw,
        workDir: store.workDir,
        runTag: `run-${runId}`,
        confirmEncoding,
        ...(req.mapping ? { mapping: req.mapping } : {}),
        ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
        onProgress: (_phase, done, total) => deps.onProgress?.('reading', done, total),
      });
      scratch.push(...staged.scratch);
      if (deps.maxRows !== undefined && staged.rows > deps.maxRows) throw new ImportError('too_many_rows', req.file, { rows: staged.rows, max: deps.maxRows });
      const match = resolveMatch(req, staged);
      const scanIssues = await stageScanIssues(tx, `${tables.raw}_scan`, staged);
      const input = planInput(match, staged, req.mapping, tables, await columnSamples(tx, tables.raw, match), scanIssues);
      deps.onProgress?.('validating', 0, staged.rows);
      await tx.run(normSql(input, commonIssueRules(input)));
      await tx.run(issuesSql(input));
      await checkRecordCount(tx, input, staged, req.file);
      deps.onProgress?.('writing', 0, staged.rows);
      const result = await writeRun(tx, input, staged, match, { runId, sha256: await sha256, startedAt, deps, file: req.file, cipher: store.cipher });
      deps.onProgress?.('writing', staged.rows, staged.rows);
      return result;
    });
  } catch (error) {
    const retried = !confirmEncoding && error instanceof Error && /Invalid unicode/i.test(error.message);
    if (!retried) await recordFailure(db, runId, req.file, startedAt, deps.now(), error);
    throw error;
  } finally {
    for (const file of scratch) await rm(file, { recursive: true, force: true });
  }
}

function resolveMatch(req: ImportRequest, staged: StagedFile): HeaderMatch {
  const entityName = req.entity ?? req.mapping?.entity;
  const name = path.basename(req.file);
  if (staged.headers.length === 0) throw new ImportError('no_columns', req.file);
  const overrides = mappingOverrides(req, staged);
  const match =
    entityName !== undefined || overrides.size > 0
      ? matchEntity(entitySpec(entityName ?? recogniseEntity(staged.headers, name).entity.name), staged.headers, name, overrides)
      : recogniseEntity(staged.headers, name);
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

/** Mapping-file columns, given as header text or 1-based number, as column indexes. */
export function mappingOverrides(req: ImportRequest, staged: StagedFile): Map<string, number> {
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
  const lists = wanted.map((c) => `list(${q(`c${c.index + 1}`)}) FILTER (WHERE ${q(`c${c.index + 1}`)} IS NOT NULL) AS ${q(`s${c.index}`)}`);
  const row = (await db.query(`SELECT ${lists.join(', ')} FROM (SELECT * FROM ${q(`${raw}_sample`)} LIMIT 20000)`))[0] ?? {};
  return new Map(wanted.map((c) => [c.index, ((row[`s${c.index}`] as string[] | null) ?? []).map(String)]));
}

function planInput(
  match: HeaderMatch,
  staged: StagedFile,
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
      dateOrder: mapping?.dateOrder ?? detectDateOrder(samples.get(c.index) ?? []),
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
async function stageScanIssues(db: Queryable, table: string, staged: StagedFile): Promise<string | null> {
  const rows = [
    // One row per line (norm joins on it): a cut-off last row is short too, and the error says more.
    ...staged.shortRows.filter((r) => r !== staged.truncatedRow).map((r) => `(${r}, 'short_row', 'warning')`),
    ...(staged.truncatedRow !== null ? [`(${staged.truncatedRow}, 'truncated_row', 'error')`] : []),
  ];
  if (rows.length === 0) return null;
  await db.run(`CREATE TEMP TABLE ${q(table)} (_row BIGINT, _scan_code VARCHAR, _scan_severity VARCHAR)`);
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

async function writeRun(tx: Queryable, input: PlanInput, staged: StagedFile, match: HeaderMatch, run: RunContext): Promise<ImportResult> {
  const table = tableOf(input.entity);
  const shape = shapeOf(input.entity.name);
  const cap = run.deps.issueCap ?? DEFAULT_ISSUE_CAP;
  const mapping = match.columns.map((c) => ({ header: c.header, field: c.field.name, how: c.how }));
  {
    const ctx: WriteContext = { runId: run.runId, now: timestampLiteral(run.deps.now()) };
    // An empty table takes every row as new: shaped rows go straight in.
    const fresh = await isEmpty(tx, table.name);
    const sealed = (sealedColumns.get(table.name) ?? []).filter((c) => c in shape.columns);
    // Personal fields are sealed before the merge compares them with the stored (sealed) ones.
    await tx.run(shapedSql(input, shape, table, sealed.length > 0));
    if (sealed.length > 0) await sealStaged(tx, input.tables.shaped, table, shape, sealed, run.cipher);
    for (const sql of duplicateKeySql(input, shape, table)) await tx.run(sql);
    if (fresh) {
      for (const sql of writeNewSql(input, shape, table, ctx)) await tx.run(sql);
    } else {
      await tx.run(mergedSql(input, shape, table));
      for (const sql of writeSql(input, shape, table, ctx)) await tx.run(sql);
    }
    if (input.entity.name === 'reps') for (const sql of resolveRepNamesSql()) await tx.run(sql);
    const lateRejects = (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(input.tables.issues)} WHERE code = 'duplicate_key'`))[0]!.n > 0;
    await tx.run(quarantineSql(input, ctx, lateRejects));
    await insertBadRecords(tx, run.runId, input.entity.name, staged);
    await tx.run(importIssuesSql(input, ctx, cap));
    const counts = (await tx.query<Record<string, number>>(countsSql(input, fresh)))[0]!;
    const bad = staged.badRecords.length;
    const totals = { ...counts, rows: counts.rows! + bad, quarantined: counts.quarantined! + bad };
    const issues = await tx.query<ImportIssue>(
      `SELECT row_number AS "row", column_name AS "column", code, severity, value FROM import_issues WHERE run_id = $1 ORDER BY row_number, column_name LIMIT ${cap}`,
      [run.runId],
    );
    const issuesTotal = (await tx.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(input.tables.issues)}`))[0]!.n + bad;
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
      issues: [...staged.badRecords.map((b) => ({ row: b.row, column: '', code: b.reason, severity: 'error' as const, value: b.text.slice(0, 200) })), ...issues],
      issuesTotal,
      mapping,
      unmapped: match.unmapped.map((u) => u.header),
      notes: staged.notes,
      duplicateCandidates: input.entity.name === 'customers' ? await nearDuplicateCustomers(tx, run.runId) : [],
    };
    await recordRun(tx, result, run, staged, 'committed', null);
    return result;
  }
}

async function insertBadRecords(tx: Queryable, runId: number, entity: string, staged: StagedFile): Promise<void> {
  for (const b of staged.badRecords) {
    await tx.run(
      `INSERT INTO quarantine (run_id, row_number, entity, raw, reasons) VALUES ($1, $2, $3, json_object('_line', $4::VARCHAR), json_array(json_object('column', '', 'code', $5::VARCHAR, 'value', NULL)))`,
      [runId, b.row, entity, b.text, b.reason],
    );
    await tx.run(`INSERT INTO import_issues VALUES ($1, $2, '', $3, 'error', $4)`, [runId, b.row, b.reason, b.text.slice(0, 200)]);
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
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
