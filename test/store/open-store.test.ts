/** An in-memory store (tests, previews) cleans up the temporary work directory it made. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

describe('openStore in memory', () => {
  it('removes its work directory at close', async () => {
    const store = await openStore({ db: ':memory:' });
    expect(existsSync(store.workDir)).toBe(true);
    await store.close();
    expect(existsSync(store.workDir)).toBe(false);
  });
});

describe('openStore memory limit', () => {
  it('hands the limit to DuckDB (256 MB = 256,000,000 bytes ≈ 244.1 MiB)', async () => {
    const store = await openStore({ db: ':memory:', memoryLimit: '256MB' });
    try {
      const [row] = await store.engine.query<{ v: string }>("SELECT current_setting('memory_limit') AS v");
      expect(row!.v).toBe('244.1 MiB');
    } finally {
      await store.close();
    }
  });
});
