import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', '.tmp/**', 'node_modules/**', 'scratch/**', 'coverage/**', 'src/web/dist/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', {
        paths: [{ name: '@duckdb/node-api', message: 'Only the DuckDB adapter (src/store/duckdb/) may import the DuckDB driver.' },
                { name: 'exceljs', message: 'Only src/xlsx/ may import ExcelJS.' }],
      }],
    },
  },
  { files: ['src/store/duckdb/**', 'bench/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['src/xlsx/**'], rules: { 'no-restricted-imports': 'off' } },
  // Tests read the workbooks salescope writes with ExcelJS itself: a second reader, not ours.
  {
    files: ['test/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: '@duckdb/node-api', message: 'Tests reach DuckDB through the store.' }] }] },
  },
);
