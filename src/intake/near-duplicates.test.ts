import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../store/duckdb/duckdb-engine.js';
import type { Engine } from '../store/engine.js';
import { nameKeySql } from './near-duplicates.js';

describe('nameKeySql', () => {
  let db: Engine;
  beforeAll(async () => {
    db = await openDuckDb({ path: ':memory:' });
  });
  afterAll(() => db.close());
  const key = async (name: string) => (await db.query<{ k: string }>(`SELECT ${nameKeySql('$1')} AS k`, [name]))[0]!.k;

  it.each([
    ['苏州华瑞精密机械有限公司', '苏州华瑞精密机械'],
    ['苏州 华瑞精密机械（集团）有限公司', '苏州华瑞精密机械'],
    ['苏州华瑞精密机械股份有限公司', '苏州华瑞精密机械'],
    ['ACME Co., Ltd.', 'acme'],
    ['Acme Ltd', 'acme'],
    ['Princeton Instruments Inc.', 'princetoninstruments'],
  ])('%s → %s', async (name, expected) => {
    expect(await key(name)).toBe(expected);
  });
});
