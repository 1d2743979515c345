import { describe, expect, it } from 'vitest';
import { CommitGate } from './commit-gate.js';

/** A promise with its resolve, to hold a step open until the test lets it go. */
function latch(): { promise: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('CommitGate', () => {
  it('waits for the statements already running, and holds back those that arrive, until its work is done', async () => {
    const gate = new CommitGate();
    const log: string[] = [];
    const first = latch();
    const running = gate.pass(async () => {
      log.push('commit 1 starts');
      await first.promise;
      log.push('commit 1 ends');
    });
    const held = gate.holding(async () => {
      log.push('snapshots taken');
      await tick();
      log.push('snapshots done');
    });
    await tick();
    const later = gate.pass(async () => log.push('commit 2'));
    await tick();
    // Nothing may start while the first commit runs: the holder waits for it.
    expect(log).toEqual(['commit 1 starts']);
    first.release();
    await Promise.all([running, held, later]);
    expect(log).toEqual(['commit 1 starts', 'commit 1 ends', 'snapshots taken', 'snapshots done', 'commit 2']);
  });

  it('lets one holder in at a time, and counts a failed statement as finished', async () => {
    const gate = new CommitGate();
    const log: string[] = [];
    await expect(gate.pass(async () => Promise.reject(new Error('conflict')))).rejects.toThrow('conflict');
    const a = gate.holding(async () => {
      log.push('a in');
      await tick();
      log.push('a out');
    });
    const b = gate.holding(async () => log.push('b'));
    const c = gate.pass(async () => log.push('commit'));
    await Promise.all([a, b, c]);
    expect(log.indexOf('a out')).toBeLessThan(log.indexOf('b'));
    expect(log.indexOf('a out')).toBeLessThan(log.indexOf('commit'));
    expect(log).toHaveLength(4);
  });

  it('opens again when the holder fails', async () => {
    const gate = new CommitGate();
    await expect(gate.holding(async () => Promise.reject(new Error('no connection')))).rejects.toThrow('no connection');
    expect(await gate.pass(async () => 'committed')).toBe('committed');
  });
});
