/**
 * Makes committed task edits in a loop until it is killed, through the same
 * functions POST and PATCH /api/tasks use: createTasks in a transaction
 * (one or several tasks at once), updateTask with the version it read.
 *
 * Usage: tsx test/support/crash-editor.ts <db> <seed>
 *
 * stdout, one line per committed edit, written only after the commit has
 * returned (and written synchronously, so a kill cannot lose a line already
 * written):
 *   ready <tasks already there>
 *   created <id>:<version>:<status> ...   (all tasks one transaction made)
 *   edited <id>:<version>:<status>
 */
import { writeSync } from 'node:fs';
import { Rng } from '../../src/domain/rng.js';
import { createTasks, taskStatuses, updateTask } from '../../src/playbook/task-store.js';
import { openStore } from '../../src/store/open-store.js';

const [db, seedText] = process.argv.slice(2);
if (db === undefined) throw new Error('usage: crash-editor.ts <db> <seed>');
const rng = new Rng(Number(seedText ?? '1'));
const say = (line: string) => writeSync(1, `${line}\n`);

const store = await openStore({ db });
const versions = new Map<number, number>();
for (const t of await store.engine.query<{ id: number; version: number }>('SELECT task_id AS id, version FROM tasks')) versions.set(t.id, t.version);
const ids = [...versions.keys()];
say(`ready ${ids.length}`);

for (let i = 0; ; i++) {
  if (ids.length < 5 || rng.chance(0.25)) {
    // POST /api/tasks: one task, or one per customer of a list, in one transaction.
    const count = rng.chance(0.3) ? 3 : 1;
    const created = await store.engine.transaction((tx) =>
      createTasks(tx, { customerIds: Array.from({ length: count }, () => null), title: `task ${i}`, owner: rng.chance(0.5) ? `rep${i % 7}` : null, dueDate: null }, new Date()),
    );
    for (const t of created) {
      versions.set(t.taskId, t.version);
      ids.push(t.taskId);
    }
    say(`created ${created.map((t) => `${t.taskId}:${t.version}:${t.status}`).join(' ')}`);
  } else {
    // PATCH /api/tasks/:id with the version last read.
    const id = rng.pick(ids);
    const status = rng.pick(taskStatuses);
    const r = await updateTask(store.engine, id, { version: versions.get(id)!, status, title: `edit ${i}` }, new Date());
    // The only writer: a conflict or a missing task means the store lost something.
    if (typeof r === 'string') throw new Error(`task ${id} version ${versions.get(id)}: ${r}`);
    versions.set(id, r.version);
    say(`edited ${r.taskId}:${r.version}:${r.status}`);
  }
}
