/**
 * The report model: every section's title, findings (sentences written from
 * the numbers), tables and charts, in one language. Pure: the same data,
 * language and playbook always give the same model; HTML, PDF and XLSX are
 * renderings of it.
 */
import type { ChartOption } from '../charts/chart-options.js';
import { translator, type Lang } from '../i18n/i18n.js';
import { formatDate as formatDateFor } from '../i18n/number-format.js';
import type { Playbook } from '../playbook/default-playbook.js';
import type { ReportData } from './report-data.js';
import { reportMessages, type ReportKey } from './report-messages.js';
import { appendixTable1, appendixTable3 } from './sections/appendices.js';
import { backgroundSection } from './sections/background.js';
import { issuesSection } from './sections/issues.js';
import { nextStepsSection } from './sections/next-steps.js';
import { overviewSection } from './sections/overview.js';
import { strategySection } from './sections/strategy.js';
import { tiersSection } from './sections/tiers.js';

/** How a cell is written: ids always as text, amounts in 元 or 万元, shares as percentages. */
export type CellKind = 'text' | 'id' | 'integer' | 'number' | 'yuan' | 'wan' | 'percent';

export interface ReportColumn {
  readonly label: string;
  readonly kind: CellKind;
}

export type Cell = string | number | null;

export interface ReportTable {
  /** Stable name, e.g. the XLSX sheet it becomes ("table1" … "table4"). */
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly Cell[])[];
}

export interface ReportChart {
  readonly id: string;
  readonly option: ChartOption;
  readonly width: number;
  readonly height: number;
}

export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly charts: readonly ReportChart[];
  readonly tables: readonly ReportTable[];
}

export interface ReportModel {
  readonly lang: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly period: { readonly from: string; readonly to: string; readonly asOf: string };
  readonly sections: readonly ReportSection[];
}

export interface ReportOptions {
  readonly lang: Lang;
  readonly goal?: string;
  readonly scope?: string;
  readonly playbook: Playbook;
}

export interface SectionContext {
  readonly data: ReportData;
  readonly lang: Lang;
  readonly t: (key: ReportKey, params?: Readonly<Record<string, string | number | null | undefined>>) => string;
  readonly options: ReportOptions;
}

export function buildReportModel(data: ReportData, options: ReportOptions): ReportModel {
  const t = translator(reportMessages, options.lang);
  const ctx: SectionContext = { data, lang: options.lang, t, options };
  const { period } = data.doc;
  const date = (iso: string) => formatDateFor(iso, options.lang);
  return {
    lang: options.lang,
    title: t('title'),
    subtitle: t('subtitle', { from: date(period.from), to: date(period.to), asOf: date(period.asOf) }),
    period,
    sections: [
      backgroundSection(ctx),
      overviewSection(ctx),
      tiersSection(ctx),
      issuesSection(ctx),
      strategySection(ctx),
      nextStepsSection(ctx),
      appendixTable1(ctx),
      appendixTable3(ctx),
    ],
  };
}
