/**
 * The bottom-up forecast: what the latest CLV run expects the customers to
 * spend in each coming month (BG/NBD expected purchases in the month ×
 * Gamma-Gamma expected spend, summed over customers). Months follow that
 * run's calibration end; null before any CLV run.
 */
import type { Queryable } from '../../store/engine.js';
import { addMonths } from '../analysis-period.js';
import { bgnbdConditional, type BgNbdParams } from '../clv/bgnbd.js';
import { unitDays, type TimeUnit } from '../clv/run-clv.js';

export interface ClvForecast {
  readonly clvRunId: number;
  readonly calibrationEnd: string;
  readonly byMonth: readonly { readonly month: string; readonly revenue: number }[];
  readonly total: number;
}

const monthDays = 365.25 / 12;

export async function clvForecast(db: Queryable, horizon: number): Promise<ClvForecast | null> {
  const [run] = await db.query<{ id: number; cal: string; unit: TimeUnit; result: string }>(
    'SELECT clv_run_id AS id, CAST(calibration_end AS VARCHAR) AS cal, time_unit AS unit, CAST(result AS VARCHAR) AS result FROM clv_runs ORDER BY clv_run_id DESC LIMIT 1',
  );
  if (!run) return null;
  const params = (JSON.parse(run.result) as { bgnbd: BgNbdParams }).bgnbd;
  const groups = await db.query<{ x: number; t_x: number; t_cal: number; spend: number }>(
    `SELECT x, t_x, t_cal, sum(expected_spend) AS spend FROM customer_clv WHERE clv_run_id = ${Math.floor(run.id)} GROUP BY x, t_x, t_cal`,
  );
  const perMonth = monthDays / unitDays[run.unit];
  const revenue = new Array<number>(horizon).fill(0);
  for (const g of groups) {
    let before = 0;
    for (let k = 1; k <= horizon; k++) {
      const cumulative = bgnbdConditional(params, k * perMonth, g.x, g.t_x, g.t_cal);
      revenue[k - 1]! += (cumulative - before) * g.spend;
      before = cumulative;
    }
  }
  const firstMonth = addMonths(`${run.cal.slice(0, 7)}-01`, 1);
  return {
    clvRunId: run.id,
    calibrationEnd: run.cal,
    byMonth: revenue.map((v, i) => ({ month: addMonths(firstMonth, i).slice(0, 7), revenue: v })),
    total: revenue.reduce((a, b) => a + b, 0),
  };
}
