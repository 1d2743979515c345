/** Amounts on a chart axis in the user's unit (元, 万元, 亿元): the chart plots scaled numbers, the axis names the unit. */
export type ChartUnit = 'yuan' | 'wan' | 'yi';

const divisor: Record<ChartUnit, number> = { yuan: 1, wan: 1e4, yi: 1e8 };

/** A scaling function for chart values, rounded to two decimals so tooltips stay readable. */
export function moneyScale(unit: ChartUnit): (value: number) => number {
  return (value) => Math.round((value / divisor[unit]) * 100) / 100;
}
