import type { Engine } from '../engine.js';
import { migrations as allMigrations, type Migration } from './migrations.js';
import { ddlFor } from '../sql-dialect.js';

export class SchemaTooNewError extends Error {
  constructor(readonly found: number, readonly known: number) {
    super(`database schema version ${found} is newer than this salescope understands (${known})`);
  }
}

/**
 * Brings the database to the latest schema. Each migration runs in its own
 * transaction together with its bookkeeping row, so an interrupted upgrade
 * resumes where it stopped.
 */
export async function migrate(engine: Engine, migrations: readonly Migration[] = allMigrations): Promise<number[]> {
  await engine.run(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)',
  );
  const current = await schemaVersion(engine);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) throw new SchemaTooNewError(current, latest);
  const applied: number[] = [];
  for (const m of migrations.filter((x) => x.version > current)) {
    await engine.transaction(async (tx) => {
      await tx.run(ddlFor(engine.dialect, m.sql));
      await tx.run('INSERT INTO schema_migrations VALUES ($1, $2, current_timestamp::TIMESTAMP)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}

export async function schemaVersion(engine: Engine): Promise<number> {
  const rows = await engine.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
