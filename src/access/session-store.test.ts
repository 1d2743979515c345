import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endSession, resumeSession, startSession } from './session-store.js';
import { addUser } from './user-store.js';
import type { Engine } from '../store/engine.js';
import { migrate } from '../store/schema/migrate.js';
import { openTestEngine, testDialect, type TestEngine } from '../../test/support/test-engine.js';

let t: TestEngine;
let userId = 0;
const now = new Date('2026-01-05T08:00:00Z');
const soon = new Date('2026-01-05T08:00:01Z');

beforeAll(async () => {
  t = await openTestEngine();
  await migrate(t.engine);
  userId = (await addUser(t.engine, { username: 'li.lei', role: 'analyst' }, 'Pw-first-one-1', now)).userId;
});
afterAll(() => t.dispose());

describe('sessions in the store', () => {
  it('resumes a session until it is ended, at once', async () => {
    const { token, csrfToken } = await startSession(t.engine, userId, now);
    expect(await resumeSession(t.engine, token, now)).toMatchObject({ csrfToken, principal: { userId, username: 'li.lei', role: 'analyst' } });
    await endSession(t.engine, token);
    expect(await resumeSession(t.engine, token, soon)).toBeNull();
  });

  // Only a team store has other app processes: a DuckDB file is held by one.
  it.runIf(testDialect() === 'postgres')('sees at once what another app process changed: a sign-out there, a user disabled there', async () => {
    const other: Engine = await t.another();
    try {
      const first = await startSession(t.engine, userId, now);
      expect(await resumeSession(t.engine, first.token, now)).not.toBeNull();
      // What the other process's sign-out does to the store; its memory is not this one's.
      await other.run('DELETE FROM sessions');
      expect(await resumeSession(t.engine, first.token, soon)).toBeNull();

      const second = await startSession(t.engine, userId, now);
      expect(await resumeSession(t.engine, second.token, now)).not.toBeNull();
      await other.run('UPDATE users SET disabled = true WHERE user_id = $1', [userId]);
      expect(await resumeSession(t.engine, second.token, soon)).toBeNull();
    } finally {
      await other.run('UPDATE users SET disabled = false WHERE user_id = $1', [userId]);
      await other.close();
    }
  });
});
