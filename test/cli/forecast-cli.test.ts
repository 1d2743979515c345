import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';

const folder = cliFolder('salescope-forecast-');
const { dir } = folder;
const f = folder.store('f.duckdb');
const short = folder.store('short.duckdb');
const none = folder.store('none.duckdb');
beforeAll(async () => {
  // 36 months, 2022-01 … 2024-12: growth of 2% a month and a low February, two categories.
  const lines = ['订单编号,下单日期,客户编号,产品类别,金额'];
  for (let i = 0; i < 36; i++) {
    const month = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
    const base = 10_000 * Math.pow(1.02, i) * (i % 12 === 1 ? 0.5 : 1);
    // The second order on the month's last day: the data ends on 2024-12-31, a complete month.
    const last = new Date(Date.UTC(2022 + Math.floor(i / 12), (i % 12) + 1, 0)).getUTCDate();
    lines.push(`S${i}a,${month}-05,C${i % 7},传感器,${(base * 0.6).toFixed(2)}`, `S${i}b,${month}-${last},C${(i + 3) % 7},变频器,${(base * 0.4).toFixed(2)}`);
  }
  writeFileSync(path.join(dir, 'orders.csv'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(dir, 'short.csv'), '订单编号,下单日期,客户编号,金额\nA1,2024-01-05,C1,100\nA2,2024-02-05,C1,100\nA3,2024-03-31,C1,100\n');
  expect((await runCli(['import', '--db', f.db, 'orders.csv'], dir, f.env)).code).toBe(0);
  expect((await runCli(['import', '--db', short.db, 'short.csv'], dir, short.env)).code).toBe(0);
}, 60_000);
afterAll(() => folder.dispose());

describe('salescope forecast', () => {
  it('forecasts each category with intervals and a backtest, as JSON', async () => {
    const r = await runCli(['forecast', '--db', f.db, '--by', 'category', '--horizon', '6', '--json'], dir, f.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { lastMonth: string; series: { group: string; status: string; forecast: { month: string; revenue: number; lower95: number; upper95: number }[]; backtest: { origins: number } }[] };
    expect(doc.lastMonth).toBe('2024-12');
    expect(doc.series.map((s) => s.group)).toEqual(['传感器', '变频器']);
    const s = doc.series[0]!;
    expect(s.forecast.map((p) => p.month)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    // The low February comes back, and every point sits inside its interval.
    expect(s.forecast[1]!.revenue).toBeLessThan(0.7 * s.forecast[0]!.revenue);
    for (const p of s.forecast) expect(p.lower95 <= p.revenue && p.revenue <= p.upper95).toBe(true);
    expect(s.backtest.origins).toBe(12);
  }, 60_000);

  it('leaves out a month still in progress', async () => {
    const r = await runCli(['forecast', '--db', f.db, '--as-of', '2024-12-20', '--horizon', '1', '--json'], dir, f.env);
    expect((JSON.parse(r.stdout) as { lastMonth: string }).lastMonth).toBe('2024-11');
  }, 60_000);

  it('summarises in Chinese, and says when the history is too short', async () => {
    const r = await runCli(['forecast', '--db', f.db, '--lang', 'zh-CN'], dir, f.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('销售额预测：2024-12（最后一个完整月份）之后 12 个月');
    expect(r.stdout).toMatch(/全部：ETS\(A,[NA]d?,[AMN]\) · 下月 ¥/);
    const fewMonths = await runCli(['forecast', '--db', short.db, '--lang', 'zh-CN'], dir, short.env);
    expect(fewMonths.code).toBe(0);
    expect(fewMonths.stdout).toContain('全部：只有 3 个月的历史数据，预测至少需要 6 个月');
  }, 60_000);

  it.each([
    [['--by', 'product'], '--by: "product" is not one of: none, category, region'],
    [['--horizon', '0'], '--horizon: "0" is not a whole number of at least 1'],
    [['--horizon', '100'], '--horizon: "100" is not a number from 1 to 60'],
    [['--as-of', '2024-02-30'], '--as-of: "2024-02-30" is not a date'],
  ])('refuses %j and says what to write', async (args, message) => {
    const r = await runCli(['forecast', '--db', f.db, '--lang', 'en', ...args], dir, f.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('asks for data in an empty store', async () => {
    const r = await runCli(['forecast', '--db', none.db, '--lang', 'en'], dir, none.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there are no orders in');
  });
});
