/**
 * Everything the report shows, read from the store for one analysis
 * snapshot: the analysis document, the import history, the monthly revenue
 * and its forecast, and the rows of the template's four tables. I/O only;
 * the report model (pure) turns this into text, tables and charts.
 */
import { maskName, maskPhone } from '../domain/masking.js';
import type { Queryable } from '../store/engine.js';
import { dateText } from '../store/sql-dialect.js';
import type { AnalysisDocument } from '../analytics/snapshot/run-analysis.js';
import type { AnalysisConfig } from '../config/analysis-config.js';
import { runForecast, type ForecastPoint } from '../analytics/forecast/forecast.js';
import { dateLit, inScope } from '../analytics/analysis-sql.js';

export interface ReportData {
  readonly doc: AnalysisDocument;
  readonly imports: readonly { readonly file: string; readonly entity: string; readonly rows: number; readonly inserted: number; readonly updated: number; readonly quarantined: number }[];
  readonly totals: { readonly customers: number; readonly orderLines: number; readonly quarantined: number };
  readonly monthly: readonly { readonly month: string; readonly revenue: number }[];
  readonly forecast: readonly ForecastPoint[] | null;
  readonly forecastModel: string | null;
  readonly table1: readonly Table1Row[];
  readonly table2: readonly Table2Row[];
  readonly table3: readonly Table3Row[];
}

export interface Table1Row {
  readonly customerId: string;
  readonly name: string | null;
  readonly industry: string | null;
  readonly size: string | null;
  readonly contactName: string | null;
  readonly contactPhone: string | null;
  readonly months: number | null;
  readonly tier: string;
}

export interface Table2Row {
  readonly customerId: string;
  readonly name: string | null;
  readonly recencyDays: number | null;
  readonly frequencyPerYear: number;
  readonly amountPerYear: number;
  readonly rfmCode: string;
  readonly tier: string;
}

export interface Table3Row {
  readonly customerId: string;
  readonly name: string | null;
  readonly mainCategories: readonly string[];
  readonly cycleDays: number | null;
  readonly complexity: string | null;
  readonly feedback: string | null;
  readonly need: string | null;
}

/** Calendar months from `from` to `to` (month boundaries crossed, as DuckDB's date_diff('month', …) counts them). */
const monthsBetween = (from: string, to: string) => `((extract(year FROM ${to}) - extract(year FROM ${from})) * 12 + extract(month FROM ${to}) - extract(month FROM ${from}))`;

const top = (snapshotId: number, n: number) =>
  `(SELECT customer_id, value_score FROM customer_scores WHERE snapshot_id = ${Math.floor(snapshotId)} ORDER BY value_score DESC, customer_id LIMIT ${Math.floor(n)})`;

/** `scope`: a relation (customer_id) when the report covers some customers only. */
export async function readReportData(db: Queryable, doc: AnalysisDocument, config: AnalysisConfig, rows: number, scope: string | null, open: (sealed: string | null) => string | null): Promise<ReportData> {
  const id = doc.snapshotId;
  const asOf = dateLit(doc.period.asOf);
  const perYear = 365 / config.rfm.windowDays;
  const [totals] = await db.query<{ customers: number; lines: number; quarantined: number }>(
    `SELECT (SELECT count(*) FROM customers WHERE TRUE${inScope(scope, 'customer_id')}) AS customers, (SELECT count(*) FROM order_lines WHERE TRUE${inScope(scope, 'customer_id')}) AS lines,
       (SELECT count(*) FROM quarantine) AS quarantined`,
  );
  const imports = await db.query<ReportData['imports'][number]>(
    `SELECT file_name AS file, entity, rows, inserted, updated, quarantined FROM import_runs WHERE status = 'committed' ORDER BY run_id`,
  );
  const monthly = await db.query<{ month: string; revenue: number }>(
    `SELECT ${dateText(db.dialect, 'order_date', 'month')} AS month, CAST(sum(amount) AS FLOAT8) AS revenue FROM order_lines WHERE order_date <= ${asOf}${inScope(scope, 'customer_id')} GROUP BY 1 ORDER BY 1`,
  );
  const f = await runForecast(db, config, { by: 'none', horizon: 6, asOf: doc.period.asOf, ...(scope !== null ? { scope } : {}) });
  const series = f.series[0];
  const table1 = await db.query<Table1Row>(
    `SELECT t.customer_id AS "customerId", c.name, c.industry, c.size, c.contact_name AS "contactName", c.contact_phone AS "contactPhone",
       ${monthsBetween('s.first_order_date', asOf)} AS months, s.value_tier AS tier
     FROM ${top(id, rows)} t JOIN customer_scores s ON s.snapshot_id = ${id} AND s.customer_id = t.customer_id LEFT JOIN customers c ON c.customer_id = t.customer_id
     ORDER BY t.value_score DESC, t.customer_id`,
  );
  const table2 = await db.query<Table2Row>(
    `SELECT t.customer_id AS "customerId", c.name, s.recency_days AS "recencyDays", s.frequency * ${perYear} AS "frequencyPerYear",
       CAST(s.monetary AS FLOAT8) * ${perYear} AS "amountPerYear", s.rfm_code AS "rfmCode", s.value_tier AS tier
     FROM ${top(id, rows)} t JOIN customer_scores s ON s.snapshot_id = ${id} AND s.customer_id = t.customer_id LEFT JOIN customers c ON c.customer_id = t.customer_id
     ORDER BY t.value_score DESC, t.customer_id`,
  );
  const table3 = await db.query<Table3Row & { mainCategories: string[] }>(
    `WITH cat AS (SELECT customer_id, category, sum(amount) AS v FROM order_lines
        WHERE customer_id IN (SELECT customer_id FROM ${top(id, rows)} AS top_ids) AND NOT is_return AND category IS NOT NULL
          AND order_date BETWEEN ${dateLit(doc.period.from)} AND ${asOf} GROUP BY customer_id, category),
     cats AS (SELECT customer_id, (array_agg(category ORDER BY v DESC, category))[1:2] AS cats FROM cat GROUP BY customer_id),
     fbc AS (SELECT customer_id, category, count(*) AS n, max(complaint_date) AS last FROM complaints WHERE complaint_date <= ${asOf} AND category IS NOT NULL GROUP BY customer_id, category),
     fb AS (SELECT customer_id, (array_agg(category ORDER BY n DESC, last DESC, category))[1] AS feedback FROM fbc GROUP BY customer_id),
     need AS (SELECT r.customer_id, coalesce(p.name, r.product_id) AS need FROM customer_recommendations r LEFT JOIN products p ON p.product_id = r.product_id
        WHERE r.snapshot_id = ${id} AND r.rank = 1)
     SELECT t.customer_id AS "customerId", c.name, coalesce(cats.cats, CAST(ARRAY[] AS VARCHAR[])) AS "mainCategories", s.purchase_cycle_days AS "cycleDays",
       c.decision_complexity AS complexity, fb.feedback, need.need
     FROM ${top(id, rows)} t JOIN customer_scores s ON s.snapshot_id = ${id} AND s.customer_id = t.customer_id LEFT JOIN customers c ON c.customer_id = t.customer_id
       LEFT JOIN cats ON cats.customer_id = t.customer_id LEFT JOIN fb ON fb.customer_id = t.customer_id LEFT JOIN need ON need.customer_id = t.customer_id
     ORDER BY t.value_score DESC, t.customer_id`,
  );
  return {
    doc,
    imports,
    totals: { customers: totals?.customers ?? 0, orderLines: totals?.lines ?? 0, quarantined: totals?.quarantined ?? 0 },
    monthly,
    forecast: series?.status === 'ok' ? series.forecast : null,
    forecastModel: series?.status === 'ok' ? series.model : null,
    // Personal fields leave the store masked: no output format can show them whole.
    table1: table1.map((r) => ({ ...r, contactName: maskName(open(r.contactName)), contactPhone: maskPhone(open(r.contactPhone)) })),
    table2,
    table3,
  };
}
