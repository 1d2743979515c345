import { describe, expect, it } from 'vitest';
import { parseUserMapping, type MappingProblem } from '../intake/user-mapping.js';
import { describeMappingProblem } from './mapping-problems.js';

/** The one problem a mapping text has, in both languages. */
function worded(text: string): { path: string; en: string; zh: string } {
  const r = parseUserMapping(text);
  if (r.ok) throw new Error(`no problem in ${text}`);
  expect(r.problems).toHaveLength(1);
  const p = r.problems[0]!;
  return { path: p.path, en: describeMappingProblem(p, 'en'), zh: describeMappingProblem(p, 'zh-CN') };
}

const customerFields12 = 'customer_id, name, industry, size, employees, annual_revenue, province, city, region, address, contact_name, contact_phone';

describe('describeMappingProblem', () => {
  it('names the field meant when an unknown one is a slip away', () => {
    expect(worded('entity: customers\ncolumns: { custmer_id: 客户代码 }')).toEqual({
      path: 'columns.custmer_id',
      en: '"custmer_id" is not a field of customers; did you mean customer_id?',
      zh: 'customers 没有字段“custmer_id”；是否想写 customer_id？',
    });
  });

  it('lists the entity\'s fields, cut after twelve, when none is close', () => {
    expect(worded('entity: customers\ndefaults: { amount: 1 }')).toEqual({
      path: 'defaults.amount',
      en: `"amount" is not a field of customers; fields: ${customerFields12}, … (11 more)`,
      zh: `customers 没有字段“amount”；可用字段：${customerFields12.replaceAll(', ', '、')}…（另 11 个）`,
    });
  });

  it('says no entity has the field when the mapping names none', () => {
    const { en, zh } = worded('columns: { customerid: 1 }');
    expect(en).toBe('"customerid" is not a field of any entity; did you mean customer_id?');
    expect(zh).toBe('任何数据类型都没有字段“customerid”；是否想写 customer_id？');
  });

  it('lists the entities for an unknown one', () => {
    const names = 'order_lines, customers, products, opportunities, stage_history, interactions, surveys, nps, complaints, tickets, campaigns, reps, targets, wallet, churn';
    expect(worded('entity: orders')).toEqual({
      path: 'entity',
      en: `should be one of ${names}; got "orders"`,
      zh: `应为以下之一：${names.replaceAll(', ', '、')}；实际为“orders”`,
    });
  });

  it('lists the choices of an option, quoting those that are punctuation', () => {
    expect(worded('options: { amountUnit: 美元 }')).toEqual({
      path: 'options.amountUnit',
      en: 'should be one of 元, 千元, 万元, 百万元, 亿元; got "美元"',
      zh: '应为以下之一：元、千元、万元、百万元、亿元；实际为“美元”',
    });
    expect(worded('options: { delimiter: 1 }')).toEqual({
      path: 'options.delimiter',
      en: 'should be one of ",", ";", "\\t", "|", tab, whitespace; got 1',
      zh: '应为以下之一：“,”、“;”、“\\t”、“|”、tab、whitespace；实际为 1',
    });
  });

  it('says what a column may be', () => {
    expect(worded('columns: { amount: 0 }')).toEqual({
      path: 'columns.amount',
      en: "should be the column's header or its number (1 for the first column); got 0",
      zh: '应为列的表头名称或列号（第一列为 1）；实际为 0',
    });
    expect(worded('columns: { amount: "" }').zh).toBe('应为列的表头名称或列号（第一列为 1）；实际为“”');
  });

  it('words zod\'s findings as other inputs are worded: a wrong type', () => {
    expect(worded('header: "x"')).toEqual({
      path: 'header',
      en: 'Invalid input: expected boolean, received string',
      zh: '无效输入：期望 boolean，实际接收 string',
    });
    expect(worded('columns: 3')).toEqual({ path: 'columns', en: 'Invalid input: expected record, received number', zh: '无效输入：期望 record，实际接收 数字' });
  });

  it('names the option meant when an unknown one is a slip away', () => {
    expect(worded('options: { dateorder: dmy }')).toEqual({
      path: 'options.dateorder',
      en: '"dateorder" is not an option; did you mean dateOrder?',
      zh: '没有选项“dateorder”；是否想写 dateOrder？',
    });
    expect(worded('options: { delimeter: ";" }')).toEqual({
      path: 'options.delimeter',
      en: '"delimeter" is not an option; did you mean delimiter?',
      zh: '没有选项“delimeter”；是否想写 delimiter？',
    });
  });

  it('lists the options when no option is close', () => {
    const options = 'dateOrder, decimal, encoding, delimiter, sheet, amountUnit, duplicates, orderPerRow';
    expect(worded('options: { colour: red }')).toEqual({
      path: 'options.colour',
      en: `"colour" is not an option; options: ${options}`,
      zh: `没有选项“colour”；可用选项：${options.replaceAll(', ', '、')}`,
    });
  });

  it('names the key meant at the top of the mapping, else lists the keys', () => {
    expect(worded('colums: { amount: 3 }')).toEqual({
      path: 'colums',
      en: '"colums" is not a mapping key; did you mean columns?',
      zh: '映射中没有键“colums”；是否想写 columns？',
    });
    expect(worded('colour: red')).toEqual({
      path: 'colour',
      en: '"colour" is not a mapping key; keys: entity, header, columns, defaults, options',
      zh: '映射中没有键“colour”；可用的键：entity、header、columns、defaults、options',
    });
  });

  it('sends an option written at the top of the mapping under options', () => {
    expect(worded('dateOrder: dmy')).toEqual({
      path: 'dateOrder',
      en: '"dateOrder" is not a mapping key; it is an option: put it under options, as dateOrder',
      zh: '映射中没有键“dateOrder”；这是一个选项，请写在 options 下，写作 dateOrder',
    });
    expect(worded('amountunit: 万元')).toEqual({
      path: 'amountunit',
      en: '"amountunit" is not a mapping key; it is an option: put it under options, as amountUnit',
      zh: '映射中没有键“amountunit”；这是一个选项，请写在 options 下，写作 amountUnit',
    });
  });

  it('says where a file stops being YAML', () => {
    expect(worded('entity: customers\ncolumns: [unclosed')).toEqual({
      path: '',
      en: 'not valid YAML at line 2, column 19 (Flow sequence in block collection must be sufficiently indented and end with a ])',
      zh: '第 2 行第 19 列不是有效的 YAML（缩进不对，或括号 ] / } 没有闭合）',
    });
    const nowhere: MappingProblem = { code: 'mapping_unreadable', path: '', detail: 'Excessive alias count' };
    expect(describeMappingProblem(nowhere, 'zh-CN')).toBe('不是有效的 YAML（Excessive alias count）');
  });

  it('words the parser\'s common findings in Chinese, keeping its English words for the rest', () => {
    expect(worded('entity: customers\nentity: products')).toMatchObject({
      en: 'not valid YAML at line 2, column 1 (Map keys must be unique)',
      zh: '第 2 行第 1 列不是有效的 YAML（同一层级有重复的键）',
    });
    expect(worded('columns:\n\tamount: 3').zh).toBe('第 2 行第 1 列不是有效的 YAML（不能用制表符（Tab）缩进，请改用空格）');
    expect(worded('defaults: { channel: "线下 }').zh).toMatch(/^第 1 行第 \d+ 列不是有效的 YAML（引号或括号没有闭合）$/);
    const unnamed: MappingProblem = { code: 'mapping_unreadable', path: '', detail: 'Some new finding', yamlCode: 'NEW_CODE', at: { line: 3, column: 2 } };
    expect(describeMappingProblem(unnamed, 'zh-CN')).toBe('第 3 行第 2 列不是有效的 YAML（Some new finding）');
  });

  it('words a file that cannot be read, a missing one as any missing file', () => {
    const missing: MappingProblem = { code: 'mapping_file_unreadable', path: '', reason: 'ENOENT', detail: "ENOENT: no such file or directory, open '/m.yaml'" };
    expect(describeMappingProblem(missing, 'en')).toBe('file not found; check the path');
    expect(describeMappingProblem(missing, 'zh-CN')).toBe('找不到文件，请检查路径');
    const folder: MappingProblem = { code: 'mapping_file_unreadable', path: '', reason: 'EISDIR', detail: 'EISDIR: illegal operation on a directory, read' };
    expect(describeMappingProblem(folder, 'en')).toBe('cannot read the file (EISDIR: illegal operation on a directory, read)');
    expect(describeMappingProblem(folder, 'zh-CN')).toBe('无法读取文件（EISDIR: illegal operation on a directory, read）');
  });
});
