import { defineConfig } from 'vitest/config';
import { notOnPostgres } from './test/support/postgres-pending.js';

const shared = {
  include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  exclude: ['node_modules', 'dist', 'src/web/**'],
};

// The second engine runs when a PostgreSQL server is named (.ci/run starts one).
const postgres = process.env.SALESCOPE_TEST_POSTGRES;

export default defineConfig({
  test: {
    globalSetup: ['test/support/build-web.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: more workers only fight over them (DuckDB is multi-threaded itself).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'duckdb', ...shared } },
      ...(postgres === undefined
        ? []
        : [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: shared.include,
                exclude: [...shared.exclude, ...notOnPostgres.map((p) => p.file)],
                env: { SALESCOPE_TEST_ENGINE: 'postgres' },
              },
            },
          ]),
    ],
  },
});
