import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FolderError, makeFolder } from './make-folder.js';

const root = mkdtempSync(path.join(tmpdir(), 'salescope-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('makeFolder', () => {
  it('makes every missing level and accepts a folder that is already there', async () => {
    const deep = path.join(root, 'a', 'b', 'c');
    await makeFolder(deep);
    expect(statSync(deep).isDirectory()).toBe(true);
    await makeFolder(deep);
    await makeFolder(root);
  });

  it('refuses a file where a folder should be, or on the way to it', async () => {
    writeFileSync(path.join(root, 'f'), 'x');
    for (const dir of [path.join(root, 'f'), path.join(root, 'f', 'g')]) {
      const error = await makeFolder(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FolderError);
      expect(error).toMatchObject({ code: 'not_a_folder', dir });
    }
  });

  it('returns with the reason where the system refuses new entries', async () => {
    const error = await makeFolder('/proc/salescope-test/x').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cannot_create', reason: 'ENOENT' });
  });
});
