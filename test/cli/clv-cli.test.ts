import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';
import { datasets } from '../support/test-store.js';

const folder = cliFolder('salescope-clv-');
const { dir } = folder;
const c = folder.store('c.duckdb');
const empty = folder.store('empty.duckdb');
const mapping = path.resolve(import.meta.dirname, '../fixtures/mappings/cdnow-sample.yaml');
beforeAll(async () => {
  const r = await runCli(['import', '--db', c.db, '--mapping', mapping, path.join(datasets, 'cdnow/CDNOW_sample.txt')], dir, c.env);
  expect(r.code).toBe(0);
}, 60_000);
afterAll(() => folder.dispose());

describe('salescope clv', () => {
  it('prints the fitted parameters and the holdout as JSON', async () => {
    const r = await runCli(['clv', '--db', c.db, '--calibration-end', '1997-09-30', '--horizon', '39', '--json'], dir, c.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, Record<string, number>>;
    expect(Object.keys(doc.bgnbd!).sort()).toEqual(['a', 'alpha', 'b', 'logLik', 'r']);
    expect(Object.keys(doc.paretoNbd!).sort()).toEqual(['alpha', 'beta', 'logLik', 'r', 's']);
    expect(doc.bgnbd!.r).toBeCloseTo(0.243, 3);
    expect(doc.gammaGamma!.p).toBeCloseTo(6.25, 1);
    expect(doc.holdout!.actual).toBe(1_882);
  }, 60_000);

  it('summarises in Chinese', async () => {
    const r = await runCli(['clv', '--db', c.db, '--calibration-end', '1997-09-30', '--lang', 'zh-CN'], dir, c.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('基于 1997-09-30 及之前的购买拟合（客户 2,357 个，复购客户 946 个），时间单位：周');
    expect(r.stdout).toContain('BG/NBD      r 0.243 · α 4.414 · a 0.793 · b 2.426 · 对数似然 -9582.4');
    expect(r.stdout).toContain('验证期至 1998-06-30（39.0 个周）：实际复购 1,882 次');
  }, 60_000);

  it.each([
    [['--time-unit', 'year'], '--time-unit: "year" is not one of: day, week, month'],
    [['--horizon', '0'], '--horizon: "0" is not a number from 1 to 10000'],
    [['--discount-rate', '12%'], '--discount-rate: "12%" is not a number from 0 to 1'],
    [['--calibration-end', '1997-02-30'], '--calibration-end: "1997-02-30" is not a date'],
    [['--calibration-end', '1998-07-01'], 'the calibration end 1998-07-01 is after the last purchase (1998-06-30)'],
    [['--calibration-end', '1997-01-02'], 'only 0 customers bought more than once up to 1997-01-02; the CLV models need at least 20'],
  ])('refuses %j and says what to do', async (args, message) => {
    const r = await runCli(['clv', '--db', c.db, '--lang', 'en', ...args], dir, c.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('asks for data in an empty store', async () => {
    const r = await runCli(['clv', '--db', empty.db, '--lang', 'en'], dir, empty.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there are no orders in');
  });
});
