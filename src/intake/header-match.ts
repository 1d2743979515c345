/**
 * Recognises what a file holds from its header row: which entity, and which
 * column is which field. Pure: headers in, mapping out.
 */
import { isOwnColumn } from './own-columns.js';
import { entities, entitySpec, type EntityName, type EntitySpec, type FieldSpec } from './field-catalog.js';

export interface ColumnMatch {
  readonly field: FieldSpec;
  /** 0-based index of the source column. */
  readonly index: number;
  readonly header: string;
  /** How sure: exact synonym, or the header only contains one. */
  readonly how: 'exact' | 'contains' | 'mapping';
}

export interface HeaderMatch {
  readonly entity: EntitySpec;
  readonly columns: readonly ColumnMatch[];
  /** Source columns no field took (kept in the extra JSON). */
  readonly unmapped: readonly { readonly index: number; readonly header: string }[];
  /** Required fields (or groups) with no column. */
  readonly missing: readonly (string | readonly string[])[];
  readonly score: number;
}

/** NFKC, trimmed, lower-case, without a trailing unit such as (万元), separators as single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '')
    .toLowerCase()
    .replace(/\s*[(（[【][^()（）[\]【】]*[)）\]】]\s*$/u, '')
    .replace(/\s*[/／]\s*(万元|千元|亿元|元|小时|天|%|％)$/u, '')
    .replace(/[_\-.·]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const compact = (s: string): string => s.replace(/ /g, '');

interface SynonymEntry {
  readonly field: FieldSpec;
  readonly priority: number;
}

/** Per entity: compact normalised synonym → fields it names, best first. */
const synonymIndex = new Map<EntityName, Map<string, SynonymEntry[]>>(
  entities.map((e) => {
    const index = new Map<string, SynonymEntry[]>();
    for (const field of e.fields) {
      field.synonyms.forEach((syn, priority) => {
        const key = compact(normaliseHeader(syn));
        const list = index.get(key) ?? [];
        list.push({ field, priority });
        index.set(key, list);
      });
    }
    return [e.name, index];
  }),
);

/** How header-like a cell is: > 0 when it is a known synonym of any field. */
export function knownHeaderScore(cell: string): number {
  const key = compact(normaliseHeader(cell));
  if (key === '') return 0;
  for (const index of synonymIndex.values()) if (index.has(key)) return 1;
  return 0;
}

interface Candidate {
  readonly field: FieldSpec;
  readonly index: number;
  readonly how: 'exact' | 'contains';
  readonly rank: number;
}

function candidatesFor(entity: EntitySpec, headers: readonly string[]): Candidate[] {
  const index = synonymIndex.get(entity.name)!;
  const out: Candidate[] = [];
  headers.forEach((header, i) => {
    const key = compact(normaliseHeader(header));
    if (key === '' || isOwnColumn(header)) return;
    const exact = index.get(key);
    if (exact) {
      for (const e of exact) out.push({ field: e.field, index: i, how: 'exact', rank: e.priority });
      return;
    }
    for (const [syn, entries] of index) {
      if (!containsSynonym(key, syn)) continue;
      for (const e of entries) out.push({ field: e.field, index: i, how: 'contains', rank: 1000 + e.priority });
    }
  });
  return out;
}

/** A long enough synonym inside a header ("dollar_value" ⊃ "value", "客户编号(必填)"). */
function containsSynonym(header: string, synonym: string): boolean {
  const cjk = /[\u4e00-\u9fff]/.test(synonym);
  if (synonym.length < (cjk ? 2 : 5)) return false;
  if (!header.includes(synonym)) return false;
  // Latin synonyms must sit on word boundaries: "value" in "dollarvalue" yes, "rep" in "report" no.
  return cjk || header.endsWith(synonym) || header.startsWith(synonym);
}

/** Greedy by quality: exact before contains, earlier synonym before later, left column before right. */
function assign(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.rank - b.rank || a.index - b.index);
  const usedFields = new Set<string>();
  const usedColumns = new Set<number>();
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    if (usedFields.has(c.field.name) || usedColumns.has(c.index)) continue;
    usedFields.add(c.field.name);
    usedColumns.add(c.index);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.index - b.index);
}

export function missingRequired(entity: EntitySpec, present: ReadonlySet<string>): (string | readonly string[])[] {
  return entity.required.filter((req) => (typeof req === 'string' ? !present.has(req) : !req.some((r) => present.has(r))));
}

function scoreOf(entity: EntitySpec, chosen: readonly Candidate[], fileName: string): number {
  let score = 0;
  for (const c of chosen) score += (c.field.signature ? 3 : 1) * (c.how === 'exact' ? 1 : 0.5);
  const lowerName = fileName.toLowerCase();
  if (entity.fileHints.some((h) => lowerName.includes(h))) score += 2;
  return score;
}

/** Matches headers against one entity, with user overrides applied first. */
export function matchEntity(
  entity: EntitySpec,
  headers: readonly string[],
  fileName: string,
  overrides: ReadonlyMap<string, number> = new Map(),
): HeaderMatch {
  const forced: ColumnMatch[] = [];
  for (const [fieldName, index] of overrides) {
    const field = entity.fields.find((f) => f.name === fieldName);
    if (field) forced.push({ field, index, header: headers[index] ?? '', how: 'mapping' });
  }
  const takenFields = new Set(forced.map((m) => m.field.name));
  const takenColumns = new Set(forced.map((m) => m.index));
  const chosen = assign(
    candidatesFor(entity, headers).filter((c) => !takenFields.has(c.field.name) && !takenColumns.has(c.index)),
  );
  const columns: ColumnMatch[] = [
    ...forced,
    ...chosen.map((c) => ({ field: c.field, index: c.index, header: headers[c.index] ?? '', how: c.how })),
  ].sort((a, b) => a.index - b.index);
  const used = new Set(columns.map((c) => c.index));
  return {
    entity,
    columns,
    unmapped: headers
      .map((header, index) => ({ index, header }))
      .filter((h) => !used.has(h.index) && h.header.trim() !== '' && !isOwnColumn(h.header)),
    missing: missingRequired(entity, new Set(columns.map((c) => c.field.name))),
    score: scoreOf(entity, chosen, fileName) + forced.length * 3,
  };
}

/**
 * Picks the entity whose fields the headers fit best among those whose
 * required fields are all present; when none fits, returns the best guess
 * with what it misses so the caller can say what to add.
 */
export function recogniseEntity(headers: readonly string[], fileName: string, only?: EntityName): HeaderMatch {
  if (only) return matchEntity(entitySpec(only), headers, fileName);
  const matches = entities.map((e) => matchEntity(e, headers, fileName));
  const complete = matches.filter((m) => m.missing.length === 0);
  const pool = complete.length > 0 ? complete : matches;
  return pool.reduce((best, m) => (m.score > best.score ? m : best));
}

/** Another entity the headers say the file holds, with the headers that say so (its key fields). */
export interface EntityContradiction {
  readonly entity: EntitySpec;
  readonly headers: readonly string[];
}

/**
 * Whether the headers clearly say the file holds another entity than the one
 * the user named (`named`: the match the import will use, mapping included).
 * Clearly means all of:
 *   - the headers alone (no file name, no mapping) recognise another entity
 *     and find all its required fields: a best guess that misses some says
 *     nothing clearly;
 *   - they fit it better than the named one (a tie is no evidence);
 *   - at least two of its signature fields sit in columns the named entity
 *     does not read as signature fields of its own: left unmapped (kept only
 *     as extra data) or taken as a minor field (an order's revenue as a
 *     customer's annual revenue).
 * One such column is not enough: entities share key fields under common
 * headers (日期 is an order date, an interaction date and a stage's entered
 * date), and a warning on every coincidence would teach users to ignore it.
 * The user may still be right, so the caller warns and never refuses.
 */
export function contradictingEntity(named: HeaderMatch, headers: readonly string[]): EntityContradiction | undefined {
  const read = recogniseEntity(headers, '');
  if (read.entity.name === named.entity.name || read.missing.length > 0) return undefined;
  if (read.score <= matchEntity(named.entity, headers, '').score) return undefined;
  const keyColumns = new Set(named.columns.filter((c) => c.field.signature === true).map((c) => c.index));
  const telling = read.columns.filter((c) => c.field.signature === true && !keyColumns.has(c.index));
  return telling.length >= 2 ? { entity: read.entity, headers: telling.map((c) => c.header) } : undefined;
}
