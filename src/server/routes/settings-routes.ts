/**
 * Analysis settings (RFM window and weights, tier thresholds, funnel stages
 * …): read the version in force, preview how many customers a change would
 * move between tiers, and save a change as a new version (applied by the next
 * analysis).
 */
import { dataStewards, everyone } from '../../access/roles.js';
import { z, ZodError } from 'zod';
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { configHistory, latestConfig, mergeConfig, saveConfig } from '../../analytics/snapshot/config-versions.js';
import { customerScoresSql } from '../../analytics/snapshot/customer-scores-sql.js';
import type { Queryable } from '../../store/engine.js';
import { ApiError } from '../api-error.js';
import { badInput, langOnly, noInput, route } from '../route-spec.js';
import type { Lang } from '../../i18n/i18n.js';

const patchBody = z.object({ patch: z.record(z.string(), z.unknown()), note: z.string().trim().min(1).max(200).optional() }).strict();
/** A save names the version it was edited from: two people editing at once, the second is told instead of overwriting. */
const saveBody = patchBody.extend({ baseVersion: z.number().int().min(0).optional() }).strict();

function merged(base: AnalysisConfig, patch: unknown, lang: Lang): AnalysisConfig {
  try {
    return mergeConfig(base, patch, lang);
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    throw badInput(error.issues, lang, ['patch']);
  }
}

/**
 * A save edited from a version other than the one in force. An older one lost
 * to another save; a newer one was never saved here (a store restored from a
 * backup, another server), so nobody else's change is to blame.
 */
function staleBase(yours: number, current: number): ApiError {
  return new ApiError(409, yours > current ? 'settings_unknown_version' : 'settings_conflict', { yours, current });
}

/** Tier moves between the latest snapshot and the same customers scored under `config`. */
async function preview(db: Queryable, config: AnalysisConfig) {
  const [snap] = await db.query<{ id: number; asOf: string; from: string; to: string }>(
    `SELECT snapshot_id AS id, CAST(as_of AS VARCHAR) AS "asOf", CAST(period_from AS VARCHAR) AS "from", CAST(period_to AS VARCHAR) AS "to"
     FROM analysis_snapshots WHERE scope IS NULL ORDER BY as_of DESC, snapshot_id DESC LIMIT 1`,
  );
  if (!snap) throw new ApiError(404, 'no_snapshot');
  const sql = customerScoresSql({ db, period: { asOf: snap.asOf, from: snap.from, to: snap.to }, config, tiers: null, scope: null });
  const moves = await db.query<{ scheme: string; from: string; to: string; customers: number }>(
    `WITH n AS (${sql}), o AS (SELECT * FROM customer_scores WHERE snapshot_id = ${Math.floor(snap.id)})
     SELECT 'value' AS scheme, o.value_tier AS "from", n.value_tier AS "to", count(*) AS customers FROM o JOIN n USING (customer_id) GROUP BY o.value_tier, n.value_tier
     UNION ALL
     SELECT 'rfm', o.rfm_tier, n.rfm_tier, count(*) FROM o JOIN n USING (customer_id) GROUP BY o.rfm_tier, n.rfm_tier
     ORDER BY 1, 2, 3`,
  );
  const moved = (scheme: string) => moves.filter((m) => m.scheme === scheme && m.from !== m.to).reduce((s, m) => s + m.customers, 0);
  return { snapshotId: snap.id, movedValueTier: moved('value'), movedRfmTier: moved('rfm'), moves };
}

export const settingsRoutes = [
  route({
    method: 'GET',
    url: '/api/settings',
    summary: 'The analysis settings in force and their version, with every saved version (when, and the note saying why)',
    access: everyone,
    query: langOnly,
    params: noInput,
    handler: async ({ deps }) => ({
      ...((await latestConfig(deps.store.engine)) ?? { version: 0, config: defaultAnalysisConfig() }),
      history: await configHistory(deps.store.engine),
    }),
  }),
  route({
    method: 'POST',
    url: '/api/settings/preview',
    summary: 'How many customers a settings change would move between tiers, against the latest analysis (nothing is saved)',
    access: dataStewards,
    query: langOnly,
    params: noInput,
    body: patchBody,
    handler: async ({ body, deps, lang }) => {
      const base = (await latestConfig(deps.store.engine))?.config ?? defaultAnalysisConfig();
      return preview(deps.store.engine, merged(base, body.patch, lang));
    },
  }),
  route({
    method: 'PUT',
    url: '/api/settings',
    summary: 'Save a settings change as a new version; the next analysis uses it',
    access: ['admin', 'analyst'],
    query: langOnly,
    params: noInput,
    body: saveBody,
    // One save at a time, across app processes too: each reads the version in force and writes the next.
    handler: async ({ body, deps, lang }) =>
      deps.store.engine.transaction(async (tx) => {
        const latest = await latestConfig(tx);
        const current = latest?.version ?? 0;
        if (body.baseVersion !== undefined && body.baseVersion !== current) throw staleBase(body.baseVersion, current);
        return saveConfig(tx, merged(latest?.config ?? defaultAnalysisConfig(), body.patch, lang), body.note ?? 'changed in the app', deps.now());
      }, { exclusive: 'settings' }),
  }),
];
