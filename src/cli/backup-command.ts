/**
 * `salescope backup --out DIR` and `salescope restore --from DIR`. A store a
 * running server holds cannot be opened by a second process, so backup then
 * asks that server to take it (through the control token it left in the
 * work folder, readable only by its owner) — consistent either way.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { translator } from '../i18n/i18n.js';
import { backupMessages } from '../i18n/backup-messages.js';
import { backupStore, restoreStore, RestoreError, type BackupManifest } from '../store/backup-store.js';
import { workDirFor } from '../store/open-store.js';
import { UsageError, type CliContext, type GlobalOptions } from './cli-context.js';
import type { CommandRunner } from './main.js';
import { withStore } from './main.js';
import { controlFile } from './serve-command.js';

type Run = (runner: CommandRunner, opts: GlobalOptions) => Promise<void>;

export function registerBackup(program: Command, run: Run): void {
  program
    .command('backup')
    .description('write a consistent copy of the whole store to a new folder (also while the server runs)')
    .requiredOption('--out <dir>', 'an empty or new folder')
    .action(async (opts: { out: string }, cmd: Command) => run((ctx) => backup(ctx, path.resolve(ctx.io.cwd, opts.out)), cmd.optsWithGlobals()));
  program
    .command('restore')
    .description('make the store (--db, which must not exist yet) from a backup folder, checking every table')
    .requiredOption('--from <dir>', 'a folder written by salescope backup')
    .action(async (opts: { from: string }, cmd: Command) => run((ctx) => restore(ctx, path.resolve(ctx.io.cwd, opts.from)), cmd.optsWithGlobals()));
}

async function backup(ctx: CliContext, out: string): Promise<number> {
  let manifest: BackupManifest;
  try {
    manifest = await withStore(ctx, (store) => backupStore(store, out, ctx.now()));
  } catch (error) {
    if (error instanceof RestoreError) {
      const t = translator(backupMessages, ctx.lang);
      if (error.code === 'server_store') throw new UsageError(t('server_store', { db: ctx.dbName }));
      // A backup folder that exists is one with files in it.
      throw new UsageError(t(error.code === 'target_exists' ? 'notEmpty' : error.code, { dir: out, reason: error.detail }));
    }
    if (!(error instanceof Error) || !/lock/i.test(error.message)) throw error;
    manifest = await viaServer(ctx, out);
  }
  report(ctx, 'backedUp', out, manifest);
  return 0;
}

/** The running server takes the backup: it holds the store. */
async function viaServer(ctx: CliContext, out: string): Promise<BackupManifest> {
  const t = translator(backupMessages, ctx.lang);
  const control = await readFile(controlFile(workDirFor(ctx.db)), 'utf8').then((s) => JSON.parse(s) as { url: string; token: string }).catch(() => null);
  if (control === null) throw new UsageError(t('locked', { db: ctx.dbName }));
  // A server killed without cleaning up leaves its file behind: no answer is the same as no server.
  const res = await fetch(`${control.url}/api/backup`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': ctx.lang, 'x-salescope-control': control.token }, body: JSON.stringify({ out }) }).catch(() => null);
  if (res === null) throw new UsageError(t('locked', { db: ctx.dbName }));
  const body = (await res.json()) as BackupManifest & { message?: string };
  if (!res.ok) throw new UsageError(body.message ?? `HTTP ${res.status}`);
  return body;
}

async function restore(ctx: CliContext, from: string): Promise<number> {
  const t = translator(backupMessages, ctx.lang);
  try {
    report(ctx, 'restored', ctx.dbName, await restoreStore(ctx.db, from, ctx.io.env));
    return 0;
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    throw new UsageError(t(error.code, { db: ctx.dbName, dir: from, tables: error.detail }));
  }
}

function report(ctx: CliContext, key: 'backedUp' | 'restored', where: string, m: BackupManifest): void {
  const rows = Object.values(m.tables).reduce((s, x) => s + x.rows, 0);
  const tables = Object.keys(m.tables).length;
  if (ctx.json) ctx.out(JSON.stringify({ [key === 'backedUp' ? 'out' : 'db']: where, ...m }));
  else ctx.out(translator(backupMessages, ctx.lang)(key, { where, tables, rows }));
}
