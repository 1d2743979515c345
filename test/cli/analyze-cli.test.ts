import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';

const folder = cliFolder('salescope-analyze-');
const { dir } = folder;
const a = folder.store('a.duckdb');
const b = folder.store('b.duckdb');
const empty = folder.store('empty.duckdb');
beforeAll(async () => {
  // Three customers: C1 two orders (2024-03-05, 2024-12-20), C2 one (2024-06-01), C3 one a year earlier.
  writeFileSync(
    path.join(dir, 'orders.csv'),
    '订单编号,下单日期,客户编号,金额\nSO1,2024-03-05,C1,1000\nSO2,2024-12-20,C1,3000\nSO3,2024-06-01,C2,500\nSO4,2023-06-01,C3,800\n',
  );
  // Four deals: one won, two lost at 商务洽谈, one open at 报价 → the bottleneck is 商务洽谈 → 报价.
  writeFileSync(
    path.join(dir, 'deals.csv'),
    '商机编号,客户编号,创建日期,商机阶段,商机状态,输单原因\nD1,C1,2024-02-01,成交,赢单,\nD2,C2,2024-03-01,商务洽谈,输单,价格过高\nD3,C1,2024-04-01,商务洽谈,输单,价格过高\nD4,C2,2024-05-01,报价,进行中,\n',
  );
  writeFileSync(path.join(dir, 'settings.yaml'), 'rfm:\n  profile: balanced\n  windowDays: 730\n');
  writeFileSync(path.join(dir, 'bad-settings.yaml'), 'rfm:\n  profile: luxurious\n');
  writeFileSync(path.join(dir, 'fixed-settings.yaml'), 'rfm:\n  method: fixed\n');
  writeFileSync(path.join(dir, 'unsorted-settings.yaml'), 'rfm:\n  method: fixed\n  thresholds: { r: [30, 60, 90, 180], f: [1, 2, 3, 5], m: [5000, 1000, 20000, 50000] }\n');
  const r = await runCli(['import', '--db', a.db, 'orders.csv', 'deals.csv'], dir, a.env);
  expect(r.code).toBe(0);
});
afterAll(() => folder.dispose());

describe('salescope analyze', () => {
  it('prints one JSON document with a section per capability, as of the last order date', async () => {
    const r = await runCli(['analyze', '--db', a.db, '--json'], dir, a.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { period: unknown; kpis: { current: { revenue: number; orders: number } } };
    expect(doc.period).toEqual({ asOf: '2024-12-20', from: '2023-12-21', to: '2024-12-20' });
    for (const section of ['kpis', 'cohorts', 'rfm', 'tiers', 'pareto', 'segments', 'slices', 'clusters', 'behaviour', 'funnel', 'team', 'satisfaction', 'churn', 'recommendations']) expect(doc).toHaveProperty(section);
    expect(doc.kpis.current).toMatchObject({ revenue: 4500, orders: 3 });
    expect(doc.customersScored).toBe(3);
  });

  it('summarises in Chinese with 同比 and 环比', async () => {
    const r = await runCli(['analyze', '--db', a.db, '--lang', 'zh-CN', '--as-of', '2024-12-31'], dir, a.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('截至 2024年12月31日');
    expect(r.stdout).toContain('销售额 ¥4,500.00（同比');
    expect(r.stdout).toContain('购买客户 2 个');
    // Reached: 4, 4, 4, 2, 1 → 商务洽谈 → 报价 converts 50%; won 1 of 3 closed.
    expect(r.stdout).toContain('销售漏斗：商机 4 个，赢单率 33.3%，瓶颈 商务洽谈 → 报价（50.0%）');
  });

  it('applies a settings file as a new settings version', async () => {
    const r = await runCli(['analyze', '--db', a.db, '--json', '--config', 'settings.yaml'], dir, a.env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { configVersion: number; rfm: { windowDays: number } };
    expect(doc.rfm.windowDays).toBe(730);
    expect(doc.configVersion).toBeGreaterThan(1);
  });

  it.each([
    [['--as-of', '2024-02-30'], '--as-of: "2024-02-30" is not a date; write it as YYYY-MM-DD'],
    [['--from', '20240101'], '--from: "20240101" is not a date'],
    [['--from', '2024-06-01', '--to', '2024-01-01'], 'the period starts (2024-06-01) after it ends (2024-01-01)'],
    [['--from', '2030-01-01'], 'the period starts (2030-01-01) after it ends ('],
    [['--as-of', '1900-01-01'], '1900-01-01 is before the first order (2023-06-01): there is nothing to analyse yet'],
    [['--from', '2023-01-01', '--to', '2023-05-31'], '2023-05-31 is before the first order (2023-06-01)'],
    [['--config', 'bad-settings.yaml'], 'bad-settings.yaml: rfm.profile:'],
    [['--config', 'missing.yaml'], 'missing.yaml: ENOENT'],
    [['--config', 'fixed-settings.yaml'], 'fixed-settings.yaml: rfm.thresholds: method "fixed" needs thresholds'],
    [['--config', 'unsorted-settings.yaml'], 'unsorted-settings.yaml: rfm.thresholds.m: the four cut points must be in ascending order'],
  ])('refuses %j with a message and exit code 2', async (args, message) => {
    const r = await runCli(['analyze', '--db', a.db, ...args], dir, a.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('says what is wrong in a settings file in the user\'s language', async () => {
    const zh = await runCli(['analyze', '--db', a.db, '--lang', 'zh-CN', '--config', 'bad-settings.yaml'], dir, a.env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('bad-settings.yaml：rfm.profile: 无效选项：期望以下之一 "balanced"|"fmcg"|"industrial"|"custom"');
    const ours = await runCli(['analyze', '--db', a.db, '--lang', 'zh-CN', '--config', 'unsorted-settings.yaml'], dir, a.env);
    expect(ours.stderr).toContain('unsorted-settings.yaml：rfm.thresholds.m: 四个分界点必须按从小到大排列');
    const en = await runCli(['analyze', '--db', a.db, '--lang', 'en', '--config', 'bad-settings.yaml'], dir, a.env);
    expect(en.stderr).toContain('rfm.profile: Invalid option: expected one of "balanced"|"fmcg"|"industrial"|"custom"');
  });

  it('says how to get data into an empty store', async () => {
    const r = await runCli(['analyze', '--db', empty.db, '--lang', 'zh-CN'], dir, empty.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('中还没有订单；请先导入文件（salescope import …）或加载演示数据（salescope demo）');
    const dated = await runCli(['analyze', '--db', empty.db, '--as-of', '2024-12-31'], dir, empty.env);
    expect(dated.code).toBe(2);
    expect(dated.stderr).toContain('there are no orders in');
  });

  it('stores nothing for a date before the first order, and says so in the user\'s language', async () => {
    const before = await runCli(['customers', '--db', a.db, '--json'], dir, a.env);
    const zh = await runCli(['analyze', '--db', a.db, '--lang', 'zh-CN', '--as-of', '2023-05-31'], dir, a.env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('2023-05-31 早于第一笔订单（2023-06-01），还没有可分析的数据');
    const after = await runCli(['customers', '--db', a.db, '--json'], dir, a.env);
    expect(after.stdout).toBe(before.stdout);
  });
});

describe('salescope customers', () => {
  it('lists the latest snapshot, sorted by value, filterable by tier', async () => {
    const all = await runCli(['customers', '--db', a.db, '--json'], dir, a.env);
    expect(all.code).toBe(0);
    const page = JSON.parse(all.stdout) as { total: number; customers: { customerId: string; monetary: number; valueTier: string }[] };
    expect(page.total).toBe(3);
    expect(page.customers.map((c) => c.customerId)).toEqual(['C1', 'C2', 'C3']);
    const tier = page.customers[0]!.valueTier;
    const byTier = await runCli(['customers', '--db', a.db, '--json', '--tier', tier], dir, a.env);
    const filtered = JSON.parse(byTier.stdout) as { customers: { valueTier: string }[] };
    expect(filtered.customers.length).toBeGreaterThan(0);
    expect(filtered.customers.every((c) => c.valueTier === tier)).toBe(true);
  });

  it('says which snapshot does not exist', async () => {
    const r = await runCli(['customers', '--db', a.db, '--snapshot', '999', '--lang', 'en'], dir, a.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--snapshot: there is no analysis 999');
  });

  it('lists customers by churn risk with the signals behind it', async () => {
    await runCli(['analyze', '--db', a.db], dir, a.env);
    const r = await runCli(['customers', '--db', a.db, '--sort', 'risk', '--json'], dir, a.env);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.stdout) as { customers: { customerId: string; riskScore: number; riskSignals: { code: string; level: string }[] }[] };
    // C2 bought 500 in the half-year before the last one and nothing since: order value −100%, an alert worth 15 of 100;
    // its deal D4 has sat at 报价 since 2024-05-01: stalled, a warning worth 5.
    expect(page.customers[0]).toMatchObject({
      customerId: 'C2',
      riskScore: 20,
      riskSignals: [
        { code: 'value', level: 'alert', evidence: { recent: 0, before: 500, change: -1 } },
        { code: 'stalled', level: 'warn', evidence: { opportunities: 1 } },
      ],
    });
    const zh = await runCli(['customers', '--db', a.db, '--sort', 'risk', '--limit', '1', '--lang', 'zh-CN'], dir, a.env);
    expect(zh.stdout).toContain('20（金额下滑!、项目停滞）');
  });

  it('accepts tier names in Chinese and prints a table', async () => {
    const r = await runCli(['customers', '--db', a.db, '--lang', 'zh-CN', '--tier', '长尾客户', '--limit', '1'], dir, a.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/客户编号 · 客户名称|没有符合条件的客户/);
  });

  it.each([
    [['--tier', 'gold'], '--tier: "gold" is not a tier or segment; use one of: strategic'],
    [['--limit', '0'], '--limit: "0" is not a whole number of at least 1'],
    [['--limit', 'ten'], '--limit: "ten" is not a whole number'],
    [['--sort', 'name'], '--sort: "name" is not one of: value, revenue, recency, health'],
  ])('refuses %j', async (args, message) => {
    const r = await runCli(['customers', '--db', a.db, ...args], dir, a.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('asks for an analysis first when there is none', async () => {
    await runCli(['import', '--db', b.db, 'orders.csv'], dir, b.env);
    const r = await runCli(['customers', '--db', b.db], dir, b.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no analysis yet; run salescope analyze first');
  });
});

// DuckDB's memory limit: a server store has no use for it, so these run on a file store (a plain path) on either project.
describe('--memory-limit', () => {
  beforeAll(async () => {
    expect((await runCli(['import', '--db', 'm.duckdb', 'orders.csv'], dir)).code).toBe(0);
  });

  it('runs with the limit given on the command line or in the environment', async () => {
    expect((await runCli(['--memory-limit', '256MB', 'analyze', '--db', 'm.duckdb', '--json'], dir)).code).toBe(0);
    expect((await runCli(['analyze', '--db', 'm.duckdb', '--json'], dir, { SALESCOPE_MEMORY_LIMIT: '1.5GiB' })).code).toBe(0);
  });

  it('names the flag or variable and the value it cannot read, in the user language', async () => {
    const flag = await runCli(['--memory-limit', 'lots', 'analyze', '--db', 'm.duckdb'], dir);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('--memory-limit: "lots" is not an amount of memory; write a number and a unit, e.g. 512MB or 4GB');
    const env = await runCli(['analyze', '--db', 'm.duckdb'], dir, { SALESCOPE_MEMORY_LIMIT: '0GB' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('SALESCOPE_MEMORY_LIMIT: "0GB"');
    const zh = await runCli(['--lang', 'zh-CN', '--memory-limit', '4 G', 'analyze', '--db', 'm.duckdb'], dir);
    expect(zh.stderr).toContain('--memory-limit：“4 G”不是内存大小');
  });
});
