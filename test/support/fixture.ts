/**
 * Small hand-made datasets for analytics tests: rows go straight into the
 * canonical tables (no intake), with sensible defaults, so a test states
 * only what its hand computation depends on.
 */
import { openStore, type Store } from '../../src/store/open-store.js';
import type { Queryable, SqlValue } from '../../src/store/engine.js';
import { testDb } from './test-engine.js';
import { markOrderHeadsSql } from '../../src/store/schema/order-heads.js';
import { defaultAnalysisConfig, type AnalysisConfig } from '../../src/config/analysis-config.js';
import type { AnalysisContext, AnalysisPeriod } from '../../src/analytics/analysis-context.js';

export type FixtureRow = Record<string, SqlValue>;

export interface FixtureData {
  readonly customers?: readonly FixtureRow[];
  readonly products?: readonly FixtureRow[];
  /** order_lines; line_no defaults to the position within the order, amount to quantity × unit_price. */
  readonly orders?: readonly FixtureRow[];
  readonly opportunities?: readonly FixtureRow[];
  readonly stageHistory?: readonly FixtureRow[];
  readonly interactions?: readonly FixtureRow[];
  readonly surveys?: readonly FixtureRow[];
  readonly nps?: readonly FixtureRow[];
  readonly complaints?: readonly FixtureRow[];
  readonly tickets?: readonly FixtureRow[];
  readonly campaigns?: readonly FixtureRow[];
  readonly reps?: readonly FixtureRow[];
  readonly targets?: readonly FixtureRow[];
  readonly wallet?: readonly FixtureRow[];
  readonly churn?: readonly FixtureRow[];
}

const tables: Record<keyof FixtureData, string> = {
  customers: 'customers',
  products: 'products',
  orders: 'order_lines',
  opportunities: 'opportunities',
  stageHistory: 'opportunity_stage_history',
  interactions: 'interactions',
  surveys: 'survey_responses',
  nps: 'nps_responses',
  complaints: 'complaints',
  tickets: 'service_tickets',
  campaigns: 'campaigns',
  reps: 'reps',
  targets: 'targets',
  wallet: 'wallet_estimates',
  churn: 'churn_records',
};

function withOrderDefaults(rows: readonly FixtureRow[]): FixtureRow[] {
  const lineOf = new Map<string, number>();
  return rows.map((r) => {
    const orderId = String(r.order_id);
    const line = (lineOf.get(orderId) ?? 0) + 1;
    lineOf.set(orderId, line);
    const qty = r.quantity === undefined ? 1 : Number(r.quantity);
    const amount = r.amount ?? (r.unit_price !== undefined ? qty * Number(r.unit_price) : null);
    return {
      line_no: line,
      quantity: qty,
      status: Number(amount) < 0 || qty < 0 ? 'returned' : 'completed',
      is_return: Number(amount) < 0 || qty < 0,
      ...r,
      amount,
    };
  });
}

export async function insertRows(db: Queryable, table: string, rows: readonly FixtureRow[]): Promise<void> {
  for (const row of rows) {
    const cols = Object.keys(row);
    const placeholders = cols.map((_, i) => `$${i + 1}`).join(', ');
    await db.run(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${placeholders})`, cols.map((c) => row[c] ?? null));
  }
}

/** An in-memory store holding the given rows; customers named in orders are created when missing. */
export async function fixtureStore(data: FixtureData): Promise<Store> {
  const target = testDb(':memory:');
  const opened = await openStore({ db: target.db, env: target.env });
  const store: Store = {
    ...opened,
    close: async () => {
      await opened.close();
      await target.drop();
    },
  };
  const orders = withOrderDefaults(data.orders ?? []);
  const known = new Set((data.customers ?? []).map((c) => String(c.customer_id)));
  const implied = [...new Set(orders.map((o) => o.customer_id).filter((c): c is string => typeof c === 'string' && !known.has(c)))];
  await insertRows(store.engine, 'customers', [...(data.customers ?? []), ...implied.map((id) => ({ customer_id: id }))]);
  for (const key of Object.keys(tables) as (keyof FixtureData)[]) {
    if (key === 'customers') continue;
    const rows = key === 'orders' ? orders : (data[key] ?? []);
    await insertRows(store.engine, tables[key], rows);
  }
  await store.engine.run(markOrderHeadsSql);
  return store;
}

export function fixtureContext(store: Store, period: AnalysisPeriod, overrides: Partial<AnalysisConfig> = {}, tiers: string | null = null): AnalysisContext {
  return { db: store.engine, period, config: { ...defaultAnalysisConfig(), ...overrides }, tiers, scope: null };
}
