/** Appendices: table 1 (basic information, contact masked) and table 3 (behaviour and needs). */
import type { ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';
import { joinList } from '../../i18n/i18n.js';

export function appendixTable1({ data, t, lang }: SectionContext): ReportSection {
  const f = fmt(lang);
  return section('appendix1', t('s.appendix1'), {
    paragraphs: [t('ap1.intro')],
    tables: [
      {
        id: 'table1',
        caption: t('ap1.caption'),
        columns: [
          { label: t('col.customerId'), kind: 'id' },
          { label: t('col.customerName'), kind: 'text' },
          { label: t('col.industry'), kind: 'text' },
          { label: t('col.size'), kind: 'text' },
          { label: t('col.contact'), kind: 'text' },
          { label: t('col.phone'), kind: 'id' },
          { label: t('col.months'), kind: 'integer' },
          { label: t('col.level'), kind: 'text' },
        ],
        rows: data.table1.map((r) => [r.customerId, r.name, r.industry, r.size, r.contactName, r.contactPhone, r.months, f.tier(r.tier)]),
      },
    ],
  });
}

export function appendixTable3({ data, t, lang }: SectionContext): ReportSection {
  const complexity = (c: string | null) => (c === 'simple' || c === 'normal' || c === 'complex' ? t(`complexity.${c}`) : (c ?? ''));
  return section('appendix3', t('s.appendix3'), {
    paragraphs: [t('ap3.intro')],
    tables: [
      {
        id: 'table3',
        caption: t('ap3.caption'),
        columns: [
          { label: t('col.customerId'), kind: 'id' },
          { label: t('col.customerName'), kind: 'text' },
          { label: t('col.mainProducts'), kind: 'text' },
          { label: t('col.cycleMonths'), kind: 'number' },
          { label: t('col.complexity'), kind: 'text' },
          { label: t('col.feedback'), kind: 'text' },
          { label: t('col.need'), kind: 'text' },
        ],
        rows: data.table3.map((r) => [
          r.customerId, r.name, joinList(r.mainCategories, lang), r.cycleDays === null ? null : Math.round((r.cycleDays / (365.25 / 12)) * 10) / 10,
          complexity(r.complexity), r.feedback, r.need,
        ]),
      },
    ],
  });
}
