/**
 * `mkdir -p` for folders a user names. Node's recursive mkdir never returns
 * where a parent exists but refuses new entries with ENOENT (/proc, some
 * network mounts), so the missing levels are made one at a time, and a
 * failure becomes a FolderError the edges word.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

export type FolderProblem = 'not_a_folder' | 'cannot_create';

export class FolderError extends Error {
  constructor(
    readonly code: FolderProblem,
    readonly dir: string,
    /** The system's reason (EACCES, EROFS …) when a level could not be made. */
    readonly reason: string,
  ) {
    super(`${code}: ${dir} (${reason})`);
    this.name = 'FolderError';
  }
}

const errnoOf = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? 'unknown';

export async function makeFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    const kind = await kindOf(at);
    if (kind === 'folder') break;
    if (kind === 'file') throw new FolderError('not_a_folder', dir, 'ENOTDIR');
    missing.push(at);
    if (path.dirname(at) === at) break;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      // Someone else made it meanwhile: as good as made.
      if (errnoOf(error) !== 'EEXIST') throw new FolderError('cannot_create', dir, errnoOf(error));
    }
  }
}

async function kindOf(at: string): Promise<'folder' | 'file' | 'none'> {
  try {
    return (await stat(at)).isDirectory() ? 'folder' : 'file';
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT') return 'none';
    if (code === 'ENOTDIR') return 'file';
    throw new FolderError('cannot_create', at, code);
  }
}
