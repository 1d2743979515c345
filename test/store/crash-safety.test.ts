/**
 * Crash safety: kill -9 at random moments during an import and during task
 * edits loses no committed data and leaves no partial import.
 *
 * The kills are real: the CLI (or the editor script) runs as a process of its
 * own and gets SIGKILL, so nothing in it can clean up; the store is then
 * opened again in this process, which makes DuckDB replay or discard its WAL.
 * Kill moments come from a seeded generator: CRASH_SEED=<n> replays a failed
 * run; CRASH_KILLS and CRASH_EDIT_ROUNDS run more rounds.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Rng } from '../../src/domain/rng.js';
import { createTasks, updateTask } from '../../src/playbook/task-store.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-harness.js';
import { sleep, startKillable, waitUntil, type Killable } from '../support/killable-process.js';

const seed = Number(process.env.CRASH_SEED ?? 20260101);
const importKills = Number(process.env.CRASH_KILLS ?? 10);
const editRounds = Number(process.env.CRASH_EDIT_ROUNDS ?? 4);
const FIRST_LINES = 20_000;
/** Big enough that the import itself takes a second or more, small enough for twelve rounds on two busy cores. */
const SECOND_LINES = 150_000;

const cli = path.resolve(import.meta.dirname, '../../src/cli/run.ts');
const editor = path.resolve(import.meta.dirname, '../support/crash-editor.ts');
const replay = `(replay with CRASH_SEED=${seed})`;

/**
 * Order lines with their own order numbers (prefix), about a third of the
 * customers shared with the other file, and an impossible date every 5,000
 * lines so that the quarantine and the issue list are written too.
 */
function ordersCsv(prefix: string, lines: number, customers: number, customerOffset: number): string {
  const out = ['订单编号,行号,下单日期,客户编号,产品编号,数量,单价,金额,销售渠道'];
  const day0 = Date.UTC(2023, 0, 1);
  for (let i = 0; i < lines; i++) {
    const date = i % 5000 === 4999 ? '2024-02-30' : new Date(day0 + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    const qty = 1 + (i % 5);
    const price = 10 + ((i * 7) % 90) + 0.5;
    out.push(`${prefix}${Math.floor(i / 3)},${(i % 3) + 1},${date},C${customerOffset + (i % customers)},P${i % 300},${qty},${price},${(qty * price).toFixed(2)},${i % 2 ? '线上' : '直销'}`);
  }
  return `${out.join('\n')}\n`;
}

interface Fingerprint {
  /** Every table: rows and a hash of every row, every column. */
  readonly tables: Record<string, { rows: number; hash: string }>;
  /** What an import decides, without run ids or timestamps: comparable between two stores. */
  readonly shape: {
    readonly rows: Record<string, number>;
    readonly amount: string;
    readonly lines: string;
    readonly customers: string;
    readonly products: string;
    readonly quarantine: string;
    readonly runs: readonly string[];
  };
  /** The first import's order lines, every column. */
  readonly firstRun: { rows: number; amount: string; hash: string };
  readonly committedRuns: readonly number[];
  /** Rows that name an import run that is not recorded as committed: a partial import. */
  readonly orphans: number;
  /** Files a killed import staged, still in the work folder after the store was opened again. */
  readonly scratch: readonly string[];
}

/** Opens the store (replaying its WAL), fingerprints it and closes it again. */
async function fingerprint(db: string): Promise<Fingerprint> {
  const store = await openStore({ db });
  const scratch = readdirSync(store.workDir).filter((n) => n.startsWith('run-'));
  try {
    const q = async <T extends object>(sql: string) => (await store.engine.query<T>(sql))[0]!;
    const names = await store.engine.query<{ name: string }>(`SELECT table_name AS name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY 1`);
    const tables: Record<string, { rows: number; hash: string }> = {};
    for (const { name } of names) {
      const r = await q<{ n: number; h: string }>(`SELECT count(*) AS n, CAST(coalesce(bit_xor(hash(t)), 0) AS VARCHAR) AS h FROM "${name}" t`);
      tables[name] = { rows: r.n, hash: r.h };
    }
    const xor = (expr: string, table: string) => q<{ h: string }>(`SELECT CAST(coalesce(bit_xor(hash(${expr})), 0) AS VARCHAR) AS h FROM ${table}`).then((r) => r.h);
    const runs = await store.engine.query<{ id: number; text: string }>(
      `SELECT run_id AS id, concat_ws(':', status, rows, inserted, updated, unchanged, duplicates, quarantined, warnings) AS text FROM import_runs ORDER BY run_id`,
    );
    const firstRun = await q<{ rows: number; amount: string; hash: string }>(
      `SELECT count(*) AS rows, CAST(sum(amount) AS VARCHAR) AS amount, CAST(coalesce(bit_xor(hash(t)), 0) AS VARCHAR) AS hash FROM order_lines t WHERE import_run_id = 1`,
    );
    const committed = `(SELECT run_id FROM import_runs WHERE status = 'committed')`;
    const orphans = await q<{ n: number }>(
      `SELECT (SELECT count(*) FROM order_lines WHERE import_run_id NOT IN ${committed})
            + (SELECT count(*) FROM quarantine WHERE run_id NOT IN ${committed})
            + (SELECT count(*) FROM import_issues WHERE run_id NOT IN ${committed}) AS n`,
    );
    return {
      tables,
      shape: {
        rows: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, v.rows])),
        amount: (await q<{ s: string }>(`SELECT CAST(sum(amount) AS VARCHAR) AS s FROM order_lines`)).s,
        lines: await xor('order_id, line_no, order_date, customer_id, product_id, quantity, amount, channel', 'order_lines'),
        customers: await xor('customer_id', 'customers'),
        products: await xor('product_id', 'products'),
        quarantine: await xor('row_number, entity, reasons::VARCHAR', 'quarantine'),
        runs: runs.map((r) => r.text),
      },
      firstRun,
      committedRuns: (await store.engine.query<{ id: number }>(`SELECT run_id AS id FROM import_runs WHERE status = 'committed' ORDER BY 1`)).map((r) => r.id),
      orphans: orphans.n,
      scratch,
    };
  } finally {
    await store.close();
  }
}

/** A copy of the store (database, WAL if any, key file) in a folder of its own. */
function copyStore(fromDb: string, toDir: string): string {
  mkdirSync(toDir, { recursive: true });
  const db = path.join(toDir, 'store.duckdb');
  copyFileSync(fromDb, db);
  if (existsSync(`${fromDb}.wal`)) copyFileSync(`${fromDb}.wal`, `${db}.wal`);
  copyFileSync(path.join(path.dirname(fromDb), 'salescope.key'), path.join(toDir, 'salescope.key'));
  return db;
}

type Phase = 'startup' | 'importing' | 'after-commit' | 'exited';

/**
 * Where an import child is, from the files it leaves: the WAL appears when it
 * takes its run id; the run's scratch files (<db>.work/run-*) exist while
 * the import runs and are removed once its transaction has committed.
 */
function watchImport(db: string, proc: Killable) {
  const scratchNow = () => {
    try {
      return readdirSync(`${db}.work`).some((f) => f.startsWith('run-'));
    } catch {
      return false;
    }
  };
  let walSeen = false;
  let scratchSeen = false;
  const look = () => {
    walSeen ||= existsSync(`${db}.wal`);
    scratchSeen ||= scratchNow();
  };
  const timer = setInterval(look, 3);
  return {
    walSeen: () => (look(), walSeen),
    committed: () => (look(), scratchSeen && !scratchNow()),
    phase(): Phase {
      look();
      if (proc.exitCode() !== undefined) return 'exited';
      if (scratchSeen && !scratchNow()) return 'after-commit';
      return walSeen ? 'importing' : 'startup';
    },
    stop: () => clearInterval(timer),
    scratchLeft: () => (existsSync(`${db}.work`) ? readdirSync(`${db}.work`).filter((f) => f.startsWith('run-')) : []),
  };
}

interface ImportJson {
  files: { rows: number; inserted: number; updated: number; unchanged: number; quarantined: number }[];
}

let root: string;
let secondCsv: string;
let baseDb: string;
let before: Fingerprint;
let clean: Fingerprint;
let cleanResult: ImportJson['files'][number];
/** From the clean run: ms from spawn to the run id (WAL), to the commit (scratch files removed), and to exit. */
let timeline: { walAt: number; commitAt: number; exitAt: number };
const live = new Set<Killable>();

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'salescope-crash-'));
  writeFileSync(path.join(root, 'first.csv'), ordersCsv('A', FIRST_LINES, 4000, 0));
  secondCsv = path.join(root, 'second.csv');
  writeFileSync(secondCsv, ordersCsv('B', SECOND_LINES, 6000, 2000));
  mkdirSync(path.join(root, 'base'));
  baseDb = path.join(root, 'base', 'store.duckdb');
  const first = await runCli(['import', '--db', baseDb, '--json', path.join(root, 'first.csv')], root);
  expect(first.code, first.stderr).toBe(0);
  before = await fingerprint(baseDb);
  expect(before.committedRuns).toEqual([1]);
  expect(before.firstRun.rows).toBeGreaterThan(FIRST_LINES * 0.99);

  // The clean import of the second file, once, as its own process: the counts to expect and how long it takes.
  const cleanDb = copyStore(baseDb, path.join(root, 'clean'));
  const t0 = Date.now();
  const proc = startKillable(cli, ['import', '--db', cleanDb, '--json', secondCsv], path.dirname(cleanDb));
  live.add(proc);
  const watch = watchImport(cleanDb, proc);
  await waitUntil(() => watch.walSeen() || proc.exitCode() !== undefined, 120_000, 'clean import to start');
  const walAt = Date.now() - t0;
  await waitUntil(() => watch.committed() || proc.exitCode() !== undefined, 120_000, 'clean import to commit');
  const commitAt = Date.now() - t0;
  const code = await proc.exited;
  const exitAt = Date.now() - t0;
  watch.stop();
  live.delete(proc);
  expect(code, proc.stderr()).toBe(0);
  timeline = { walAt, commitAt, exitAt };
  cleanResult = (JSON.parse(proc.stdout()) as ImportJson).files[0]!;
  expect(cleanResult.inserted).toBeGreaterThan(SECOND_LINES * 0.99);
  expect(cleanResult.quarantined).toBeGreaterThan(0);
  clean = await fingerprint(cleanDb);
  expect(clean.committedRuns).toEqual([1, 2]);
  expect(clean.firstRun).toEqual(before.firstRun);
  expect(clean.shape.rows.order_lines).toBe(before.shape.rows.order_lines! + cleanResult.inserted);
}, 240_000);

afterAll(async () => {
  for (const proc of live) await proc.kill();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('crash safety (kill -9)', () => {
  it('an import killed at any moment is absent or complete, never partial, and the store imports again', async () => {
    const rng = Rng.derive(seed, 'import-kills');
    // Where the kills fall, as measured on the clean run: a sixth in start-up (before the import
    // touched the store); a sixth after the import's transaction returned (until the exit: the
    // checkpoint on close, which rewrites the database file); the rest spread evenly over the import
    // itself, from taking its run id to the commit, each at a random point of its own slice so that
    // every stretch (staging, validating, writing, committing) gets some.
    const startupKills = Math.max(1, Math.round(importKills / 6));
    const closingKills = Math.max(1, Math.round(importKills / 6));
    const slices = importKills - startupKills - closingKills;
    const plan = rng.shuffle([
      ...Array.from({ length: startupKills }, () => ({ from: 'spawn' as const, slice: 0 })),
      ...Array.from({ length: closingKills }, () => ({ from: 'commit' as const, slice: 0 })),
      ...Array.from({ length: slices }, (_, slice) => ({ from: 'run id' as const, slice })),
    ]);
    const span = timeline.commitAt - timeline.walAt;
    const tally: { trial: number; from: string; delay: number; phase: Phase; outcome: 'absent' | 'complete'; scratchLeft: number }[] = [];

    for (let trial = 0; trial < importKills; trial++) {
      const dir = path.join(root, `kill-${trial}`);
      const db = copyStore(baseDb, dir);
      const proc = startKillable(cli, ['import', '--db', db, '--json', secondCsv], dir);
      live.add(proc);
      const watch = watchImport(db, proc);
      const { from, slice } = plan[trial]!;
      let delay: number;
      if (from === 'spawn') {
        delay = Math.round(rng.next() * timeline.walAt);
      } else if (from === 'commit') {
        await waitUntil(() => watch.committed() || proc.exitCode() !== undefined, 120_000, `import ${trial} to commit`);
        delay = Math.round(rng.next() * (timeline.exitAt - timeline.commitAt));
      } else {
        await waitUntil(() => watch.walSeen() || proc.exitCode() !== undefined, 120_000, `import ${trial} to start`);
        delay = Math.round(((slice + rng.next()) / slices) * span);
      }
      await sleep(delay);
      const phase = watch.phase();
      await proc.kill();
      live.delete(proc);
      watch.stop();
      const where = `trial ${trial}, killed ${delay} ms after the ${from} (${phase}) ${replay}`;
      if (phase === 'exited') expect(proc.exitCode(), `${where}: ${proc.stderr()}`).toBe(0);
      expect(proc.stderr(), where).toBe('');

      // It opens (DuckDB replays or discards the WAL), and the import is all there or not at all.
      const after = await fingerprint(db);
      expect(after.orphans, `${where}: rows of an uncommitted run`).toBe(0);
      expect(after.scratch, `${where}: staged files left behind`).toEqual([]);
      expect(after.firstRun, `${where}: the first import changed`).toEqual(before.firstRun);
      const absent = JSON.stringify(after.tables) === JSON.stringify(before.tables);
      const complete = JSON.stringify(after.shape) === JSON.stringify(clean.shape) && JSON.stringify(after.committedRuns) === JSON.stringify([1, 2]);
      if (!absent && !complete) {
        expect.fail(`${where}: partial import\nbefore ${JSON.stringify(before.shape)}\nafter  ${JSON.stringify(after.shape)}\nclean  ${JSON.stringify(clean.shape)}`);
      }
      if (absent) expect(after.committedRuns, where).toEqual([1]);
      // Once the import's transaction has returned, its data is committed and must survive.
      if (phase === 'after-commit' || phase === 'exited') expect(complete, `${where}: a committed import was lost`).toBe(true);
      if (phase === 'startup') expect(absent, where).toBe(true);
      const scratchLeft = watch.scratchLeft().length;
      tally.push({ trial, from, delay, phase, outcome: absent ? 'absent' : 'complete', scratchLeft });

      // The store is usable: the same file imports again, to the clean result.
      const again = await runCli(['import', '--db', db, '--json', secondCsv], dir);
      expect(again.code, `${where}: retry: ${again.stderr}`).toBe(0);
      const retried = (JSON.parse(again.stdout) as ImportJson).files[0]!;
      const redone = await fingerprint(db);
      expect(redone.orphans, where).toBe(0);
      expect(redone.firstRun, where).toEqual(before.firstRun);
      if (absent) {
        expect(retried, where).toMatchObject({ rows: cleanResult.rows, inserted: cleanResult.inserted, quarantined: cleanResult.quarantined });
        expect(redone.shape, where).toEqual(clean.shape);
        expect(redone.committedRuns, where).toHaveLength(2);
      } else {
        // The second time every row is already there.
        expect(retried, where).toMatchObject({ rows: cleanResult.rows, inserted: 0, updated: 0, unchanged: cleanResult.inserted });
        for (const table of ['order_lines', 'customers', 'products']) expect(redone.shape.rows[table], `${where}: ${table}`).toBe(clean.shape.rows[table]);
        expect({ amount: redone.shape.amount, lines: redone.shape.lines, customers: redone.shape.customers, products: redone.shape.products }, where).toEqual({
          amount: clean.shape.amount,
          lines: clean.shape.lines,
          customers: clean.shape.customers,
          products: clean.shape.products,
        });
        expect(redone.committedRuns, where).toHaveLength(3);
      }
      rmSync(dir, { recursive: true, force: true });
    }

    const count = (o: string) => tally.filter((t) => t.outcome === o).length;
    console.info(
      `crash-safety import: seed ${seed}, clean import ${timeline.exitAt} ms (run id at ${timeline.walAt} ms, commit at ${timeline.commitAt} ms); ` +
        `${tally.length} kills: ${count('absent')} absent, ${count('complete')} complete\n` +
        tally.map((t) => `  #${t.trial} ${t.from} +${t.delay} ms: ${t.phase} → ${t.outcome}${t.scratchLeft ? ` (${t.scratchLeft} scratch files left in the work folder)` : ''}`).join('\n'),
    );
    expect(tally).toHaveLength(importKills);
  }, 600_000);

  it('task edits killed at any moment: every edit reported committed is there, with at least its version', async () => {
    const rng = Rng.derive(seed, 'edit-kills');
    const dir = path.join(root, 'edits');
    const db = copyStore(baseDb, dir);
    /** What the store must hold: per task, the last version (and status) known committed. */
    const known = new Map<number, { version: number; status: string }>();
    const summary: string[] = [];

    for (let round = 0; round < editRounds; round++) {
      const proc = startKillable(editor, [db, String(seed + round)], dir);
      live.add(proc);
      await waitUntil(() => /^ready/m.test(proc.stdout()) || proc.exitCode() !== undefined, 120_000, 'the editor to open the store');
      expect(proc.exitCode(), proc.stderr()).toBeUndefined();
      const delay = Math.round(150 + rng.next() * 1200);
      await sleep(delay);
      expect(proc.exitCode(), `the editor stopped by itself: ${proc.stderr()}`).toBeUndefined();
      await proc.kill();
      live.delete(proc);
      const where = `round ${round}, killed ${delay} ms into the edits ${replay}`;
      expect(proc.stderr(), where).toBe('');

      // Lines are written whole after each commit; only complete lines count.
      const out = proc.stdout();
      const lines = out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter((l) => l !== '' && !l.startsWith('ready'));
      for (const line of lines) {
        const [kind, ...items] = line.split(' ');
        expect(['created', 'edited'], `${where}: ${line}`).toContain(kind);
        for (const item of items) {
          const [id, version, status] = item.split(':');
          known.set(Number(id), { version: Number(version), status: status! });
        }
      }
      expect(lines.length, `${where}: no edit was made before the kill`).toBeGreaterThan(0);

      const store = await openStore({ db });
      try {
        const rows = await store.engine.query<{ id: number; version: number; status: string }>('SELECT task_id AS id, version, status FROM tasks ORDER BY task_id');
        const ids = new Set(rows.map((r) => r.id));
        expect(ids.size, `${where}: duplicate task ids`).toBe(rows.length);
        expect(rows.filter((r) => !(r.version >= 1)), `${where}: versions not positive`).toEqual([]);
        const byId = new Map(rows.map((r) => [r.id, r]));
        const lost: string[] = [];
        for (const [id, k] of known) {
          const r = byId.get(id);
          if (r === undefined || r.version < k.version || (r.version === k.version && r.status !== k.status)) {
            lost.push(`task ${id}: committed v${k.version} ${k.status}, stored ${r ? `v${r.version} ${r.status}` : 'nothing'}`);
          }
        }
        expect(lost, `${where}: committed edits lost`).toEqual([]);
        // Beyond what was reported, at most the one edit in flight at the kill: one task one version
        // ahead, or the tasks of one create (1 or 3, all of them), at version 1.
        const ahead = rows.filter((r) => known.has(r.id) && r.version > known.get(r.id)!.version);
        const unreported = rows.filter((r) => !known.has(r.id));
        expect(ahead.every((r) => r.version === known.get(r.id)!.version + 1), `${where}: ${JSON.stringify(ahead)}`).toBe(true);
        const inFlight = ahead.length === 0 ? (unreported.length === 0 || ([1, 3].includes(unreported.length) && unreported.every((r) => r.version === 1))) : ahead.length === 1 && unreported.length === 0;
        expect(inFlight, `${where}: more than one unreported edit: ahead ${JSON.stringify(ahead)}, unreported ${JSON.stringify(unreported)}`).toBe(true);
        summary.push(`round ${round}: +${delay} ms, ${lines.length} edits reported, ${rows.length} tasks, in flight: ${ahead.length ? 'an edit' : unreported.length ? `a create of ${unreported.length}` : 'nothing'}`);

        // Still usable: a new task gets a fresh id (the id sequence came back with the data) and takes an edit.
        const [made] = await store.engine.transaction((tx) => createTasks(tx, { customerIds: [null], title: 'after the crash', owner: null, dueDate: null }, new Date()));
        expect(made!.taskId, `${where}: a task id was handed out again`).toBeGreaterThan(Math.max(0, ...ids));
        const edited = await updateTask(store.engine, made!.taskId, { version: 1, status: 'done' }, new Date());
        expect(edited, where).toMatchObject({ version: 2, status: 'done' });
        // What is stored now is what the next round must keep.
        known.clear();
        for (const r of await store.engine.query<{ id: number; version: number; status: string }>('SELECT task_id AS id, version, status FROM tasks')) {
          known.set(r.id, { version: r.version, status: r.status });
        }
      } finally {
        await store.close();
      }
    }
    console.info(`crash-safety edits: seed ${seed}\n  ${summary.join('\n  ')}`);
  }, 300_000);
});
