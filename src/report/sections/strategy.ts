/** 5. Strategy per tier: table 4 from the playbook, with how many customers each line covers. */
import { addDays } from '../../analytics/analysis-period.js';
import { entryText, playbookGroups, type PlaybookEntry, type PlaybookGroup } from '../../playbook/default-playbook.js';
import type { ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';

export function deadlineText(ctx: SectionContext, entry: PlaybookEntry): string {
  const f = fmt(ctx.lang);
  if (entry.due === 'monthly') return ctx.t('monthly');
  return ctx.t('withinDays', { days: entry.due, date: f.date(addDays(ctx.data.doc.period.asOf, entry.due)) });
}

/** Customers in each playbook group: value tiers, and churn risk from the warning (high and critical). */
export function groupCounts(ctx: SectionContext): Record<PlaybookGroup, number> {
  const byTier = new Map(ctx.data.doc.tiers.value.map((x) => [x.tier, x.customers]));
  const { bands } = ctx.data.doc.churn;
  return {
    strategic: byTier.get('strategic') ?? 0,
    high_value: byTier.get('high_value') ?? 0,
    potential: byTier.get('potential') ?? 0,
    churn_risk: bands.high + bands.critical,
    long_tail: byTier.get('long_tail') ?? 0,
  };
}

export function groupLabel(ctx: SectionContext, g: PlaybookGroup): string {
  return g === 'churn_risk' ? ctx.t('group.churn_risk') : fmt(ctx.lang).tier(g);
}

export function strategySection(ctx: SectionContext): ReportSection {
  const { t, lang, options } = ctx;
  const counts = groupCounts(ctx);
  const numbered = (items: readonly string[]) => items.map((a, i) => `${i + 1}. ${a}`).join('\n');
  return section('strategy', t('s.strategy'), {
    paragraphs: [t('st.intro')],
    tables: [
      {
        id: 'table4',
        caption: t('st.caption'),
        columns: [
          { label: t('col.group'), kind: 'text' },
          { label: t('col.customers'), kind: 'integer' },
          { label: t('col.traits'), kind: 'text' },
          { label: t('col.direction'), kind: 'text' },
          { label: t('col.actions'), kind: 'text' },
          { label: t('col.owner'), kind: 'text' },
          { label: t('col.deadline'), kind: 'text' },
        ],
        rows: playbookGroups.map((g) => {
          const e = entryText(options.playbook[g], lang);
          return [groupLabel(ctx, g), counts[g], e.traits, e.direction, numbered(e.actions), e.owner, deadlineText(ctx, options.playbook[g])];
        }),
      },
    ],
  });
}
