/**
 * What the import wizard shows before anything is written: how the file was
 * read (format, encoding, sheet), its first rows, the data type recognised
 * and which column feeds which field, with what is still missing. The file is
 * staged exactly as an import would stage it, inside a transaction that is
 * always rolled back, so the preview and the import cannot disagree (on a
 * PostgreSQL store, in the same private DuckDB an import would parse in).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { quoteIdent as q } from '../store/engine.js';
import type { Store } from '../store/open-store.js';
import { entities, type EntityName } from './field-catalog.js';
import type { HeaderMatch } from './header-match.js';
import { fileNotes, matchHeaders } from './import-file.js';
import { stageFile, type FileNote, type StagedFile } from './stage-file.js';
import { withParsingEngine } from './parsing-engine.js';
import type { UserMapping } from './user-mapping.js';

export interface PreviewRequest {
  readonly file: string;
  /** The name the user knows the file by (an upload's original name). */
  readonly name: string;
  readonly entity?: EntityName;
  readonly mapping?: UserMapping;
  readonly sheet?: string;
  readonly sampleRows?: number;
}

export interface FilePreview {
  readonly format: StagedFile['format'];
  readonly encoding: string | null;
  readonly sheet: string | null;
  readonly delimiter: string | null;
  readonly rows: number;
  readonly headers: readonly string[];
  readonly sample: readonly (readonly (string | null)[])[];
  readonly entity: EntityName;
  /** Fields of the entity, required ones flagged, for the mapping editor. */
  readonly fields: readonly { readonly name: string; readonly type: string; readonly required: boolean }[];
  readonly mapping: readonly { readonly index: number; readonly header: string; readonly field: string; readonly how: string }[];
  readonly unmapped: readonly { readonly index: number; readonly header: string }[];
  readonly missing: readonly string[];
  readonly notes: readonly FileNote[];
}

class Rollback extends Error {
  constructor(readonly preview: FilePreview) {
    super('preview done');
  }
}

export async function previewFile(store: Store, req: PreviewRequest): Promise<FilePreview> {
  const tag = `preview-${randomUUID().slice(0, 8)}`;
  await mkdir(store.workDir, { recursive: true });
  const scratch: string[] = [];
  try {
    await withParsingEngine(store, (engine) => engine.transaction(async (tx) => {
      const rawTable = `raw_${tag.replace(/-/g, '_')}`;
      const staged = await stageFile(tx, {
        file: req.file,
        rawTable,
        workDir: store.workDir,
        runTag: tag,
        ...(req.mapping ? { mapping: req.mapping } : {}),
        ...(req.sheet !== undefined ? { sheet: req.sheet } : {}),
      });
      scratch.push(...staged.scratch);
      const cols = Array.from({ length: staged.width }, (_, i) => q(`c${i + 1}`)).join(', ');
      const rows = await tx.query(`SELECT ${cols} FROM ${q(rawTable)} LIMIT ${req.sampleRows ?? 10}`);
      const sample = rows.map((r) => Array.from({ length: staged.width }, (_, i) => (r[`c${i + 1}`] as string | null) ?? null));
      const match = matchHeaders(req, staged, req.name);
      throw new Rollback(describe(staged, match, sample, fileNotes(req, match, staged)));
    }));
  } catch (error) {
    if (error instanceof Rollback) return error.preview;
    throw error;
  } finally {
    for (const file of scratch) await rm(file, { recursive: true, force: true });
  }
  throw new Error('preview transaction ended without a preview');
}

function describe(staged: StagedFile, match: HeaderMatch, sample: FilePreview['sample'], notes: readonly FileNote[]): FilePreview {
  const required = new Set(match.entity.required.flatMap((r) => (typeof r === 'string' ? [r] : [])));
  return {
    format: staged.format,
    encoding: staged.encoding,
    sheet: staged.sheet,
    delimiter: staged.delimiter,
    rows: staged.rows,
    headers: staged.headers,
    sample,
    entity: match.entity.name,
    fields: match.entity.fields.map((f) => ({ name: f.name, type: f.type, required: required.has(f.name) })),
    mapping: match.columns.map((c) => ({ index: c.index, header: c.header, field: c.field.name, how: c.how })),
    unmapped: match.unmapped,
    missing: match.missing.map((m) => (typeof m === 'string' ? m : m.join('|'))),
    notes,
  };
}

/** Every data type the intake knows, for the wizard's selector. */
export const entityChoices = entities.map((e) => ({ name: e.name, label: e.label }));

/** Keeps letters (any script), digits, dot, dash and underscore: the name is only a label in the work folder. */
export const safeFileName = (name: string) => path.basename(name).replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'upload';
