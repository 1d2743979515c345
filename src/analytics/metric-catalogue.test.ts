import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { areaTitles, metricCatalogue } from './metric-catalogue.js';
import { metricsMarkdown } from './metrics-doc.js';

describe('the metric catalogue', () => {
  it('defines each metric once, in both languages, with formula, unit and edge cases', () => {
    const ids = metricCatalogue.map((m) => `${m.area}/${m.id}`);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of metricCatalogue) {
      expect(m.name.en.trim(), m.id).not.toBe('');
      expect(m.name['zh-CN'], m.id).toMatch(/[\u4e00-\u9fff]|^[A-Z]/);
      for (const field of [m.formula, m.unit, m.edgeCases]) expect(field.trim(), m.id).not.toBe('');
    }
  });

  it('covers every analysis area', () => {
    for (const area of Object.keys(areaTitles)) expect(metricCatalogue.some((m) => m.area === area), area).toBe(true);
  });

  it('is what docs/metrics.md says (run npm run docs:metrics)', async () => {
    const onDisk = await readFile(new URL('../../docs/metrics.md', import.meta.url), 'utf8');
    expect(onDisk).toBe(metricsMarkdown());
  });
});
