import { describe, expect, it } from 'vitest';
import { entitySpec } from './field-catalog.js';
import { withMissingAsNull, type PlanInput } from './import-plan.js';
import { shapeOf } from './entity-shapes.js';
import { unfilledColumns } from './import-write.js';

// Only the entity, the mapped columns and the defaults decide which fields are missing.
function planFor(mapped: readonly string[], defaults: Record<string, string> = {}, unmapped: readonly string[] = []): PlanInput {
  const entity = entitySpec('order_lines');
  const columns = mapped.map((name, i) => ({ source: `c${i + 1}`, header: name, field: entity.fields.find((f) => f.name === name)!, options: {} }));
  const rawColumns = [...columns, ...unmapped.map((header, i) => ({ source: `c${columns.length + i + 1}`, header }))];
  return { entity, columns, defaults, rawColumns, headerWidth: rawColumns.length } as unknown as PlanInput;
}

describe('fields a file does not have', () => {
  it('are written as typed NULLs in shape expressions, so the engine can fold them away', () => {
    const input = planFor(['order_id', 'quantity', 'paid_date']);
    const expr = 'coalesce(n."f_status", n."f_order_id") || n."f_paid_amount" || n."f_paid_date" || lower(n."f_status")';
    expect(withMissingAsNull(input, expr)).toBe(
      'coalesce(CAST(NULL AS VARCHAR), n."f_order_id") || CAST(NULL AS DOUBLE) || n."f_paid_date" || lower(CAST(NULL AS VARCHAR))',
    );
  });

  it('keeps a field a mapping file gives a constant for', () => {
    expect(withMissingAsNull(planFor([], { status: '已完成' }), 'n."f_status"')).toBe('n."f_status"');
  });

  it('leaves out of the write the target columns that are a bare typed NULL, not those computed from what the file has', () => {
    const unfilled = unfilledColumns(planFor(['order_id', 'order_date', 'customer_id', 'quantity', 'unit_price']), shapeOf('order_lines'));
    expect([...unfilled]).toEqual(expect.arrayContaining(['category', 'subcategory', 'discount', 'cost', 'channel', 'province', 'ship_date', 'promotion']));
    // amount from quantity × price, status and region have rules of their own, product_id may come from the name.
    for (const computed of ['order_id', 'amount', 'status', 'is_return', 'region', 'product_id', 'customer_id']) expect(unfilled.has(computed)).toBe(false);
    expect(unfilledColumns(planFor(['order_id', 'order_date', 'amount'], { channel: '线上' }), shapeOf('order_lines')).has('channel')).toBe(false);
  });

  it('also leaves out the columns that stay NULL without a field the file lacks (nullUnless), and extra data when no column is left over', () => {
    const unfilled = unfilledColumns(planFor(['order_id', 'order_date', 'customer_id', 'quantity', 'unit_price']), shapeOf('order_lines'));
    // Profit is the amount less the cost: without a cost or a profit there is none.
    expect([...unfilled]).toEqual(expect.arrayContaining(['profit', 'rep_id', 'paid_date', 'demand_type', 'extra']));
    const withCost = unfilledColumns(planFor(['order_id', 'order_date', 'amount'], { cost: '5' }, ['备注']), shapeOf('order_lines'));
    expect(withCost.has('profit')).toBe(false);
    expect(withCost.has('rep_id')).toBe(true);
    // A column the file has that no field takes is kept as extra data.
    expect(withCost.has('extra')).toBe(false);
  });
});
