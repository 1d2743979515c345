import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { inputProblem, issueProblem, zodMessages } from './input-problems.js';

describe('issueProblem', () => {
  const schema = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, inputProblem('date_format')), count: z.number() }).strict();
  const issues = schema.safeParse({ day: '5.3.2024', count: 'two', colour: 'red' }, { reportInput: true }).error!.issues;

  it('words an issue kept as data in either language, ours by the catalogue and zod\'s by its locale', () => {
    expect(issues.map((i) => issueProblem(i, 'zh-CN'))).toEqual(['应为 YYYY-MM-DD 格式的日期', '无效输入：期望 数字，实际接收 string', '出现未知的键(key): "colour"']);
    expect(issues.map((i) => issueProblem(i, 'en'))).toEqual(['a date written YYYY-MM-DD', 'Invalid input: expected number, received string', 'Unrecognized key: "colour"']);
  });
});

describe('zodMessages', () => {
  const schema = z.object({ columns: z.string().optional(), dateOrder: z.string().optional() }).strict();
  const words = (value: object, lang: 'zh-CN' | 'en') => schema.safeParse(value, { error: zodMessages[lang] }).error!.issues.map((i) => i.message);

  it('names the key meant when an unknown one is a slip away from a key the object takes', () => {
    expect(words({ colums: 'x' }, 'en')).toEqual(['Unrecognized key: "colums"; did you mean columns?']);
    expect(words({ dateorder: 'dmy' }, 'zh-CN')).toEqual(['出现未知的键(key): "dateorder"；是否想写 dateOrder？']);
  });

  it('guesses nothing for a key far from all, nor for several unknown keys at once', () => {
    expect(words({ colour: 'red' }, 'en')).toEqual(['Unrecognized key: "colour"']);
    expect(words({ colums: 'x', dateorder: 'dmy' }, 'en')).toEqual(['Unrecognized keys: "colums", "dateorder"']);
  });
});
