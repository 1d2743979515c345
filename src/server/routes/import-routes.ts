/**
 * Uploads into the intake: a file streamed to the store's work folder (never
 * held whole in memory, refused past the size limit), imported by the same
 * importFile as `salescope import`, then deleted. The answer is the CLI's
 * --json document for the file; past import runs and the quarantine are
 * listed for review.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { importErrorMessage, importResultJson } from '../../intake/describe-import.js';
import { isEntityName } from '../../intake/field-catalog.js';
import { importFile } from '../../intake/import-file.js';
import { isImportError } from '../../intake/import-error.js';
import { ApiError } from '../api-error.js';
import { defaultUploadLimit, noInput, route } from '../route-spec.js';

/** Keeps letters (any script), digits, dot, dash and underscore: the name is only a label in the work folder. */
const safeName = (name: string) => path.basename(name).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'upload';

export const importRoutes = [
  route({
    method: 'POST',
    url: '/api/imports',
    summary: 'Import one uploaded file (CSV/TSV in any common encoding, XLSX, Parquet) through the intake; answers with its counts, issues and mapping',
    query: z.object({ entity: z.string().optional(), sheet: z.string().min(1).optional(), lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    upload: { field: 'file', description: 'the file to import' },
    status: 201,
    handler: async ({ query, raw, lang, deps }) => {
      if (query.entity !== undefined && !isEntityName(query.entity)) throw new ApiError(400, 'unknown_entity', { value: query.entity, accepted: 'customers, order_lines, opportunities …' });
      const part = raw.isMultipart() ? await raw.file() : undefined;
      if (!part) throw new ApiError(400, 'no_file');
      const dir = path.join(deps.store.workDir, 'uploads');
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, `${randomUUID()}-${safeName(part.filename)}`);
      try {
        await pipeline(part.file, createWriteStream(file));
        if (part.file.truncated) throw new ApiError(413, 'too_large', { file: part.filename, limit: Math.round(((deps.uploadLimit ?? defaultUploadLimit) / 1024 / 1024) * 100) / 100 });
        const result = await importFile(deps.store, { file, ...(query.entity !== undefined && isEntityName(query.entity) ? { entity: query.entity } : {}), ...(query.sheet ? { sheet: query.sheet } : {}) }, { now: deps.now });
        return importResultJson({ ...result, file: part.filename }, lang);
      } catch (error) {
        if (isImportError(error)) throw new ApiError(422, 'import_failed', { message: `${part.filename}: ${importErrorMessage(error, lang)}` });
        throw error;
      } finally {
        await rm(file, { force: true });
      }
    },
  }),
  route({
    method: 'GET',
    url: '/api/imports',
    summary: 'Past import runs, newest first: file, data type, counts, status',
    query: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50), lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
    params: noInput,
    handler: async ({ query, deps }) => {
      const items = await deps.store.engine.query(
        `SELECT run_id AS "runId", file_name AS file, entity, status, rows, inserted, updated, unchanged, duplicates, quarantined, warnings, CAST(finished_at AS VARCHAR) AS "finishedAt"
         FROM import_runs ORDER BY run_id DESC LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      );
      return { page: query.page, pageSize: query.pageSize, items };
    },
  }),
];
