/**
 * The funnel on public CRM data, imported through the normal intake: the
 * Maven CRM pipeline's published 63.15% win rate and Olist's 842 of 8,000
 * marketing-qualified leads closed (10.53%).
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisConfigSchema } from '../../src/config/analysis-config.js';
import { funnelSection } from '../../src/analytics/funnel/funnel.js';
import { readUserMapping } from '../../src/intake/user-mapping.js';
import { datasets, testStore, type TestStore } from '../support/test-store.js';

const everything = { asOf: '2019-12-31', from: '2010-01-01', to: '2019-12-31' };

describe('the funnel on public CRM data', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await testStore();
  });
  afterEach(() => store.dispose());

  it('Maven CRM: 63.15% of closed deals won, a row per agent', async () => {
    const crm = path.join(datasets, 'crm_sales_opportunities');
    for (const f of ['sales_teams.csv', 'accounts.csv', 'sales_pipeline.csv']) await store.import(path.join(crm, f));
    const config = analysisConfigSchema.parse({ funnel: { stages: ['Prospecting', 'Engaging', 'Won'] } });
    const f = await funnelSection({ db: store.engine, period: everything, config, tiers: null, scope: null }, 5);
    expect(f.won).toBe(4_238);
    expect(f.lost).toBe(2_473);
    expect(Math.round(f.winRate! * 10_000) / 100).toBe(63.15);
    expect(f.stages.at(-1)!.reached).toBe(4_238);
    // 30 agents sold; each has a row in the by-rep slice, named from the teams file.
    expect(f.slices.rep).toHaveLength(30);
    expect(f.slices.rep.every((r) => !/^\d+$/.test(r.group))).toBe(true);
  });

  it('Olist: 10.53% of marketing-qualified leads closed', async () => {
    const olist = path.join(datasets, 'olist');
    await store.import(path.join(olist, 'olist_marketing_qualified_leads_dataset.csv'));
    const mapping = await readUserMapping(path.resolve(import.meta.dirname, '../fixtures/mappings/olist-closed-deals.yaml'));
    if (!mapping.ok) throw new Error('mapping');
    await store.import(path.join(olist, 'olist_closed_deals_dataset.csv'), { mapping: mapping.mapping });
    const config = analysisConfigSchema.parse({ funnel: { stages: ['MQL', 'Closed'] } });
    const f = await funnelSection({ db: store.engine, period: everything, config, tiers: null, scope: null }, 5);
    expect(f.stages.map((s) => s.reached)).toEqual([8_000, 842]);
    expect(Math.round(f.stages[1]!.conversion! * 10_000) / 100).toBe(10.53);
    // By lead source (origin): every lead has one, and the slices add up.
    expect(f.slices.source.reduce((s, r) => s + r.opportunities, 0)).toBe(8_000);
  });
});
