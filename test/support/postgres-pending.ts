/**
 * Test files that do not run on PostgreSQL yet, each with the reason. The
 * list only shrinks: a module ported to the dialect module leaves it.
 */
export interface Pending {
  readonly file: string;
  readonly reason: string;
}

export const notOnPostgres: readonly Pending[] = [];
