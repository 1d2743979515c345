/**
 * The key that seals personal fields: SALESCOPE_KEY (base64 of 32 bytes), or
 * the key file SALESCOPE_KEY_FILE, or salescope.key beside the database.
 * It is made at set-up (the first open of a store that has none), readable by
 * its owner only, and never written into the store or its backups.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export class StoreKeyError extends Error {
  constructor(
    readonly code: 'key_missing' | 'key_unnamed' | 'key_mismatch' | 'key_invalid',
    readonly where: string,
  ) {
    super(`${code}: ${where}`);
    this.name = 'StoreKeyError';
  }
}

/**
 * Where the key is looked for. A team store (on a server) has no folder of
 * its own, and every app process must seal with the same key, so it is named
 * explicitly there (SALESCOPE_KEY or SALESCOPE_KEY_FILE).
 */
export function keyFileFor(db: string, env: Env): string | null {
  if (env.SALESCOPE_KEY_FILE !== undefined) return env.SALESCOPE_KEY_FILE;
  return /^postgres(ql)?:\/\//i.test(db) ? null : path.join(path.dirname(path.resolve(db)), 'salescope.key');
}

/** The error for a key that is not there: a team store's key must be named before its first use. */
export function missingKey(db: string, env: Env): StoreKeyError {
  return new StoreKeyError(keyFileFor(db, env) === null ? 'key_unnamed' : 'key_missing', keyLocation(db, env));
}

/** Where the key is (or should be), as the user is told when it is missing or wrong. */
export function keyLocation(db: string, env: Env): string {
  if (env.SALESCOPE_KEY !== undefined) return 'SALESCOPE_KEY';
  return keyFileFor(db, env) ?? 'SALESCOPE_KEY / SALESCOPE_KEY_FILE';
}

function decode(text: string, where: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new StoreKeyError('key_invalid', where);
  return key;
}

/** The key, made (and written) when `create` and there is none yet; null when there is none and it may not be made. */
export function loadKey(db: string, env: Env, create: boolean): Buffer | null {
  if (env.SALESCOPE_KEY !== undefined) return decode(env.SALESCOPE_KEY, 'SALESCOPE_KEY');
  if (db === ':memory:') return randomBytes(32);
  const file = keyFileFor(db, env);
  if (file === null) return null;
  try {
    return decode(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!create) return null;
  try {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Two stores in one folder opened at once: the other made it first.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return decode(readFileSync(file, 'utf8'), file);
}
