/** 6. Next steps: concrete actions with owner, deadline and expected effect, drawn from what the analysis found. */
import { addDays } from '../../analytics/analysis-period.js';
import { entryText, playbookGroups } from '../../playbook/default-playbook.js';
import type { Cell, ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';
import { deadlineText, groupCounts, groupLabel } from './strategy.js';

export function nextStepsSection(ctx: SectionContext): ReportSection {
  const { data, t, lang, options } = ctx;
  const f = fmt(lang);
  const { churn, funnel, satisfaction } = data.doc;
  const within = (days: number) => t('withinDays', { days, date: f.date(addDays(data.doc.period.asOf, days)) });
  const rows: Cell[][] = [];
  const atRisk = churn.atRisk.filter((c) => c.riskScore >= 50).slice(0, 10);
  if (atRisk.length > 0) {
    // Their yearly revenue at stake: twice what they bought in the half-year before the last one.
    const atStake = atRisk.reduce((sum, c) => sum + 2 * Number(c.signals.find((x) => x.code === 'value')?.evidence.before ?? 0), 0);
    rows.push([
      t('nx.callAtRisk', { n: atRisk.length, names: f.list(atRisk.slice(0, 3).map((c) => c.name ?? c.customerId)) }),
      t('nx.repOwner'),
      within(15),
      t('nx.callEffect', { revenue: f.money(atStake / 2) }),
    ]);
  }
  const b = funnel.bottleneck;
  const stuck = b ? (funnel.stages.find((s) => s.stage === b.from)?.open ?? 0) : 0;
  if (b && stuck > 0) rows.push([t('nx.bottleneck', { n: stuck, from: b.from }), t('nx.salesManager'), within(30), t('nx.bottleneckEffect', { from: b.from, to: b.to })]);
  if (satisfaction.ipa.improveFirst.length > 0) rows.push([t('nx.improve', { items: f.list(satisfaction.ipa.improveFirst.map(f.quote)) }), t('nx.serviceManager'), within(60), t('nx.improveEffect')]);
  const counts = groupCounts(ctx);
  for (const g of playbookGroups) {
    if (counts[g] === 0) continue;
    const e = entryText(options.playbook[g], lang);
    const what = lang === 'zh-CN' ? `${groupLabel(ctx, g)}（${f.int(counts[g])} 个）：${e.actions[0]}` : `${groupLabel(ctx, g)} (${f.int(counts[g])}): ${e.actions[0]}`;
    rows.push([what, e.owner, deadlineText(ctx, options.playbook[g]), e.expectedEffect]);
  }
  return section('next', t('s.next'), {
    paragraphs: [t('nx.intro')],
    tables: [
      {
        id: 'actions',
        caption: t('nx.caption'),
        columns: [{ label: t('col.action'), kind: 'text' }, { label: t('col.owner'), kind: 'text' }, { label: t('col.deadline'), kind: 'text' }, { label: t('col.effect'), kind: 'text' }],
        rows,
      },
    ],
  });
}
