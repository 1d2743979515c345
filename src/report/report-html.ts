/**
 * The report as one self-contained HTML file: inline CSS, charts as inline
 * SVG, no script and no external URL, laid out for A4 printing (table
 * headers repeat on each page, charts and rows are not split).
 */
import type { Lang } from '../i18n/i18n.js';
import { formatInteger, formatMoney, formatNumber, formatPercent } from '../i18n/number-format.js';
import type { Cell, CellKind, ReportChart, ReportModel, ReportSection, ReportTable } from './report-model.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function formatCell(value: Cell, kind: CellKind, lang: Lang): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'text':
    case 'id':
      return String(value);
    case 'integer':
      return formatInteger(value, lang);
    case 'number':
      return formatNumber(value, lang, 1);
    case 'yuan':
      return formatMoney(value, lang);
    case 'wan':
      return formatNumber(value / 10_000, lang, 2);
    case 'percent':
      return formatPercent(value, lang);
    default:
      throw new Error(`unknown cell kind ${String(kind satisfies never)}`);
  }
}

const numeric = (k: CellKind) => k === 'integer' || k === 'number' || k === 'yuan' || k === 'wan' || k === 'percent';

function table(t: ReportTable, lang: Lang): string {
  const head = t.columns.map((c) => `<th${numeric(c.kind) ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
  const body = t.rows
    .map((row) => `<tr>${row.map((v, i) => {
      const col = t.columns[i]!;
      const text = formatCell(v, col.kind, lang);
      // Short labels (a tier, an id) stay on one line; long text wraps.
      const cls = numeric(col.kind) ? ' class="num"' : [...text].length <= 8 && !text.includes('\n') ? ' class="nw"' : '';
      return `<td${cls}>${escapeHtml(text).replace(/\n/g, '<br>')}</td>`;
    }).join('')}</tr>`)
    .join('\n');
  return `<table id="t-${escapeHtml(t.id)}"><caption>${escapeHtml(t.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function sectionHtml(s: ReportSection, lang: Lang, svg: (c: ReportChart) => string): string {
  const paragraphs = s.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const charts = s.charts.length > 0 ? `<div class="charts">${s.charts.map((c) => `<figure id="c-${escapeHtml(c.id)}">${svg(c)}</figure>`).join('\n')}</div>` : '';
  return `<section id="s-${escapeHtml(s.id)}"${s.id.startsWith('appendix') ? ' class="appendix"' : ''}>\n<h2>${escapeHtml(s.title)}</h2>\n${paragraphs}\n${charts}\n${s.tables.map((t) => table(t, lang)).join('\n')}\n</section>`;
}

const css = `
@page { size: A4; margin: 16mm 14mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; font-size: 10.5pt; line-height: 1.6; margin: 0 auto; max-width: 190mm; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 2mm; color: #1f3864; }
.subtitle { color: #555; margin: 0 0 6mm; }
h2 { font-size: 14pt; color: #1f3864; border-bottom: 2px solid #2f5597; padding-bottom: 1mm; margin: 8mm 0 3mm; break-after: avoid; }
p { margin: 1.5mm 0; }
.charts { display: flex; flex-wrap: wrap; gap: 4mm; justify-content: center; }
figure { margin: 2mm 0; break-inside: avoid; }
figure svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0 5mm; font-size: 9pt; }
caption { text-align: left; font-weight: bold; padding: 1mm 0; color: #1f3864; break-after: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #bfbfbf; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #dde4f0; font-weight: bold; }
td.num, th.num { text-align: right; white-space: nowrap; }
td.nw { white-space: nowrap; }
tbody tr:nth-child(even) td { background: #f6f8fb; }
section.appendix { break-before: page; }
`;

export function renderReportHtml(model: ReportModel, svg: (c: ReportChart) => string): string {
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(model.title)}</title>
<style>${css}</style>
</head>
<body>
<header><h1>${escapeHtml(model.title)}</h1><p class="subtitle">${escapeHtml(model.subtitle)}</p></header>
${model.sections.map((s) => sectionHtml(s, model.lang, svg)).join('\n')}
</body>
</html>
`;
}
