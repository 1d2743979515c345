/** 3. Tiering results: tiers and their traits, shares of revenue and profit, migration, Pareto, table 2. */
import { barChart } from '../../charts/chart-options.js';
import type { ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';
import { joinList } from '../../i18n/i18n.js';

const tierOrder = ['strategic', 'high_value', 'potential', 'long_tail'];
const rank = (tier: string) => tierOrder.indexOf(tier);

export function tiersSection({ data, t, lang }: SectionContext): ReportSection {
  const f = fmt(lang);
  const { doc } = data;
  const tiers = [...doc.tiers.value].sort((a, b) => rank(a.tier) - rank(b.tier));
  const paragraphs = tiers.map((x) =>
    t('ti.tier', { tier: f.tier(x.tier), customers: f.int(x.customers), share: f.pct(x.customerShare), revenue: f.pct(x.revenueShare), profit: f.pct(x.profitShare) }),
  );
  const p = doc.pareto;
  paragraphs.push(t('ti.pareto', { top: f.int(p.topCustomers), revenue: f.pct(p.topRevenueShare), profit: f.pct(p.topProfitShare), gini: p.gini === null ? '—' : p.gini.toFixed(2) }));
  const moves = doc.migration?.value ?? null;
  if (moves === null) paragraphs.push(t('ti.noMigration'));
  else {
    const up = moves.filter((m) => rank(m.to) >= 0 && rank(m.from) >= 0 && rank(m.to) < rank(m.from)).reduce((s, m) => s + m.customers, 0);
    const down = moves.filter((m) => rank(m.to) >= 0 && rank(m.from) >= 0 && rank(m.to) > rank(m.from)).reduce((s, m) => s + m.customers, 0);
    paragraphs.push(t('ti.migration', { up: f.int(up), down: f.int(down) }));
  }
  return section('tiers', t('s.tiers'), {
    paragraphs,
    charts: [
      {
        id: 'tiers',
        option: barChart(
          t('chart.tiers'),
          tiers.map((x) => f.tier(x.tier)),
          [
            { name: t('chart.customers'), values: tiers.map((x) => x.customerShare) },
            { name: t('chart.revenueShare'), values: tiers.map((x) => x.revenueShare ?? 0) },
          ],
          { percent: true },
        ),
        width: 640,
        height: 320,
      },
    ],
    tables: [
      {
        id: 'traits',
        caption: t('ti.traitsCaption'),
        columns: [
          { label: t('col.tier'), kind: 'text' },
          { label: t('col.customers'), kind: 'integer' },
          { label: t('col.customerShare'), kind: 'percent' },
          { label: t('col.revenueShare'), kind: 'percent' },
          { label: t('col.profitShare'), kind: 'percent' },
          { label: t('col.avgRecency'), kind: 'integer' },
          { label: t('col.avgFrequency'), kind: 'number' },
          { label: t('col.avgMonetary'), kind: 'yuan' },
          { label: t('col.mainIndustries'), kind: 'text' },
        ],
        rows: tiers.map((x) => [
          f.tier(x.tier), x.customers, x.customerShare, x.revenueShare, x.profitShare, x.avgRecencyDays, x.avgFrequency, x.avgMonetary,
          joinList(x.mainIndustries.map((i) => i.industry), lang),
        ]),
      },
      {
        id: 'table2',
        caption: t('ti.table2Caption'),
        columns: [
          { label: t('col.customerId'), kind: 'id' },
          { label: t('col.customerName'), kind: 'text' },
          { label: t('col.recencyDays'), kind: 'integer' },
          { label: t('col.frequencyYear'), kind: 'number' },
          { label: t('col.amountYear'), kind: 'wan' },
          { label: t('col.rfmScore'), kind: 'id' },
          { label: t('col.tier'), kind: 'text' },
        ],
        rows: data.table2.map((r) => [r.customerId, r.name, r.recencyDays, r.frequencyPerYear, r.amountPerYear, r.rfmCode, f.tier(r.tier)]),
      },
    ],
  });
}
