/**
 * Downloads made by writers that only write to a path (XLSX, PDF): written to
 * a private temporary folder, read back, and the folder removed whatever happens.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { FileResult } from './route-spec.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function writtenFile(filename: string, contentType: string, write: (file: string) => Promise<void>): Promise<FileResult> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-http-'));
  try {
    const file = path.join(dir, path.basename(filename));
    await write(file);
    return new FileResult(await readFile(file), contentType, filename);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
