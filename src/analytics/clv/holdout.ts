/**
 * How well the models predicted the holdout: repeat purchase days after the
 * calibration end, actual against the conditional expectations, in total
 * and by the number of repeat purchases in calibration (0 … 6, 7+), as
 * Fader, Hardie & Lee report it.
 */

export interface HoldoutRow {
  readonly x: number;
  readonly actual: number;
  readonly bgnbd: number;
  readonly paretoNbd: number;
}

export interface HoldoutBin {
  readonly frequency: string;
  readonly customers: number;
  readonly actualMean: number;
  readonly bgnbdMean: number;
  readonly paretoNbdMean: number;
}

export interface HoldoutReport {
  readonly length: number;
  readonly actual: number;
  readonly bgnbd: number;
  readonly paretoNbd: number;
  readonly byFrequency: readonly HoldoutBin[];
}

export function holdoutReport(rows: readonly HoldoutRow[], length: number, top = 7): HoldoutReport {
  const bins = Array.from({ length: top + 1 }, (_, k) => ({ frequency: k === top ? `${top}+` : String(k), n: 0, actual: 0, bgnbd: 0, paretoNbd: 0 }));
  const sum = { actual: 0, bgnbd: 0, paretoNbd: 0 };
  for (const r of rows) {
    const bin = bins[Math.min(r.x, top)]!;
    bin.n++;
    bin.actual += r.actual;
    bin.bgnbd += r.bgnbd;
    bin.paretoNbd += r.paretoNbd;
    sum.actual += r.actual;
    sum.bgnbd += r.bgnbd;
    sum.paretoNbd += r.paretoNbd;
  }
  return {
    length,
    ...sum,
    byFrequency: bins
      .filter((b) => b.n > 0)
      .map((b) => ({ frequency: b.frequency, customers: b.n, actualMean: b.actual / b.n, bgnbdMean: b.bgnbd / b.n, paretoNbdMean: b.paretoNbd / b.n })),
  };
}
