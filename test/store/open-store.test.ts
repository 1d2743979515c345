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
