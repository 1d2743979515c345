/** Segmentation, churn warning and forecast in a real browser on the demo company: what the pages show against the API and the store. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { signalEvidence, type SignalLike } from '../../src/i18n/signal-evidence.js';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 300 });
  // A second analysis as of three months later than a first one, so the migration matrix has two snapshots to compare.
  const [{ earlier }] = (await web.demo.store.engine.query<{ earlier: string }>(
    `SELECT CAST(CAST(max(order_date) - INTERVAL '3 months' AS DATE) AS VARCHAR) AS earlier FROM order_lines`,
  )) as [{ earlier: string }];
  const now = () => new Date('2026-01-05T08:00:00Z');
  await runAnalysis(web.demo.store.engine, { asOf: earlier }, now);
  await runAnalysis(web.demo.store.engine, {}, now);
}, 300_000);
afterAll(async () => web?.close());

const api = <T>(path: string): Promise<T> => web.api<T>(path);
const rows = <T>(sql: string, params: (string | number)[] = []) => web.demo.store.engine.query<T & Record<string, unknown>>(sql, params);
const wan = (v: number) => `${(v / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
const pct = (v: number, lang: 'zh-CN' | 'en' = 'zh-CN', digits = 1) => `${(v * 100).toLocaleString(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
const count = (n: number, lang: 'zh-CN' | 'en' = 'zh-CN') => n.toLocaleString(lang);
const cardTitles = (page: Page, testId: string) => page.locator(`[data-testid=${testId}] .ant-card-head-title`).allTextContents();
const listTotal = (page: Page) => page.locator('.ant-pagination-total-text').textContent();

async function switchTo(page: Page, lang: 'zh-CN' | 'en') {
  await page.getByTestId('lang-switch').getByText(lang === 'en' ? 'English' : '中文').click();
}

interface Segments {
  snapshotId: number;
  tiers: { value: { tier: string; customers: number; revenueShare: number }[] };
  migration: { value: { from: string; to: string; customers: number }[] } | null;
  pareto: { topRevenueShare: number; abc: { class: string; customers: number }[] };
}

describe('segmentation', () => {
  it('shows in every RFM grid cell the customers with that R and F score in the store', async () => {
    const seg = await api<Segments>('/api/segments');
    const cells = await rows<{ r: number; f: number; n: bigint; revenue: number }>(
      'SELECT r_score AS r, f_score AS f, count(*) AS n, CAST(sum(monetary) AS FLOAT8) AS revenue FROM customer_scores WHERE snapshot_id = $1 GROUP BY r_score, f_score',
      [seg.snapshotId],
    );
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/segmentation`);
    const cell = (r: number, f: number) => page.getByTestId(`rfm-cell-${r}-${f}`);
    await cell(5, 5).waitFor();
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const found = cells.find((c) => Number(c.r) === r && Number(c.f) === f);
        expect(await cell(r, f).getByTestId('rfm-cell-customers').textContent(), `R${r} F${f}`).toBe(count(Number(found?.n ?? 0)));
      }
    }
    const busiest = [...cells].sort((a, b) => Number(b.n) - Number(a.n))[0]!;
    expect(await cell(busiest.r, busiest.f).textContent()).toContain(wan(busiest.revenue));
    await web.screenshot(page, 'segmentation-zh');
    await context.close();
  });

  it('drills from a grid cell into the customers list with that cell\'s customers', async () => {
    const seg = await api<Segments>('/api/segments');
    const [cell] = await rows<{ r: number; f: number; n: bigint }>(
      'SELECT r_score AS r, f_score AS f, count(*) AS n FROM customer_scores WHERE snapshot_id = $1 GROUP BY r_score, f_score HAVING count(*) > 1 ORDER BY n, r, f LIMIT 1',
      [seg.snapshotId],
    );
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/segmentation`);
    await page.getByTestId(`rfm-cell-${cell!.r}-${cell!.f}`).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/customers\\?r=${cell!.r}&f=${cell!.f}$`));
    await expect.poll(() => listTotal(page)).toBe(`${count(Number(cell!.n), 'en')} customers`);
    await context.close();
  });

  it('shows the tier traits, Pareto and the migration between the two latest snapshots as the API gives them; tiers and classes drill to their customers', async () => {
    const seg = await api<Segments>('/api/segments?lang=en');
    expect(seg.migration).not.toBeNull();
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/segmentation`);
    const traits = page.getByTestId('tier-traits');
    const first = seg.tiers.value[0]!;
    await expect.poll(() => traits.locator('tbody tr.ant-table-row').first().textContent()).toContain(count(first.customers, 'en'));
    expect(await traits.locator('tbody tr.ant-table-row').first().textContent()).toContain(pct(first.revenueShare, 'en'));
    expect(await page.getByTestId('pareto-top-revenue').textContent()).toContain(pct(seg.pareto.topRevenueShare, 'en'));

    const moves = seg.migration!.value;
    const sum = (keep: (m: { from: string; to: string }) => boolean) => moves.filter(keep).reduce((s, m) => s + m.customers, 0);
    expect(await page.getByTestId('migration-stay').textContent()).toBe(`stayed ${count(sum((m) => m.from === m.to), 'en')}`);
    expect(await page.getByTestId('migration-entered').textContent()).toBe(`new ${count(sum((m) => m.from === 'none'), 'en')}`);
    for (const m of moves) expect(await page.getByTestId(`migration-cell-${m.from}-${m.to}`).textContent()).toBe(count(m.customers, 'en'));
    // The matrix is the store's: customers by tier in the previous snapshot against this one.
    const [previous] = await rows<{ id: number }>(
      `SELECT snapshot_id AS id FROM analysis_snapshots
       WHERE scope IS NULL AND as_of < (SELECT as_of FROM analysis_snapshots WHERE snapshot_id = $1) ORDER BY as_of DESC, snapshot_id DESC LIMIT 1`,
      [seg.snapshotId],
    );
    const [stayed] = await rows<{ n: bigint }>(
      'SELECT count(*) AS n FROM customer_scores a JOIN customer_scores b USING (customer_id) WHERE a.snapshot_id = $1 AND b.snapshot_id = $2 AND a.value_tier = b.value_tier',
      [previous!.id, seg.snapshotId],
    );
    expect(await page.getByTestId('migration-stay').textContent()).toBe(`stayed ${count(Number(stayed!.n), 'en')}`);
    await web.screenshot(page, 'segmentation-en');

    await page.getByTestId('abc-table').getByText('Class A').click();
    const a = await api<{ total: number }>('/api/customers?abc=A');
    expect(a.total).toBe(seg.pareto.abc.find((c) => c.class === 'A')!.customers);
    await expect.poll(() => listTotal(page)).toBe(`${count(a.total, 'en')} customers`);
    await page.goBack();
    await traits.locator('tbody tr.ant-table-row').first().locator('a').click();
    await expect.poll(() => listTotal(page)).toBe(`${count(first.customers, 'en')} customers`);
    await context.close();
  });

  it('edits a tier threshold: previews how many customers move, saves a new version with its note', async () => {
    const before = await api<{ version: number; config: { valueTiers: { strategic: number } } }>('/api/settings');
    const strategic = before.config.valueTiers.strategic - 10;
    const note = `一季度复盘 ${Date.now()}`;
    const res = await fetch(`${web.url}/api/settings/preview`, {
      method: 'POST',
      headers: { ...web.admin.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ patch: { valueTiers: { strategic } } }),
    });
    const expected = (await res.json()) as { movedValueTier: number; movedRfmTier: number };
    expect(expected.movedValueTier).toBeGreaterThan(0);

    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/segmentation`);
    const version = page.getByTestId('settings-version');
    await expect.poll(() => version.textContent()).toBe(`当前生效：第 ${before.version} 版`);
    const input = page.getByTestId('settings-strategic').locator('input');
    await input.fill(String(strategic));
    await input.blur();
    expect(await page.getByTestId('settings-save').isDisabled()).toBe(true);
    await page.getByTestId('settings-preview').click();
    const moved = page.getByTestId('preview-moved-value');
    await expect.poll(() => moved.textContent()).toContain(count(expected.movedValueTier));
    expect(await page.getByTestId('preview-moved-rfm').textContent()).toContain(count(expected.movedRfmTier));
    // The moves listed add up to the count.
    const listed = await page.getByTestId('preview-moves').locator('tbody tr.ant-table-row').evaluateAll((trs) =>
      trs.filter((tr) => tr.textContent?.startsWith('价值分层')).reduce((s, tr) => s + Number(tr.lastElementChild?.textContent?.replace(/\D/g, '')), 0),
    );
    expect(listed).toBe(expected.movedValueTier);
    await web.screenshot(page, 'segmentation-settings-preview-zh');

    await page.getByTestId('settings-note').fill(note);
    await page.getByTestId('settings-save').click();
    await expect.poll(() => page.getByTestId('settings-saved').textContent()).toContain(`已保存为第 ${before.version + 1} 版`);
    await expect.poll(() => version.textContent()).toBe(`当前生效：第 ${before.version + 1} 版`);
    const after = await api<{ version: number; config: { valueTiers: { strategic: number } } }>('/api/settings');
    expect(after.version).toBe(before.version + 1);
    expect(after.config.valueTiers.strategic).toBe(strategic);
    const [stored] = await rows<{ version: number; note: string }>('SELECT version, note FROM analysis_configs ORDER BY version DESC LIMIT 1');
    expect(stored).toMatchObject({ version: before.version + 1, note });
    // The version list shows it first, with its note, marked as the one in force.
    await expect.poll(() => page.getByTestId('settings-history').locator('tbody tr').first().textContent()).toContain(note);
    expect(await page.getByTestId('settings-history').locator('tbody tr').first().textContent()).toContain(`${before.version + 1}（当前）`);
    await web.screenshot(page, 'segmentation-settings-saved-zh');
    await context.close();
  });

  it('switches its headings with the language', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/segmentation`);
    const zh = ['RFM 矩阵（最近购买 R × 频次 F）', '帕累托与 ABC 分类', '各分层特征', '分层迁移矩阵（上一期 → 本期）', '权重方案与分层阈值'];
    const en = ['RFM grid (recency R × frequency F)', 'Pareto and ABC classes', 'What each tier looks like', 'Tier migration (previous → this analysis)', 'Weight profile and tier thresholds'];
    await expect.poll(() => cardTitles(page, 'segmentation-page')).toEqual(zh);
    await switchTo(page, 'en');
    await expect.poll(() => cardTitles(page, 'segmentation-page')).toEqual(en);
    expect(await page.getByTestId('rfm-grid').textContent()).toContain('Click a cell to list its customers');
    await context.close();
  });
});

interface Churn {
  customers: number;
  bands: Record<'low' | 'medium' | 'high' | 'critical', number>;
  atRisk: { customerId: string; name: string; riskScore: number; signals: SignalLike[] }[];
  model: { testChurnRate: number; model: { auc: number; precisionAt10: number } } | null;
  reasons: { reason: string; customers: number; share: number }[];
}

describe('churn warning', () => {
  it('lists the riskiest customers first with their signals in words, as the API gives them, and opens their 360 view', async () => {
    const churn = await api<Churn>('/api/churn');
    const top = churn.atRisk[0]!;
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/churn`);
    const firstRow = page.getByTestId('at-risk-list').locator('tbody tr.ant-table-row').first();
    await expect.poll(() => firstRow.getByTestId('at-risk-name').textContent()).toBe(top.name);
    expect(await firstRow.getByTestId('at-risk-score').textContent()).toBe(String(top.riskScore));
    const signals = await firstRow.getByTestId('at-risk-signals').textContent();
    for (const s of top.signals) expect(signals).toContain(signalEvidence(s, 'zh-CN'));
    expect(await page.getByTestId('at-risk-list').locator('tbody tr.ant-table-row').count()).toBe(Math.min(10, churn.atRisk.length));
    for (const band of ['low', 'medium', 'high', 'critical'] as const) expect(await page.getByTestId(`band-${band}`).textContent()).toContain(count(churn.bands[band]));
    await web.screenshot(page, 'churn-zh');
    await firstRow.getByTestId('at-risk-name').click();
    await expect.poll(() => page.getByTestId('customer-name').textContent()).toContain(top.name);
    await context.close();
  });

  it('drills from a risk band into its customers and every riskier one', async () => {
    const churn = await api<Churn>('/api/churn');
    // The riskiest band that has customers: the list holds it and the bands above.
    const band = churn.bands.critical > 0 ? 'critical' : 'high';
    const expected = band === 'critical' ? churn.bands.critical : churn.bands.high + churn.bands.critical;
    expect(expected).toBeGreaterThan(0);
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/churn`);
    await page.getByTestId(`band-${band}`).click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/customers\\?sort=risk&minRisk=${band === 'critical' ? 75 : 50}$`));
    await expect.poll(() => listTotal(page)).toBe(`${count(expected, 'en')} customers`);
    await context.close();
  });

  it('drills from the most frequent signal\'s bar into the customers showing it', async () => {
    const churn = await api<Churn & { signalCounts: Record<string, { warn: number; alert: number }> }>('/api/churn');
    const [code, c] = Object.entries(churn.signalCounts).sort((a, b) => b[1].warn + b[1].alert - (a[1].warn + a[1].alert))[0]!;
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/churn`);
    // The top bar of the stacked chart: the first bar drawn in the alert colour, else the warning one.
    const bar = page.getByTestId('signal-chart').locator(`path[fill="${c.alert > 0 ? '#cf1322' : '#faad14'}"]`).first();
    await bar.waitFor();
    await bar.click();
    await expect.poll(() => page.url()).toContain(`signal=${code}`);
    const list = await api<{ total: number }>(`/api/customers?signal=${code}`);
    expect(list.total).toBe(c.warn + c.alert);
    await expect.poll(() => listTotal(page)).toBe(`${count(list.total, 'en')} customers`);
    expect(await page.getByTestId('filter-signal').count()).toBe(1);
    await context.close();
  });

  it('shows the recorded churn reasons and the model quality as the API gives them, in either language', async () => {
    const churn = await api<Churn>('/api/churn');
    expect(churn.reasons.length).toBeGreaterThan(0);
    expect(churn.model).not.toBeNull();
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/churn`);
    const reasons = page.getByTestId('churn-reasons').locator('tbody tr.ant-table-row');
    await expect.poll(() => reasons.count(), { timeout: 20_000 }).toBe(churn.reasons.length);
    for (const [i, r] of churn.reasons.entries()) {
      const text = await reasons.nth(i).textContent();
      expect(text).toContain(r.reason);
      expect(await reasons.nth(i).getByTestId('reason-share').textContent()).toBe(pct(r.share, 'en'));
      expect(text).toContain(count(r.customers, 'en'));
    }
    // Shares are of the customers with a recorded reason.
    expect(churn.reasons.reduce((s, r) => s + r.share, 0)).toBeCloseTo(1, 6);
    const model = page.getByTestId('model-scores').locator('tbody tr.ant-table-row').first();
    const m = churn.model!;
    expect(await model.textContent()).toContain(m.model.auc.toLocaleString('en', { maximumFractionDigits: 3 }));
    expect(await model.textContent()).toContain(`${(m.model.precisionAt10 / m.testChurnRate).toLocaleString('en', { maximumFractionDigits: 1 })}×`);
    expect(await page.getByTestId('model-churn-rate').textContent()).toBe(pct(m.testChurnRate, 'en'));
    await web.screenshot(page, 'churn-en');

    const zh = ['风险最高的客户', '风险信号分布', '记录的流失原因', '模型质量（时间切分的留出检验）'];
    const en = ['Customers most at risk', 'Signals raised', 'Recorded churn reasons', 'Model quality (time-split holdout)'];
    expect(await cardTitles(page, 'churn-page')).toEqual(en);
    await switchTo(page, 'zh-CN');
    await expect.poll(() => cardTitles(page, 'churn-page')).toEqual(zh);
    await context.close();
  });
});

interface Forecast {
  series: {
    group: string;
    status: string;
    forecast: { month: string; revenue: number; lower80: number; upper80: number; lower95: number; upper95: number }[];
    backtest: { model: { mape: number; smape: number }; seasonalNaive: { mape: number; smape: number } };
  }[];
  pipeline: { weightedAmount: number };
}

describe('forecast', () => {
  it('shows the forecast with its 80% and 95% intervals, the backtest against seasonal naive and the weighted pipeline as the API gives them', async () => {
    const f = await api<Forecast>('/api/forecast?horizon=12');
    const s = f.series[0]!;
    expect(s.status).toBe('ok');
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/forecast`);
    const table = page.getByTestId('forecast-table').locator('tbody tr.ant-table-row');
    // Fitting and backtesting take a while on a busy machine.
    await expect.poll(() => table.count(), { timeout: 90_000 }).toBe(12);
    for (const [i, p] of s.forecast.entries()) {
      const row = table.nth(i);
      expect(await row.textContent()).toContain(p.month);
      expect(await row.getByTestId('forecast-revenue').textContent()).toBe(wan(p.revenue));
      expect(await row.getByTestId('forecast-80').textContent()).toBe(`${wan(p.lower80)} – ${wan(p.upper80)}`);
      expect(await row.getByTestId('forecast-95').textContent()).toBe(`${wan(p.lower95)} – ${wan(p.upper95)}`);
    }
    const bt = page.getByTestId('backtest-table').locator('tbody tr.ant-table-row').first();
    expect(await bt.getByTestId('backtest-mape').textContent()).toBe(`${pct(s.backtest.model.mape)} / ${pct(s.backtest.seasonalNaive.mape)}`);
    expect(await bt.getByTestId('backtest-smape').textContent()).toBe(`${pct(s.backtest.model.smape)} / ${pct(s.backtest.seasonalNaive.smape)}`);
    expect(await bt.getByTestId('backtest-verdict').textContent()).toContain(s.backtest.model.mape < s.backtest.seasonalNaive.mape ? '低' : '高');
    expect(await page.getByTestId('pipeline-weighted').textContent()).toContain(wan(f.pipeline.weightedAmount));
    await expect.poll(() => page.getByTestId('forecast-chart').locator('path').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    await web.screenshot(page, 'forecast-zh');

    await page.getByTestId('forecast-horizon').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="预测 6 个月"]').click();
    await expect.poll(() => table.count(), { timeout: 90_000 }).toBe(6);
    const six = await api<Forecast>('/api/forecast?horizon=6');
    expect(await table.first().getByTestId('forecast-80').textContent()).toBe(`${wan(six.series[0]!.forecast[0]!.lower80)} – ${wan(six.series[0]!.forecast[0]!.upper80)}`);
    await context.close();
  });

  it('forecasts per region, one backtest row per region', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/forecast?by=region`);
    // A forecast per region is the slowest the API makes (and the server, in this process, answers nothing else meanwhile).
    const backtestRows = page.getByTestId('backtest-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => backtestRows.count(), { timeout: 200_000 }).toBeGreaterThan(0);
    const f = await api<Forecast>('/api/forecast?horizon=12&by=region');
    const ok = f.series.filter((s) => s.status === 'ok');
    expect(ok.length).toBeGreaterThan(1);
    expect(await backtestRows.count()).toBe(ok.length);
    const second = ok[1]!;
    await page.getByTestId('forecast-group').click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${second.group}"]`).click();
    await expect.poll(() => cardTitles(page, 'forecast-page').then((t) => t[0])).toBe(`Monthly revenue forecast: ${second.group}`);
    const first = page.getByTestId('forecast-table').locator('tbody tr.ant-table-row').first();
    expect(await first.getByTestId('forecast-revenue').textContent()).toBe(`${(second.forecast[0]!.revenue / 1e4).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ¥10k`);
    await web.screenshot(page, 'forecast-region-en');
    await context.close();
  }, 480_000);

  it('switches its headings with the language', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/forecast?horizon=3`);
    await expect.poll(() => page.getByTestId('forecast-table').locator('tbody tr.ant-table-row').count(), { timeout: 90_000 }).toBe(3);
    expect(await cardTitles(page, 'forecast-page')).toEqual(['Monthly revenue forecast: All', 'Backtest accuracy (against seasonal naive)', 'Pipeline-weighted forecast', 'CLV bottom-up forecast']);
    await web.screenshot(page, 'forecast-en');
    await switchTo(page, 'zh-CN');
    await expect.poll(() => cardTitles(page, 'forecast-page'), { timeout: 90_000 }).toEqual(['月度销售额预测：全部', '回测准确度（对比季节性朴素法）', '商机加权预测', 'CLV 自下而上预测']);
    await context.close();
  }, 240_000);
});
