/**
 * `salescope clv`: fit BG/NBD, Pareto/NBD and Gamma-Gamma on the purchase
 * history up to the calibration end, score every customer (P(alive),
 * expected purchases over the horizon, expected spend, discounted CLV),
 * compare with the holdout when the data goes beyond the calibration end,
 * and store it all as one CLV run, in one transaction.
 */
import type { Engine, Queryable, SqlValue } from '../../store/engine.js';
import { NoDataError } from '../analysis-period.js';
import { bgnbdConditional, bgnbdPAlive, type BgNbdParams } from './bgnbd.js';
import { clvSummarySql, lastPurchaseSql } from './clv-summary-sql.js';
import { discountedPurchases, periodRate } from './clv-value.js';
import { summaryOf } from './customer-summary.js';
import { gammaGammaSpend, type GammaGammaParams } from './gamma-gamma.js';
import { holdoutReport, type HoldoutReport } from './holdout.js';
import { fitBgNbd, fitGammaGamma, fitParetoNbd } from './model-fit.js';
import { paretoNbdConditional, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd.js';

export type TimeUnit = 'day' | 'week' | 'month';
export const timeUnits: readonly TimeUnit[] = ['day', 'week', 'month'];
export const unitDays: Readonly<Record<TimeUnit, number>> = { day: 1, week: 7, month: 365.25 / 12 };

export interface ClvRequest {
  readonly calibrationEnd?: string;
  readonly timeUnit: TimeUnit;
  /** Time units ahead. */
  readonly horizon: number;
  /** Yearly discount rate, e.g. 0.1. */
  readonly discountRate: number;
}

/** Too few repeat buyers to estimate anything: a value, so the edges can say so. */
export class TooLittleHistoryError extends Error {
  constructor(readonly repeatCustomers: number, readonly needed: number) {
    super(`only ${repeatCustomers} customers bought more than once before the calibration end; the models need at least ${needed}`);
    this.name = 'TooLittleHistoryError';
  }
}

/** A calibration end after the last purchase would count the days after the data as days without purchases. */
export class CalibrationAfterDataError extends Error {
  constructor(readonly calibrationEnd: string, readonly lastPurchase: string) {
    super(`the calibration end ${calibrationEnd} is after the last purchase (${lastPurchase})`);
    this.name = 'CalibrationAfterDataError';
  }
}

export interface ClvDocument {
  readonly clvRunId: number;
  readonly snapshotId: number | null;
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  readonly timeUnit: TimeUnit;
  readonly horizon: number;
  readonly discountRate: number;
  readonly customers: number;
  readonly repeatCustomers: number;
  readonly bgnbd: BgNbdParams & { readonly logLik: number };
  readonly paretoNbd: ParetoNbdParams & { readonly logLik: number };
  readonly gammaGamma: GammaGammaParams & { readonly logLik: number; readonly customers: number };
  /** Models with a parameter at the edge of its range: the data cannot pin it down (see Fitted.atBound). */
  readonly boundaries: readonly ('bgnbd' | 'paretoNbd' | 'gammaGamma')[];
  /** Null when the calibration end is the last purchase date (nothing to compare with). */
  readonly holdout: HoldoutReport | null;
  readonly totals: { readonly expectedTransactions: number; readonly clv: number };
}

export const minimumRepeatCustomers = 20;

interface Columns {
  customer_id: string[];
  x: number[];
  tx_days: number[];
  t_days: number[];
  mx: (number | null)[];
  x_star: number[];
}

async function window(db: Queryable, req: ClvRequest): Promise<{ calibrationEnd: string; observationEnd: string }> {
  const [row] = await db.query<{ d: string | null }>(lastPurchaseSql);
  if (!row?.d) throw new NoDataError('orders');
  const calibrationEnd = req.calibrationEnd ?? row.d;
  if (calibrationEnd > row.d) throw new CalibrationAfterDataError(calibrationEnd, row.d);
  return { calibrationEnd, observationEnd: row.d };
}

export async function runClv(engine: Engine, req: ClvRequest, now: () => Date): Promise<ClvDocument> {
  return engine.transaction(async (db) => {
    const w = await window(db, req);
    const c = (await db.queryColumns(clvSummarySql(w))) as unknown as Columns;
    const unit = unitDays[req.timeUnit];
    const n = c.customer_id.length;
    const summary = summaryOf(Array.from({ length: n }, (_, i) => ({ x: c.x[i]!, tx: c.tx_days[i]! / unit, T: c.t_days[i]! / unit })));
    const repeat = c.x.filter((x, i) => x > 0 && (c.mx[i] ?? 0) > 0).length;
    if (repeat < minimumRepeatCustomers) throw new TooLittleHistoryError(repeat, minimumRepeatCustomers);
    const bg = fitBgNbd(summary);
    const pn = fitParetoNbd(summary);
    const spenders = c.x.map((_x, i) => i).filter((i) => c.x[i]! > 0 && (c.mx[i] ?? 0) > 0);
    const gg = fitGammaGamma({ x: Float64Array.from(spenders, (i) => c.x[i]!), mx: Float64Array.from(spenders, (i) => c.mx[i]!) });

    const holdoutLength = (Date.parse(w.observationEnd) - Date.parse(w.calibrationEnd)) / 86_400_000 / unit;
    const rate = periodRate(req.discountRate, unit);
    const cache = new Map<string, { pAlive: number; pAlivePn: number; expected: number; discounted: number; holdBg: number; holdPn: number }>();
    const per = (i: number) => {
      const [x, tx, T] = [summary.x[i]!, summary.tx[i]!, summary.T[i]!];
      const key = `${x}|${tx}|${T}`;
      let v = cache.get(key);
      if (v === undefined) {
        v = {
          pAlive: bgnbdPAlive(bg.params, x, tx, T),
          pAlivePn: paretoNbdPAlive(pn.params, x, tx, T),
          expected: bgnbdConditional(bg.params, req.horizon, x, tx, T),
          discounted: discountedPurchases(bg.params, x, tx, T, req.horizon, rate),
          holdBg: holdoutLength > 0 ? bgnbdConditional(bg.params, holdoutLength, x, tx, T) : 0,
          holdPn: holdoutLength > 0 ? paretoNbdConditional(pn.params, holdoutLength, x, tx, T) : 0,
        };
        cache.set(key, v);
      }
      return v;
    };
    const rows: SqlValue[][] = [];
    const totals = { expectedTransactions: 0, clv: 0 };
    const id = (await db.query<{ id: number }>(`SELECT nextval('clv_run_seq') AS id`))[0]!.id;
    for (let i = 0; i < n; i++) {
      const v = per(i);
      const spend = gammaGammaSpend(gg.params, c.x[i]!, c.mx[i] ?? 0);
      const clv = spend * v.discounted;
      totals.expectedTransactions += v.expected;
      totals.clv += clv;
      rows.push([id, c.customer_id[i]!, c.x[i]!, summary.tx[i]!, summary.T[i]!, c.mx[i] ?? null, v.pAlive, v.pAlivePn, v.expected, spend, clv]);
    }
    await db.append('customer_clv', ['clv_run_id', 'customer_id', 'x', 't_x', 't_cal', 'm_x', 'p_alive', 'p_alive_pnbd', 'expected_transactions', 'expected_spend', 'clv'], rows);
    const holdout =
      holdoutLength > 0
        ? holdoutReport(
            Array.from({ length: n }, (_, i) => ({ x: c.x[i]!, actual: c.x_star[i]!, bgnbd: per(i).holdBg, paretoNbd: per(i).holdPn })),
            holdoutLength,
          )
        : null;
    const [snap] = await db.query<{ id: number | null }>('SELECT max(snapshot_id) AS id FROM analysis_snapshots');
    const doc: ClvDocument = {
      clvRunId: id,
      snapshotId: snap?.id ?? null,
      ...w,
      timeUnit: req.timeUnit,
      horizon: req.horizon,
      discountRate: req.discountRate,
      customers: n,
      repeatCustomers: repeat,
      bgnbd: { ...bg.params, logLik: bg.logLik },
      paretoNbd: { ...pn.params, logLik: pn.logLik },
      gammaGamma: { ...gg.params, logLik: gg.logLik, customers: spenders.length },
      boundaries: (['bgnbd', 'paretoNbd', 'gammaGamma'] as const).filter((_, i) => [bg, pn, gg][i]!.atBound),
      holdout,
      totals,
    };
    await db.run('INSERT INTO clv_runs VALUES ($1, $2, CAST($3 AS DATE), CAST($4 AS DATE), $5, $6, $7, $8::TIMESTAMP, $9::JSON)', [
      id, doc.snapshotId, w.calibrationEnd, w.observationEnd, req.timeUnit, req.horizon, req.discountRate,
      now().toISOString().replace('T', ' ').replace('Z', ''), JSON.stringify(doc),
    ]);
    return doc;
  });
}
