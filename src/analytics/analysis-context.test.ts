import { describe, expect, it } from 'vitest';
import { alongside } from './analysis-context.js';

describe('alongside', () => {
  it('does the work while the statement is pending and returns both results', async () => {
    const order: string[] = [];
    const pending = new Promise<number>((resolve) => setTimeout(() => (order.push('statement'), resolve(7)), 20));
    expect(await alongside(pending, () => (order.push('work'), 'fit'))).toEqual([7, 'fit']);
    expect(order).toEqual(['work', 'statement']);
  });

  it("throws the work's error and leaves the statement's later failure handled", async () => {
    const unhandled: unknown[] = [];
    const listen = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', listen);
    try {
      const pending = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('statement failed')), 10));
      await expect(alongside(pending, () => { throw new Error('fit failed'); })).rejects.toThrow('fit failed');
      await new Promise((r) => setTimeout(r, 30));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', listen);
    }
  });
});
