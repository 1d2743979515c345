import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputProblem, issueProblem } from './input-problems.js';

describe('issueProblem', () => {
  const schema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, inputProblem('date_format')), count: z.number() }).strict();
  const issues = schema.safeParse({ day: '5.3.2024', count: 'two', colour: 'red' }, { reportInput: true }).error!.issues;

  it('words an issue kept as data in either language, ours by the catalogue and zod\'s by its locale', () => {
    expect(issues.map((i) => issueProblem(i, 'zh-CN'))).toEqual(['应为 YYYY-MM-DD 格式的日期', '无效输入：期望 数字，实际接收 string', '出现未知的键(key): "colour"']);
    expect(issues.map((i) => issueProblem(i, 'en'))).toEqual(['a date written YYYY-MM-DD', 'Invalid input: expected number, received string', 'Unrecognized key: "colour"']);
  });
});
