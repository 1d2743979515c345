/** `salescope serve` (or `demo --serve`) as a real process, started in a folder, with the address it prints. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Serving {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

export async function startServing(args: readonly string[], cwd: string): Promise<Serving> {
  const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  const entry = path.resolve(import.meta.dirname, '../../src/cli/run.ts');
  const child = spawn(tsx, [entry, ...args], { cwd, env: { ...process.env, LANG: 'C' } });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /at (http:\/\/[\d.:]+) /.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then(() => reject(new Error(`exited early: ${out}`)));
  });
  return {
    child,
    url,
    output: () => out,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
