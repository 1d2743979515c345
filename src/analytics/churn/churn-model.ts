/**
 * The supervised churn model, trained on past as-of dates and checked on a
 * later one (a time split: nothing the test labels depend on is seen in
 * training). Label: no purchase in the `labelDays` after the date.
 *   test date   = as-of − labelDays (the latest date whose label is known)
 *   train dates = the test date − labelDays and the three quarters before it
 * Side by side on the test date: the model, the rule-based risk score, and
 * 1 − BG/NBD P(alive) fitted on the history up to the test date.
 */
import type { AnalysisConfig } from '../../config/analysis-config.js';
import { quoteIdent, withTempTables, type Dialect, type Queryable } from '../../store/engine.js';
import { hashBucket } from '../../store/sql-dialect.js';
import { alongside } from '../analysis-context.js';
import { addDays } from '../analysis-period.js';
import { dateLit, inScope, purchaseDaysSql } from '../analysis-sql.js';
import { bgnbdPAlive } from '../clv/bgnbd.js';
import { clvSummarySql } from '../clv/clv-summary-sql.js';
import { compress, summaryOf } from '../clv/customer-summary.js';
import { fitBgNbd, sampleRows } from '../clv/model-fit.js';
import { auc, calibrationTable, precisionAtTop, type CalibrationBin } from './classifier-metrics.js';
import { modelFeatureNames, modelFeatures, readLabelledFeatures } from './churn-features.js';
import { churnSignals, riskScore } from './churn-signals.js';
import { fitLogistic, predictLogistic, type LogisticModel } from './logistic-regression.js';

export interface ScoreQuality {
  readonly auc: number | null;
  readonly precisionAt10: number | null;
}

export interface ChurnModelReport {
  readonly labelDays: number;
  readonly trainDates: readonly string[];
  readonly testDate: string;
  /** 1: every customer; k: the customers whose id hashes to 0 mod k (see trainingCustomers). */
  readonly sampleEvery: number;
  readonly trainRows: number;
  readonly testRows: number;
  /** Share of test customers who did not buy in the label window. */
  readonly testChurnRate: number;
  readonly coefficients: readonly { readonly feature: string; readonly weight: number }[];
  readonly model: ScoreQuality;
  readonly riskScore: ScoreQuality;
  readonly pAlive: ScoreQuality | null;
  readonly calibration: readonly CalibrationBin[];
}

export type TrainedChurnModel = { readonly model: LogisticModel; readonly report: ChurnModelReport };
export type FittedChurnModel = { readonly model: LogisticModel; readonly report: () => ChurnModelReport };

const minimumRows = 50;
const pAliveFitRows = 2_000;

/**
 * Past this many customers the model trains and is checked on a fixed hash
 * sample of about this many per date: the eleven weights are pinned long
 * before, and reading features for every customer at five past dates is
 * what made a million customers slow. At 100,000 customers, 20,000 per date
 * against 50,000 gave the same test AUC to three decimals, in 0.9 s less;
 * 10,000 against 20,000 gave 0.629 against 0.630 (about 38,000 training
 * rows, some 3,500 per weight), in 0.25–0.45 s less.
 */
const trainingCustomers = 10_000;

/**
 * ` AND <hash bucket of customer_id among k> = 0` keeping about trainingCustomers of `population`, or nothing.
 * Each engine hashes its own way (hashBucket), so DuckDB and PostgreSQL train on different, equally fair samples.
 */
export function trainingSampleFilter(dialect: Dialect, population: number): { readonly every: number; readonly filter: string } {
  const every = Math.max(1, Math.ceil(population / trainingCustomers));
  return { every, filter: every === 1 ? '' : ` AND ${hashBucket(dialect, 'customer_id', every)} = 0` };
}

type TrainingTables = { readonly days: string; readonly lines: string };

let trainings = 0;

/**
 * The training customers' order lines up to `asOf`, and their purchase days
 * made from those lines, copied out once: the five dates and the P(alive)
 * histories then read a few of each customer's rows instead of testing
 * every line's hash six times over. Made from the lines, not from an
 * analysis's purchase days, so that the model needs nothing the analysis
 * makes and can train beside it.
 */
function trainingTables(): TrainingTables {
  const id = ++trainings;
  return { days: `churn_train_days_${id}`, lines: `churn_train_lines_${id}` };
}

async function copyTrainingRows(db: Queryable, t: TrainingTables, asOf: string, filter: string): Promise<void> {
  await db.run(`CREATE TEMP TABLE ${quoteIdent(t.lines)} AS SELECT customer_id, order_date, amount, is_return FROM order_lines
    WHERE customer_id IS NOT NULL AND order_date <= ${dateLit(asOf)}${filter}`);
  await db.run(`CREATE TEMP TABLE ${quoteIdent(t.days)} AS ${purchaseDaysSql(asOf, '', quoteIdent(t.lines))}`);
}

type AliveColumns = { customer_id: string[]; x: number[]; tx_days: number[]; t_days: number[] };

function readAliveColumns(db: Queryable, date: string, days: string): Promise<AliveColumns> {
  return db.queryColumns(clvSummarySql({ calibrationEnd: date, observationEnd: date }, '', days)) as unknown as Promise<AliveColumns>;
}

function pAliveAt(cols: AliveColumns): Map<string, number> | null {
  const rows = cols.customer_id.map((_, i) => ({ x: cols.x[i]!, tx: cols.tx_days[i]! / 7, T: cols.t_days[i]! / 7 }));
  if (rows.filter((r) => r.x > 0).length < 20) return null;
  // A yardstick beside the model, not the CLV fit: a weighted sample of the distinct histories pins its four parameters well enough.
  const fit = fitBgNbd(sampleRows(compress(summaryOf(rows)), pAliveFitRows), 'yardstick');
  return new Map(cols.customer_id.map((id, i) => [id, bgnbdPAlive(fit.params, rows[i]!.x, rows[i]!.tx, rows[i]!.T)]));
}

const quality = (scores: number[], labels: number[]): ScoreQuality => ({ auc: auc(scores, labels), precisionAt10: precisionAtTop(scores, labels, 0.1) });

/**
 * The model, and its report as a function: the report's checks (the
 * P(alive) yardstick's fit above all) are JavaScript that can run while the
 * engine scores every customer with the model.
 *
 * Null when the history is too short for a train and a test date with both
 * outcomes. `scope`: a relation (customer_id) of the customers in scope, or
 * null. `population`: the customers scored at the as-of date, which sets
 * the training sample (all of them up to trainingCustomers).
 */
export async function fitChurnModel(
  db: Queryable,
  asOf: string,
  config: AnalysisConfig,
  scope: string | null = null,
  population = 0,
): Promise<FittedChurnModel | null> {
  const c = config.churn;
  const sample = trainingSampleFilter(db.dialect, population);
  const testDate = addDays(asOf, -c.labelDays);
  const trainDates = [0, 1, 2, 3].map((q) => addDays(testDate, -c.labelDays - 91 * q));
  const tables = trainingTables();
  return withTempTables(db, [tables.days, tables.lines], async () => {
    await copyTrainingRows(db, tables, asOf, inScope(scope) + sample.filter);
    // The scope and the sample also narrow what the features read beyond the copies (interactions, complaints, surveys).
    const source = { scope, sample: sample.filter, days: tables.days, lines: tables.lines };
    const train: Awaited<ReturnType<typeof readLabelledFeatures>> = [];
    // One date after another: the queries share one connection.
    for (const d of trainDates) train.push(...(await readLabelledFeatures(db, d, config, source)));
    const test = await readLabelledFeatures(db, testDate, config, source);
    const both = (xs: { label: number }[]) => xs.some((x) => x.label === 1) && xs.some((x) => x.label === 0);
    if (train.length < minimumRows || test.length < minimumRows || !both(train) || !both(test)) return null;
    // The yardstick's histories are read while the model is fitted.
    const [histories, model] = await alongside(readAliveColumns(db, testDate, tables.days), () =>
      fitLogistic(train.map((t) => modelFeatures(t.f, c.csatLow)), train.map((t) => t.label), 1),
    );
    const report = (): ChurnModelReport => {
      const labels = test.map((t) => t.label);
      const probs = test.map((t) => predictLogistic(model, modelFeatures(t.f, c.csatLow)));
      const risks = test.map((t) => riskScore(churnSignals(t.f, c), c.weights));
      const alive = pAliveAt(histories);
      return {
        labelDays: c.labelDays,
        trainDates,
        testDate,
        sampleEvery: sample.every,
        trainRows: train.length,
        testRows: test.length,
        testChurnRate: labels.reduce((a, b) => a + b, 0) / labels.length,
        coefficients: modelFeatureNames.map((feature, j) => ({ feature, weight: model.weights[j]! })),
        model: quality(probs, labels),
        riskScore: quality(risks, labels),
        pAlive: alive === null ? null : quality(test.map((t) => 1 - (alive.get(t.f.customerId) ?? 1)), labels),
        calibration: calibrationTable(probs, labels, 10),
      };
    };
    return { model, report };
  });
}

/** fitChurnModel with its report worked out at once. */
export async function trainChurnModel(...args: Parameters<typeof fitChurnModel>): Promise<TrainedChurnModel | null> {
  const fitted = await fitChurnModel(...args);
  return fitted && { model: fitted.model, report: fitted.report() };
}
