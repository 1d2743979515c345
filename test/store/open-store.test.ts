/** An in-memory store (tests, previews) cleans up the temporary work directory it made. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, removeOrphanWorkDirs } from '../../src/store/open-store.js';

describe('openStore in memory', () => {
  it('removes its work directory at close', async () => {
    const store = await openStore({ db: ':memory:' });
    expect(existsSync(store.workDir)).toBe(true);
    await store.close();
    expect(existsSync(store.workDir)).toBe(false);
  });
});

describe('work directories left by killed processes', () => {
  it('are removed when their process is gone, and only those', () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'salescope-orphans-'));
    try {
      for (const name of ['salescope-111-aB3dEf', 'salescope-222-Zz9Yy8', 'salescope-test-abc123', 'salescope-333-short', 'other-111-aB3dEf']) mkdirSync(path.join(tmp, name));
      removeOrphanWorkDirs(tmp, (pid) => pid === 222);
      expect(readdirSync(tmp).sort()).toEqual(['other-111-aB3dEf', 'salescope-222-Zz9Yy8', 'salescope-333-short', 'salescope-test-abc123']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('never include the directory of a store this process holds', async () => {
    const store = await openStore({ db: ':memory:' });
    try {
      removeOrphanWorkDirs(os.tmpdir());
      expect(existsSync(store.workDir)).toBe(true);
      expect(path.basename(store.workDir)).toMatch(new RegExp(`^salescope-${process.pid}-`));
    } finally {
      await store.close();
    }
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
