/**
 * One customer seen whole (customer 360): profile with masked contact,
 * scores and tier history, churn signals, CLV, recommended products, recent
 * orders, interactions and feedback. Rows become domain objects here.
 */
import type { Queryable } from '../../store/engine.js';
import { maskEmail, maskName, maskPhone } from '../../domain/masking.js';
import type { Signal } from '../churn/churn-signals.js';

export interface CustomerProfile {
  readonly customerId: string;
  readonly name: string | null;
  readonly industry: string | null;
  readonly size: string | null;
  readonly region: string | null;
  readonly city: string | null;
  readonly rep: { readonly id: string; readonly name: string | null } | null;
  /** Masked: 张*, 139****5678, z***@qq.com. */
  readonly contact: { readonly name: string | null; readonly phone: string | null; readonly email: string | null };
  readonly scores: readonly {
    readonly snapshotId: number;
    readonly asOf: string;
    readonly valueTier: string;
    readonly rfmTier: string;
    readonly rfmCode: string;
    readonly valueScore: number;
    readonly monetary: number;
    readonly healthScore: number | null;
  }[];
  readonly risk: { readonly riskScore: number; readonly churnProbability: number | null; readonly signals: readonly Signal[] } | null;
  readonly clv: { readonly pAlive: number; readonly expectedTransactions: number; readonly expectedSpend: number; readonly clv: number } | null;
  readonly recommendations: readonly { readonly productId: string; readonly name: string | null; readonly because: string | null; readonly becauseName: string | null }[];
  readonly orders: readonly { readonly orderId: string; readonly date: string; readonly amount: number; readonly lines: number }[];
  readonly interactions: readonly { readonly date: string; readonly type: string | null; readonly rep: string | null; readonly notes: string | null; readonly competitor: string | null }[];
  readonly complaints: readonly { readonly date: string; readonly category: string | null; readonly text: string | null; readonly status: string | null }[];
  /** The latest 20 answers of each kind. */
  readonly feedback: {
    readonly nps: readonly { readonly date: string; readonly score: number; readonly comment: string | null }[];
    readonly surveys: readonly { readonly date: string; readonly item: string | null; readonly score: number | null; readonly importance: number | null }[];
  };
}

async function one<T extends object>(db: Queryable, sql: string, id: string): Promise<T | null> {
  return (await db.query<T>(sql, [id]))[0] ?? null;
}

/** `open` reads a sealed personal field (the store's cipher); the profile only ever carries it masked. */
export async function customerProfile(db: Queryable, id: string, open: (sealed: string | null) => string | null): Promise<CustomerProfile | null> {
  const c = await one<Record<string, string | null>>(
    db,
    `SELECT c.customer_id, c.name, c.industry, c.size, c.region, c.city, c.rep_id, r.name AS rep_name, c.contact_name, c.contact_phone, c.contact_email
     FROM customers c LEFT JOIN reps r ON r.rep_id = c.rep_id WHERE c.customer_id = $1`,
    id,
  );
  if (c === null) return null;
  const latest = `(SELECT max(snapshot_id) FROM analysis_snapshots WHERE scope IS NULL)`;
  const riskP = one<{ risk_score: number; churn_probability: number | null; signals: string }>(
    db, `SELECT risk_score, churn_probability, CAST(signals AS VARCHAR) AS signals FROM customer_risk WHERE customer_id = $1 AND snapshot_id = ${latest}`, id,
  );
  const clvP = one<{ pAlive: number; expectedTransactions: number; expectedSpend: number; clv: number }>(
    db, `SELECT p_alive AS "pAlive", expected_transactions AS "expectedTransactions", expected_spend AS "expectedSpend", clv FROM customer_clv
         WHERE customer_id = $1 AND clv_run_id = (SELECT max(clv_run_id) FROM clv_runs)`, id,
  );
  // Independent reads, issued together: the server's reader connections run them side by side.
  const [risk, clv, scores, recommendations, orders, interactions, complaints, nps, surveys] = await Promise.all([
    riskP,
    clvP,
    db.query<CustomerProfile['scores'][number]>(
      `SELECT s.snapshot_id AS "snapshotId", CAST(a.as_of AS VARCHAR) AS "asOf", s.value_tier AS "valueTier", s.rfm_tier AS "rfmTier", s.rfm_code AS "rfmCode",
         s.value_score AS "valueScore", CAST(s.monetary AS FLOAT8) AS monetary, s.health_score AS "healthScore"
       FROM customer_scores s JOIN analysis_snapshots a USING (snapshot_id) WHERE s.customer_id = $1 AND a.scope IS NULL ORDER BY a.as_of, s.snapshot_id`,
      [id],
    ),
    db.query<CustomerProfile['recommendations'][number]>(
      `SELECT r.product_id AS "productId", p.name, r.because, b.name AS "becauseName" FROM customer_recommendations r
       LEFT JOIN products p ON p.product_id = r.product_id LEFT JOIN products b ON b.product_id = r.because
       WHERE r.customer_id = $1 AND r.snapshot_id = ${latest} ORDER BY r.rank`,
      [id],
    ),
    db.query<CustomerProfile['orders'][number]>(
      `SELECT order_id AS "orderId", CAST(min(order_date) AS VARCHAR) AS date, CAST(sum(amount) AS FLOAT8) AS amount, count(*) AS lines
       FROM order_lines WHERE customer_id = $1 GROUP BY order_id ORDER BY date DESC, order_id DESC LIMIT 20`,
      [id],
    ),
    db.query<CustomerProfile['interactions'][number]>(
      `SELECT CAST(i.interaction_date AS VARCHAR) AS date, i.type, coalesce(r.name, i.rep_id) AS rep, i.notes, i.competitor
       FROM interactions i LEFT JOIN reps r ON r.rep_id = i.rep_id WHERE i.customer_id = $1 ORDER BY i.interaction_date DESC, i.interaction_id DESC LIMIT 20`,
      [id],
    ),
    db.query<CustomerProfile['complaints'][number]>(
      `SELECT CAST(complaint_date AS VARCHAR) AS date, category, text, status FROM complaints WHERE customer_id = $1 ORDER BY complaint_date DESC, complaint_id DESC LIMIT 20`,
      [id],
    ),
    db.query<CustomerProfile['feedback']['nps'][number]>(
        `SELECT CAST(response_date AS VARCHAR) AS date, score, comment FROM nps_responses WHERE customer_id = $1 ORDER BY response_date DESC NULLS LAST LIMIT 20`,
        [id],
    ),
    db.query<CustomerProfile['feedback']['surveys'][number]>(
        `SELECT CAST(survey_date AS VARCHAR) AS date, item, score, importance FROM survey_responses WHERE customer_id = $1 ORDER BY survey_date DESC NULLS LAST, item LIMIT 20`,
        [id],
    ),
  ]);
  return {
    customerId: c.customer_id!,
    name: c.name ?? null,
    industry: c.industry ?? null,
    size: c.size ?? null,
    region: c.region ?? null,
    city: c.city ?? null,
    rep: c.rep_id ? { id: c.rep_id, name: c.rep_name ?? null } : null,
    contact: { name: maskName(open(c.contact_name ?? null)), phone: maskPhone(open(c.contact_phone ?? null)), email: maskEmail(open(c.contact_email ?? null)) },
    scores,
    risk: risk === null ? null : { riskScore: risk.risk_score, churnProbability: risk.churn_probability, signals: JSON.parse(risk.signals) as Signal[] },
    clv,
    recommendations,
    orders,
    interactions,
    complaints,
    feedback: {
      nps,
      surveys,
    },
  };
}
