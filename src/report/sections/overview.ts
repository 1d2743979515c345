/** 2. Customer overview: counts, industry and size distribution, regions, the revenue trend with its forecast. */
import { barChart, pieChart, trendChart } from '../../charts/chart-options.js';
import type { ReportSection, SectionContext } from '../report-model.js';
import { fmt, section } from './section-helpers.js';

export function overviewSection({ data, t, lang }: SectionContext): ReportSection {
  const f = fmt(lang);
  const { doc } = data;
  const k = doc.kpis.current;
  const unknown = t('unknown');
  const name = (s: string) => (s === 'unknown' ? unknown : s);
  const industries = [...doc.segments.industry].sort((a, b) => b.customers - a.customers);
  const sizes = [...doc.segments.size].sort((a, b) => b.customers - a.customers);
  const regions = [...doc.segments.region].sort((a, b) => b.revenue - a.revenue);
  const top3 = industries.slice(0, 3);
  const paragraphs = [
    t('ov.customers', { total: f.int(data.totals.customers), active: f.int(k.customers), activeShare: f.pct(data.totals.customers > 0 ? k.customers / data.totals.customers : null), newCustomers: f.int(k.newCustomers) }),
    t('ov.revenue', { revenue: f.money(k.revenue), yoy: f.pct(doc.kpis.yearOverYear.revenue), orders: f.int(k.orders), aov: k.averageOrderValue === null ? '—' : f.money(k.averageOrderValue) }),
  ];
  if (top3.length > 0) paragraphs.push(t('ov.industry', { top: f.list(top3.map((i) => name(i.segment))), share: f.pct(top3.reduce((s, i) => s + i.customerShare, 0)) }));
  if (sizes[0]) paragraphs.push(t('ov.size', { top: name(sizes[0].segment), share: f.pct(sizes[0].customerShare) }));
  const forecast = data.forecast ?? [];
  paragraphs.push(
    data.forecast && data.forecastModel
      ? t('ov.forecast', { model: data.forecastModel, total: f.money(forecast.reduce((s, p) => s + p.revenue, 0)) })
      : t('ov.noForecast'),
  );
  const history = data.monthly.slice(-24).map((m) => ({ month: m.month, value: m.revenue }));
  return section('overview', t('s.overview'), {
    paragraphs,
    charts: [
      { id: 'industry', option: pieChart(t('chart.industry'), industries.map((i) => ({ name: name(i.segment), value: i.customers }))), width: 640, height: 360 },
      { id: 'size', option: barChart(t('chart.size'), sizes.map((s) => name(s.segment)), [{ name: t('chart.customers'), values: sizes.map((s) => s.customers) }]), width: 640, height: 300 },
      {
        id: 'region',
        option: barChart(t('chart.region'), regions.map((r) => name(r.segment)), [{ name: t('chart.revenueShare'), values: regions.map((r) => Math.round(r.revenue / 10_000)) }], { horizontal: true }),
        width: 640,
        height: 40 + 28 * Math.max(3, regions.length),
      },
      {
        id: 'trend',
        option: trendChart(t('chart.trend'), history, forecast.map((p) => ({ month: p.month, value: p.revenue, lower: p.lower95, upper: p.upper95 })), {
          actual: t('chart.actual'),
          forecast: t('chart.forecast'),
          band: t('chart.band'),
        }),
        width: 680,
        height: 340,
      },
    ],
  });
}
