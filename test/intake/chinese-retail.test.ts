/** Chinese files: UTF-8, GBK and GB18030 CSVs, Excel round-trips, the .xls. Figures from the dataset README. */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLibreOffice } from '../../src/intake/sniff/legacy-xls.js';
import { datasets, outcomesAddUp, testStore, type TestStore } from '../support/test-store.js';

const dir = path.join(datasets, 'chinese_retail');
const tmallSummary = `SELECT count(*) AS lines, CAST(sum(amount) AS FLOAT8) AS total, CAST(sum(paid_amount) AS FLOAT8) AS paid,
  count(*) FILTER (WHERE paid_date IS NOT NULL) AS paid_orders, count(*) FILTER (WHERE refund_amount > 0) AS refunds,
  count(DISTINCT province) AS provinces, count(*) FILTER (WHERE customer_id IS NOT NULL) AS with_customer,
  CAST(min(order_time) AS VARCHAR) AS first, CAST(max(order_time) AS VARCHAR) AS last FROM order_lines`;

describe('Chinese retail files', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());

  it.each([
    ['tmall_order_report.csv', 'utf-8'],
    ['tmall_order_report.gbk.csv', 'gb18030'],
    ['tmall_order_report_excel_resaved.csv', 'utf-8'],
  ])('Tmall orders %s (%s): guest sales with paid and refunded amounts', async (file, encoding) => {
    const r = await store.import(path.join(dir, file));
    expect(r).toMatchObject({ entity: 'order_lines', encoding, rows: 28_010, inserted: 28_010, quarantined: 0 });
    const s = await store.one<Record<string, number | string>>(tmallSummary);
    expect(s).toMatchObject({ lines: 28_010, paid_orders: 24_087, refunds: 5_646, provinces: 31, with_customer: 0 });
    expect(s.total).toBeCloseTo(2_995_760.61, 2);
    expect(s.paid).toBeCloseTo(1_902_487.15, 2);
    expect(String(s.first).slice(0, 16)).toBe('2020-02-01 00:14');
    expect(String(s.last).slice(0, 10)).toBe('2020-02-29');
  });

  it('Chaoyang pharmacy (GB18030 as Chinese Excel saves CSV): dates with weekdays, ids with leading zeros, returns', async () => {
    const r = await store.import(path.join(dir, '朝阳医院2018年销售数据.gb18030.csv'));
    expect(r.encoding).toBe('gb18030');
    expect(outcomesAddUp(r)).toBe(true);
    // 6,578 lines: one is entirely empty (not data); one has no date (required);
    // 23 say 2018-02-29, a day 2018 does not have (grep -c counts 23).
    expect(r.blank).toBe(1);
    expect(r.rows).toBe(6_577);
    expect(r.quarantined).toBe(24);
    const codes = r.issues.filter((i) => i.severity === 'error').map((i) => i.code);
    expect(codes.filter((c) => c === 'date_impossible')).toHaveLength(23);
    expect(codes.filter((c) => c === 'required_missing')).toHaveLength(1);
    const s = await store.one<{ returns: number; zero: number; first: string }>(
      `SELECT count(*) FILTER (WHERE is_return) AS returns, count(*) FILTER (WHERE customer_id LIKE '0%') AS zero,
              CAST(min(order_date) AS VARCHAR) AS first FROM order_lines`,
    );
    expect(s.returns).toBe(16);
    expect(s.zero).toBeGreaterThan(6_000);
    expect(s.first).toBe('2018-01-01');
  });

  it('the .xls original: converted with LibreOffice when present, else how to convert it', async () => {
    const file = path.join(dir, '朝阳医院2018年销售数据.xls');
    if ((await findLibreOffice()) === null) {
      await expect(store.import(file)).rejects.toMatchObject({ code: 'xls_needs_conversion' });
    } else {
      const r = await store.import(file);
      expect(r.rows + r.blank).toBe(6_578);
    }
  });
});
