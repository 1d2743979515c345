import { describe, expect, it } from 'vitest';
import { defaultAnalysisConfig } from '../config/analysis-config.js';
import type { Queryable } from '../store/engine.js';
import { firstPurchasesFor, firstPurchasesSql } from './analysis-sql.js';

const ctx = (to: string, purchaseHistory?: string) => ({
  db: {} as Queryable,
  period: { asOf: '2025-12-31', from: '2025-01-01', to },
  config: defaultAnalysisConfig(),
  tiers: null,
  scope: null,
  ...(purchaseHistory !== undefined ? { purchaseHistory } : {}),
});

describe('firstPurchasesFor', () => {
  it('reads the analysis\'s purchase history for a period ending by the as-of date', () => {
    expect(firstPurchasesFor(ctx('2025-12-31', 'purchase_history_7'))).toBe('(SELECT customer_id, first_purchase AS first_date FROM "purchase_history_7")');
  });

  it('works it out from the lines without a history, or for a period reaching past the as-of date', () => {
    expect(firstPurchasesFor(ctx('2025-12-31'))).toBe(`(${firstPurchasesSql})`);
    expect(firstPurchasesFor(ctx('2026-03-31', 'purchase_history_7'))).toBe(`(${firstPurchasesSql})`);
  });
});
