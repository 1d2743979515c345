/**
 * What our own input checks find wrong (HTTP queries and bodies, settings
 * files, settings saved in the app), in both languages. A check names its
 * problem by key (inputProblem); describeIssues words zod's issues, ours by
 * this catalogue and zod's own by its locale, for whichever edge asks.
 */
import { z } from 'zod';
import { closestName, didYouMean } from './closest-name.js';
import { joinClauses, type Catalogue, type Lang } from './i18n.js';

export type InputProblemKey =
  | 'date_format'
  | 'not_a_real_date'
  | 'absolute_path'
  | 'fixed_needs_thresholds'
  | 'cuts_ascending'
  | 'custom_needs_weights'
  | 'weight_above_zero'
  | 'strategic_below_high_value'
  | 'user_name'
  | 'rep_needed'
  | 'team_needed'
  | 'scope_format';

export const inputProblems: Catalogue<InputProblemKey> = {
  en: {
    date_format: 'a date written YYYY-MM-DD',
    not_a_real_date: 'not a real date',
    absolute_path: 'an absolute path',
    fixed_needs_thresholds: 'method "fixed" needs thresholds: four ascending cut points for each of r, f and m',
    cuts_ascending: 'the four cut points must be in ascending order',
    custom_needs_weights: 'profile "custom" needs customWeights: { r, f, m }',
    weight_above_zero: 'at least one weight must be above 0',
    strategic_below_high_value: 'must be at least valueTiers.highValue',
    user_name: '1 to 100 letters (Chinese characters too), digits, dots, dashes, underscores or @, without spaces',
    rep_needed: 'a rep sees the customers of one rep id: give it',
    team_needed: 'a manager sees one team\'s customers: give the team',
    scope_format: 'write key=value pairs separated by commas with keys region, industry, size, rep or team, e.g. region=华东,industry=制造业',
  },
  'zh-CN': {
    date_format: '应为 YYYY-MM-DD 格式的日期',
    not_a_real_date: '不是真实存在的日期',
    absolute_path: '应为绝对路径',
    fixed_needs_thresholds: 'method 为 "fixed" 时需要 thresholds：r、f、m 各四个递增的分界点',
    cuts_ascending: '四个分界点必须按从小到大排列',
    custom_needs_weights: 'profile 为 "custom" 时需要 customWeights：{ r, f, m }',
    weight_above_zero: '至少有一个权重须大于 0',
    strategic_below_high_value: '不能小于 valueTiers.highValue',
    user_name: '应为 1 到 100 个字母（可用汉字）、数字、点、连字符、下划线或 @，不含空格',
    rep_needed: '销售角色只能看到一个销售代表的客户：请指定其编号',
    team_needed: '经理角色只能看到一个团队的客户：请指定团队',
    scope_format: '请写成以逗号分隔的 键=值，键可用 region/区域、industry/行业、size/规模、rep/负责人、team/团队，例如 区域=华东,行业=制造业',
  },
};

/** The message a check of our own gives zod: its key, worded later in the caller's language. */
export const inputProblem = (key: InputProblemKey): string => key;

/**
 * Zod's own messages in each language, for parse calls; an unknown key a
 * slip away from one the object takes also says which ("colums" → columns).
 */
export const zodMessages = { 'zh-CN': withNearKey(z.locales.zhCN().localeError, 'zh-CN'), en: withNearKey(z.locales.en().localeError, 'en') } as const;

function withNearKey(words: z.core.$ZodErrorMap, lang: Lang): z.core.$ZodErrorMap {
  return (issue) => {
    const worded = words(issue);
    const text = typeof worded === 'string' ? worded : worded?.message;
    if (issue.code !== 'unrecognized_keys' || issue.keys.length !== 1 || text === undefined) return worded;
    const near = closestName(issue.keys[0]!, keysOf(issue.inst));
    return near === undefined ? text : joinClauses([text, didYouMean(near, lang)], lang);
  };
}

/** The keys an object schema takes (zod hands the error map the schema that found the issue). */
function keysOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.type === 'object' && def.shape !== undefined ? Object.keys(def.shape) : [];
}

export interface InputIssue {
  /** Dotted path of the value (an unknown key by its name), '(input)' for the whole. */
  readonly field: string;
  readonly problem: string;
}

/** Each issue as field and problem in `lang`; `prefix` is put before every path (a body's `patch`). */
export function describeIssues(issues: readonly z.core.$ZodIssue[], lang: Lang, prefix: readonly string[] = []): InputIssue[] {
  return issues.map((i) => {
    const path = i.code === 'unrecognized_keys' && i.keys.length === 1 ? [...i.path, i.keys[0]!] : i.path;
    return { field: [...prefix, ...path.map(String)].join('.') || '(input)', problem: problemText(i.message, lang) };
  });
}

/**
 * One issue's problem in `lang`, worded afresh from its parts, for issues
 * kept as data and worded later. Parse with reportInput: zod's words for a
 * wrong type name what came, and only the input tells.
 */
export function issueProblem(issue: z.core.$ZodIssue, lang: Lang): string {
  const own = ownProblem(issue.message, lang);
  if (own !== undefined) return own;
  const worded = zodMessages[lang](issue as unknown as z.core.$ZodRawIssue);
  return (typeof worded === 'string' ? worded : worded?.message) ?? issue.message;
}

function problemText(message: string, lang: Lang): string {
  return ownProblem(message, lang) ?? message;
}

/** A check of our own's problem, by its key, in `lang`; undefined for zod's own messages. */
function ownProblem(message: string, lang: Lang): string | undefined {
  return Object.hasOwn(inputProblems[lang], message) ? inputProblems[lang][message as InputProblemKey] : undefined;
}
