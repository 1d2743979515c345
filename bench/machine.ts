/** A one-line description of the machine a benchmark ran on, for the report. */
import os from 'node:os';

export function machineLine(duckdbVersion: string): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 1024 ** 3).toFixed(0);
  return `${os.cpus().length} × ${cpu}, ${gib} GiB RAM, ${os.type()}, Node ${process.version}, DuckDB ${duckdbVersion}`;
}
