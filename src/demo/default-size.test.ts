import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCompany } from './demo-company.js';
import { generateDemo } from './generate-demo.js';
import { writeDemoFiles, type DemoFile } from './write-demo-files.js';

/** The default company (2,000 customers, 2023–2025), where the planted truths must be plain. */
let c: DemoCompany;
let dir: string;
let files: DemoFile[];

beforeAll(async () => {
  c = generateDemo({ seed: 42 });
  dir = await mkdtemp(join(tmpdir(), 'salescope-demo-default-'));
  files = await writeDemoFiles(c, dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the default demo company', () => {
  it('has the default size and writes every row', async () => {
    expect(c.options).toEqual({ seed: 42, customers: 2000, endDate: '2025-12-31', years: 3 });
    expect(c.customers).toHaveLength(2000);
    expect(c.orderLines.length).toBeGreaterThan(40_000);
    expect(c.orderLines.length).toBeLessThan(120_000);
    expect(c.opportunities.length).toBeGreaterThan(8_000);
    expect(c.interactions.length).toBeGreaterThan(50_000);
    const orders = files.find((f) => f.entity === 'order_lines')!;
    const text = (await readFile(orders.path)).toString('utf8');
    expect(text.split('\r\n').length - 2).toBe(orders.rows);
    expect(orders.rows).toBe(c.orderLines.length + c.dirtyRows.filter((d) => d.kind === 'duplicate').length);
  });

  it('concentrates revenue in the top fifth of customers', () => {
    expect(c.truth.value.top20Share).toBeGreaterThanOrEqual(0.7);
    expect(c.truth.value.top20Share).toBeLessThanOrEqual(0.8);
    const planted = new Set(c.truth.value.top20ByPlantedValue);
    expect(c.truth.value.top20ByRevenue.filter((id) => planted.has(id)).length).toBeGreaterThanOrEqual(12);
  });

  it('has a strong fourth quarter, a weak February, a March rebound and modest growth', () => {
    const s = c.truth.revenue.seasonalIndex;
    expect(Math.min(...s)).toBe(s[1]);
    expect(s[1]!).toBeLessThan(0.7);
    expect(s[2]!).toBeGreaterThan(1.5 * s[1]!);
    expect((s[9]! + s[10]! + s[11]!) / 3).toBeGreaterThan(1.1);
    expect(Math.max(...s)).toBe(s[11]);
    for (const g of Object.values(c.truth.revenue.growthByYear)) {
      expect(g).toBeGreaterThan(0);
      expect(g).toBeLessThan(0.35);
    }
  });

  it('gives large accounts in growing industries the most growth', () => {
    const hp = new Set(c.truth.value.highPotential);
    expect(hp.size).toBeGreaterThan(100);
    const growth = (pick: (id: string) => boolean) => {
      let y2024 = 0;
      let y2025 = 0;
      for (const l of c.orderLines) {
        if (!pick(l.customerId)) continue;
        if (l.date.startsWith('2024')) y2024 += l.amount;
        if (l.date.startsWith('2025')) y2025 += l.amount;
      }
      return y2025 / y2024 - 1;
    };
    expect(growth((id) => hp.has(id))).toBeGreaterThan(growth((id) => !hp.has(id)) + 0.1);
  });

  it('plants churn, risk and the new-customer flow at the stated rates', () => {
    expect(c.truth.churn.churnedShare).toBe(0.12);
    expect(c.truth.churn.atRiskShare).toBe(0.06);
    expect(c.truth.churn.intervalRatio.shareAtLeast1_5).toBe(1);
    expect(c.truth.acquisition.newInLastSixMonthsShare).toBe(0.08);
    const s = c.truth.churn.signals;
    expect(s.churned.meanQuoteResponseHours!).toBeGreaterThan(60);
    expect(s.healthy.meanQuoteResponseHours!).toBeLessThan(30);
    expect(s.churned.detractorShare!).toBeGreaterThan(0.9);
    expect(s.atRisk.detractorShare!).toBeGreaterThan(0.9);
    expect(s.healthy.stalledShare).toBe(0);
  });

  it('ranks the planted best and worst reps at the ends', () => {
    const { reps } = c.truth;
    expect(reps.worst.id).toBe(reps.plantedWorst.id);
    const ranked = reps.byRep.filter((r) => !r.newHire).sort((a, b) => b.attainmentFinalYear! - a.attainmentFinalYear!);
    expect(ranked.slice(0, 3).map((r) => r.id)).toContain(reps.plantedBest.id);
    const best = reps.byRep.find((r) => r.id === reps.plantedBest.id)!;
    const worst = reps.byRep.find((r) => r.id === reps.plantedWorst.id)!;
    const established = reps.byRep.filter((r) => !r.newHire);
    expect(best.winRate).toBe(Math.max(...established.map((r) => r.winRate!)));
    expect(worst.winRate).toBe(Math.min(...established.map((r) => r.winRate!)));
  });

  it('keeps the funnel bottleneck and the CAC order', () => {
    expect(c.truth.funnel.bottleneck.realised).toBe('商务洽谈→报价');
    const cac = c.truth.acquisition.cacByChannel;
    const order = c.truth.acquisition.cacOrder;
    for (let i = 1; i < order.length; i++) expect(cac[order[i - 1]!]!.cac!).toBeGreaterThan(cac[order[i]!]!.cac!);
  });
});
