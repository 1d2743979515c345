/**
 * Seeded, scaled sales data written straight into a store by SQL (no files):
 * customers with industry and size, and order lines spread over three years
 * with skewed customer sizes, about two lines per order and 2% returns.
 * The same seed and size always give the same rows.
 */
import type { Engine } from '../src/store/engine.js';

export interface ScaledSize {
  readonly customers: number;
  readonly lines: number;
}

export const sizes = {
  S: { customers: 2_000, lines: 60_000 },
  M: { customers: 100_000, lines: 2_000_000 },
  L: { customers: 1_000_000, lines: 20_000_000 },
  /** On demand (`--sizes XL`): about 10 minutes and 10 GB of disk. */
  XL: { customers: 5_000_000, lines: 100_000_000 },
} as const satisfies Record<string, ScaledSize>;

const industries = ['新能源', '汽车制造', '电子制造', '医药', '机械制造', '物流仓储', '食品饮料', '化工', '冶金', '纺织服装'];
const list = (xs: readonly string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

/** A uniform number in [0, 1) from (seed, i, salt): DuckDB's hash, so generation is parallel and repeatable. */
const u = (seed: number, i: string, salt: number) => `(hash(${i}, ${seed}, ${salt}) % 1000003) / 1000003.0`;

export async function generateScaled(engine: Engine, size: ScaledSize, seed = 1): Promise<void> {
  await engine.run(`INSERT INTO customers (customer_id, name, industry, size, region)
    SELECT 'C' || lpad(CAST(i AS VARCHAR), 8, '0'), '客户' || i,
      ${list(industries)}[1 + CAST(floor(${u(seed, 'i', 1)} * ${industries.length}) AS INTEGER)],
      ['大型', '中型', '小型', '微型'][1 + CAST(floor(${u(seed, 'i', 2)} * 4) AS INTEGER)],
      ['华东', '华南', '华北', '华中', '西南', '西北', '东北'][1 + CAST(floor(${u(seed, 'i', 3)} * 7) AS INTEGER)]
    FROM range(${size.customers}) t(i)`);
  // Customer of a line: squared uniform, so low ids buy far more often (a Pareto-like spread).
  const orders = Math.floor(size.lines / 2);
  // The order head (order-heads.ts) is written with the line: the first line, or the second when the first is a return.
  await engine.run(`INSERT INTO order_lines (order_id, line_no, customer_id, order_date, category, quantity, amount, profit, is_return, status, opens_order)
    SELECT 'SO' || o, l,
      'C' || lpad(CAST(CAST(floor(power(${u(seed, 'o', 4)}, 2) * ${size.customers}) AS BIGINT) AS VARCHAR), 8, '0'),
      DATE '2023-01-01' + CAST(floor(${u(seed, 'o', 5)} * 1095) AS INTEGER),
      ['PLC', '伺服', '传感器', '变频器', '工控机'][1 + CAST(floor(${u(seed, 'o * 2 + l', 6)} * 5) AS INTEGER)],
      q, q * round(50 + 5000 * power(${u(seed, 'o * 2 + l', 7)}, 3), 2), q * round(10 + 1000 * power(${u(seed, 'o * 2 + l', 7)}, 3), 2),
      q < 0, CASE WHEN q < 0 THEN 'returned' ELSE 'completed' END, q > 0 AND (l = 1 OR first_returned)
    FROM (SELECT o, l, CASE WHEN ${u(seed, 'o * 2 + l', 8)} < 0.02 THEN -1 ELSE 1 END AS q, ${u(seed, 'o * 2 + 1', 8)} < 0.02 AS first_returned
      FROM range(${orders}) a(o), range(1, 3) b(l))
    ORDER BY 3`); // grouped by customer, as the intake writes order lines
}
