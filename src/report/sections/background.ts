/** 1. Background and goals: purpose, scope, period, the data and its quality. */
import path from 'node:path';
import { entityLabel } from '../../intake/describe-import.js';
import type { ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';

export function backgroundSection({ data, t, lang, options }: SectionContext): ReportSection {
  const f = fmt(lang);
  const { period } = data.doc;
  const rows = data.imports.reduce((s, r) => s + r.rows, 0);
  const quarantined = data.imports.reduce((s, r) => s + r.quarantined, 0);
  const paragraphs = [
    t('bg.goal', { goal: options.goal ?? t('bg.defaultGoal') }),
    t('bg.scope', { scope: options.scope ?? t('bg.scopeAll') }),
    t('bg.period', { from: f.date(period.from), to: f.date(period.to), asOf: f.date(period.asOf) }),
    t('bg.sources', { files: f.int(data.imports.length), rows: f.int(rows), lines: f.int(data.totals.orderLines), customers: f.int(data.totals.customers) }),
  ];
  if (quarantined > 0) paragraphs.push(t('bg.quality', { quarantined: f.int(quarantined), share: rows > 0 && quarantined / rows < 0.001 ? (lang === 'zh-CN' ? '不到 0.1%' : 'under 0.1%') : f.pct(rows > 0 ? quarantined / rows : null) }));
  return section('background', t('s.background'), {
    paragraphs,
    tables: [
      {
        id: 'sources',
        caption: t('bg.sources', { files: f.int(data.imports.length), rows: f.int(rows), lines: f.int(data.totals.orderLines), customers: f.int(data.totals.customers) }).replace(/[。.]$/, ''),
        columns: [
          { label: t('col.file'), kind: 'text' },
          { label: t('col.entity'), kind: 'text' },
          { label: t('col.rows'), kind: 'integer' },
          { label: t('col.inserted'), kind: 'integer' },
          { label: t('col.updated'), kind: 'integer' },
          { label: t('col.quarantined'), kind: 'integer' },
        ],
        rows: data.imports.map((r) => [path.basename(r.file), entityLabel(r.entity, lang), r.rows, r.inserted, r.updated, r.quarantined]),
      },
    ],
  });
}
