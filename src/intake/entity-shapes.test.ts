import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDb } from '../store/duckdb/duckdb-engine.js';
import { quoteIdent as q, type Engine } from '../store/engine.js';
import { shapeOf } from './entity-shapes.js';
import { entities, type FieldSpec } from './field-catalog.js';
import { fieldColumns, sqlTypeOf } from './import-plan.js';

let engine: Engine;

beforeAll(async () => {
  engine = await openDuckDb({ path: ':memory:' });
});

afterAll(async () => {
  await engine.close();
});

/** Values a row may hold for a field, by type: positive, negative, empty. */
function samples(field: FieldSpec): string[] {
  const type = sqlTypeOf(field.type);
  switch (type) {
    case 'VARCHAR':
      return ["'甲-01'", "'returned'", 'NULL'];
    case 'DATE':
      return ["DATE '2024-03-05'", "DATE '1999-12-31'", 'NULL'];
    case 'TIMESTAMP':
      return ["TIMESTAMP '2024-03-05 08:26:00'", "TIMESTAMP '2024-03-05 00:00:00'", 'NULL'];
    case 'BOOLEAN':
      return ['true', 'false', 'NULL'];
    default:
      return [`CAST(3 AS ${type})`, `CAST(-2 AS ${type})`, 'NULL'];
  }
}

describe('nullUnless', () => {
  const declared = entities.flatMap((e) => Object.entries(shapeOf(e.name).nullUnless ?? {}).map(([column, fields]) => ({ entity: e, column, fields })));

  it('is declared where the write can leave a column out', () => {
    expect(declared.map((d) => `${d.entity.name}.${d.column}`)).toContain('order_lines.profit');
  });

  it.each(declared.map((d) => [`${d.entity.name}.${d.column}`, d] as const))('%s is NULL on any row without the fields named', async (_name, d) => {
    const expr = shapeOf(d.entity.name).columns[d.column]!;
    // Three rows: every other field positive, negative, then empty; the named fields empty on all.
    const rows = [0, 1, 2].map((k) => d.entity.fields.flatMap((field) => fieldColumns(field).map((c) => `${d.fields.includes(field.name) ? `CAST(NULL AS ${sqlTypeOf(field.type)})` : samples(field)[k]} AS ${q(c)}`)));
    const n = rows.map((r) => `SELECT ${r.join(', ')}, 'h' AS _hash, false AS _own_order, CAST(NULL AS JSON) AS _extra`).join(' UNION ALL ');
    // A lookup on a field the file lacks finds nothing (lookupJoin's stand-ins).
    const lookups = `CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS id) cn CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS rep_id) ri CROSS JOIN (SELECT CAST(NULL AS VARCHAR) AS id) rn`;
    const values = await engine.query<{ v: unknown }>(`SELECT CAST(${expr} AS VARCHAR) AS v FROM (${n}) n ${lookups}`);
    expect(values).toEqual([{ v: null }, { v: null }, { v: null }]);
  });
});
