/** docs/metrics.md, generated from the metric catalogue so the two never drift. */
import { areaTitles, metricCatalogue } from './metric-catalogue.js';
import type { MetricArea } from './metric-definition.js';

const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function metricsMarkdown(): string {
  const lines = [
    '# Metrics',
    '',
    '<!-- Generated from the metric definitions in src/analytics by `npm run docs:metrics`; a test fails when it is stale. -->',
    '',
    'Every number salescope shows, defined once. Amounts are in 元 (yuan) unless stated; a ratio with a zero denominator is',
    'null ("—" on screen), never NaN. Periods are inclusive of both ends; the as-of date defaults to the last order date.',
    '',
  ];
  for (const area of Object.keys(areaTitles) as MetricArea[]) {
    const metrics = metricCatalogue.filter((m) => m.area === area);
    if (metrics.length === 0) continue;
    lines.push(`## ${areaTitles[area].en} · ${areaTitles[area]['zh-CN']}`, '');
    lines.push('| id | metric | formula | unit | edge cases |', '| --- | --- | --- | --- | --- |');
    for (const m of metrics) {
      lines.push(`| \`${m.id}\` | ${cell(m.name.en)}<br>${cell(m.name['zh-CN'])} | ${cell(m.formula)} | ${cell(m.unit)} | ${cell(m.edgeCases)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
