/**
 * A TypeScript entry run with tsx as a process that can be killed with
 * SIGKILL for real. tsx runs the entry in a child node process of its own, so
 * a SIGKILL sent to the tsx process alone would leave that child running (a
 * SIGKILL cannot be relayed); the process is therefore started in a process
 * group of its own and the whole group is killed, then waited for until no
 * live process is left in it (dead ones may linger as zombies: they hold no
 * files or locks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const tsxBin = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');

export interface Killable {
  readonly child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  stderr(): string;
  /** The exit code once exited (null when killed by a signal); undefined while running. */
  exitCode(): number | null | undefined;
  readonly exited: Promise<number | null>;
  /** SIGKILL to every process of the group, then wait until none is left alive. */
  kill(): Promise<void>;
}

/** Runs `tsx entry ...args` in cwd with LANG=C, in a process group of its own. */
export function startKillable(entry: string, args: readonly string[], cwd: string): Killable {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  // The store key comes from the key file beside the database, as in the tests that open it.
  delete env.SALESCOPE_KEY;
  delete env.SALESCOPE_KEY_FILE;
  delete env.SALESCOPE_DB;
  const child = spawn(tsxBin, [entry, ...args], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let code: number | null | undefined;
  child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (c) => {
      code = c;
      resolve(c);
    }),
  );
  const pgid = child.pid!;
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exitCode: () => code,
    exited,
    async kill() {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
      await exited;
      await waitUntil(() => !groupAlive(pgid), 15_000, `process group ${pgid} still alive after SIGKILL`);
    },
  };
}

/**
 * Whether any process of the group is alive, read from /proc. A process whose
 * main thread is already a zombie may still have other threads exiting (and
 * its files, with their locks, open): it counts as alive until every thread is
 * a zombie.
 */
export function groupAlive(pgid: number): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const main = statOf(`/proc/${entry}/stat`);
    if (main === null || main.pgrp !== pgid) continue;
    if (!dead(main.state)) return true;
    let threads: string[];
    try {
      threads = readdirSync(`/proc/${entry}/task`);
    } catch {
      continue; // gone meanwhile
    }
    if (threads.some((t) => !dead(statOf(`/proc/${entry}/task/${t}/stat`)?.state ?? 'X'))) return true;
  }
  return false;
}

const dead = (state: string) => state === 'Z' || state === 'X';

/** State and process group from a /proc stat line ("pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses). */
function statOf(file: string): { state: string; pgrp: number } | null {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    return null; // gone meanwhile
  }
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? 'X', pgrp: Number(fields[2]) };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil(test: () => boolean, timeoutMs: number, what: string, everyMs = 5): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(everyMs);
  }
}
