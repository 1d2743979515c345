/**
 * The rfm R package's own output on its sample data (995 customers, computed
 * with the package, see ../shared/datasets/rfm_package/README.md) must come
 * out exactly: measures, scores and named segments, customer by customer.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { importFile } from '../../intake/import-file.js';
import { readUserMapping } from '../../intake/user-mapping.js';
import { openStore, type Store } from '../../store/open-store.js';
import { testDb, type TestDb } from '../../../test/support/test-engine.js';
import type { AnalysisContext } from '../analysis-context.js';
import { rfmSegmentSql } from '../tiers/rfm-segments.js';
import { insertCustomerScoresSql } from '../snapshot/customer-scores-sql.js';
import { rfmBreaksQuery, rfmSql } from './rfm-sql.js';

const dir = path.resolve(import.meta.dirname, '../../../../shared/datasets/rfm_package');
const mappingFile = path.resolve(import.meta.dirname, '../../../test/fixtures/mappings/rfm-package-orders.yaml');

interface Expected {
  customer_id: string;
  segment: string;
  rfm_score: string;
  transaction_count: string;
  recency_days: string;
  amount: string;
  recency_score: string;
  frequency_score: string;
  monetary_score: string;
}

describe('RFM against the rfm package', () => {
  let store: Store;
  let target: TestDb;
  let ctx: AnalysisContext;
  beforeAll(async () => {
    target = testDb(':memory:');
    store = await openStore({ db: target.db, env: target.env });
    const m = await readUserMapping(mappingFile);
    if (!m.ok) throw new Error('mapping');
    const r = await importFile(store, { file: path.join(dir, 'rfm_data_orders.csv'), mapping: m.mapping }, { now: () => new Date(0) });
    expect(r).toMatchObject({ rows: 4_906, inserted: 4_906 });
    const config = defaultAnalysisConfig();
    // The package looks at all history, as of 2006-12-31.
    ctx = { db: store.engine, period: { asOf: '2006-12-31', from: '2001-01-01', to: '2006-12-31' }, config: { ...config, rfm: { ...config.rfm, windowDays: 100_000 } }, tiers: null, scope: null };
  });
  afterAll(async () => {
    await store.close();
    await target.drop();
  });

  it('uses the package README thresholds, read back from the stored scores as the report does', async () => {
    await store.engine.run(insertCustomerScoresSql(ctx, 1));
    const [b] = await store.engine.query<{ rb: number[]; fb: number[]; mb: number[] }>(rfmBreaksQuery(ctx, 1));
    expect(b!.rb).toEqual([115, 181, 297.4, 482]);
    expect(b!.fb).toEqual([4, 5, 6, 8]);
    expect(b!.mb.map((x) => Math.round(x * 10) / 10)).toEqual([255.8, 382, 506.4, 666]);
  });

  it('gives every customer the package measures, scores and segment', async () => {
    const expected = parse(readFileSync(path.join(dir, 'rfm_expected_segments.csv')), { columns: true }) as Expected[];
    const rows = await store.engine.query<Record<string, number | string>>(
      `SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_code, ${rfmSegmentSql()} AS segment FROM (${rfmSql(ctx)}) AS r ORDER BY customer_id`,
    );
    expect(rows).toHaveLength(995);
    const byId = new Map(rows.map((r) => [r.customer_id, r]));
    const mismatches = expected.filter((e) => {
      const got = byId.get(e.customer_id);
      return (
        !got ||
        got.recency_days !== Number(e.recency_days) ||
        got.frequency !== Number(e.transaction_count) ||
        got.monetary !== Number(e.amount) ||
        got.rfm_code !== e.rfm_score ||
        got.segment !== e.segment
      );
    });
    expect(mismatches).toEqual([]);
  });
});
