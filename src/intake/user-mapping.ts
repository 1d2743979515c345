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
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { entities, isEntityName, type EntityName } from './field-catalog.js';

const encodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'windows-1252'] as const;
const units: Record<string, number> = { 元: 1, 千元: 1_000, 万元: 10_000, 百万元: 1_000_000, 亿元: 100_000_000 };

const mappingSchema = z
  .object({
    entity: z.string().refine(isEntityName, { message: `one of ${entities.map((e) => e.name).join(', ')}` }).optional(),
    header: z.boolean().optional(),
    columns: z.record(z.string(), z.union([z.string().min(1), z.number().int().positive()])).optional(),
    defaults: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    options: z
      .object({
        dateOrder: z.enum(['ymd', 'mdy', 'dmy']).optional(),
        decimal: z.enum(['.', ',']).optional(),
        encoding: z.enum(encodings).optional(),
        delimiter: z.enum([',', ';', '\t', '|', 'tab', 'whitespace']).optional(),
        sheet: z.string().optional(),
        amountUnit: z.string().refine((u) => u in units, { message: `one of ${Object.keys(units).join(', ')}` }).optional(),
        duplicates: z.enum(['count', 'keep']).optional(),
        orderPerRow: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

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

export interface MappingProblem {
  readonly code: 'mapping_unreadable' | 'mapping_invalid' | 'mapping_unknown_field';
  /** Path inside the file, e.g. "options.dateOrder". */
  readonly path: string;
  readonly message: string;
}

export type MappingResult = { ok: true; mapping: UserMapping } | { ok: false; problems: MappingProblem[] };

export async function readUserMapping(file: string): Promise<MappingResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ code: 'mapping_unreadable', path: '', message: (error as Error).message }] };
  }
  return parseUserMapping(text);
}

export function parseUserMapping(text: string): MappingResult {
  let data: unknown;
  try {
    data = parseYaml(text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, problems: [{ code: 'mapping_unreadable', path: '', message: (error as Error).message.split('\n')[0] ?? '' }] };
  }
  return userMappingFrom(data);
}

/** A mapping from already-parsed data (a mapping file's YAML, or the import wizard's JSON body). */
export function userMappingFrom(data: unknown): MappingResult {
  const parsed = mappingSchema.safeParse(data ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ code: 'mapping_invalid', path: i.path.join('.'), message: i.message })),
    };
  }
  const m = parsed.data;
  const unknown = unknownFields(m.entity, [...Object.keys(m.columns ?? {}), ...Object.keys(m.defaults ?? {})]);
  if (unknown.length > 0) return { ok: false, problems: unknown };
  const o = m.options ?? {};
  const delimiter = o.delimiter === 'tab' ? '\t' : o.delimiter;
  return {
    ok: true,
    mapping: {
      ...(m.entity !== undefined ? { entity: m.entity as EntityName } : {}),
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

function unknownFields(entity: string | undefined, names: readonly string[]): MappingProblem[] {
  const pool = entity === undefined ? entities : entities.filter((e) => e.name === entity);
  const known = new Set(pool.flatMap((e) => e.fields.map((f) => f.name)));
  return names
    .filter((n) => !known.has(n))
    .map((n) => ({
      code: 'mapping_unknown_field' as const,
      path: n,
      message: `"${n}" is not a field${entity ? ` of ${entity}` : ''}; fields: ${[...known].join(', ')}`,
    }));
}
