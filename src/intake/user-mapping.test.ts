import { describe, expect, it } from 'vitest';
import { parseUserMapping } from './user-mapping.js';

describe('parseUserMapping', () => {
  it('reads YAML with columns by header or number, defaults and options', () => {
    const r = parseUserMapping(`
entity: order_lines
header: false
columns:
  customer_id: 1
  order_date: 下单日
  amount: 4
defaults:
  channel: 线下
options: { dateOrder: dmy, decimal: ",", encoding: gbk, delimiter: tab, amountUnit: 万元 }
`);
    expect(r).toEqual({
      ok: true,
      mapping: {
        entity: 'order_lines',
        header: false,
        columns: { customer_id: 1, order_date: '下单日', amount: 4 },
        defaults: { channel: '线下' },
        dateOrder: 'dmy',
        decimal: ',',
        encoding: 'gbk',
        delimiter: '\t',
        unitFactor: 10_000,
      },
    });
  });

  it('reads JSON too (it is YAML)', () => {
    const r = parseUserMapping('{"entity": "customers", "columns": {"name": "公司"}}');
    expect(r.ok && r.mapping.columns).toEqual({ name: '公司' });
  });

  it.each([
    ['entity: orders', 'entity'],
    ['columns: { amount: 0 }', 'columns.amount'],
    ['options: { dateOrder: ydm }', 'options.dateOrder'],
    ['options: { colour: red }', 'options.colour'],
    ['options: { amountUnit: 美元 }', 'options.amountUnit'],
  ])('names the bad key in %j', (text, path) => {
    const r = parseUserMapping(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain(path);
  });

  it('refuses fields the entity does not have, knowing the ones it has', () => {
    const r = parseUserMapping('entity: stage_history\ncolumns: { amount: 金额 }');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        { code: 'mapping_unknown_field', path: 'columns.amount', field: 'amount', entity: 'stage_history', known: ['opportunity_id', 'stage', 'entered_date'] },
      ]);
    }
  });

  it('keeps a problem as data for the edge to word: what was written and what may be', () => {
    const r = parseUserMapping('options: { dateOrder: ydm }\ncolumns: { amount: true }\nheader: 1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        { code: 'mapping_invalid', path: 'header', issue: expect.objectContaining({ code: 'invalid_type', expected: 'boolean', input: 1 }) },
        { code: 'mapping_not_column', path: 'columns.amount', value: true },
        { code: 'mapping_not_one_of', path: 'options.dateOrder', value: 'ydm', allowed: ['ymd', 'mdy', 'dmy'] },
      ]);
    }
  });

  it('keeps each unknown key as a problem of its own, with the keys allowed where it is', () => {
    const r = parseUserMapping('colums: { amount: 3 }\noptions: { dateorder: dmy, colour: red }');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const options = ['dateOrder', 'decimal', 'encoding', 'delimiter', 'sheet', 'amountUnit', 'duplicates', 'orderPerRow'];
      expect(r.problems).toEqual([
        { code: 'mapping_unknown_option', path: 'options.dateorder', key: 'dateorder', allowed: options },
        { code: 'mapping_unknown_option', path: 'options.colour', key: 'colour', allowed: options },
        { code: 'mapping_unknown_key', path: 'colums', key: 'colums', allowed: ['entity', 'header', 'columns', 'defaults', 'options'] },
      ]);
    }
  });

  it('says when the file is not YAML at all, and where', () => {
    const r = parseUserMapping('entity: customers\ncolumns: [unclosed');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toEqual([
        {
          code: 'mapping_unreadable',
          path: '',
          detail: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
          yamlCode: 'BAD_INDENT',
          at: { line: 2, column: 19 },
        },
      ]);
    }
  });
});
