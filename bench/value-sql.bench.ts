/**
 * Micro-benchmark of the value SQL: for each type, parse and problem of 1M
 * generated cells (18 in 20 well-formed, 1 messy, 1 empty; one case all
 * messy) against a bare TRY_CAST of the same cells, in the same run.
 *
 *   npx tsx bench/value-sql.bench.ts [rows]
 */
import { parseSql, problemSql } from '../src/intake/value-sql.js';
import type { FieldType, ValueOptions } from '../src/intake/field-type.js';
import { defaultValueOptions } from '../src/intake/field-type.js';
import { openDuckDb } from '../src/store/duckdb/duckdb-engine.js';
import type { Engine } from '../src/store/engine.js';

interface Case {
  readonly name: string;
  readonly type: FieldType;
  readonly opts?: Partial<ValueOptions>;
  /** SQL over i (0 .. rows-1) giving the cell text. */
  readonly cell: string;
  /** SQL type of the baseline TRY_CAST. */
  readonly cast: string;
}

/** Cell text: `common` for most rows, `odd` for 1 in 20, empty for 1 in 20. */
const mix = (common: string, odd: string): string => `CASE i % 20 WHEN 0 THEN ${odd} WHEN 1 THEN '' ELSE ${common} END`;

const cases: readonly Case[] = [
  { name: 'text', type: 'text', cast: 'VARCHAR', cell: mix(`'WHITE HANGING HEART ' || i`, `'　客户' || i || '（北京）'`) },
  { name: 'id', type: 'id', cast: 'VARCHAR', cell: mix(`CAST(536365 + i AS VARCHAR)`, `CAST(i AS VARCHAR) || '.0'`) },
  { name: 'amount', type: 'amount', cast: 'DOUBLE', cell: mix(`CAST(i % 1000 / 100 AS VARCHAR)`, `'¥1,' || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') || '.50'`) },
  { name: 'amount 万元', type: 'amount', opts: { unitFactor: 10_000 }, cast: 'DOUBLE', cell: mix(`CAST(i % 1000 / 100 AS VARCHAR)`, `'1.2万'`) },
  { name: 'amount 1,5', type: 'amount', opts: { decimal: ',' }, cast: 'DOUBLE', cell: mix(`replace(CAST(i % 1000 / 100 AS VARCHAR), '.', ',')`, `'1.234,56'`) },
  { name: 'integer', type: 'integer', cast: 'BIGINT', cell: mix(`CAST(i % 50 - 5 AS VARCHAR)`, `'1,234'`) },
  { name: 'rate', type: 'rate', cast: 'DOUBLE', cell: mix(`CAST(i % 100 / 100 AS VARCHAR)`, `'8.5折'`) },
  { name: 'boolean', type: 'boolean', cast: 'BOOLEAN', cell: mix(`CASE WHEN i % 2 = 0 THEN 'Y' ELSE 'N' END`, `'是'`) },
  {
    name: 'datetime iso',
    type: 'datetime',
    cast: 'TIMESTAMP',
    cell: mix(`strftime(TIMESTAMP '2010-12-01' + to_minutes(i), '%Y-%m-%d %H:%M:%S')`, `'2024年3月5日 14:30'`),
  },
  {
    name: 'datetime m/d/y',
    type: 'datetime',
    opts: { dateOrder: 'mdy' },
    cast: 'TIMESTAMP',
    cell: mix(`strftime(TIMESTAMP '2010-12-01' + to_minutes(i), '%-m/%-d/%Y %-H:%M')`, `'45356.5'`),
  },
  { name: 'date 年月日 (all slow)', type: 'date', cast: 'DATE', cell: `strftime(DATE '2000-01-01' + CAST(i % 9000 AS INTEGER), '%Y年%-m月%-d日')` },
  { name: 'period', type: 'period', cast: 'DATE', cell: mix(`CAST(2000 + i % 25 AS VARCHAR) || '-' || CAST(1 + i % 12 AS VARCHAR)`, `'2024年一季度'`) },
];

async function bestOf(engine: Engine, sql: string, runs = 3): Promise<number> {
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const t0 = performance.now();
    await engine.query(sql);
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const engine = await openDuckDb({ path: ':memory:' });
  try {
    console.log(`${rows.toLocaleString('en')} cells per type, best of 3 runs each.`);
    console.log('both = parseSql and problemSql side by side; chained = problemSql handed the parsed column.');
    console.log('ratio = time / bare TRY_CAST of the same cells.\n');
    const head = ['case', 'TRY_CAST', 'parse', 'both', 'chained', 'ratio both', 'ratio chained'];
    console.log([head[0]!.padEnd(24), ...head.slice(1).map((h) => h.padStart(14))].join(''));
    for (const c of cases) {
      const opts: ValueOptions = { ...defaultValueOptions, ...c.opts };
      await engine.run(`CREATE OR REPLACE TABLE cells AS SELECT ${c.cell} AS c FROM range(${rows}) r(i)`);
      const parse = parseSql(c.type, 'c', opts);
      const base = await bestOf(engine, `SELECT count(TRY_CAST(c AS ${c.cast})) FROM cells`);
      const alone = await bestOf(engine, `SELECT count(${parse}) FROM cells`);
      const both = await bestOf(engine, `SELECT count(${parse}), count(${problemSql(c.type, 'c', opts)}) FROM cells`);
      const chained = await bestOf(
        engine,
        `SELECT count(v), count(${problemSql(c.type, 'c', opts, 'v')}) FROM (SELECT c, ${parse} AS v FROM cells)`,
      );
      const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(14);
      const ratio = (x: number) => `${(x / base).toFixed(1)}×`.padStart(14);
      console.log([c.name.padEnd(24), ms(base), ms(alone), ms(both), ms(chained), ratio(both), ratio(chained)].join(''));
    }
  } finally {
    await engine.close();
  }
}

await main();
