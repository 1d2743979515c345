/**
 * Command-line option values, checked once, with a message in the user's
 * language that names the flag, echoes the value and says what to write.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { translator, type Lang } from '../i18n/i18n.js';
import { analysisMessages } from '../i18n/analysis-messages.js';
import { UsageError } from './cli-context.js';
import { parseScope, type AnalysisScope } from '../analytics/analysis-scope.js';
import type { ZodError } from 'zod';
import { describeIssues, inputProblems } from '../i18n/input-problems.js';

const t = (lang: Lang) => translator(analysisMessages, lang);

/** An amount of memory for DuckDB's limit: a positive number and a unit (512MB, 4GB, 1.5GiB). */
export function memoryOption(value: string, flag: string, lang: Lang): string {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i.exec(value);
  if (!m || !(Number(m[1]) > 0)) throw new UsageError(t(lang)('error.badMemory', { flag, value }));
  return `${m[1]}${m[2]}`;
}

/** A real calendar date written YYYY-MM-DD. */
export function dateOption(value: string, flag: string, lang: Lang): string {
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new UsageError(t(lang)('error.badDate', { flag, value }));
  return value;
}

export function wholeNumberOption(value: string, flag: string, min: number, lang: Lang): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min) throw new UsageError(t(lang)('error.badNumber', { flag, value, min }));
  return n;
}

/** A decimal number in [min, max]. */
export function numberOption(value: string, flag: string, min: number, max: number, lang: Lang): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(t(lang)('error.badRange', { flag, value, min, max }));
  return n;
}

/**
 * A file to write, resolved against `cwd`: refused before any work when it
 * names a folder or its folder does not exist (the write would fail at the end).
 */
export function outputFileOption(value: string, flag: string, cwd: string, example: string, lang: Lang): string {
  const file = path.resolve(cwd, value);
  if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(t(lang)('error.outIsFolder', { flag, value, example: path.join(value, example) }));
  const folder = path.dirname(file);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(t(lang)('error.outNoFolder', { flag, folder }));
  return file;
}

export function choiceOption<T extends string>(value: string, flag: string, accepted: readonly T[], lang: Lang): T {
  if (!(accepted as readonly string[]).includes(value)) throw new UsageError(t(lang)('error.badChoice', { flag, value, accepted: accepted.join(', ') }));
  return value as T;
}

export function scopeOption(value: string, lang: Lang): AnalysisScope {
  const parsed = parseScope(value);
  if (!parsed.ok) throw new UsageError(t(lang)('error.badScope', { part: parsed.part, how: inputProblems[lang].scope_format }));
  return parsed.scope;
}

/** A settings or playbook file zod refused: one line per problem, naming the file and the setting. */
export function settingsFileError(lang: Lang, file: string, error: ZodError): UsageError {
  return new UsageError(describeIssues(error.issues, lang).map((i) => t(lang)('error.config', { file, message: `${i.field}: ${i.problem}` })).join('\n'));
}
