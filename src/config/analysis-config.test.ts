import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { analysisConfigInputSchema, analysisConfigSchema, defaultAnalysisConfig } from './analysis-config.js';

/** Every settings key a person can write, as a dotted path: the sections' keys; an object within a section (weights) is one key. */
function keyPaths(shape: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(shape).flatMap(([key, schema]) => {
    const def = (unwrap(schema) as { def?: { type?: string; shape?: Record<string, unknown> } }).def;
    return prefix === '' && def?.type === 'object' && def.shape !== undefined ? keyPaths(def.shape, `${key}.`) : [prefix + key];
  });
}

function unwrap(schema: unknown): unknown {
  let s = schema as { def?: { type?: string; innerType?: unknown } };
  while (s.def && ['default', 'prefault', 'optional'].includes(s.def.type ?? '')) s = s.def.innerType as typeof s;
  return s;
}

describe('analysis settings', () => {
  it('are all documented in docs/configuration.md, with their defaults', async () => {
    const doc = await readFile(new URL('../../docs/configuration.md', import.meta.url), 'utf8');
    const paths = keyPaths(analysisConfigSchema.shape);
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !doc.includes(`| \`${p}\` |`))).toEqual([]);
    // A scalar default in the schema is the one the table gives.
    const config = defaultAnalysisConfig() as unknown as Record<string, unknown>;
    const valueAt = (p: string) => p.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], config);
    const wrong = paths.filter((p) => {
      const v = valueAt(p);
      if (typeof v !== 'number' && typeof v !== 'string') return false;
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${p}\` |`))!;
      const cell = row.split('|')[2]!.trim().replace(/`/g, '');
      return cell !== String(v);
    });
    expect(wrong).toEqual([]);
  });

  it('refuse fixed RFM scoring without ascending cut points, as a person writes them, but read a stored version as it is', () => {
    const fixed = { rfm: { method: 'fixed' } };
    expect(analysisConfigSchema.safeParse(fixed).success).toBe(true);
    const missing = analysisConfigInputSchema.safeParse(fixed);
    expect(missing.success ? [] : missing.error.issues.map((i) => i.path.join('.'))).toEqual(['rfm.thresholds']);
    const unsorted = analysisConfigInputSchema.safeParse({ rfm: { method: 'fixed', thresholds: { r: [30, 60, 90, 180], f: [1, 3, 2, 5], m: [1, 2, 3, 4] } } });
    expect(unsorted.success ? [] : unsorted.error.issues.map((i) => i.path.join('.'))).toEqual(['rfm.thresholds.f']);
    expect(analysisConfigInputSchema.safeParse({ rfm: { method: 'fixed', thresholds: { r: [30, 60, 90, 180], f: [1, 2, 3, 5], m: [1, 2, 2, 4] } } }).success).toBe(true);
  });

  it.each([
    [{ valueTiers: { strategic: 10, highValue: 90 } }, 'valueTiers.strategic'],
    [{ valueTiers: { weights: { rfm: 0, profit: 0, potential: 0 } } }, 'valueTiers.weights'],
    [{ rfm: { profile: 'custom' } }, 'rfm.customWeights'],
    [{ rfm: { profile: 'custom', customWeights: { r: 0, f: 0, m: 0 } } }, 'rfm.customWeights'],
    [{ churn: { weights: { recency: 0, value: 0, competitor: 0, quote: 0, stalled: 0, complaints: 0, csat: 0, nps: 0 } } }, 'churn.weights'],
  ])('refuse %j, naming %s', (settings, key) => {
    const r = analysisConfigInputSchema.safeParse(settings);
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual([key]);
  });

  it('take every default and a sensible change', () => {
    expect(analysisConfigInputSchema.parse({})).toEqual(defaultAnalysisConfig());
    expect(analysisConfigInputSchema.safeParse({ valueTiers: { strategic: 85, highValue: 85 }, rfm: { profile: 'custom', customWeights: { r: 0, f: 1, m: 1 } } }).success).toBe(true);
  });
});
