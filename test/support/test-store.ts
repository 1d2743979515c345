/** A fresh on-disk store in a temporary directory, removed after the test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/open-store.js';
import { importFile, type ImportRequest, type ImportResult } from '../../src/intake/import-file.js';
import { testDb } from './test-engine.js';

export { datasets } from './datasets.js';

export interface TestStore extends Store {
  readonly dir: string;
  import(file: string, req?: Omit<ImportRequest, 'file'>): Promise<ImportResult>;
  one<T extends object>(sql: string): Promise<T>;
  dispose(): Promise<void>;
}

export const fixedClock = () => new Date('2026-01-01T00:00:00Z');

export async function testStore(): Promise<TestStore> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-test-'));
  const target = testDb(path.join(dir, 'test.duckdb'));
  const store = await openStore({ db: target.db, env: target.env });
  return {
    ...store,
    dir,
    import: (file, req = {}) => importFile(store, { file, ...req }, { now: fixedClock }),
    one: async <T extends object>(sql: string) => (await store.engine.query<T>(sql))[0]!,
    dispose: async () => {
      await store.close();
      await target.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The five outcomes add up to the rows read, always. */
export function outcomesAddUp(r: ImportResult): boolean {
  return r.rows === r.inserted + r.updated + r.unchanged + r.duplicates + r.quarantined;
}
