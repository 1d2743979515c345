/**
 * Import results and problems in the user's language, for every edge (CLI,
 * HTTP) to share: one place turns codes into sentences.
 */
import { format, joinList, type Lang } from '../i18n/i18n.js';
import { fileErrorAdvice, fileErrorMessages, fileNoteMessages, rowIssueMessages, type FileErrorKey, type FileNoteKey, type IntakeEdge, type RowIssueKey } from '../i18n/intake-messages.js';
import { entitySpec, isEntityName } from './field-catalog.js';
import type { ImportError } from './import-error.js';
import type { ImportIssue, ImportResult } from './import-file.js';
import { noteSeverity, type FileNote } from './stage-file.js';

export function issueMessage(issue: Pick<ImportIssue, 'code' | 'value'>, lang: Lang): string {
  const template = (rowIssueMessages[lang] as Record<string, string>)[issue.code as RowIssueKey];
  return template === undefined ? issue.code : format(template, { value: issue.value ?? '' });
}

/** What is wrong with the file and what to do about it, in the words of the edge the file came through. */
export function importErrorMessage(error: ImportError, lang: Lang, edge: IntakeEdge): string {
  const template = (fileErrorMessages[lang] as Record<string, string>)[error.code as FileErrorKey] ?? error.code;
  const advice = (fileErrorAdvice[edge][lang] as Partial<Record<FileErrorKey, string>>)[error.code];
  return format(template, withEntityLabels({ ...error.params, ...(advice === undefined ? {} : { advice }) }, lang));
}

export function noteMessage(note: FileNote, lang: Lang): string {
  const params = Object.fromEntries(Object.entries(note.params).map(([k, v]) => [k, typeof v === 'object' ? joinList(v, lang) : v]));
  return format(fileNoteMessages[lang][note.code as FileNoteKey], withEntityLabels(params, lang));
}

/** A note as the edges send it: its code, how much it matters, and its sentence. */
export function noteJson(note: FileNote, lang: Lang) {
  return { code: note.code, severity: noteSeverity(note.code), message: noteMessage(note, lang) };
}

/** Parameters that name an entity, as the user knows it: by its label in their language. */
const entityParams = ['entity', 'recognised'] as const;

function withEntityLabels(params: Readonly<Record<string, string | number>>, lang: Lang): Record<string, string | number> {
  const out = { ...params };
  for (const key of entityParams) if (typeof out[key] === 'string') out[key] = entityLabel(out[key], lang);
  return out;
}

export function entityLabel(name: string, lang: Lang): string {
  return isEntityName(name) ? entitySpec(name).label[lang] : name;
}

/** The --json document for one file, as the issue tracker's contract states. */
export function importResultJson(r: ImportResult, lang: Lang) {
  return {
    file: r.file,
    entity: r.entity,
    format: r.format,
    encoding: r.encoding,
    sheet: r.sheet,
    runId: r.runId,
    rows: r.rows,
    blank: r.blank,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    duplicates: r.duplicates,
    quarantined: r.quarantined,
    warnings: r.warnings,
    issues: r.issues.map((i) => ({ row: i.row, column: i.column, code: i.code, severity: i.severity, message: issueMessage(i, lang) })),
    issuesTruncated: Math.max(0, r.issuesTotal - r.issues.length),
    mapping: r.mapping,
    unmapped: r.unmapped,
    notes: r.notes.map((n) => noteJson(n, lang)),
    duplicateCandidates: r.duplicateCandidates,
  };
}
