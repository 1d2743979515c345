/**
 * The churn signals, risk score and model probability of every customer,
 * worked out by the engine over a table of churn features (the columns of
 * churnFeaturesSql) instead of reading a row per customer into JavaScript:
 * at a million customers the read, the objects and the append cost more
 * than everything else in the churn section. churnSignals, riskScore and
 * modelFeatures stay the reference (and score the model's sampled test
 * date); churn-risk-sql.test.ts checks that both give the same answers,
 * boundary cases included, on each engine.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { floatLiteral, type Dialect } from '../../store/engine.js';
import { jsonObject, textListOrEmpty } from '../../store/sql-dialect.js';
import { signalCodes, type SignalCode } from './churn-signals.js';
import type { LogisticModel } from './logistic-regression.js';

type Settings = AnalysisConfig['churn'];

const num = floatLiteral;
const f8 = (expr: string) => `CAST(${expr} AS FLOAT8)`;
/** Math.round(x · 10^d) / 10^d, as churn-signals.ts rounds its evidence. */
const roundTo = (expr: string, digits = 2) => `(floor(${f8(expr)} * ${10 ** digits} + 0.5) / ${10 ** digits})`;
/** a ÷ b in doubles, whatever the engine made of a and b (PostgreSQL's avg of integers is numeric). */
const ratio = (a: string, b: string) => `(${f8(a)} / ${f8(b)})`;
const clamp = (expr: string, lo: number, hi: number) => `least(${num(hi)}, greatest(${num(lo)}, ${expr}))`;
const ln1p = (expr: string) => `ln(1 + ${f8(expr)})`;

/** 2 alert, 1 warn, 0 none: the level a customer's features reach on one signal. */
function levelSql(code: SignalCode, s: Settings): string {
  const lv = (alert: string, warn: string, valid = 'TRUE') => `CASE WHEN NOT (${valid}) THEN 0 WHEN ${alert} THEN 2 WHEN ${warn} THEN 1 ELSE 0 END`;
  switch (code) {
    case 'recency':
      return lv(`${ratio('days_since', 'cycle_days')} >= ${num(s.alertCycles)}`, `${ratio('days_since', 'cycle_days')} >= ${num(s.warnCycles)}`, 'coalesce(cycle_days > 0, FALSE)');
    case 'value':
      return lv(`(value_recent - value_before) / value_before <= ${num(-s.valueDropAlert)}`, `(value_recent - value_before) / value_before <= ${num(-s.valueDropWarn)}`, 'value_before > 0');
    case 'competitor':
      return lv('competitor_contacts >= 2', 'competitor_contacts >= 1');
    case 'quote':
      return lv(`${ratio('quote_recent', 'quote_before')} >= ${num(s.quoteRise * s.quoteRise)}`, `${ratio('quote_recent', 'quote_before')} >= ${num(s.quoteRise)}`, 'quote_recent IS NOT NULL AND coalesce(quote_before > 0, FALSE)');
    case 'stalled':
      return lv('stalled_opportunities + stalled_projects >= 2', 'stalled_opportunities + stalled_projects >= 1');
    case 'complaints':
      return lv('complaints >= 2 OR unresolved_complaints >= 1', 'complaints >= 1');
    case 'csat':
      return lv(`${f8('csat_mean')} < ${num(s.csatLow - 1)}`, `${f8('csat_mean')} < ${num(s.csatLow)}`, 'csat_mean IS NOT NULL');
    case 'nps':
      return lv('nps_last <= 3', 'nps_last <= 6', 'nps_last IS NOT NULL');
    default:
      throw new Error(`unhandled signal: ${String(code satisfies never)}`);
  }
}

/** The evidence object of one signal, the same fields as churn-signals.ts gives. */
function evidenceSql(code: SignalCode, dialect: Dialect): string {
  const obj = (fields: Record<string, string>) => jsonObject(dialect, fields);
  switch (code) {
    case 'recency':
      return obj({ daysSince: 'days_since', cycleDays: f8('cycle_days'), ratio: roundTo(ratio('days_since', 'cycle_days')) });
    case 'value':
      return obj({ recent: roundTo('value_recent'), before: roundTo('value_before'), change: roundTo('(value_recent - value_before) / value_before', 3) });
    case 'competitor':
      return obj({ contacts: 'competitor_contacts', competitors: textListOrEmpty(dialect, 'competitors') });
    case 'quote':
      return obj({ recentHours: roundTo('quote_recent', 1), beforeHours: roundTo('quote_before', 1), ratio: roundTo(ratio('quote_recent', 'quote_before')) });
    case 'stalled':
      return obj({ opportunities: 'stalled_opportunities', idleDays: 'coalesce(stalled_days, 0)', projectReports: 'stalled_projects' });
    case 'complaints':
      return obj({ complaints: 'complaints', unresolved: 'unresolved_complaints' });
    case 'csat':
      return obj({ meanScore: roundTo('csat_mean') });
    case 'nps':
      return obj({ lastScore: 'nps_last' });
    default:
      throw new Error(`unhandled signal: ${String(code satisfies never)}`);
  }
}

const levelCol = (code: SignalCode) => `lvl_${code}`;

/** The risk score from the level columns: 100 × Σ weight × (alert 1, warn ½) ÷ Σ weights, to one decimal. */
function riskSql(weights: Settings['weights']): string {
  const total = signalCodes.reduce((sum, c) => sum + weights[c], 0);
  if (!(total > 0)) return num(0);
  // Added in signal order from zero, as riskScore adds them.
  const raised = signalCodes.reduce((sum, c) => `(${sum} + ${num(weights[c])} * CASE ${levelCol(c)} WHEN 2 THEN 1.0 WHEN 1 THEN 0.5 ELSE 0.0 END)`, num(0));
  return roundTo(`100 * ${raised} / ${num(total)}`, 1);
}

/** The model's inputs in modelFeatureNames order (see modelFeatures). */
function modelFeatureSql(csatLow: number): string[] {
  return [
    ln1p('days_since'),
    `CASE WHEN cycle_days > 0 THEN ${clamp(ratio('days_since', 'cycle_days'), 0, 10)} ELSE ${num(0)} END`,
    `CASE WHEN cycle_days IS NULL THEN ${num(1)} ELSE ${num(0)} END`,
    ln1p('purchase_days'),
    `CASE WHEN value_before > 0 THEN ${clamp('(value_recent - value_before) / value_before', -1, 3)} ELSE ${num(0)} END`,
    `CASE WHEN quote_recent IS NOT NULL AND quote_before > 0 THEN ${clamp(ratio('quote_recent', 'quote_before'), 0, 10)} ELSE ${num(1)} END`,
    ln1p('competitor_contacts'),
    ln1p('stalled_opportunities + stalled_projects'),
    ln1p('complaints'),
    `CASE WHEN csat_mean IS NULL THEN ${num(0)} ELSE greatest(${num(0)}, ${num(csatLow)} - ${f8('csat_mean')}) END`,
    `CASE WHEN nps_last <= 6 THEN ${num(1)} ELSE ${num(0)} END`,
  ];
}

/** The model's linear predictor (bounded: see probability), or NULL without a model. */
function linearPredictorSql(model: LogisticModel | null, csatLow: number): string {
  if (model === null) return 'CAST(NULL AS FLOAT8)';
  const terms = modelFeatureSql(csatLow).map((x, j) => `${num(model.weights[j]!)} * ((${x} - ${num(model.means[j]!)}) / ${num(model.sds[j]!)})`);
  // Bounded so that exp() stays inside what PostgreSQL computes without an underflow error (the probability is then 0 or 1 to 300 places).
  return `least(700, greatest(-700, ${num(model.intercept)} + ${terms.reduce((sum, t) => `(${sum} + ${t})`, num(0))}))`;
}

/** The logistic function of z, as predictLogistic takes it (no overflow on either side). */
const probability = (z: string) => `CASE WHEN ${z} >= 0 THEN 1 / (1 + exp(-${z})) ELSE exp(${z}) / (1 + exp(${z})) END`;

/**
 * One row per customer of `features`: customer_id, lvl_<code> per signal,
 * risk, probability, and the signals as JSON text (an array of {code, level,
 * evidence} in signal order, empty when none is raised).
 */
export function scoredRiskSql(features: string, settings: Settings, model: LogisticModel | null, dialect: Dialect): string {
  const signal = (c: SignalCode) =>
    `CASE WHEN ${levelCol(c)} > 0 THEN CAST(${jsonObject(dialect, {
      code: `'${c}'`,
      level: `CASE ${levelCol(c)} WHEN 2 THEN 'alert' ELSE 'warn' END`,
      evidence: evidenceSql(c, dialect),
    })} AS VARCHAR) END`;
  return `SELECT customer_id, ${signalCodes.map(levelCol).join(', ')}, ${riskSql(settings.weights)} AS risk,
  ${probability('z')} AS probability,
  '[' || concat_ws(',', ${signalCodes.map(signal).join(', ')}) || ']' AS signals
FROM (SELECT f.*, ${signalCodes.map((c) => `${levelSql(c, settings)} AS ${levelCol(c)}`).join(', ')},
  ${linearPredictorSql(model, settings.csatLow)} AS z FROM ${features} f) AS levels`;
}

/** How many customers reach each level of each signal, and each risk band ([0, 25), [25, 50), [50, 75), [75, 100]). */
export function riskSummarySql(scored: string): string {
  const counts = signalCodes.flatMap((c) => [`count(*) FILTER (WHERE ${levelCol(c)} = 1) AS ${c}_warn`, `count(*) FILTER (WHERE ${levelCol(c)} = 2) AS ${c}_alert`]);
  return `SELECT count(*) AS customers,
  count(*) FILTER (WHERE risk < 25) AS low, count(*) FILTER (WHERE risk >= 25 AND risk < 50) AS medium,
  count(*) FILTER (WHERE risk >= 50 AND risk < 75) AS high, count(*) FILTER (WHERE risk >= 75) AS critical,
  ${counts.join(', ')}
FROM (${scored}) AS scored`;
}
