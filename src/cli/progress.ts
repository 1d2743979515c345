/**
 * A progress bar on stderr while a long import runs; silent when stderr is
 * not a terminal (logs and pipes get the summary only).
 */
import { SingleBar } from 'cli-progress';
import { translator } from '../i18n/i18n.js';
import { cliMessages } from '../i18n/cli-messages.js';
import type { CliContext } from './cli-context.js';

export interface ProgressReporter {
  update(phase: 'reading' | 'validating' | 'writing', done: number, total: number): void;
  stop(): void;
}

export function progressReporter(ctx: CliContext, label: string): ProgressReporter {
  if (!ctx.io.stderr.isTTY) return { update: () => undefined, stop: () => undefined };
  const t = translator(cliMessages, ctx.lang);
  const bar = new SingleBar({
    stream: ctx.io.stderr as NodeJS.WriteStream,
    format: `${label} {phase} [{bar}] {percentage}%`,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    update(phase, done, total) {
      const size = total > 0 ? total : Math.max(done, 1);
      if (!started) {
        bar.start(size, done, { phase: t(`import.phase.${phase}`) });
        started = true;
      }
      bar.setTotal(size);
      bar.update(done, { phase: t(`import.phase.${phase}`) });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
