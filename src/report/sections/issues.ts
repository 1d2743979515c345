/** 4. Key issues and needs: complaints, issues in customers' words, IPA, churn reasons and risk, the funnel bottleneck. */
import { ipaChart } from '../../charts/chart-options.js';
import { signalLabel } from '../../i18n/signal-labels.js';
import type { SignalCode } from '../../analytics/churn/churn-signals.js';
import type { ReportSection, ReportTable, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';
import { joinList } from '../../i18n/i18n.js';

export function issuesSection({ data, t, lang }: SectionContext): ReportSection {
  const f = fmt(lang);
  const { satisfaction: sat, churn, funnel } = data.doc;
  const paragraphs: string[] = [];
  const complaints = sat.complaintCategories;
  const total = complaints.reduce((s, c) => s + c.complaints, 0);
  paragraphs.push(
    complaints[0]
      ? t('is.complaints', { total: f.int(total), top: f.quote(complaints[0].category), share: f.pct(complaints[0].share), unresolved: f.int(complaints.reduce((s, c) => s + c.unresolved, 0)) })
      : t('is.noComplaints'),
  );
  if (sat.topIssues.issues.length > 0) paragraphs.push(t('is.text', { terms: f.list(sat.topIssues.issues.slice(0, 5).map((i) => f.quote(i.term))) }));
  paragraphs.push(sat.ipa.items.length === 0 ? t('is.noIpa') : t('is.ipa', { items: f.list(sat.ipa.improveFirst.map(f.quote)) }));
  if (churn.reasons[0]) paragraphs.push(t('is.churnReasons', { top: f.quote(churn.reasons[0].reason), share: f.pct(churn.reasons[0].share) }));
  const signalTotals = Object.entries(churn.signalCounts)
    .map(([code, c]) => ({ code: code as SignalCode, n: c.warn + c.alert }))
    .sort((a, b) => b.n - a.n)
    .slice(0, 3);
  paragraphs.push(t('is.atRisk', { high: f.int(churn.bands.high + churn.bands.critical), signals: f.list(signalTotals.map((s) => signalLabel(s.code, lang))) }));
  const b = funnel.bottleneck;
  paragraphs.push(
    b
      ? t('is.bottleneck', { from: b.from, to: b.to, conversion: f.pct(b.conversion), dwell: b.medianDwellDays === null ? '—' : f.int(b.medianDwellDays), reasons: f.list(b.lostReasons.slice(0, 2).map((r) => f.quote(r.reason))) })
      : t('is.noBottleneck'),
  );
  const tables: ReportTable[] = [
    {
      id: 'complaints',
      caption: t('is.complaintsCaption'),
      columns: [{ label: t('col.category'), kind: 'text' }, { label: t('col.complaints'), kind: 'integer' }, { label: t('col.share'), kind: 'percent' }, { label: t('col.unresolved'), kind: 'integer' }],
      rows: complaints.map((c) => [c.category, c.complaints, c.share, c.unresolved]),
    },
    {
      id: 'text-issues',
      caption: t('is.textCaption'),
      columns: [{ label: t('col.term'), kind: 'text' }, { label: t('col.texts'), kind: 'integer' }, { label: t('col.example'), kind: 'text' }],
      rows: sat.topIssues.issues.slice(0, 8).map((i) => [i.term, i.texts, i.examples[0] ?? '']),
    },
    {
      id: 'churn-reasons',
      caption: t('is.reasonsCaption'),
      columns: [{ label: t('col.reason'), kind: 'text' }, { label: t('col.customers'), kind: 'integer' }, { label: t('col.share'), kind: 'percent' }],
      rows: churn.reasons.map((r) => [r.reason, r.customers, r.share]),
    },
    {
      id: 'at-risk',
      caption: t('is.atRiskCaption'),
      columns: [{ label: t('col.customerId'), kind: 'id' }, { label: t('col.customerName'), kind: 'text' }, { label: t('col.tier'), kind: 'text' }, { label: t('col.riskScore'), kind: 'integer' }, { label: t('col.signals'), kind: 'text' }],
      rows: churn.atRisk.slice(0, 10).map((c) => [
        c.customerId, c.name, c.tier === null ? '' : f.tier(c.tier), c.riskScore,
        joinList(c.signals.map((s) => signalLabel(s.code, lang)), lang),
      ]),
    },
  ];
  const cut = sat.ipa.cut;
  return section('issues', t('s.issues'), {
    paragraphs,
    tables,
    charts: cut
      ? [{ id: 'ipa', option: ipaChart(t('chart.ipa'), sat.ipa.items.map((i) => ({ name: i.item, score: i.meanScore, importance: i.meanImportance })), cut, { score: t('chart.score'), importance: t('chart.importance') }), width: 560, height: 380 }]
      : [],
  });
}
