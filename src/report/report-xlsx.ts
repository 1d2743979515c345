/**
 * The report's four template tables as a workbook: one sheet each, headers
 * in the report's language, amounts as numbers (元 with ¥, 万元 columns in
 * 万元), shares as percentages, ids as text. Every string is a text cell, so
 * a customer called "=HYPERLINK(…)" stays a name.
 */
import { writeXlsx, type XlsxColumn, type XlsxSheet } from '../xlsx/xlsx-writer.js';
import type { CellKind, ReportModel, ReportTable } from './report-model.js';

export const templateTables = ['table1', 'table2', 'table3', 'table4'] as const;

const sheetNames: Record<(typeof templateTables)[number], { 'zh-CN': string; en: string }> = {
  table1: { 'zh-CN': '表1 客户基础信息', en: 'Table 1 Customers' },
  table2: { 'zh-CN': '表2 客户价值分析', en: 'Table 2 Customer value' },
  table3: { 'zh-CN': '表3 客户行为与需求', en: 'Table 3 Behaviour and needs' },
  table4: { 'zh-CN': '表4 客户维护策略', en: 'Table 4 Strategy' },
};

function column(kind: CellKind): XlsxColumn {
  switch (kind) {
    case 'id':
      return { text: true };
    case 'text':
      return {};
    case 'integer':
      return { numFmt: '#,##0' };
    case 'number':
      return { numFmt: '#,##0.0' };
    case 'yuan':
      return { numFmt: '"¥"#,##0.00' };
    case 'wan':
      return { numFmt: '#,##0.00' };
    case 'percent':
      return { numFmt: '0.0%' };
    default:
      throw new Error(`unknown cell kind ${String(kind satisfies never)}`);
  }
}

export function tableSheet(table: ReportTable, name: string): XlsxSheet {
  const kinds = table.columns.map((c) => c.kind);
  return {
    name,
    title: table.caption,
    header: table.columns.map((c) => c.label),
    columns: kinds.map(column),
    // 万元 columns hold 元 in the model: the sheet shows them in 万元, as the header says.
    rows: table.rows.map((row) => row.map((v, i) => (kinds[i] === 'wan' && typeof v === 'number' ? Math.round(v / 100) / 100 : v))),
  };
}

export function reportSheets(model: ReportModel): XlsxSheet[] {
  const tables = new Map(model.sections.flatMap((s) => s.tables).map((t) => [t.id, t]));
  return templateTables.flatMap((id) => {
    const t = tables.get(id);
    return t ? [tableSheet(t, sheetNames[id][model.lang])] : [];
  });
}

export async function writeReportXlsx(model: ReportModel, path: string, date?: Date): Promise<void> {
  await writeXlsx(path, reportSheets(model), date ? { date } : {});
}
