/**
 * Lets a caller take two DuckDB snapshots with no commit between them.
 *
 * A DuckDB transaction's snapshot is taken at its first statement that
 * touches the database, and nothing in DuckDB says whether another commit
 * landed between two such statements on two connections. Every statement
 * of this process that can commit (an autocommit statement, a COMMIT)
 * passes through the gate; `holding` closes it, waits for those already
 * running, runs its work and opens it again. The DuckDB file is locked to
 * one process, so no commit comes from anywhere else.
 */
export class CommitGate {
  private closed: Promise<void> | null = null;
  private running = 0;
  private drained: (() => void) | null = null;

  /** Runs work once the gate is open, counted as running until it settles. */
  async pass<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed !== null) await this.closed;
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      if (this.running === 0) this.drained?.();
    }
  }

  /** Runs work with no statement that can commit running or starting meanwhile. */
  async holding<T>(work: () => Promise<T>): Promise<T> {
    while (this.closed !== null) await this.closed;
    let open = (): void => undefined;
    this.closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.running > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      this.drained = null;
      return await work();
    } finally {
      this.closed = null;
      open();
    }
  }
}
