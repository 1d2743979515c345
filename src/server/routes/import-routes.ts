/**
 * Uploads into the intake. Files are streamed to the store's work folder
 * (never held whole in memory, refused past the size limit). Either in one
 * step (POST /api/imports) or as the wizard does it: upload, preview with the
 * mapping the intake recognised, edit the mapping, import. Both import with
 * the same importFile as `salescope import` and delete the file after.
 */
import { perStore } from '../per-store.js';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { MultipartFile } from '@fastify/multipart';
import type { Lang } from '../../i18n/i18n.js';
import { describeMappingProblem } from '../../i18n/mapping-problems.js';
import { importErrorMessage, importResultJson, noteJson } from '../../intake/describe-import.js';
import { isEntityName, type EntityName } from '../../intake/field-catalog.js';
import { importFile, type ImportPhase } from '../../intake/import-file.js';
import { isImportError } from '../../intake/import-error.js';
import { entityChoices, previewFile, safeFileName, type FilePreview } from '../../intake/preview-file.js';
import { userMappingFrom, type UserMapping } from '../../intake/user-mapping.js';
import { ApiError } from '../api-error.js';
import { defaultUploadLimit, defaultUploadRowLimit, noInput, route, type AppDeps } from '../route-spec.js';

const langQuery = { lang: z.enum(['zh-CN', 'en']).optional() };
const uploadParams = z.object({ id: z.uuid() }).strict();
const mappingBody = z
  .object({
    entity: z.string().optional(),
    sheet: z.string().min(1).optional(),
    columns: z.record(z.string(), z.union([z.string().min(1), z.number().int().positive()])).optional(),
    defaults: z.record(z.string(), z.string()).optional(),
    dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
    amountUnit: z.enum(['元', '千元', '万元', '百万元', '亿元']).optional(),
  })
  .strict();
type MappingBody = z.infer<typeof mappingBody>;

/** How a file sent whole is to be read: the entity and sheet, when the sender knows them. */
const uploadQuery = z.object({ entity: z.string().optional(), sheet: z.string().min(1).optional(), ...langQuery }).strict();

function readAs(entityName: string | undefined, sheet: string | undefined): WizardRequest {
  const entity = entityOf(entityName);
  return { ...(entity ? { entity } : {}), ...(sheet ? { sheet } : {}) };
}

export const importRoutes = [
  route({
    method: 'POST',
    url: '/api/imports',
    summary: 'Import one uploaded file (CSV/TSV in any common encoding, XLSX, Parquet) through the intake; answers with its counts, issues and mapping',
    access: ['admin', 'analyst'],
    query: uploadQuery,
    params: noInput,
    upload: { field: 'file', description: 'the file to import' },
    status: 201,
    handler: async ({ query, raw, lang, deps }) => {
      const request = readAs(query.entity, query.sheet);
      const upload = await receive(raw, deps);
      try {
        return await runImport(deps, upload, lang, request);
      } finally {
        await rm(upload.dir, { recursive: true, force: true });
      }
    },
  }),
  route({
    method: 'POST',
    url: '/api/uploads',
    summary: 'Wizard step 1: upload a file and get a preview (encoding, first rows, recognised data type and column mapping); nothing is imported yet',
    access: ['admin', 'analyst'],
    query: uploadQuery,
    params: noInput,
    upload: { field: 'file', description: 'the file to preview and later import' },
    status: 201,
    handler: async ({ query, raw, lang, deps }) => {
      const request = readAs(query.entity, query.sheet);
      const upload = await receive(raw, deps);
      try {
        const preview = await runPreview(deps, upload, lang, request);
        return { uploadId: upload.id, file: upload.name, ...preview };
      } catch (error) {
        await rm(upload.dir, { recursive: true, force: true });
        throw error;
      }
    },
  }),
  route({
    method: 'POST',
    url: '/api/uploads/:id/preview',
    summary: 'Wizard step 2: preview an uploaded file again with an edited data type or column mapping',
    access: ['admin', 'analyst'],
    query: z.object(langQuery).strict(),
    params: uploadParams,
    body: mappingBody,
    handler: async ({ params, body, lang, deps }) => {
      const upload = await findUpload(deps, params.id);
      return { uploadId: upload.id, file: upload.name, ...(await runPreview(deps, upload, lang, requestOf(body, lang))) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/uploads/:id/import',
    summary: 'Wizard step 3: import an uploaded file with the mapping shown in the preview; the upload is removed after',
    access: ['admin', 'analyst'],
    query: z.object(langQuery).strict(),
    params: uploadParams,
    body: mappingBody,
    status: 201,
    handler: async ({ params, body, lang, deps }) => {
      const upload = await findUpload(deps, params.id);
      const result = await runImport(deps, upload, lang, requestOf(body, lang));
      await rm(upload.dir, { recursive: true, force: true });
      return result;
    },
  }),
  route({
    method: 'GET',
    url: '/api/uploads/:id/progress',
    summary: 'Where the import of an upload is: phase (reading, validating, writing) with done and total (bytes while reading, rows after); idle when none runs',
    access: ['admin', 'analyst'],
    query: z.object(langQuery).strict(),
    params: uploadParams,
    handler: async ({ params, deps }) => progressMap(deps).get(params.id) ?? { phase: 'idle', done: 0, total: 0 },
  }),
  route({
    method: 'DELETE',
    url: '/api/uploads/:id',
    summary: 'Discard an uploaded file without importing it',
    access: ['admin', 'analyst'],
    query: z.object(langQuery).strict(),
    params: uploadParams,
    handler: async ({ params, deps }) => {
      const upload = await findUpload(deps, params.id);
      await rm(upload.dir, { recursive: true, force: true });
      return { discarded: upload.id };
    },
  }),
  route({
    method: 'GET',
    url: '/api/imports',
    summary: 'Past import runs, newest first: file, data type, counts, status',
    access: ['admin', 'analyst'],
    query: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50), ...langQuery }).strict(),
    params: noInput,
    handler: async ({ query, deps }) => {
      const items = await deps.store.engine.query(
        `SELECT run_id AS "runId", file_name AS file, entity, status, rows, inserted, updated, unchanged, duplicates, quarantined, warnings, CAST(finished_at AS VARCHAR) AS "finishedAt"
         FROM import_runs ORDER BY run_id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      );
      const total = Number((await deps.store.engine.query<{ n: bigint }>('SELECT count(*) AS n FROM import_runs'))[0]?.n ?? 0);
      return { page: query.page, pageSize: query.pageSize, total, items };
    },
  }),
  route({
    method: 'GET',
    url: '/api/imports/entities',
    summary: 'The data types the intake recognises, with their names in both languages',
    access: ['admin', 'analyst'],
    query: z.object(langQuery).strict(),
    params: noInput,
    handler: async () => entityChoices,
  }),
];

interface Upload {
  readonly id: string;
  readonly dir: string;
  readonly file: string;
  readonly name: string;
}

function uploadsDir(deps: AppDeps): string {
  return path.join(deps.store.workDir, 'uploads');
}

function entityOf(value: string | undefined): EntityName | undefined {
  if (value === undefined) return undefined;
  if (!isEntityName(value)) throw new ApiError(400, 'unknown_entity', { value, accepted: entityChoices.map((e) => e.name).join(', ') });
  return value;
}

/** Streams the multipart file into a folder of its own; the original name is kept as the file's name. */
async function receive(raw: FastifyRequest, deps: AppDeps): Promise<Upload> {
  const part = await filePart(raw);
  const id = randomUUID();
  const dir = path.join(uploadsDir(deps), id);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, safeFileName(part.filename));
  try {
    await pipeline(part.file, createWriteStream(file));
    if (part.file.truncated) throw new ApiError(413, 'too_large', { file: part.filename, limit: Math.round(((deps.uploadLimit ?? defaultUploadLimit) / 1024 / 1024) * 100) / 100 });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw unreadableBody(error);
  }
  return { id, dir, file, name: part.filename };
}

/** The upload's one file, or why the body holds none that can be read. */
async function filePart(raw: FastifyRequest): Promise<MultipartFile> {
  const part = raw.isMultipart()
    ? await raw.file().catch((error: unknown) => {
        throw unreadableBody(error);
      })
    : undefined;
  if (!part) throw new ApiError(400, 'no_file');
  // A part the parser gave up on (the body ended inside it) comes already destroyed, and piping it would wait for ever.
  if (part.file.destroyed) throw new ApiError(400, 'bad_multipart');
  return part;
}

/**
 * A multipart body the parser could not read is the caller's mistake, not a
 * bug: busboy's own errors (no boundary, a part cut off) carry no code, and a
 * part it drops midway closes early. @fastify/multipart's refusals keep their
 * code, which the error translator words.
 */
function unreadableBody(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const { code } = error as NodeJS.ErrnoException;
  return code === undefined || code === 'ERR_STREAM_PREMATURE_CLOSE' ? new ApiError(400, 'bad_multipart') : error;
}

async function findUpload(deps: AppDeps, id: string): Promise<Upload> {
  const dir = path.join(uploadsDir(deps), id);
  const names = await readdir(dir).catch(() => []);
  const name = names[0];
  if (name === undefined) throw new ApiError(404, 'unknown_upload', { id });
  return { id, dir, file: path.join(dir, name), name };
}

interface WizardRequest {
  readonly entity?: EntityName;
  readonly sheet?: string;
  readonly mapping?: UserMapping;
}

/** The wizard's JSON mapping, checked by the same rules as a mapping file; a refusal is worded in `lang`. */
function requestOf(body: MappingBody, lang: Lang): WizardRequest {
  const base = readAs(body.entity, body.sheet);
  const hasMapping = body.columns !== undefined || body.defaults !== undefined || body.dateOrder !== undefined || body.amountUnit !== undefined;
  if (!hasMapping) return base;
  const options = { ...(body.dateOrder ? { dateOrder: body.dateOrder } : {}), ...(body.amountUnit ? { amountUnit: body.amountUnit } : {}) };
  const r = userMappingFrom({ ...(base.entity ? { entity: base.entity } : {}), columns: body.columns ?? {}, defaults: body.defaults ?? {}, options });
  if (!r.ok) {
    const details = r.problems.map((p) => ({ field: p.path, problem: describeMappingProblem(p, lang) }));
    throw new ApiError(400, 'bad_mapping', { path: details[0]!.field || '(mapping)', problem: details[0]!.problem }, details);
  }
  return { ...base, mapping: r.mapping };
}

async function runPreview(deps: AppDeps, upload: Upload, lang: Lang, req: WizardRequest) {
  try {
    const p: FilePreview = await previewFile(deps.store, { file: upload.file, name: upload.name, ...req });
    return { ...p, notes: p.notes.map((n) => noteJson(n, lang)) };
  } catch (error) {
    throw translateImportError(error, upload, lang);
  }
}

/** Where each running import of an upload is, for the wizard to show while it waits (per store, by upload id). */
export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly done: number;
  readonly total: number;
}
const progressOf = perStore(() => new Map<string, ImportProgress>());
const progressMap = (deps: AppDeps) => progressOf(deps.store);

async function runImport(deps: AppDeps, upload: Upload, lang: Lang, req: WizardRequest) {
  const progress = progressMap(deps);
  progress.set(upload.id, { phase: 'reading', done: 0, total: 0 });
  try {
    const onProgress = (phase: ImportPhase, done: number, total: number) => progress.set(upload.id, { phase, done, total });
    const result = await importFile(deps.store, { file: upload.file, ...req }, { now: deps.now, maxRows: deps.uploadRowLimit ?? defaultUploadRowLimit, onProgress });
    return importResultJson({ ...result, file: upload.name }, lang);
  } catch (error) {
    throw translateImportError(error, upload, lang);
  } finally {
    progress.delete(upload.id);
  }
}

function translateImportError(error: unknown, upload: Upload, lang: Lang): unknown {
  if (!isImportError(error)) return error;
  return new ApiError(422, 'import_failed', { message: `${upload.name}: ${importErrorMessage(error, lang, 'web')}` });
}
