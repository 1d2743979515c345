/**
 * Backup through the running server: the server holds the store, so a
 * second process cannot open it; `salescope backup` asks here instead,
 * showing the control token only the server's owner can read. A team store
 * on PostgreSQL is refused: the database server's own tools back it up.
 */
import path from 'node:path';
import { z } from 'zod';
import { backupStore, RestoreError } from '../../store/backup-store.js';
import { ApiError } from '../api-error.js';
import { langOnly, noInput, route } from '../route-spec.js';
import { inputProblem } from '../../i18n/input-problems.js';

export const backupRoutes = [
  route({
    method: 'POST',
    url: '/api/backup',
    summary: 'Write a consistent backup of the whole store to a new or empty folder on the server machine (for the local salescope backup command)',
    access: 'control',
    query: langOnly,
    params: noInput,
    body: z.object({ out: z.string().min(1).max(4096).refine((p) => path.isAbsolute(p), inputProblem('absolute_path')) }).strict(),
    handler: async ({ body, deps }) => {
      try {
        return await backupStore(deps.store, body.out, deps.now());
      } catch (error) {
        if (!(error instanceof RestoreError)) throw error;
        if (error.code === 'server_store') throw new ApiError(409, 'backup_server_store');
        if (error.code === 'cannot_create') throw new ApiError(400, 'backup_cannot_create', { dir: body.out, reason: error.detail });
        throw new ApiError(409, error.code === 'not_a_folder' ? 'backup_not_folder' : 'backup_not_empty', { dir: body.out });
      }
    },
  }),
];
