/**
 * A file the intake cannot place is answered on the command line with its
 * flags (--entity, --mapping), where the app names its import page instead
 * (test/server/import-api.test.ts): the same intake error, worded by each edge.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cliContext } from '../../src/cli/cli-context.js';
import { translateError } from '../../src/cli/cli-error.js';
import type { Lang } from '../../src/i18n/i18n.js';
import { importErrorMessage } from '../../src/intake/describe-import.js';
import { ImportError } from '../../src/intake/import-error.js';

const unplaced = new ImportError('entity_not_recognised', 'ledger.csv', { entity: 'customers', missing: 'customer_id', headers: '甲, 乙' });
const lacking = new ImportError('required_columns_missing', 'orders.csv', { entity: 'order_lines', missing: 'order_date', headers: 'order_id, amount' });

/** What the CLI's one error translator writes to stderr, and its exit code. */
function cliAnswer(error: unknown, lang: Lang): { code: number; stderr: string } {
  let stderr = '';
  const stream = new Writable({ write: (chunk, _enc, done) => ((stderr += String(chunk)), done()) });
  const ctx = cliContext({ stdout: stream, stderr: stream, env: {}, cwd: '/' }, { lang });
  const code = translateError(ctx, error);
  return { code, stderr };
}

describe('the CLI\'s advice for a file the intake cannot place', () => {
  it('names --entity and --mapping in English and Chinese', () => {
    expect(cliAnswer(unplaced, 'en')).toEqual({ code: 2, stderr: 'ledger.csv: cannot tell what this file holds from its headers (甲, 乙); name the columns as in the data model or pass --entity and a --mapping file\n' });
    expect(cliAnswer(unplaced, 'zh-CN').stderr).toBe('ledger.csv: 无法从表头判断文件内容（甲, 乙）；请按数据模型命名列，或使用 --entity 和 --mapping 映射文件\n');
  });

  it('names a --mapping file for missing columns, in both languages', () => {
    expect(cliAnswer(lacking, 'en').stderr).toBe('orders.csv: looks like order lines but lacks required columns: order_date (headers: order_id, amount); add them, or map them with a --mapping file\n');
    expect(cliAnswer(lacking, 'zh-CN').stderr).toContain('请补充这些列，或用 --mapping 映射文件指定');
  });

  it('is the wording of the --json failures too (the message function the import command calls)', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(importErrorMessage(unplaced, lang, 'cli')).toContain('--entity');
      expect(importErrorMessage(lacking, lang, 'cli')).toContain('--mapping');
      expect(importErrorMessage(unplaced, lang, 'web')).not.toMatch(/--entity|--mapping/);
    }
  });

  it('calls a mapping a mapping, not a file: on the import page it is the columns chosen there', () => {
    const missing = new ImportError('mapping_column_not_found', 'orders.csv', { field: 'order_date', column: '日期', headers: '单号, 金额' });
    expect(importErrorMessage(missing, 'zh-CN', 'web')).toBe('映射为 order_date 指定了列“日期”，但文件中没有该列（表头：单号, 金额）');
    expect(importErrorMessage(missing, 'en', 'web')).toBe('the mapping names column "日期" for order_date, but the file has no such column (headers: 单号, 金额)');
  });
});
