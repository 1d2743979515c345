import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';

const folder = cliFolder('salescope-cli-');
const { dir } = folder;
const a = folder.store('a.duckdb');
const b = folder.store('b.duckdb');
const c = folder.store('c.duckdb');
const d = folder.store('d.duckdb');
const e = folder.store('e.duckdb');
const f = folder.store('f.duckdb');
const fixtures = path.resolve(import.meta.dirname, '../fixtures');
beforeAll(() => {
  writeFileSync(path.join(dir, 'orders.csv'), '订单编号,下单日期,客户编号,金额(万元)\nSO1,2024/3/5,C1,1.5\nSO2,2024/2/30,C2,2\nSO3,2024年3月6日,C1,"¥12,000"\n');
  writeFileSync(path.join(dir, 'customers.csv'), '客户编号,客户名称,所属行业,联系电话\nC1,苏州华瑞精密机械有限公司,机械制造,13912345678\nC9,苏州华瑞精密机械股份有限公司,机械制造,13912345679\n');
  writeFileSync(path.join(dir, 'bad-mapping.yaml'), 'entity: order_lines\noptions: { dateOrder: ydm }\n');
  writeFileSync(path.join(dir, 'typo-mapping.yaml'), 'entity: order_lines\ncolumns:\n  custmer_id: 客户编号\n  amount: [3\n');
  copyFileSync(path.join(fixtures, 'entity-guard/order-lines.csv'), path.join(dir, 'order-lines.csv'));
  copyFileSync(path.join(fixtures, 'mappings/order-lines-as-customers.yaml'), path.join(dir, 'as-customers.yaml'));
});
afterAll(() => folder.dispose());

describe('salescope import', () => {
  it('prints the --json contract: counts that add up and issues with row, column and message', async () => {
    const r = await runCli(['import', '--db', a.db, '--json', 'orders.csv', 'customers.csv'], dir, a.env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { files: Record<string, unknown>[] };
    expect(doc.files).toHaveLength(2);
    const [orders, customers] = doc.files;
    expect(orders).toMatchObject({ file: 'orders.csv', entity: 'order_lines', encoding: 'utf-8', rows: 3, inserted: 2, updated: 0, unchanged: 0, duplicates: 0, quarantined: 1, warnings: 0 });
    expect(orders!.issues).toEqual([
      { row: 3, column: '下单日期', code: 'date_impossible', severity: 'error', message: '"2024/2/30" is not a real calendar date; correct the day or month' },
    ]);
    // The first file created C1 minimally; the customer file fills it in.
    expect(customers).toMatchObject({ entity: 'customers', rows: 2, updated: 1, inserted: 1 });
    expect(customers!.duplicateCandidates).toEqual([
      { key: '苏州华瑞精密机械', customers: [{ id: 'C1', name: '苏州华瑞精密机械有限公司' }, { id: 'C9', name: '苏州华瑞精密机械股份有限公司' }] },
    ]);
  });

  it('speaks Chinese when asked, and the amounts in 万元 were scaled', async () => {
    const r = await runCli(['import', '--db', b.db, '--lang', 'zh-CN', 'orders.csv'], dir, b.env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('orders.csv → 订单明细');
    expect(r.stdout).toContain('新增 2 · 更新 0 · 未变 0 · 重复 0 · 隔离 1');
    expect(r.stdout).toContain('第 3 行，下单日期：“2024/2/30”不是真实存在的日期');
    const q = await runCli(['quarantine', 'list', '--db', b.db, '--json'], dir, b.env);
    const rows = (JSON.parse(q.stdout) as { rows: { row: number; raw: Record<string, string> }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ row: 3, raw: { 订单编号: 'SO2', 下单日期: '2024/2/30', 客户编号: 'C2', '金额(万元)': '2' } });
  });

  it('exports the quarantine as a file that imports again once fixed', async () => {
    await runCli(['import', '--db', c.db, 'orders.csv'], dir, c.env);
    const exported = await runCli(['quarantine', 'export', '--db', c.db, '--out', 'fix.csv'], dir, c.env);
    expect(exported.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(path.join(dir, 'fix.csv'), 'utf8');
    expect(text.startsWith('\ufeff订单编号,下单日期,客户编号,金额(万元),salescope: problems,salescope: original row\r\n')).toBe(true);
    writeFileSync(path.join(dir, 'fixed.csv'), text.replace('2024/2/30', '2024/2/28'));
    const again = await runCli(['import', '--db', c.db, '--json', 'fixed.csv'], dir, c.env);
    const doc = JSON.parse(again.stdout) as { files: { inserted: number; quarantined: number; unmapped: string[] }[] };
    expect(doc.files[0]).toMatchObject({ inserted: 1, quarantined: 0, unmapped: [] });
  });

  it.each([
    [['list', '--limit', 'abc'], '--limit：“abc”不是不小于 1 的整数'],
    [['list', '--run', '0'], '--run：“0”不是不小于 1 的整数'],
    [['export', '--out', 'q.txt'], '--out：“.txt”不在可选值中：.xlsx, .csv'],
    [['export', '--out', 'nowhere/q.xlsx'], `--out：文件夹 ${path.join(dir, 'nowhere')} 不存在`],
  ])('quarantine %j: exit 2 with a message in the user\'s language', async (args, message) => {
    const r = await runCli(['quarantine', ...args, '--db', d.db, '--lang', 'zh-CN'], dir, d.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('    at ');
  });

  it('exit 2 with a message naming the file for a file it cannot read', async () => {
    const r = await runCli(['import', '--db', d.db, 'missing.csv'], dir, d.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('missing.csv: file not found; check the path\n');
    const folder = await runCli(['import', '--db', d.db, '.'], dir, d.env);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('.: this is a folder; name the files in it (for example folder/*.csv)\n');
  });

  it('exit 2 for a bad mapping file, naming the key and what it may be, in the user\'s language', async () => {
    const r = await runCli(['import', '--db', d.db, '--mapping', 'bad-mapping.yaml', 'orders.csv'], dir, { ...d.env, LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('bad-mapping.yaml：options.dateOrder：应为以下之一：ymd、mdy、dmy；实际为“ydm”\n');
    const en = await runCli(['import', '--db', d.db, '--mapping', 'bad-mapping.yaml', 'orders.csv'], dir, d.env);
    expect(en.stderr).toBe('bad-mapping.yaml: options.dateOrder: should be one of ymd, mdy, dmy; got "ydm"\n');
  });

  it('exit 2 for a mapping file that is not YAML, saying where; once it is, naming the field meant', async () => {
    const zh = await runCli(['import', '--db', d.db, '--lang', 'zh-CN', '--mapping', 'typo-mapping.yaml', 'orders.csv'], dir, d.env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toBe('typo-mapping.yaml：/：第 5 行第 1 列不是有效的 YAML（缩进不对，或括号 ] / } 没有闭合）\n');
    const en = await runCli(['import', '--db', d.db, '--mapping', 'typo-mapping.yaml', 'orders.csv'], dir, d.env);
    expect(en.stderr).toBe('typo-mapping.yaml: /: not valid YAML at line 5, column 1 (Flow sequence in block collection must be sufficiently indented and end with a ])\n');
    writeFileSync(path.join(dir, 'typo-mapping.yaml'), 'entity: order_lines\ncolumns:\n  custmer_id: 客户编号\n  amount: 3\n');
    const typo = await runCli(['import', '--db', d.db, '--lang', 'zh-CN', '--mapping', 'typo-mapping.yaml', 'orders.csv'], dir, d.env);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('typo-mapping.yaml：columns.custmer_id：order_lines 没有字段“custmer_id”；是否想写 customer_id？\n');
    const missing = await runCli(['import', '--db', d.db, '--lang', 'zh-CN', '--mapping', 'no-such.yaml', 'orders.csv'], dir, d.env);
    expect(missing.stderr).toBe('no-such.yaml：/：找不到文件，请检查路径\n');
  });

  it('exit 2 for an unknown entity or option', async () => {
    expect((await runCli(['import', '--db', d.db, '--entity', 'orderz', 'orders.csv'], dir, d.env)).stderr).toContain('unknown entity "orderz"');
    expect((await runCli(['import', '--db', d.db, '--entity', 'orderz', 'orders.csv'], dir, d.env)).code).toBe(2);
    expect((await runCli(['import', '--frobnicate', 'orders.csv'], dir)).code).toBe(2);
    expect((await runCli(['import'], dir)).code).toBe(2);
  });

  describe('an entity chosen against what the headers clearly say', () => {
    const en = 'the headers look like order lines (订单编号, 下单日期, 金额), not customers as chosen; the rows are read as customers all the same — if the file holds order lines, choose that data type instead';
    const zh = '表头看起来是订单明细数据（订单编号、下单日期、金额），而不是所选的“客户”；各行仍按“客户”读取——如果文件内容是订单明细，请改选该数据类型';

    it('imports as chosen by the mapping, with a warning in the --json notes', async () => {
      const r = await runCli(['import', '--db', f.db, '--json', '--mapping', 'as-customers.yaml', 'order-lines.csv'], dir, f.env);
      expect(r.code).toBe(0);
      const file = (JSON.parse(r.stdout) as { files: Record<string, unknown>[] }).files[0]!;
      expect(file).toMatchObject({ entity: 'customers', rows: 2, inserted: 2, quarantined: 0 });
      expect(file.notes).toEqual([{ code: 'entity_mismatch', severity: 'warning', message: en }]);
    });

    it('says it in the summary, in the user\'s language, for --entity too', async () => {
      const zhRun = await runCli(['import', '--db', f.db, '--lang', 'zh-CN', '--mapping', 'as-customers.yaml', 'order-lines.csv'], dir, f.env);
      expect(zhRun.code).toBe(0);
      expect(zhRun.stdout).toContain('order-lines.csv → 客户（csv, utf-8）：2 行\n');
      expect(zhRun.stdout).toContain(`  警告：${zh}\n`);
      const enRun = await runCli(['import', '--db', f.db, '--entity', 'customers', 'order-lines.csv'], dir, f.env);
      expect(enRun.code).toBe(0);
      expect(enRun.stdout).toContain(`  warning: ${en}\n`);
    });

    it('says nothing when the chosen entity is what the headers say', async () => {
      const r = await runCli(['import', '--db', f.db, '--json', '--entity', 'order_lines', 'order-lines.csv'], dir, f.env);
      expect((JSON.parse(r.stdout) as { files: { entity: string; notes: unknown[] }[] }).files[0]).toMatchObject({ entity: 'order_lines', notes: [] });
    });
  });

  it('documents every command with --help', async () => {
    for (const cmd of ['import', 'demo', 'quarantine']) {
      const r = await runCli([cmd, '--help'], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: salescope ${cmd}`);
    }
  });

  it('runs as a real process with the same exit codes', () => {
    const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
    const entry = path.resolve(import.meta.dirname, '../../src/cli/run.ts');
    const run = (file: string) => spawnSync(tsx, [entry, 'import', '--db', e.db, file], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...e.env, LANG: 'C' } });
    const ok = run('orders.csv');
    expect(ok.status).toBe(0);
    const bad = run('nope.csv');
    expect(bad.status).toBe(2);
  });
});
