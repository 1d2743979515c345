import path from 'node:path';
import type { Store } from '../store/open-store.js';
import { joinList, translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import { formatInteger } from '../i18n/number-format.js';
import { describeMappingProblem } from '../i18n/mapping-problems.js';
import { entities, isEntityName, type EntityName } from '../intake/field-catalog.js';
import { importFile, type ImportResult } from '../intake/import-file.js';
import { isImportError } from '../intake/import-error.js';
import { entityLabel, importErrorMessage, importResultJson, issueMessage, noteMessage } from '../intake/describe-import.js';
import { noteSeverity } from '../intake/stage-file.js';
import { readUserMapping, type UserMapping } from '../intake/user-mapping.js';
import { UsageError, type CliContext } from './cli-context.js';
import { progressReporter } from './progress.js';

export interface ImportOptions {
  readonly entity?: string;
  readonly mapping?: string;
  readonly sheet?: string;
}

export interface ImportOutcome {
  readonly results: readonly ImportResult[];
  readonly failures: readonly { readonly file: string; readonly message: string; readonly code: string }[];
}

export async function loadMapping(ctx: CliContext, file: string | undefined): Promise<UserMapping | undefined> {
  if (file === undefined) return undefined;
  const result = await readUserMapping(path.resolve(ctx.io.cwd, file));
  if (result.ok) return result.mapping;
  const t = translator(cliMessages, ctx.lang);
  const lines = result.problems.map((p) => t('mapping.problem', { file, path: p.path || '/', message: describeMappingProblem(p, ctx.lang) }));
  throw new UsageError(lines.join('\n'));
}

export function parseEntity(ctx: CliContext, value: string | undefined): EntityName | undefined {
  if (value === undefined) return undefined;
  if (isEntityName(value)) return value;
  const t = translator(cliMessages, ctx.lang);
  throw new UsageError(t('entity.unknown', { entity: value, entities: entities.map((e) => e.name).join(', ') }));
}

/** Imports each file on its own (atomic per file); a file that cannot be read does not stop the others. */
export async function importFiles(ctx: CliContext, store: Store, files: readonly string[], options: ImportOptions): Promise<ImportOutcome> {
  if (files.length === 0) throw new UsageError(translator(cliMessages, ctx.lang)('import.noFiles'));
  const entity = parseEntity(ctx, options.entity);
  const mapping = await loadMapping(ctx, options.mapping);
  const results: ImportResult[] = [];
  const failures: { file: string; message: string; code: string }[] = [];
  for (const file of files) {
    const progress = progressReporter(ctx, path.basename(file));
    try {
      const result = await importFile(
        store,
        {
          file: path.resolve(ctx.io.cwd, file),
          ...(entity ? { entity } : {}),
          ...(mapping ? { mapping } : {}),
          ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
        },
        { now: ctx.now, onProgress: progress.update },
      );
      results.push({ ...result, file });
    } catch (error) {
      if (!isImportError(error)) throw error;
      failures.push({ file, code: error.code, message: importErrorMessage(error, ctx.lang, 'cli') });
    } finally {
      progress.stop();
    }
  }
  return { results, failures };
}

export function renderImport(ctx: CliContext, outcome: ImportOutcome): void {
  if (ctx.json) {
    ctx.out(
      JSON.stringify({
        files: outcome.results.map((r) => importResultJson(r, ctx.lang)),
        failures: outcome.failures,
      }),
    );
    return;
  }
  const t = translator(cliMessages, ctx.lang);
  const n = (x: number) => formatInteger(x, ctx.lang);
  for (const r of outcome.results) {
    const encoding = r.encoding ? `, ${r.encoding}` : r.sheet ? `, ${r.sheet}` : '';
    ctx.out(t('import.file', { file: r.file, entity: entityLabel(r.entity, ctx.lang), format: r.format, encoding, rows: n(r.rows) }));
    ctx.out(
      t('import.counts', {
        inserted: n(r.inserted),
        updated: n(r.updated),
        unchanged: n(r.unchanged),
        duplicates: n(r.duplicates),
        quarantined: n(r.quarantined),
        warnings: n(r.warnings),
      }),
    );
    for (const note of r.notes) ctx.out(t(noteSeverity(note.code) === 'warning' ? 'import.fileWarning' : 'import.fileIssue', { message: noteMessage(note, ctx.lang) }));
    if (r.unmapped.length > 0) ctx.out(t('import.unmapped', { columns: joinList(r.unmapped, ctx.lang) }));
    for (const d of r.duplicateCandidates.slice(0, 10)) {
      ctx.out(t('import.nearDuplicate', { customers: d.customers.map((c) => `${c.id} ${c.name}`).join(' / ') }));
    }
    renderIssues(ctx, r);
  }
  for (const f of outcome.failures) ctx.err(t('import.failed', { file: f.file, message: f.message }));
}

const SHOWN_ISSUES = 20;

function renderIssues(ctx: CliContext, r: ImportResult): void {
  if (r.issuesTotal === 0) return;
  const t = translator(cliMessages, ctx.lang);
  const shown = r.issues.slice(0, SHOWN_ISSUES);
  ctx.out(t('import.issues', { shown: shown.length, total: formatInteger(r.issuesTotal, ctx.lang) }));
  for (const issue of shown) {
    ctx.out(t('import.rowIssue', { row: issue.row, column: issue.column || '—', message: issueMessage(issue, ctx.lang) }));
  }
  if (r.issuesTotal > shown.length) ctx.out(t('import.issuesMore', { more: formatInteger(r.issuesTotal - shown.length, ctx.lang), run: r.runId }));
}
