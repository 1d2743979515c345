/**
 * Per-customer results of a snapshot, as the customers list, the API and the
 * report read them: filtered by tier or segment, sorted, paged. Rows become
 * domain objects here; callers never see column names.
 */
import { quoteLiteral as lit, type Dialect, type Queryable } from '../../store/engine.js';
import { jsonArrayHasField } from '../../store/sql-dialect.js';
import type { Signal } from '../churn/churn-signals.js';
import { scopeSql, type AnalysisScope } from '../analysis-scope.js';

export type CustomerSort = 'value' | 'revenue' | 'recency' | 'health' | 'risk';

export interface CustomerListQuery {
  /** Default: the latest snapshot. */
  readonly snapshotId?: number;
  /** A value-tier or RFM-tier code (strategic, churn_risk …). */
  readonly tier?: string;
  /** A named RFM segment (Champions …). */
  readonly segment?: string;
  /** Part of the name or the id, any case. */
  readonly search?: string;
  readonly industry?: string;
  readonly region?: string;
  /** A rep by id. */
  readonly repId?: string;
  /** Churn risk score at least this (0-100). */
  readonly minRisk?: number;
  /** Customers showing this churn signal (overdue, falling_value …) in the snapshot. */
  readonly signal?: string;
  /** Pareto class A, B or C. */
  readonly abc?: string;
  /** One customer by id (a task for them from their 360 page). */
  readonly customerId?: string;
  /** RFM recency and frequency scores 1..5 (a cell of the RFM grid). */
  readonly rScore?: number;
  readonly fScore?: number;
  /** Only the customers of this scope (a rep's, a team's). */
  readonly within?: AnalysisScope;
  readonly sort?: CustomerSort;
  readonly limit: number;
  readonly offset?: number;
}

export interface ScoredCustomer {
  readonly customerId: string;
  readonly name: string | null;
  readonly industry: string | null;
  readonly region: string | null;
  readonly repId: string | null;
  readonly valueTier: string;
  readonly rfmTier: string;
  readonly segment: string;
  readonly abcClass: string | null;
  readonly cluster: number | null;
  readonly rfmCode: string;
  readonly recencyDays: number | null;
  readonly frequency: number;
  readonly monetary: number;
  readonly profit: number;
  readonly valueScore: number;
  readonly healthScore: number | null;
  readonly purchaseCycleDays: number | null;
  readonly lastOrderDate: string | null;
  /** Churn warning (null in snapshots made before it existed). */
  readonly riskScore: number | null;
  readonly churnProbability: number | null;
  readonly riskSignals: readonly Signal[];
}

export interface CustomerPage {
  readonly snapshotId: number;
  readonly asOf: string;
  readonly total: number;
  readonly customers: readonly ScoredCustomer[];
}

interface Row {
  customer_id: string;
  name: string | null;
  industry: string | null;
  region: string | null;
  rep_id: string | null;
  value_tier: string;
  rfm_tier: string;
  rfm_segment: string;
  abc_class: string | null;
  cluster: number | null;
  rfm_code: string;
  recency_days: number | null;
  frequency: number;
  monetary: number;
  profit: number;
  value_score: number;
  health_score: number | null;
  purchase_cycle_days: number | null;
  last_order_date: string | null;
  risk_score: number | null;
  churn_probability: number | null;
  signals: string | null;
}

const orderBy: Record<CustomerSort, string> = {
  value: 's.value_score DESC',
  revenue: 's.monetary DESC',
  recency: 's.recency_days ASC NULLS LAST',
  health: 's.health_score ASC NULLS LAST',
  risk: 'r.risk_score DESC NULLS LAST, r.churn_probability DESC NULLS LAST',
};

type CustomerFilter = Omit<CustomerListQuery, 'snapshotId' | 'sort' | 'limit' | 'offset'>;

export function customerFilterSql(dialect: Dialect, snapshotId: number, q: CustomerFilter): string {
  const where = [`s.snapshot_id = ${Math.floor(snapshotId)}`];
  if (q.tier !== undefined) where.push(`(s.value_tier = ${lit(q.tier)} OR s.rfm_tier = ${lit(q.tier)})`);
  if (q.segment !== undefined) where.push(`s.rfm_segment = ${lit(q.segment)}`);
  if (q.search !== undefined && q.search.trim() !== '') {
    const like = lit(`%${q.search.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`(c.name ILIKE ${like} ESCAPE '\\' OR s.customer_id ILIKE ${like} ESCAPE '\\')`);
  }
  if (q.industry !== undefined) where.push(`c.industry = ${lit(q.industry)}`);
  if (q.region !== undefined) where.push(`c.region = ${lit(q.region)}`);
  if (q.repId !== undefined) where.push(`c.rep_id = ${lit(q.repId)}`);
  if (q.abc !== undefined) where.push(`s.abc_class = ${lit(q.abc)}`);
  if (q.customerId !== undefined) where.push(`s.customer_id = ${lit(q.customerId)}`);
  if (q.rScore !== undefined) where.push(`s.r_score = ${Math.floor(q.rScore)}`);
  if (q.fScore !== undefined) where.push(`s.f_score = ${Math.floor(q.fScore)}`);
  if (q.minRisk !== undefined) where.push(`r.risk_score >= ${Number(q.minRisk)}`);
  if (q.signal !== undefined) where.push(jsonArrayHasField(dialect, 'r.signals', 'code', lit(q.signal)));
  if (q.within !== undefined && Object.keys(q.within).length > 0) where.push(`s.customer_id IN (${scopeSql(q.within)})`);
  return where.join(' AND ');
}

/**
 * Only the joins a filter or the sort needs: counting and paging 100k scores
 * without joining every customer and risk row is what keeps the list fast.
 */
function filteredFrom(q: CustomerFilter & { sort?: CustomerSort }): string {
  const needsCustomer = q.search !== undefined || q.industry !== undefined || q.region !== undefined || q.repId !== undefined;
  const needsRisk = q.minRisk !== undefined || q.signal !== undefined || q.sort === 'risk';
  return [
    'customer_scores s',
    needsCustomer ? 'LEFT JOIN customers c USING (customer_id)' : '',
    needsRisk ? 'LEFT JOIN customer_risk r ON r.snapshot_id = s.snapshot_id AND r.customer_id = s.customer_id' : '',
  ].filter(Boolean).join(' ');
}

export function customerCountSql(dialect: Dialect, snapshotId: number, q: CustomerFilter): string {
  return `SELECT count(*) AS n FROM ${filteredFrom(q)} WHERE ${customerFilterSql(dialect, snapshotId, q)}`;
}

export function customerListSql(dialect: Dialect, snapshotId: number, q: CustomerListQuery): string {
  const sort = orderBy[q.sort ?? 'value'];
  // The page is chosen first; only its rows are then joined to names and risk.
  return `WITH page AS (
    SELECT s.customer_id FROM ${filteredFrom(q)} WHERE ${customerFilterSql(dialect, snapshotId, q)}
    ORDER BY ${sort}, s.customer_id
    LIMIT ${Math.max(0, Math.floor(q.limit))} OFFSET ${Math.max(0, Math.floor(q.offset ?? 0))})
  SELECT s.customer_id, c.name, c.industry, c.region, c.rep_id, s.value_tier, s.rfm_tier, s.rfm_segment, s.abc_class,
    s.cluster, s.rfm_code, s.recency_days, s.frequency, CAST(s.monetary AS FLOAT8) AS monetary, CAST(s.profit AS FLOAT8) AS profit,
    s.value_score, s.health_score, s.purchase_cycle_days, s.last_order_date, r.risk_score, r.churn_probability, CAST(r.signals AS VARCHAR) AS signals
  FROM page JOIN customer_scores s ON s.snapshot_id = ${Math.floor(snapshotId)} AND s.customer_id = page.customer_id
    LEFT JOIN customers c ON c.customer_id = page.customer_id
    LEFT JOIN customer_risk r ON r.snapshot_id = s.snapshot_id AND r.customer_id = page.customer_id
  ORDER BY ${sort}, s.customer_id`;
}

function toCustomer(r: Row): ScoredCustomer {
  return {
    customerId: r.customer_id,
    name: r.name,
    industry: r.industry,
    region: r.region,
    repId: r.rep_id,
    valueTier: r.value_tier,
    rfmTier: r.rfm_tier,
    segment: r.rfm_segment,
    abcClass: r.abc_class,
    cluster: r.cluster,
    rfmCode: r.rfm_code,
    recencyDays: r.recency_days,
    frequency: r.frequency,
    monetary: r.monetary,
    profit: r.profit,
    valueScore: r.value_score,
    healthScore: r.health_score,
    purchaseCycleDays: r.purchase_cycle_days,
    lastOrderDate: r.last_order_date,
    riskScore: r.risk_score,
    churnProbability: r.churn_probability,
    riskSignals: r.signals === null ? [] : (JSON.parse(r.signals) as Signal[]),
  };
}

/** The snapshot asked for, or the latest of all customers (not a scoped one); null when there is none. */
export async function findSnapshot(db: Queryable, snapshotId?: number): Promise<{ id: number; asOf: string } | null> {
  const [row] = snapshotId === undefined
    ? await db.query<{ id: number; as_of: string }>('SELECT snapshot_id AS id, as_of FROM analysis_snapshots WHERE scope IS NULL ORDER BY as_of DESC, snapshot_id DESC LIMIT 1')
    : await db.query<{ id: number; as_of: string }>('SELECT snapshot_id AS id, as_of FROM analysis_snapshots WHERE snapshot_id = $1', [snapshotId]);
  return row ? { id: row.id, asOf: row.as_of } : null;
}

export async function listScoredCustomers(db: Queryable, q: CustomerListQuery): Promise<CustomerPage | null> {
  const snapshot = await findSnapshot(db, q.snapshotId);
  if (!snapshot) return null;
  const [count] = await db.query<{ n: number }>(customerCountSql(db.dialect, snapshot.id, q));
  const rows = await db.query<Row>(customerListSql(db.dialect, snapshot.id, q));
  return { snapshotId: snapshot.id, asOf: snapshot.asOf, total: count?.n ?? 0, customers: rows.map(toCustomer) };
}

export interface CustomerFacets {
  readonly industries: readonly string[];
  readonly regions: readonly string[];
  readonly reps: readonly { readonly id: string; readonly name: string | null }[];
}

/** The values the customer filters offer: industries, regions and reps that have customers. */
export async function customerFacets(db: Queryable, within: AnalysisScope = {}): Promise<CustomerFacets> {
  const inScope = Object.keys(within).length > 0 ? `AND customer_id IN (${scopeSql(within)})` : '';
  const values = async (col: string) =>
    (await db.query<{ v: string }>(`SELECT DISTINCT ${col} AS v FROM customers WHERE ${col} IS NOT NULL ${inScope} ORDER BY v`)).map((r) => r.v);
  const reps = await db.query<{ id: string; name: string | null }>(
    `SELECT DISTINCT c.rep_id AS id, r.name FROM customers c LEFT JOIN reps r USING (rep_id) WHERE c.rep_id IS NOT NULL ${inScope.replace('customer_id', 'c.customer_id')} ORDER BY r.name NULLS LAST, id`,
  );
  return { industries: await values('industry'), regions: await values('region'), reps };
}
