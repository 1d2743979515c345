/**
 * A column mapping's problems (intake/user-mapping.ts) in the user's
 * language, one wording for the command line and the import wizard. Zod's
 * findings are worded as every other input's (input-problems.ts); where the
 * user chose wrongly, the wording names what to write instead.
 */
import { format, joinClauses, joinList, type Catalogue, type Lang, type Params } from './i18n.js';
import { closestName, didYouMean } from './closest-name.js';
import { issueProblem } from './input-problems.js';
import { fileErrorMessages } from './intake-messages.js';
import type { MappingProblem, MappingValue } from '../intake/user-mapping.js';

type MappingTextKey =
  | 'unknown_field'
  | 'unknown_field_anywhere'
  | 'unknown_key'
  | 'unknown_option'
  | 'under_options'
  | 'fields'
  | 'keys'
  | 'options'
  | 'not_one_of'
  | 'got'
  | 'got_text'
  | 'not_column'
  | 'not_yaml'
  | 'not_yaml_at'
  | 'cannot_read'
  | 'more';

const texts: Catalogue<MappingTextKey> = {
  en: {
    unknown_field: '{field} is not a field of {entity}',
    unknown_field_anywhere: '{field} is not a field of any entity',
    unknown_key: '{key} is not a mapping key',
    unknown_option: '{key} is not an option',
    under_options: 'it is an option: put it under options, as {option}',
    fields: 'fields: {fields}',
    keys: 'keys: {keys}',
    options: 'options: {keys}',
    not_one_of: 'should be one of {allowed}',
    got: 'got {value}',
    got_text: 'got {value}',
    not_column: "should be the column's header or its number (1 for the first column)",
    not_yaml: 'not valid YAML ({detail})',
    not_yaml_at: 'not valid YAML at line {line}, column {column} ({detail})',
    cannot_read: 'cannot read the file ({detail})',
    more: ', … ({count} more)',
  },
  'zh-CN': {
    unknown_field: '{entity} 没有字段{field}',
    unknown_field_anywhere: '任何数据类型都没有字段{field}',
    unknown_key: '映射中没有键{key}',
    unknown_option: '没有选项{key}',
    under_options: '这是一个选项，请写在 options 下，写作 {option}',
    fields: '可用字段：{fields}',
    keys: '可用的键：{keys}',
    options: '可用选项：{keys}',
    not_one_of: '应为以下之一：{allowed}',
    got: '实际为 {value}',
    got_text: '实际为{value}',
    not_column: '应为列的表头名称或列号（第一列为 1）',
    not_yaml: '不是有效的 YAML（{detail}）',
    not_yaml_at: '第 {line} 行第 {column} 列不是有效的 YAML（{detail}）',
    cannot_read: '无法读取文件（{detail}）',
    more: '…（另 {count} 个）',
  },
};

/**
 * The YAML parser's findings it names by code, in Chinese; any other keeps
 * the parser's English words. English readers get the parser's own.
 */
const yamlProblemsZh: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: '同一层级有重复的键',
  BAD_INDENT: '缩进不对，或括号 ] / } 没有闭合',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进，请改用空格',
  MISSING_CHAR: '引号或括号没有闭合',
  BLOCK_AS_IMPLICIT_KEY: '一行里不能嵌套两层“键: 值”，请换行并缩进',
  MULTILINE_IMPLICIT_KEY: '键不能跨行',
  UNEXPECTED_TOKEN: '这里出现了意外的内容，请检查缩进和冒号',
  BAD_SCALAR_START: '值以保留字符开头，请给它加上引号',
  BAD_DQ_ESCAPE: '双引号里的转义写法不对',
  MULTIPLE_DOCS: '一个文件只能有一个 YAML 文档（去掉多余的 ---）',
};


/** Past this many, a field list is cut: the user needs a hint of the names, not the whole catalogue (the data model lists it). */
const fieldListLimit = 12;

/** The problem as one phrase in `lang`; the edge puts the file and path before it. */
export function describeMappingProblem(problem: MappingProblem, lang: Lang): string {
  const t = (key: MappingTextKey, params?: Params): string => format(texts[lang][key], params);
  const clauses = (...parts: (string | undefined)[]): string => joinClauses(parts.filter((p) => p !== undefined), lang);
  // Chinese spaces a bare number or true/false from the text around it, but not quoted text.
  const got = (value: MappingValue | undefined): string | undefined =>
    value === undefined ? undefined : t(typeof value === 'string' ? 'got_text' : 'got', { value: quoted(value, lang) });
  switch (problem.code) {
    case 'mapping_file_unreadable':
      return problem.reason === 'ENOENT' ? fileErrorMessages[lang].file_not_found : t('cannot_read', { detail: problem.detail });
    case 'mapping_unreadable': {
      const detail = (lang === 'zh-CN' && problem.yamlCode !== undefined ? yamlProblemsZh[problem.yamlCode] : undefined) ?? problem.detail;
      return problem.at === undefined ? t('not_yaml', { detail }) : t('not_yaml_at', { ...problem.at, detail });
    }
    case 'mapping_not_one_of':
      return clauses(t('not_one_of', { allowed: listed(problem.allowed, lang) }), got(problem.value));
    case 'mapping_not_column':
      return clauses(t('not_column'), got(problem.value));
    case 'mapping_unknown_field': {
      const field = quoted(problem.field, lang);
      const near = closestName(problem.field, problem.known);
      return clauses(
        problem.entity === undefined ? t('unknown_field_anywhere', { field }) : t('unknown_field', { field, entity: problem.entity }),
        near !== undefined ? didYouMean(shown(near, lang), lang) : t('fields', { fields: listed(problem.known, lang, fieldListLimit) }),
      );
    }
    case 'mapping_unknown_key':
    case 'mapping_unknown_option': {
      const near = closestName(problem.key, problem.allowed);
      const [unknown, list] = problem.code === 'mapping_unknown_key' ? (['unknown_key', 'keys'] as const) : (['unknown_option', 'options'] as const);
      const hint =
        problem.option !== undefined
          ? t('under_options', { option: problem.option })
          : near !== undefined
            ? didYouMean(shown(near, lang), lang)
            : t(list, { keys: listed(problem.allowed, lang) });
      return clauses(t(unknown, { key: quoted(problem.key, lang) }), hint);
    }
    case 'mapping_invalid':
      return issueProblem(problem.issue, lang);
    default:
      return problem satisfies never;
  }
}

/** Names joined in the language's way, cut after `limit` with how many were left out. */
function listed(names: readonly string[], lang: Lang, limit = Infinity): string {
  const head = joinList(names.slice(0, limit).map((n) => shown(n, lang)), lang);
  const rest = names.length - Math.min(limit, names.length);
  return rest > 0 ? head + format(texts[lang].more, { count: rest }) : head;
}

/** A name as the user would type it; quoted when bare it would vanish into the list (",", a tab). */
function shown(name: string, lang: Lang): string {
  return /^[\p{L}\p{N}_-]+$/u.test(name) ? name : quoted(name, lang);
}

/** What the user wrote: text in the language's quotes, escaped so a tab or an empty string shows; numbers and true/false bare. */
function quoted(value: MappingValue, lang: Lang): string {
  if (typeof value !== 'string') return String(value);
  const escaped = JSON.stringify(value).slice(1, -1);
  return lang === 'zh-CN' ? `“${escaped}”` : `"${escaped}"`;
}
