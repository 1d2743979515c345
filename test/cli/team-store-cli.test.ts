/** --db postgres://…: what the user is told when the team store cannot be opened, in both languages. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli-harness.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-team-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Port 1 on loopback: nothing listens there, so the connection is refused at once.
const nowhere = 'postgres://sales:s3cret-pw@127.0.0.1:1/salescope?schema=east';

describe('a team store that cannot be opened', () => {
  it('names the server, says what to do and never shows the password', async () => {
    const run = await runCli(['customers', '--db', nowhere], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot reach the PostgreSQL server of postgres://sales:***@127.0.0.1:1/salescope?schema=east');
    expect(run.stderr).toContain('correct the host and port in --db');
    expect(run.stderr).not.toContain('s3cret-pw');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('says it in Chinese for a Chinese user', async () => {
    const run = await runCli(['customers', '--db', nowhere], dir, { LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('无法连接 postgres://sales:***@127.0.0.1:1/salescope?schema=east 的 PostgreSQL 服务器');
    expect(run.stderr).not.toContain('s3cret-pw');
  });

  it('sends backups of a server store to the server\'s own tools', async () => {
    const run = await runCli(['restore', '--from', dir, '--db', nowhere], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('postgres://sales:***@127.0.0.1:1/salescope?schema=east is a team store on PostgreSQL: back it up with the server\'s own tools (pg_dump');
    const zh = await runCli(['restore', '--from', dir, '--db', nowhere], dir, { LANG: 'zh_CN.UTF-8' });
    expect(zh.stderr).toContain('是 PostgreSQL 上的团队库');
  });

  it('refuses a URL it cannot read, with the form it wants', async () => {
    const run = await runCli(['customers', '--db', 'postgres://sales:pw@[bad'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a PostgreSQL URL: write it as postgres://user:password@host:5432/database?schema=name');
    expect(run.stderr).not.toContain(':pw@');
  });
});

const server = process.env.SALESCOPE_TEST_POSTGRES;

describe.runIf(server !== undefined)('a team store on a running server', () => {
  const at = (change: (u: URL) => void) => {
    const url = new URL(server!);
    change(url);
    return url.toString();
  };

  it('asks for the shared key before the first use instead of making one per process', async () => {
    const run = await runCli(['customers', '--db', at((u) => u.searchParams.set('schema', `cli_${process.pid}`))], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('set SALESCOPE_KEY');
    expect(run.stderr).toContain('SALESCOPE_KEY_FILE');
  });

  it('refuses to copy a running server store as files', async () => {
    const key = { SALESCOPE_KEY: Buffer.alloc(32, 4).toString('base64') };
    const run = await runCli(['backup', '--out', path.join(dir, 'b'), '--db', at((u) => u.searchParams.set('schema', `cli_b_${process.pid}`))], dir, key);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a team store on PostgreSQL: back it up with the server\'s own tools');
  });

  it('says that --memory-limit does not apply to a team store', async () => {
    const key = { SALESCOPE_KEY: Buffer.alloc(32, 5).toString('base64') };
    const run = await runCli(['customers', '--memory-limit', '1GB', '--db', at((u) => u.searchParams.set('schema', `cli_m_${process.pid}`))], dir, key);
    expect(run.stderr).toContain('--memory-limit 1GB is for a DuckDB file; a team store\'s memory is set on its PostgreSQL server');
  });

  it('says the database does not exist', async () => {
    const run = await runCli(['customers', '--db', at((u) => (u.pathname = '/no_such_db'))], dir, { SALESCOPE_KEY: Buffer.alloc(32, 3).toString('base64') });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('does not exist on the PostgreSQL server: create it (createdb NAME)');
  });
});
