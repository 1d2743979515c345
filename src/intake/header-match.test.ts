import { describe, expect, it } from 'vitest';
import { entitySpec, type EntityName } from './field-catalog.js';
import { contradictingEntity, matchEntity, normaliseHeader, recogniseEntity } from './header-match.js';

const fieldsOf = (headers: string[], fileName = 'x.csv') => {
  const m = recogniseEntity(headers, fileName);
  return { entity: m.entity.name, fields: Object.fromEntries(m.columns.map((c) => [c.header, c.field.name])), missing: m.missing, unmapped: m.unmapped.map((u) => u.header) };
};

describe('normaliseHeader', () => {
  it.each([
    ['  客户编号　', '客户编号'],
    ['金额(万元)', '金额'],
    ['金额（万元）', '金额'],
    ['销售额/万元', '销售额'],
    ['ＣｕｓｔｏｍｅｒＩＤ', 'customerid'],
    ['Customer_ID', 'customer id'],
    ['Sub-Category', 'sub category'],
    ['\ufeff订单编号', '订单编号'],
    ['报价响应时间(小时)', '报价响应时间'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseHeader(input)).toBe(expected);
  });
});

describe('recogniseEntity', () => {
  it('reads UCI Online Retail as order lines', () => {
    const r = fieldsOf(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(r.entity).toBe('order_lines');
    expect(r.fields).toEqual({
      InvoiceNo: 'order_id', StockCode: 'product_id', Description: 'product_name', Quantity: 'quantity',
      InvoiceDate: 'order_date', UnitPrice: 'unit_price', CustomerID: 'customer_id', Country: 'region',
    });
  });

  it('prefers Region over Country and keeps unknown columns as extra (Superstore)', () => {
    const r = fieldsOf(['Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Ship Mode', 'Customer ID', 'Customer Name', 'Segment', 'Country', 'City', 'State', 'Postal Code', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Product Name', 'Sales', 'Quantity', 'Discount', 'Profit']);
    expect(r.entity).toBe('order_lines');
    expect(r.fields['Region']).toBe('region');
    expect(r.fields['State']).toBe('province');
    expect(r.fields['Sales']).toBe('amount');
    expect(r.fields['Sub-Category']).toBe('subcategory');
    expect(r.unmapped).toEqual(['Row ID', 'Ship Mode', 'Segment', 'Country', 'Postal Code']);
  });

  it('reads Chinese order exports (Tmall) with trailing spaces in headers', () => {
    const r = fieldsOf(['订单编号', '总金额', '买家实际支付金额', '收货地址 ', '订单创建时间', '订单付款时间 ', '退款金额']);
    expect(r.entity).toBe('order_lines');
    expect(r.fields).toEqual({ 订单编号: 'order_id', 总金额: 'amount', 买家实际支付金额: 'paid_amount', '收货地址 ': 'province', 订单创建时间: 'order_date', '订单付款时间 ': 'paid_date', 退款金额: 'refund_amount' });
  });

  it('tells customers, products, reps and opportunities apart (Maven CRM files)', () => {
    expect(fieldsOf(['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'], 'accounts.csv').entity).toBe('customers');
    expect(fieldsOf(['product', 'series', 'sales_price'], 'products.csv').entity).toBe('products');
    expect(fieldsOf(['sales_agent', 'manager', 'regional_office'], 'sales_teams.csv').entity).toBe('reps');
    const opp = fieldsOf(['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'], 'sales_pipeline.csv');
    expect(opp.entity).toBe('opportunities');
    expect(opp.fields).toMatchObject({ opportunity_id: 'opportunity_id', sales_agent: 'rep_id', account: 'customer_name', deal_stage: 'stage', close_value: 'won_amount' });
  });

  it('finds the amount in a header that only contains a synonym (CDNOW master)', () => {
    const r = fieldsOf(['customer_id', 'date', 'number_of_cds', 'dollar_value']);
    expect(r.entity).toBe('order_lines');
    expect(r.fields).toMatchObject({ customer_id: 'customer_id', date: 'order_date', dollar_value: 'amount' });
  });

  it('reads a header with a unit as its field', () => {
    const r = fieldsOf(['商机编号', '客户编号', '商机阶段', '预计金额(万元)', '创建日期']);
    expect(r.entity).toBe('opportunities');
    expect(r.fields['预计金额(万元)']).toBe('expected_amount');
  });

  it('reports what is missing when nothing fits', () => {
    const r = recogniseEntity(['foo', 'bar'], 'x.csv');
    expect(r.missing.length).toBeGreaterThan(0);
  });
});

describe('contradictingEntity', () => {
  /** What the headers say against `named`, read as the import would read them (with the mapping's columns, when given). */
  const against = (named: EntityName, headers: string[], columns: Record<string, number> = {}) => {
    const match = matchEntity(entitySpec(named), headers, 'x.csv', new Map(Object.entries(columns)));
    const other = contradictingEntity(match, headers);
    return other === undefined ? undefined : { entity: other.entity.name, headers: other.headers };
  };
  const orderLines = ['订单编号', '下单日期', '客户编号', '客户名称', '产品名称', '数量', '金额'];

  it('names the entity order-line headers say when customers were chosen, with its key columns', () => {
    expect(against('customers', orderLines)).toEqual({ entity: 'order_lines', headers: ['订单编号', '下单日期', '金额'] });
  });

  it('counts a key column the chosen entity takes only as a minor field (revenue as annual revenue)', () => {
    expect(against('customers', ['customer_id', 'order_date', 'revenue'])).toEqual({ entity: 'order_lines', headers: ['order_date', 'revenue'] });
  });

  it('says nothing when the headers agree with the chosen entity', () => {
    expect(against('order_lines', orderLines)).toBeUndefined();
    expect(against('customers', ['客户编号', '客户名称', '所属行业', '联系人', '联系电话'])).toBeUndefined();
  });

  it('says nothing for one telling column: entities share key fields (a stage history read as opportunities)', () => {
    // stage_history fits better (entered_date), but its id and stage are opportunities' own key fields too.
    expect(recogniseEntity(['商机编号', '阶段', '进入日期'], '').entity.name).toBe('stage_history');
    expect(against('opportunities', ['商机编号', '阶段', '进入日期'])).toBeUndefined();
  });

  it('says nothing when the headers do not clearly make another entity (its required fields missing)', () => {
    // Two order-line key fields but no date, and the customer id only by the mapping: the headers make nothing whole.
    const headers = ['订单编号', '金额', '备注'];
    expect(recogniseEntity(headers, '')).toMatchObject({ entity: { name: 'order_lines' }, missing: ['order_date'] });
    expect(against('customers', headers, { customer_id: 2 })).toBeUndefined();
  });

  it('lets a mapping place the key columns: those it maps to key fields of the chosen entity say nothing', () => {
    // Mapped to customers' own key fields, the order number and the amount no longer tell; only the date does.
    expect(against('customers', orderLines, { customer_id: 0, name: 6 })).toBeUndefined();
  });
});
