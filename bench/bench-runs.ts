/**
 * How the benchmarks repeat and isolate what they time: the best or the
 * median of several runs, and a benchmark script run in a process of its
 * own so that its peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The fastest of `runs` runs, in whole milliseconds. */
export async function bestOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    await fn();
    best = Math.min(best, performance.now() - t);
  }
  return Math.round(best);
}

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `bench/<script>` with tsx in a child process; its last line of output is the JSON result. */
export function runInChild<T>(script: string, args: readonly string[]): T {
  const root = path.resolve(import.meta.dirname, '..');
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'bench', script), ...args], { encoding: 'utf8', cwd: root });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
