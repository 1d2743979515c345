/**
 * Test files the PostgreSQL run leaves out, each with the reason. Only tests
 * of what a team store does not do belong here (its own behaviour there is
 * tested elsewhere); a module that does not run on PostgreSQL yet would be
 * listed here too, until it is ported.
 */
export interface Pending {
  readonly file: string;
  readonly reason: string;
}

export const notOnPostgres: readonly Pending[] = [
  {
    file: 'test/store/backup-store.test.ts',
    reason: 'backup and restore copy DuckDB files; a team store is backed up with pg_dump, and its refusal is tested in test/cli/team-store-cli.test.ts',
  },
];
