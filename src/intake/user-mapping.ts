/**
 * A user's mapping file (YAML or JSON) says what automatic recognition could
 * not: the entity, which column is which field, constant values for fields
 * the file lacks, and how the file writes dates and numbers.
 *
 *   entity: order_lines
 *   header: true            # false: the file has no header row
 *   columns:                # field: source header, or 1-based column number
 *     customer_id: 客户代码
 *     amount: 3
 *   defaults:               # a value for every row, for fields the file lacks
 *     stage: 成交
 *   options: { dateOrder: dmy, decimal: ",", encoding: gb18030, delimiter: ";", sheet: Orders, amountUnit: 万元, duplicates: keep }
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { entities, type EntityName } from './field-catalog.js';

const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'windows-1252'] as const;
const units: Record<string, number> = { 元: 1, 千元: 1_000, 万元: 10_000, 百万元: 1_000_000, 亿元: 100_000_000 };

const optionsSchema = z
  .object({
    dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
    decimal: z.enum(['.', ',']).optional(),
    encoding: z.enum(encodings).optional(),
    delimiter: z.enum([',', ';', '\t', '|', 'tab', 'whitespace']).optional(),
    sheet: z.string().optional(),
    amountUnit: z.enum(Object.keys(units)).optional(),
    duplicates: z.enum(['count', 'keep']).optional(),
    orderPerRow: z.boolean().optional(),
  })
  .strict();

const mappingSchema = z
  .object({
    entity: z.enum(entities.map((e) => e.name)).optional(),
    header: z.boolean().optional(),
    columns: z.record(z.string(), z.union([z.string().min(1), z.number().int().positive()])).optional(),
    defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    options: optionsSchema.optional(),
  })
  .strict();

/** The keys a mapping may have, at the top and under `options`, for a wording that names the one meant. */
const mappingKeys = Object.keys(mappingSchema.shape);
const optionKeys = Object.keys(optionsSchema.shape);

export interface UserMapping {
  readonly entity?: EntityName;
  readonly header?: boolean;
  readonly columns: Readonly<Record<string, string | number>>;
  readonly defaults: Readonly<Record<string, string>>;
  readonly dateOrder?: 'ymd' | 'mdy' | 'dmy';
  readonly decimal?: '.' | ',';
  readonly encoding?: (typeof encodings)[number];
  readonly delimiter?: ',' | ';' | '\t' | '|' | 'whitespace';
  readonly sheet?: string;
  readonly unitFactor?: number;
  /** 'count': identical rows are one record (duplicates); 'keep': each is its own (a transaction log). */
  readonly duplicates?: 'count' | 'keep';
  /** Each row is one order (no order numbers, several orders a day possible). */
  readonly orderPerRow?: boolean;
}

/**
 * What is wrong with a mapping, as data: the edge words it in the user's
 * language (i18n/mapping-problems.ts). `path` is where inside the mapping,
 * e.g. "options.dateOrder"; '' is the whole file.
 */
export type MappingProblem =
  /** The file itself could not be read; `reason` is the system's code (ENOENT …) when it gave one. */
  | { readonly code: 'mapping_file_unreadable'; readonly path: ''; readonly reason?: string; readonly detail: string }
  /** Not YAML (nor JSON); the parser's own words and its code for them (DUPLICATE_KEY …), and where it stopped when it says. */
  | {
      readonly code: 'mapping_unreadable';
      readonly path: '';
      readonly detail: string;
      readonly yamlCode?: string;
      readonly at?: { readonly line: number; readonly column: number };
    }
  | { readonly code: 'mapping_not_one_of'; readonly path: string; readonly value?: MappingValue; readonly allowed: readonly string[] }
  /** A `columns` entry that is neither a header nor a column number. */
  | { readonly code: 'mapping_not_column'; readonly path: string; readonly value?: MappingValue }
  /** A key the mapping may not have, at the top (`allowed`: entity, header …) or under options (`allowed`: dateOrder …). */
  | {
      readonly code: 'mapping_unknown_key' | 'mapping_unknown_option';
      readonly path: string;
      readonly key: string;
      readonly allowed: readonly string[];
      /** At the top of the mapping: the option this key names, which belongs under `options`. */
      readonly option?: string;
    }
  /** `known`: the entity's fields, or every entity's when the mapping names none. */
  | { readonly code: 'mapping_unknown_field'; readonly path: string; readonly field: string; readonly entity?: EntityName; readonly known: readonly string[] }
  /** Any other shape problem, as zod found it (parsed with reportInput, so the wording can say what it got). */
  | { readonly code: 'mapping_invalid'; readonly path: string; readonly issue: z.core.$ZodIssue };

/** A value the user wrote, kept when it is a scalar so a problem can quote it. */
export type MappingValue = string | number | boolean;

export type MappingResult = { ok: true; mapping: UserMapping } | { ok: false; problems: MappingProblem[] };

export async function readUserMapping(file: string): Promise<MappingResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { ok: false, problems: [{ code: 'mapping_file_unreadable', path: '', ...(code !== undefined ? { reason: code } : {}), detail: message }] };
  }
  return parseUserMapping(text);
}

export function parseUserMapping(text: string): MappingResult {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(error as Error)] };
  }
  return userMappingFrom(data);
}

/** The parser's first line without its own "at line …" (the position is given apart, for the wording to place). */
function syntaxProblem(error: Error): MappingProblem {
  const detail = error.message.split('\n')[0] ?? '';
  if (!(error instanceof YAMLParseError)) return { code: 'mapping_unreadable', path: '', detail };
  const at = error.linePos?.[0];
  const said = { code: 'mapping_unreadable', path: '', yamlCode: error.code } as const;
  if (at === undefined) return { ...said, detail };
  return { ...said, detail: detail.replace(/ at line \d+, column \d+:?$/, ''), at: { line: at.line, column: at.col } };
}

/** A mapping from already-parsed data (a mapping file's YAML, or the import wizard's JSON body). */
export function userMappingFrom(data: unknown): MappingResult {
  const parsed = mappingSchema.safeParse(data ?? {}, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.flatMap(problemsOf) };
  const m = parsed.data;
  const unknown = unknownFields(m.entity, [
    ...Object.keys(m.columns ?? {}).map((field) => ['columns', field] as const),
    ...Object.keys(m.defaults ?? {}).map((field) => ['defaults', field] as const),
  ]);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const o = m.options ?? {};
  const delimiter = o.delimiter === 'tab' ? '\t' : o.delimiter;
  return {
    ok: true,
    mapping: {
      ...(m.entity !== undefined ? { entity: m.entity } : {}),
      ...(m.header !== undefined ? { header: m.header } : {}),
      columns: m.columns ?? {},
      defaults: Object.fromEntries(Object.entries(m.defaults ?? {}).map(([k, v]) => [k, String(v)])),
      ...(o.dateOrder !== undefined ? { dateOrder: o.dateOrder } : {}),
      ...(o.decimal !== undefined ? { decimal: o.decimal } : {}),
      ...(o.encoding !== undefined ? { encoding: o.encoding } : {}),
      ...(delimiter !== undefined ? { delimiter } : {}),
      ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
      ...(o.amountUnit !== undefined ? { unitFactor: units[o.amountUnit]! } : {}),
      ...(o.duplicates !== undefined ? { duplicates: o.duplicates } : {}),
      ...(o.orderPerRow !== undefined ? { orderPerRow: o.orderPerRow } : {}),
    },
  };
}

/** A zod issue as our problems: a wrong choice, column or key gets its own code, so its wording can say what to write. */
function problemsOf(issue: z.core.$ZodIssue): MappingProblem[] {
  // zod names all of an object's unknown keys in one issue; each is its own slip, with its own near miss.
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => unknownKey(issue.path, key));
  return [problemOf(issue)];
}

function problemOf(issue: z.core.$ZodIssue): MappingProblem {
  const path = issue.path.join('.');
  const value = scalar(issue.input);
  const quoted = value !== undefined ? { value } : {};
  if (issue.code === 'invalid_value') return { code: 'mapping_not_one_of', path, ...quoted, allowed: issue.values.map(String) };
  // zod's own words here ("Invalid input" for the union, "expected number to be >0") do not say what a column may be.
  if (issue.path[0] === 'columns' && issue.path.length === 2) return { code: 'mapping_not_column', path, ...quoted };
  return { code: 'mapping_invalid', path, issue };
}

function unknownKey(at: readonly PropertyKey[], key: string): MappingProblem {
  const path = [...at, key].join('.');
  if (at.length === 0) {
    // An option written at the top (dateOrder: dmy) is the likeliest slip there: say where it goes.
    const option = optionKeys.find((o) => o.toLowerCase() === key.toLowerCase());
    return { code: 'mapping_unknown_key', path, key, allowed: mappingKeys, ...(option !== undefined ? { option } : {}) };
  }
  if (at.length === 1 && at[0] === 'options') return { code: 'mapping_unknown_option', path, key, allowed: optionKeys };
  throw new Error(`unknown key ${path} in a part of the mapping with no wording for it`);
}

function scalar(input: unknown): MappingValue | undefined {
  return typeof input === 'string' || typeof input === 'number' || typeof input === 'boolean' ? input : undefined;
}

function unknownFields(entity: EntityName | undefined, named: readonly (readonly ['columns' | 'defaults', string])[]): MappingProblem[] {
  const pool = entity === undefined ? entities : entities.filter((e) => e.name === entity);
  const known = [...new Set(pool.flatMap((e) => e.fields.map((f) => f.name)))];
  return named
    .filter(([, field]) => !known.includes(field))
    .map(([section, field]) => ({ code: 'mapping_unknown_field', path: `${section}.${field}`, field, ...(entity !== undefined ? { entity } : {}), known }));
}
