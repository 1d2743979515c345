/**
 * Analysis settings live in the store as numbered versions. Changing them
 * (a quarterly review of tier thresholds) adds a version; snapshots record
 * the version they were computed with.
 */
import type { Lang } from '../../i18n/i18n.js';
import { zodMessages } from '../../i18n/input-problems.js';
import { analysisConfigInputSchema, analysisConfigSchema, type AnalysisConfig } from '../../config/analysis-config.js';
import type { Queryable } from '../../store/engine.js';

export interface ConfigVersion {
  readonly version: number;
  readonly config: AnalysisConfig;
}

export async function latestConfig(db: Queryable): Promise<ConfigVersion | null> {
  const [row] = await db.query<{ version: number; config: string }>(
    'SELECT version, CAST(config AS VARCHAR) AS config FROM analysis_configs ORDER BY version DESC LIMIT 1',
  );
  return row ? { version: row.version, config: analysisConfigSchema.parse(JSON.parse(row.config)) } : null;
}

export interface ConfigHistoryEntry {
  readonly version: number;
  readonly createdAt: string;
  readonly note: string | null;
}

/** Every saved version, newest first: when and why the settings changed (a quarterly review reads it). */
export async function configHistory(db: Queryable): Promise<ConfigHistoryEntry[]> {
  const rows = await db.query<{ version: number; created_at: string; note: string | null }>(
    'SELECT version, created_at, note FROM analysis_configs ORDER BY version DESC',
  );
  // Both adapters give a TIMESTAMP as ISO-8601 with milliseconds; the history shows whole seconds.
  return rows.map((r) => ({ version: r.version, createdAt: new Date(r.created_at).toISOString().replace(/\.\d{3}Z$/, 'Z'), note: r.note }));
}

/** Stores the settings as a new version unless they equal the latest; returns the version in force. */
export async function saveConfig(db: Queryable, config: AnalysisConfig, note: string, now: Date): Promise<ConfigVersion> {
  const latest = await latestConfig(db);
  if (latest && JSON.stringify(latest.config) === JSON.stringify(config)) return latest;
  const version = (latest?.version ?? 0) + 1;
  await db.run('INSERT INTO analysis_configs VALUES ($1, $2::TIMESTAMP, $3, $4::JSON)', [
    version,
    now.toISOString().replace('T', ' ').replace('Z', ''),
    note,
    JSON.stringify(config),
  ]);
  return { version, config };
}

/**
 * Deep-merges a partial settings object onto a full one: objects key by key
 * (one industry's outlook), arrays whole. A ZodError's issues come in `lang`
 * (describeIssues words them).
 */
export function mergeConfig(base: AnalysisConfig, patch: unknown, lang: Lang = 'en'): AnalysisConfig {
  const merge = (a: unknown, b: unknown): unknown => {
    if (b === undefined) return a;
    if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
      const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
      for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = merge(out[k], v);
      return out;
    }
    return b;
  };
  return analysisConfigInputSchema.parse(merge(base, patch), { error: zodMessages[lang] });
}
