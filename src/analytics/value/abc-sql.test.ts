/** ABC classes from the two cuts, on hand-worked revenue lists: ties at a cut, an empty class, nobody with revenue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestEngine, type TestEngine } from '../../../test/support/test-engine.js';
import { abcClassSql, abcCutsSql } from './abc-sql.js';

let opened: TestEngine;
beforeAll(async () => {
  opened = await openTestEngine();
});
afterAll(() => opened.dispose());

async function classes(rows: [string, number][], a: number, b: number): Promise<Record<string, string>> {
  const values = rows.map(([id, m]) => `('${id}', CAST(${m} AS FLOAT8))`).join(', ');
  const out = await opened.engine.query<{ id: string; abc: string }>(
    `WITH m AS (SELECT * FROM (VALUES ${values}) AS v (customer_id, monetary)), cuts AS (${abcCutsSql('m', a, b)})
     SELECT m.customer_id AS id, ${abcClassSql('m', 'cuts')} AS abc FROM m CROSS JOIN cuts ORDER BY 1`,
  );
  return Object.fromEntries(out.map((r) => [r.id, r.abc]));
}

describe('ABC classes', () => {
  it('breaks ties at a cut by customer id', async () => {
    // Positive total 150; in order X1, X2, X3 the revenue before is 0, 50, 100: shares 0 and .33 are under .5, .67 is under .9.
    expect(await classes([['X3', 50], ['X1', 50], ['X2', 50], ['X4', 0], ['X5', -10]], 0.5, 0.9)).toEqual({ X1: 'A', X2: 'A', X3: 'B', X4: 'C', X5: 'C' });
  });

  it('leaves B empty when the next customer is already past its share', async () => {
    // Y2 has 1000 of 1010 before it (.99): past both .8 and .95.
    expect(await classes([['Y1', 1000], ['Y2', 10]], 0.8, 0.95)).toEqual({ Y1: 'A', Y2: 'C' });
  });

  it('classes everybody C when nobody has revenue', async () => {
    expect(await classes([['Z1', 0], ['Z2', -5]], 0.8, 0.95)).toEqual({ Z1: 'C', Z2: 'C' });
  });
});
