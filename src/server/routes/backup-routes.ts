/**
 * Backup through the running server: the server holds the store, so a
 * second process cannot open it; `salescope backup` asks here instead,
 * showing the control token only the server's owner can read. A team store
 * on PostgreSQL is refused: the database server's own tools back it up.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { backupStore, RestoreError } from '../../store/backup-store.js';
import { ApiError } from '../api-error.js';
import { langOnly, noInput, route } from '../route-spec.js';

export const backupRoutes = [
  route({
    method: 'POST',
    url: '/api/backup',
    summary: 'Write a consistent backup of the whole store to a new or empty folder on the server machine (for the local salescope backup command)',
    access: 'control',
    query: langOnly,
    params: noInput,
    body: z.object({ out: z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), 'an absolute path') }).strict(),
    handler: async ({ body, deps }) => {
      // Before the export, which takes a while: a file where the folder should be is the caller's mistake.
      if (await blockedByFile(body.out)) throw new ApiError(409, 'backup_not_folder', { dir: body.out });
      try {
        return await backupStore(deps.store, body.out, deps.now());
      } catch (error) {
        if (error instanceof RestoreError) throw error.code === 'server_store' ? new ApiError(409, 'backup_server_store') : new ApiError(409, 'backup_not_empty', { dir: body.out });
        throw error;
      }
    },
  }),
];

/** Whether the path is a file, or runs through one (file.txt/backup), so no folder can be made there. */
async function blockedByFile(dir: string): Promise<boolean> {
  try {
    return !(await stat(dir)).isDirectory();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOTDIR';
  }
}
