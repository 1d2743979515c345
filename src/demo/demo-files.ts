/**
 * What each demo file looks like: name, entity, encoding, headers (the
 * importer's Chinese synonyms, as a Chinese CRM/ERP export writes them) and
 * rows as cells. Pure: writeDemoFiles does the I/O. Listed in import order,
 * reference data first.
 */
import type { EntityName } from '../intake/field-catalog.js';
import type { XlsxCell, XlsxColumn } from '../xlsx/xlsx-writer.js';
import { dateOf, dayOf, ymdOf } from './day.js';
import type { DemoCompany, DirtyRow, OrderLineRow } from './demo-company.js';

export type DemoEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

export interface DemoFileSpec {
  readonly fileName: string;
  readonly entity: EntityName;
  readonly format: 'csv' | 'xlsx';
  /** Text encoding of a CSV; null for a workbook. */
  readonly encoding: DemoEncoding | null;
  readonly sheet?: string;
  readonly title?: string;
  readonly header: readonly string[];
  readonly columns?: readonly XlsxColumn[];
  /** Data rows as written (dirty rows and duplicates included). */
  readonly rowCount: number;
  readonly rows: () => Iterable<readonly XlsxCell[]>;
}

const money = (x: number) => x.toFixed(2);
const opt = <T>(x: T | null, f: (v: T) => string = String) => (x === null ? '' : f(x));
/** 2024-03-05 → 2024/3/5, as Excel writes dates when it saves a CSV. */
const slashDate = (iso: string) => `${Number(iso.slice(0, 4))}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`;
const xlsxDate = (iso: string | null) => (iso === null ? null : dateOf(dayOf(iso)));

function* mapRows<T>(items: readonly T[], f: (item: T) => readonly XlsxCell[]): Iterable<readonly XlsxCell[]> {
  for (const item of items) yield f(item);
}

export function demoFileSpecs(company: DemoCompany): DemoFileSpec[] {
  const end = ymdOf(dayOf(company.windowEnd));
  return [
    {
      fileName: '销售人员.csv',
      entity: 'reps',
      format: 'csv',
      encoding: 'utf-8',
      header: ['员工编号', '姓名', '团队', '区域', '主管', '入职日期', '邮箱', '电话', '状态'],
      rowCount: company.reps.length,
      rows: () => mapRows(company.reps, (r) => [r.id, r.name, r.team, r.region, opt(r.manager), r.hireDate, r.email, r.phone, r.status]),
    },
    {
      fileName: '产品目录.csv',
      entity: 'products',
      format: 'csv',
      encoding: 'utf-8',
      header: ['产品编号', '产品名称', '产品类别', '产品系列', '单位', '标准价', '成本价', '毛利率'],
      rowCount: company.products.length,
      rows: () =>
        mapRows(company.products, (p) => [p.id, p.name, p.category, p.series, p.unit, money(p.listPrice), money(p.unitCost), `${(p.marginRate * 100).toFixed(1)}%`]),
    },
    {
      fileName: '营销活动.csv',
      entity: 'campaigns',
      format: 'csv',
      encoding: 'utf-8',
      header: ['活动编号', '活动名称', '投放渠道', '开始日期', '结束日期', '活动费用', '线索数'],
      rowCount: company.campaigns.length,
      rows: () => mapRows(company.campaigns, (c) => [c.id, c.name, c.channel, c.startDate, c.endDate, String(c.cost), String(c.leads)]),
    },
    {
      fileName: '客户档案.xlsx',
      entity: 'customers',
      format: 'xlsx',
      encoding: null,
      sheet: '客户档案',
      title: `A公司客户档案（导出日期：${end.year}年${end.month}月${end.day}日）`,
      header: ['客户编号', '客户名称', '所属行业', '企业规模', '员工人数', '省份', '城市', '区域', '联系人', '联系电话', '邮箱', '负责人', '客户等级', '决策流程复杂度', '获客渠道', '获客活动', '建档日期', '状态'],
      columns: [{ text: true, width: 10 }, { width: 36 }, {}, {}, { numFmt: '0' }, {}, {}, {}, {}, { text: true, width: 14 }, { width: 28 }, {}, {}, {}, {}, { text: true }, { numFmt: 'yyyy-mm-dd', width: 12 }, {}],
      rowCount: company.customers.length,
      rows: () =>
        mapRows(company.customers, (c) => [
          c.id,
          c.name,
          c.industry,
          c.size,
          c.employees,
          c.province,
          c.city,
          c.region,
          c.contactName,
          c.contactPhone,
          c.contactEmail,
          c.repName,
          c.level,
          c.decisionComplexity,
          c.acquisitionChannel,
          c.acquisitionCampaignId,
          xlsxDate(c.createdDate),
          c.status,
        ]),
    },
    orderLinesSpec(company),
    {
      fileName: '商机.xlsx',
      entity: 'opportunities',
      format: 'xlsx',
      encoding: null,
      sheet: '商机列表',
      header: ['商机编号', '客户编号', '商机名称', '负责人', '产品', '线索来源', '区域', '商机阶段', '商机状态', '预计金额(万元)', '创建日期', '阶段日期', '预计成交日期', '关闭日期', '输单原因', '竞争对手'],
      columns: [{ text: true, width: 14 }, { text: true }, { width: 40 }, {}, {}, {}, {}, {}, {}, { numFmt: '0.00' }],
      rowCount: company.opportunities.length,
      rows: () =>
        mapRows(company.opportunities, (o) => [
          o.id,
          o.customerId,
          o.name,
          o.repName,
          o.product,
          o.leadSource,
          o.region,
          o.stage,
          o.status,
          Math.round(o.expectedAmount / 100) / 100,
          xlsxDate(o.createdDate),
          xlsxDate(o.stageDate),
          xlsxDate(o.expectedCloseDate),
          xlsxDate(o.closeDate),
          o.lostReason,
          o.competitor,
        ]),
    },
    {
      fileName: '商机阶段记录.csv',
      entity: 'stage_history',
      format: 'csv',
      encoding: 'utf-8',
      header: ['商机编号', '阶段', '进入日期'],
      rowCount: company.stageHistory.length,
      rows: () => mapRows(company.stageHistory, (h) => [h.opportunityId, h.stage, h.date]),
    },
    {
      fileName: '跟进记录.csv',
      entity: 'interactions',
      format: 'csv',
      encoding: 'gbk',
      header: ['记录编号', '客户编号', '负责人', '跟进方式', '跟进日期', '报价响应时间(小时)', '提及竞品', '项目名称', '项目状态', '跟进内容'],
      rowCount: company.interactions.length,
      rows: () =>
        mapRows(company.interactions, (i) => [
          i.id,
          i.customerId,
          i.repName,
          i.type,
          slashDate(i.date),
          opt(i.responseHours),
          opt(i.competitor),
          opt(i.project),
          opt(i.projectStatus),
          i.notes,
        ]),
    },
    {
      fileName: '满意度调查.csv',
      entity: 'surveys',
      format: 'csv',
      encoding: 'utf-8',
      header: ['答卷编号', '客户编号', '调查日期', '调查项目', '满意度评分', '重要性评分'],
      rowCount: company.surveys.length,
      rows: () => mapRows(company.surveys, (s) => [s.id, s.customerId, s.date, s.item, String(s.score), String(s.importance)]),
    },
    {
      fileName: 'NPS调查.csv',
      entity: 'nps',
      format: 'csv',
      encoding: 'utf-8',
      header: ['答卷编号', '客户编号', '调查日期', '推荐意愿', '评论'],
      rowCount: company.nps.length,
      rows: () => mapRows(company.nps, (n) => [n.id, n.customerId, n.date, String(n.score), opt(n.comment)]),
    },
    {
      fileName: '投诉记录.csv',
      entity: 'complaints',
      format: 'csv',
      encoding: 'utf-8',
      header: ['投诉编号', '客户编号', '投诉日期', '投诉类别', '投诉内容', '严重程度', '处理状态', '解决日期'],
      rowCount: company.complaints.length,
      rows: () => mapRows(company.complaints, (c) => [c.id, c.customerId, c.date, c.category, c.text, c.severity, c.status, opt(c.resolvedDate)]),
    },
    {
      fileName: '服务工单.csv',
      entity: 'tickets',
      format: 'csv',
      encoding: 'utf-8',
      header: ['工单编号', '客户编号', '创建日期', '关闭日期', '服务类型', '优先级', '工单状态', '服务评分'],
      rowCount: company.tickets.length,
      rows: () => mapRows(company.tickets, (t) => [t.id, t.customerId, t.openedDate, opt(t.closedDate), t.type, t.priority, t.status, opt(t.rating)]),
    },
    {
      fileName: '销售目标.csv',
      entity: 'targets',
      format: 'csv',
      encoding: 'utf-8',
      header: ['员工编号', '月份', '目标金额'],
      rowCount: company.targets.length,
      rows: () => mapRows(company.targets, (t) => [t.repId, t.month, String(t.amount)]),
    },
    {
      fileName: '竞争份额.csv',
      entity: 'wallet',
      format: 'csv',
      encoding: 'utf-8',
      header: ['客户编号', '年份', '竞争对手', '年采购总额', '竞品采购额'],
      rowCount: company.wallet.length,
      rows: () => mapRows(company.wallet, (w) => [w.customerId, String(w.year), w.competitor, String(w.totalWallet), String(w.competitorAmount)]),
    },
    {
      fileName: '流失记录.csv',
      entity: 'churn',
      format: 'csv',
      encoding: 'utf-8',
      header: ['客户编号', '流失日期', '流失原因', '原因说明', '挽回状态'],
      rowCount: company.churnRecords.length,
      rows: () => mapRows(company.churnRecords, (c) => [c.customerId, c.date, c.reason, c.reasonText, c.winBackStatus]),
    },
  ];
}

export const orderLineHeader = ['订单编号', '行号', '下单日期', '客户编号', '产品编号', '产品名称', '产品类别', '数量', '单价', '折扣', '金额', '成本', '负责人', '销售渠道', '促销活动', '需求类型', '订单状态'] as const;

function orderLinesSpec(company: DemoCompany): DemoFileSpec {
  const dirty = new Map<number, DirtyRow>(company.dirtyRows.map((d) => [d.lineIndex, d]));
  const duplicates = company.dirtyRows.filter((d) => d.kind === 'duplicate').length;
  const cells = (l: OrderLineRow): string[] => [
    l.orderId,
    String(l.lineNo),
    l.date,
    l.customerId,
    l.productId,
    l.productName,
    l.category,
    String(l.quantity),
    money(l.unitPrice),
    opt(l.discount),
    money(l.amount),
    money(l.cost),
    l.repName,
    l.channel,
    opt(l.promotion),
    l.demandType,
    l.status,
  ];
  return {
    fileName: '订单明细.csv',
    entity: 'order_lines',
    format: 'csv',
    encoding: 'utf-8-bom',
    header: orderLineHeader,
    rowCount: company.orderLines.length + duplicates,
    *rows() {
      for (let i = 0; i < company.orderLines.length; i++) {
        const row = cells(company.orderLines[i]!);
        const d = dirty.get(i);
        if (d !== undefined && d.column !== null && d.written !== null) row[orderLineHeader.indexOf(d.column)] = d.written;
        yield row;
        if (d?.kind === 'duplicate') yield row;
      }
    },
  };
}
