/**
 * How each entity's normalised fields become rows of its table: synthesised
 * keys, derived values (region from province, amount from quantity × price),
 * references resolved by name, and the parent records a row implies.
 * Expressions read the norm table as n, plus the lookups the shape asks for.
 */
import { quoteIdent as q, quoteLiteral as lit } from '../store/engine.js';
import { regionOfProvince, shortProvinceName } from '../domain/china-regions.js';
import { enumSynonyms, lostStageWords, wonStageWords } from './enum-values.js';
import type { EntityName, EnumName } from './field-catalog.js';
import type { IssueRule } from './import-plan.js';

export type Lookup = 'customer_by_name' | 'rep_by_name';

export interface Parent {
  readonly table: 'customers' | 'products';
  readonly key: string;
  /** Parent column → SQL over n (norm) and the shape's lookups (id first). */
  readonly columns: Readonly<Record<string, string>>;
}

export interface Shape {
  /** Target column → SQL over n (norm) and lookups. */
  readonly columns: Readonly<Record<string, string>>;
  /**
   * A column numbered by the row's place in the file within its group
   * (line_no within order_id) where the file does not give it (`given`, one
   * of the inputs), computed over the shaped rows in a second step.
   */
  readonly position?: { readonly column: string; readonly within: string; readonly given: string };
  /** Values the position reads that the table does not keep (named with a leading _). */
  readonly inputs?: Readonly<Record<string, string>>;
  /**
   * Columns that stay NULL unless the file gives one of the fields named (a
   * column or a default): left out of the write when it gives none, as are
   * those whose expression is then a bare typed NULL (unfilledColumns).
   */
  readonly nullUnless?: Readonly<Record<string, readonly string[]>>;
  readonly lookups: readonly Lookup[];
  readonly parents: readonly Parent[];
  readonly rules?: readonly IssueRule[];
  /** Field whose empty cells get an id made from the row's content (n._hash). */
  readonly hashFor?: string;
}

const f = (name: string) => `n.${q(`f_${name}`)}`;

/**
 * A dictionary lookup as two parallel lists: list_position finds the word in
 * one pass, where a CASE with many WHENs would recompute lower(x) per WHEN.
 */
function lookupSql(pairs: readonly (readonly [string, string])[], key: string): string {
  return `([${pairs.map(([, v]) => lit(v)).join(', ')}])[list_position([${pairs.map(([k]) => lit(k)).join(', ')}], ${key})]`;
}

export function enumSql(name: EnumName, expr: string): string {
  const pairs = Object.entries(enumSynonyms[name]).flatMap(([canonical, words]) => words.map((w) => [w.toLowerCase(), canonical] as const));
  return `coalesce(${lookupSql(pairs, `lower(${expr})`)}, ${expr})`;
}

function regionSql(regionExpr: string, provinceExpr: string): string {
  const short = `regexp_replace(regexp_replace(trim(${provinceExpr}), '(维吾尔|壮族|回族)?自治区$|特别行政区$', ''), '[省市]$', '')`;
  const pairs = Object.entries(regionOfProvince);
  return `CASE WHEN ${regionExpr} IS NOT NULL THEN ${regionExpr} WHEN ${provinceExpr} IS NOT NULL THEN ${lookupSql(pairs, short)} END`;
}
// Kept in step with the SQL above; exported for tests that check both agree.
export const provinceShortener = shortProvinceName;

const customerRef = `coalesce(${f('customer_id')}, cn.id, ${f('customer_name')})`;
const repRef = `CASE WHEN ri.rep_id IS NOT NULL THEN ri.rep_id ELSE coalesce(rn.id, ${f('rep_id')}) END`;

const customerParent: Parent = {
  table: 'customers',
  key: 'customer_id',
  columns: { customer_id: customerRef, name: f('customer_name') },
};

function direct(...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, f(n)]));
}

function syntheticId(prefix: string, field: string): string {
  return `coalesce(${f(field)}, ${lit(prefix)} || n._hash)`;
}

// list_contains, not IN (…): DuckDB turns a long IN list into a join evaluated for every row.
function statusFromStage(stage: string): string {
  const won = wonStageWords.map((w) => lit(w)).join(', ');
  const lost = lostStageWords.map((w) => lit(w)).join(', ');
  return `CASE WHEN list_contains([${won}], lower(${stage})) THEN 'won' WHEN list_contains([${lost}], lower(${stage})) THEN 'lost' WHEN ${stage} IS NOT NULL THEN 'open' END`;
}

function orderLines(): Shape {
  const qty = f('quantity');
  const computed = `${qty} * ${f('unit_price')} * (1 - coalesce(${f('discount')}, 0))`;
  const rawAmount = `coalesce(${f('amount')}, round(${computed}, 4))`;
  // A return written with a positive amount and a negative quantity is still a return.
  const amount = `CASE WHEN ${qty} < 0 AND ${rawAmount} > 0 THEN -${rawAmount} ELSE ${rawAmount} END`;
  const status = enumSql('order_status', f('status'));
  // A negative amount on a positive quantity is an adjustment (a bad-debt
  // write-off), not goods coming back: only quantity says "return".
  const isReturn = `(coalesce(${f('is_return')}, false) OR coalesce(${qty} < 0, false) OR coalesce(${qty} IS NULL AND ${rawAmount} < 0, false) OR coalesce(list_contains(['returned', 'cancelled'], ${status}), false))`;
  const date = `CAST(${f('order_date')} AS DATE)`;
  const anonymousOrder = `'ROW-' || n._hash`;
  return {
    columns: {
      order_id: `coalesce(${f('order_id')}, CASE WHEN n._own_order THEN ${anonymousOrder} WHEN ${customerRef} IS NOT NULL THEN ${customerRef} || '-' || strftime(${date}, '%Y%m%d') ELSE ${anonymousOrder} END)`,
      order_date: date,
      order_time: `CASE WHEN CAST(${f('order_date')} AS TIME) <> TIME '00:00:00' THEN ${f('order_date')} END`,
      customer_id: customerRef,
      product_id: `coalesce(${f('product_id')}, ${f('product_name')})`,
      ...direct('product_name', 'category', 'subcategory', 'quantity', 'unit_price', 'discount', 'cost'),
      amount,
      profit: `coalesce(${f('profit')}, ${amount} - ${f('cost')})`,
      status: `coalesce(${status}, CASE WHEN ${isReturn} THEN 'returned' WHEN ${f('paid_date')} IS NULL AND ${f('paid_amount')} = 0 THEN 'unpaid' ELSE 'completed' END)`,
      is_return: isReturn,
      channel: f('channel'),
      rep_id: repRef,
      province: f('province'),
      city: f('city'),
      region: regionSql(f('region'), f('province')),
      ship_date: f('ship_date'),
      paid_date: `CAST(${f('paid_date')} AS DATE)`,
      ...direct('paid_amount', 'refund_amount', 'promotion'),
      demand_type: enumSql('demand_type', f('demand_type')),
    },
    position: { column: 'line_no', within: 'order_id', given: '_line_no' },
    nullUnless: { profit: ['profit', 'cost'], rep_id: ['rep_id'], paid_date: ['paid_date'], demand_type: ['demand_type'] },
    inputs: { _line_no: f('line_no') },

    lookups: ['customer_by_name', 'rep_by_name'],
    hashFor: 'order_id',
    parents: [
      { table: 'customers', key: 'customer_id', columns: { customer_id: customerRef, name: f('customer_name'), industry: f('industry') } },
      {
        table: 'products',
        key: 'product_id',
        columns: { product_id: `coalesce(${f('product_id')}, ${f('product_name')})`, name: f('product_name'), category: f('category'), subcategory: f('subcategory') },
      },
    ],
  };
}

function customers(): Shape {
  return {
    columns: {
      customer_id: `coalesce(${f('customer_id')}, ${f('name')})`,
      ...direct('name', 'industry', 'size', 'employees', 'annual_revenue', 'province', 'city', 'address'),
      region: regionSql(f('region'), f('province')),
      ...direct('contact_name', 'contact_phone', 'contact_email', 'contact_title'),
      gender: enumSql('gender', f('gender')),
      birth_date: f('birth_date'),
      rep_id: repRef,
      level: f('level'),
      decision_complexity: enumSql('decision_complexity', f('decision_complexity')),
      ...direct('acquisition_channel', 'acquisition_campaign_id', 'first_contact_date', 'status'),
    },
    lookups: ['rep_by_name'],
    parents: [],
  };
}

function products(): Shape {
  return {
    columns: {
      product_id: `coalesce(${f('product_id')}, ${f('name')})`,
      ...direct('name', 'category', 'subcategory', 'series', 'unit', 'list_price', 'unit_cost'),
      margin_rate: `coalesce(${f('margin_rate')}, CASE WHEN ${f('list_price')} > 0 THEN (${f('list_price')} - ${f('unit_cost')}) / ${f('list_price')} END)`,
    },
    lookups: [],
    parents: [],
  };
}

function opportunities(): Shape {
  return {
    columns: {
      opportunity_id: `coalesce(${f('opportunity_id')}, ${f('name')})`,
      customer_id: customerRef,
      name: f('name'),
      rep_id: repRef,
      ...direct('product', 'lead_source', 'region', 'stage'),
      status: `coalesce(${enumSql('opportunity_status', f('status'))}, ${statusFromStage(f('stage'))}, 'open')`,
      ...direct('expected_amount', 'won_amount', 'created_date', 'stage_date', 'expected_close_date', 'close_date', 'lost_reason', 'competitor'),
    },
    lookups: ['customer_by_name', 'rep_by_name'],
    parents: [customerParent],
  };
}

function customerChild(idColumn: string, idField: string, prefix: string, rest: Record<string, string>): Shape {
  return {
    columns: { [idColumn]: syntheticId(prefix, idField), customer_id: customerRef, ...rest },
    hashFor: idField,
    lookups: ['customer_by_name'],
    parents: [customerParent],
  };
}

function interactions(): Shape {
  const shape = customerChild('interaction_id', 'interaction_id', 'I-', {
    rep_id: repRef,
    type: enumSql('interaction_type', f('type')),
    ...direct('interaction_date', 'response_hours', 'competitor', 'project', 'project_status', 'notes'),
  });
  return { ...shape, lookups: ['customer_by_name', 'rep_by_name'] };
}

function targets(): Shape {
  const rep = f('rep_id');
  return {
    columns: {
      scope_type: `CASE WHEN ${rep} IS NOT NULL THEN 'rep' WHEN ${f('team')} IS NOT NULL THEN 'team' WHEN ${f('region')} IS NOT NULL THEN 'region' ELSE 'company' END`,
      scope_id: `CASE WHEN ${rep} IS NOT NULL THEN ${repRef} ELSE coalesce(${f('team')}, ${f('region')}, '*') END`,
      period_start: `coalesce(${f('period_start')}, ${f('period_from')})`,
      period_end: `coalesce(${f('period_end')}, ${f('period_to')})`,
      target_amount: f('target_amount'),
    },
    lookups: ['rep_by_name'],
    parents: [],
  };
}

export function shapeOf(entity: EntityName): Shape {
  switch (entity) {
    case 'order_lines':
      return orderLines();
    case 'customers':
      return customers();
    case 'products':
      return products();
    case 'opportunities':
      return opportunities();
    case 'stage_history':
      return { columns: direct('opportunity_id', 'stage', 'entered_date'), lookups: [], parents: [] };
    case 'interactions':
      return interactions();
    case 'surveys':
      return customerChild('response_id', 'response_id', 'S-', direct('survey_date', 'item', 'score', 'importance'));
    case 'nps':
      return customerChild('response_id', 'response_id', 'N-', direct('response_date', 'score', 'comment'));
    case 'complaints':
      return customerChild(
        'complaint_id',
        'complaint_id',
        'Q-',
        direct('complaint_date', 'category', 'text', 'severity', 'status', 'resolved_date'),
      );
    case 'tickets':
      return customerChild(
        'ticket_id',
        'ticket_id',
        'T-',
        direct('opened_date', 'closed_date', 'category', 'priority', 'status', 'satisfaction'),
      );
    case 'campaigns':
      return {
        columns: { campaign_id: `coalesce(${f('campaign_id')}, ${f('name')})`, ...direct('name', 'channel', 'start_date', 'end_date', 'cost', 'leads') },
        lookups: [],
        parents: [],
      };
    case 'reps':
      return {
        columns: {
          rep_id: `coalesce(${f('rep_id')}, ${f('name')})`,
          name: `coalesce(${f('name')}, ${f('rep_id')})`,
          ...direct('team', 'region', 'manager', 'hire_date', 'email', 'phone', 'status'),
        },
        lookups: [],
        parents: [],
      };
    case 'targets':
      return targets();
    case 'wallet':
      return customerChildWallet();
    case 'churn':
      return {
        columns: { customer_id: customerRef, ...direct('churn_date', 'reason_category', 'reason_text', 'win_back_status') },
        lookups: ['customer_by_name'],
        parents: [customerParent],
      };
    default:
      throw new Error(`no shape for ${String(entity)}`);
  }
}

function customerChildWallet(): Shape {
  return {
    columns: {
      customer_id: customerRef,
      ...direct('year', 'competitor', 'total_wallet'),
      competitor_amount: `coalesce(${f('competitor_amount')}, ${f('competitor_share')} * ${f('total_wallet')})`,
    },
    lookups: ['customer_by_name'],
    parents: [customerParent],
  };
}
