/**
 * Legacy Excel (.xls, BIFF8): no maintained pure-JavaScript reader handles it
 * well, so it is converted to .xlsx by LibreOffice when installed; otherwise
 * the user is told the two ways out.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PROGRAM_NAMES = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];

/** Where installers put LibreOffice without adding it to PATH. */
const USUAL_PLACES: readonly string[] =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : ['/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/snap/bin/libreoffice'];

/** The soffice program: on PATH first, then where installers usually put it; null when absent. */
export async function findLibreOffice(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string | null> {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter((d) => d !== '');
  const candidates = [...dirs.flatMap((d) => PROGRAM_NAMES.map((name) => path.join(d, name))), ...USUAL_PLACES];
  for (const candidate of candidates) {
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    const s = await stat(file);
    if (!s.isFile()) return false;
    await access(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type XlsConversionErrorCode = 'xls_conversion_failed' | 'xls_conversion_timeout';

/** LibreOffice ran but produced no workbook (a damaged or password-protected file), or took too long. */
export class XlsConversionError extends Error {
  constructor(
    readonly code: XlsConversionErrorCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${code}: ${file}: ${detail}`);
    this.name = 'XlsConversionError';
  }
}

export interface ConvertOptions {
  readonly timeoutMs?: number;
}

/**
 * Runs `soffice --headless --convert-to xlsx --outdir outDir src` and returns
 * the new file's path (outDir/<name>.xlsx).
 */
export async function convertXlsToXlsx(src: string, outDir: string, soffice: string, options: ConvertOptions = {}): Promise<string> {
  await mkdir(outDir, { recursive: true });
  // A private profile: with the user's LibreOffice open, soffice would hand the job
  // to that instance and exit at once without converting anything.
  const profile = await mkdtemp(path.join(os.tmpdir(), 'salescope-lo-'));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'xlsx',
    '--outdir',
    path.resolve(outDir),
    // Absolute, so a file named "-x.xls" cannot pass for an option.
    path.resolve(src),
  ];
  const out = path.join(outDir, `${path.parse(src).name}.xlsx`);
  const timeoutMs = options.timeoutMs ?? 180_000;
  try {
    await rm(out, { force: true });
    const result = await run(soffice, args, timeoutMs);
    if (result.timedOut) throw new XlsConversionError('xls_conversion_timeout', src, `no result after ${timeoutMs} ms`);
    if (!(await exists(out))) throw new XlsConversionError('xls_conversion_failed', src, (result.stderr || result.stdout).trim().slice(0, 500));
    return out;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Runs soffice in its own process group: it is a launcher that starts
 * soffice.bin, and a timeout must stop both.
 */
function run(program: string, args: readonly string[], timeoutMs: number): Promise<{ stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { detached: process.platform !== 'win32', windowsHide: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = { stdout: '', stderr: '', timedOut: false };
    child.stdout.on('data', (d: Buffer) => (out.stdout = (out.stdout + d.toString()).slice(-8192)));
    child.stderr.on('data', (d: Buffer) => (out.stderr = (out.stderr + d.toString()).slice(-8192)));
    const timer = setTimeout(() => {
      out.timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ...out, stderr: `${out.stderr}\n${error.message}` });
    });
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    return (await stat(file)).size > 0;
  } catch {
    return false;
  }
}
