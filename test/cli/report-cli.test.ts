import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { writeDemoFiles } from '../../src/demo/write-demo-files.js';
import { runCli } from '../support/cli-harness.js';
import { cliFolder } from '../support/cli-folder.js';

const folder = cliFolder('salescope-report-');
const { dir } = folder;
const store = folder.store('r.duckdb');
const empty = folder.store('empty.duckdb');
beforeAll(async () => {
  const files = await writeDemoFiles(generateDemo({ seed: 3, customers: 150 }), path.join(dir, 'files'));
  expect((await runCli(['import', '--db', store.db, ...files.map((f) => f.path)], dir, store.env)).code).toBe(0);
}, 120_000);
afterAll(() => folder.dispose());

describe('salescope report', () => {
  it('writes the HTML report, named after the as-of date by default', async () => {
    const r = await runCli(['report', '--db', store.db, '--lang', 'zh-CN'], dir, store.env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'customer-report-2025-12-31.html');
    expect(r.stdout).toContain(`报告已生成：${file}`);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<h2>一、分析背景与目标</h2>');
    expect(html).toContain('表4：客户维护策略建议表');
  }, 60_000);

  it('writes English XLSX and PDF where asked, and a goal into the background', async () => {
    const x = await runCli(['report', '--db', store.db, '--lang', 'en', '--format', 'xlsx', '--out', 'r.xlsx', '--json'], dir, store.env);
    expect(x.code).toBe(0);
    expect(JSON.parse(x.stdout)).toMatchObject({ format: 'xlsx', lang: 'en', period: { asOf: '2025-12-31' } });
    expect(existsSync(path.join(dir, 'r.xlsx'))).toBe(true);
    const p = await runCli(['report', '--db', store.db, '--lang', 'en', '--format', 'pdf', '--out', 'r.pdf', '--goal', 'win back the north'], dir, store.env);
    expect(p.code).toBe(0);
    expect(readFileSync(path.join(dir, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it("takes the company's own playbook for table 4, and names what is wrong in a bad one", async () => {
    writeFileSync(
      path.join(dir, 'playbook.yaml'),
      [
        'long_tail:',
        '  traits: { zh-CN: 小客户, en: Small customers }',
        '  direction: { zh-CN: 线上服务, en: Online service }',
        '  actions: [{ zh-CN: 每季度发一次电子报, en: A quarterly newsletter }]',
        '  owner: { zh-CN: 电商组, en: E-commerce team }',
        '  due: 45',
        '  expectedEffect: { zh-CN: 复购率不降, en: Repeat rate holds }',
        '',
      ].join('\n'),
    );
    const r = await runCli(['report', '--db', store.db, '--lang', 'zh-CN', '--playbook', 'playbook.yaml', '--out', 'p.html'], dir, store.env);
    expect(r.code).toBe(0);
    const html = readFileSync(path.join(dir, 'p.html'), 'utf8');
    expect(html).toContain('每季度发一次电子报');
    expect(html).toContain('组建专属客户成功小组'); // the other groups keep the defaults
    writeFileSync(path.join(dir, 'bad-playbook.yaml'), 'churn_risk:\n  due: soon\n');
    const bad = await runCli(['report', '--db', store.db, '--lang', 'en', '--playbook', 'bad-playbook.yaml'], dir, store.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad-playbook.yaml: churn_risk.traits');
    // In Chinese too, zod's own findings included, and a slip in a group's name says which was meant.
    writeFileSync(path.join(dir, 'typo-playbook.yaml'), 'churn_risks:\n  traits: 近期未下单\n');
    const zh = await runCli(['report', '--db', store.db, '--lang', 'zh-CN', '--playbook', 'typo-playbook.yaml'], dir, store.env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('出现未知的键(key): "churn_risks"；是否想写 churn_risk？');
  }, 60_000);

  it('says how to get Chromium when a PDF cannot be printed', async () => {
    const r = await runCli(['report', '--db', store.db, '--lang', 'en', '--format', 'pdf', '--out', 'x.pdf'], dir, { ...store.env, SALESCOPE_CHROMIUM: '/nowhere/chromium' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a PDF needs Chromium and CJK fonts, and none was found (/nowhere/chromium)');
    expect(r.stderr).toContain('apt-get install chromium fonts-noto-cjk');
  });

  it.each([
    [['--format', 'docx'], '--format: "docx" is not one of: html, pdf, xlsx'],
    [['--as-of', '2025-13-01'], '--as-of: "2025-13-01" is not a date'],
    [['--from', '2025-06-01', '--to', '2025-01-01'], 'the period starts (2025-06-01) after it ends (2025-01-01)'],
    [['--scope', 'colour=red'], '--scope: cannot read "colour=red"; write key=value pairs separated by commas with keys region, industry, size, rep or team'],
    [['--scope', 'region=火星'], '--scope region=火星: no customer matches'],
    [['--out', 'nowhere/r.html'], `--out: the folder ${path.join(dir, 'nowhere')} does not exist; create it first or write the file elsewhere`],
    [['--out', '.'], '--out: "." is a folder; give a file name in it (for example customer-report.html)'],
  ])('refuses %j', async (args, message) => {
    const r = await runCli(['report', '--db', store.db, '--lang', 'en', ...args], dir, store.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('asks for data in an empty store', async () => {
    const r = await runCli(['report', '--db', empty.db, '--lang', 'en'], dir, empty.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('there are no orders in');
  });
});
