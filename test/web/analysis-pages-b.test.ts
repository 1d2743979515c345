/** Funnel, satisfaction and team pages in a real browser on the demo company: what they show against the API and the store. */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp, type WebApp } from '../support/web-app.js';

let web: WebApp;
beforeAll(async () => {
  web = await startWebApp({ customers: 300 });
}, 180_000);
afterAll(async () => web?.close());

type Lang = 'zh-CN' | 'en';
const api = <T>(path: string): Promise<T> => web.api<T>(path);
const rows = async <T>(sql: string, params: (string | number)[] = []): Promise<T[]> => web.demo.store.engine.query<T & Record<string, unknown>>(sql, params);
const one = async <T>(sql: string, params: (string | number)[] = []): Promise<T> => (await rows<T>(sql, params))[0]!;
const count = async (sql: string, params: (string | number)[] = []) => Number((await one<{ n: bigint | number }>(sql, params)).n);
const pct = (v: number, lang: Lang = 'zh-CN') => `${(v * 100).toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
const wan = (v: number) => `${(v / 1e4).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} 万元`;
const statistic = (page: Page, testId: string) => page.getByTestId(testId).locator('.ant-statistic-content').textContent();
const customersTotal = (page: Page) => page.locator('.ant-pagination-total-text').textContent();
/** The customers list shows the scored customers of the analysis: those a rep owns. */
const ownedBy = (repId: string, snapshotId: number) =>
  count('SELECT count(*) AS n FROM customer_scores s JOIN customers c USING (customer_id) WHERE s.snapshot_id = $1 AND c.rep_id = $2', [snapshotId, repId]);

interface Period {
  snapshotId: number;
  period: { from: string; to: string };
}

describe('funnel page', () => {
  interface Funnel extends Period {
    won: number;
    stages: { stage: string; historicalConversion: number | null }[];
    bottleneck: { from: string; to: string; conversion: number };
    slices: { rep: { group: string; conversion: number | null }[] };
    lostReasons: { reason: string; opportunities: number; share: number }[];
  }

  it('shows the won deals of the store, the API\'s bottleneck against history, and each rep\'s conversion, drilling into a rep\'s customers', async () => {
    const f = await api<Funnel>('/api/funnel');
    const won = await count(`SELECT count(*) AS n FROM opportunities WHERE status = 'won' AND created_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`, [f.period.from, f.period.to]);
    expect(won).toBeGreaterThan(0);
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/funnel`);
    await expect.poll(() => statistic(page, 'funnel-won')).toBe(won.toLocaleString('zh-CN'));

    const history = f.stages.find((s) => s.stage === f.bottleneck.to)!.historicalConversion!;
    const callout = await page.getByTestId('funnel-bottleneck').textContent();
    expect(callout).toContain(`瓶颈：${f.bottleneck.from} → ${f.bottleneck.to}`);
    expect(callout).toContain(`本期转化率 ${pct(f.bottleneck.conversion)}，历史 ${pct(history)}`);
    expect(await page.getByTestId(`stage-row-${f.bottleneck.to}`).textContent()).toContain('瓶颈');
    const lost = await page.getByTestId('lost-reasons').textContent();
    for (const r of f.lostReasons) expect(lost).toContain(`${r.reason === 'unknown' ? '未注明原因' : r.reason}${r.opportunities.toLocaleString('zh-CN')}${pct(r.share)}`);
    await web.screenshot(page, 'funnel-zh');

    await page.getByTestId('slice-switch').getByText('销售', { exact: true }).click();
    await expect.poll(() => page.url()).toContain('slice=rep');
    for (const r of f.slices.rep) {
      expect(await page.getByTestId(`slice-row-${r.group}`).getByTestId('slice-conversion').textContent()).toBe(r.conversion === null ? '–' : pct(r.conversion));
    }
    const rep = f.slices.rep.find((r) => r.group !== 'unknown')!;
    const { id } = await one<{ id: string }>('SELECT rep_id AS id FROM reps WHERE name = $1', [rep.group]);
    const owned = await ownedBy(id, f.snapshotId);
    await page.getByTestId(`slice-row-${rep.group}`).locator('a').click();
    await expect.poll(() => page.url()).toContain(`#/customers?rep=${id}`);
    await expect.poll(() => customersTotal(page)).toBe(`共 ${owned} 位客户`);
    await context.close();
  });

  it('changes its headings with the language', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/funnel?slice=region`);
    const body = page.getByTestId('funnel-page');
    await expect.poll(() => body.textContent()).toContain('阶段转化');
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => body.textContent()).toContain('Stage conversion');
    const text = await body.textContent();
    for (const heading of ['Funnel by group', 'Lost reasons', 'Dwell per stage (median)', 'Bottleneck:']) expect(text).toContain(heading);
    for (const zh of ['阶段转化', '输单原因', '瓶颈']) expect(text).not.toContain(zh);
    await web.screenshot(page, 'funnel-en');
    await context.close();
  });
});

describe('satisfaction page', () => {
  interface Satisfaction extends Period {
    ipa: { items: { item: string; quadrant: string }[]; improveFirst: string[] };
    topIssues: { issues: { term: string; examples: string[] }[] };
  }
  const quadrantZh: Record<string, string> = { concentrate_here: '重点改进区', keep_up_the_good_work: '优势保持区', low_priority: '次要改进区', possible_overkill: '过度投入区' };

  it('shows the period\'s NPS as counted in the store, each item in its IPA quadrant, and the top issues with example comments', async () => {
    const s = await api<Satisfaction>('/api/satisfaction');
    const { from, to } = s.period;
    const n = await one<{ promoters: number; detractors: number; answers: number }>(
      `SELECT count(*) FILTER (WHERE score >= 9) AS promoters, count(*) FILTER (WHERE score <= 6) AS detractors, count(*) AS answers
       FROM nps_responses WHERE score IS NOT NULL AND response_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)`,
      [from, to],
    );
    const answers = Number(n.answers);
    expect(answers).toBeGreaterThan(0);
    const nps = (100 * (Number(n.promoters) - Number(n.detractors))) / answers;

    // The quadrants recomputed here: item means against the mean of the item means.
    const items = await rows<{ item: string; score: number; importance: number }>(
      `SELECT item, avg(score) AS score, avg(importance) AS importance FROM survey_responses
       WHERE survey_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE) AND item IS NOT NULL AND score IS NOT NULL AND importance IS NOT NULL GROUP BY item`,
      [from, to],
    );
    expect(items.length).toBeGreaterThan(1);
    const cutScore = items.reduce((a, i) => a + i.score, 0) / items.length;
    const cutImportance = items.reduce((a, i) => a + i.importance, 0) / items.length;
    const quadrantOf = (i: { score: number; importance: number }) =>
      i.importance >= cutImportance ? (i.score >= cutScore ? 'keep_up_the_good_work' : 'concentrate_here') : i.score >= cutScore ? 'possible_overkill' : 'low_priority';

    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/satisfaction`);
    await expect.poll(() => statistic(page, 'sat-nps-answers')).toBe(answers.toLocaleString('zh-CN'));
    expect(Number((await statistic(page, 'sat-nps'))!.replace(/,/g, ''))).toBeCloseTo(nps, 1);

    for (const i of items) {
      expect(await page.getByTestId(`ipa-row-${i.item}`).getByTestId('ipa-quadrant').textContent()).toBe(quadrantZh[quadrantOf(i)]);
    }
    expect(s.ipa.items.map((i) => [i.item, i.quadrant]).sort()).toEqual(items.map((i) => [i.item, quadrantOf(i)]).sort());
    const improve = await page.getByTestId('ipa-improve-first').textContent();
    for (const item of s.ipa.improveFirst) expect(improve).toContain(item);

    const top = s.topIssues.issues[0]!;
    const issue = await page.getByTestId('issue-0').textContent();
    expect(issue).toContain(top.term);
    expect(issue).toContain(top.examples[0]!.trim());

    const [worst] = await rows<{ category: string; n: number }>(
      `SELECT category, count(*) AS n FROM complaints WHERE complaint_date BETWEEN CAST($1 AS DATE) AND CAST($2 AS DATE)
       GROUP BY category ORDER BY n DESC, category LIMIT 1`,
      [from, to],
    );
    const firstComplaint = page.getByTestId('complaint-table').locator('tbody tr.ant-table-row').first();
    expect(await firstComplaint.textContent()).toContain(`${worst!.category}${Number(worst!.n).toLocaleString('zh-CN')}`);
    await web.screenshot(page, 'satisfaction-zh');

    const strategic = await api<{ total: number }>('/api/customers?tier=strategic');
    await page.getByTestId('tier-row-strategic').locator('a').click();
    await expect.poll(() => page.url()).toContain('#/customers?tier=strategic');
    await expect.poll(() => customersTotal(page)).toBe(`共 ${strategic.total} 位客户`);
    await context.close();
  });

  it('changes its headings and quadrant names with the language', async () => {
    const { context, page } = await web.newPage({ locale: 'en' });
    await page.goto(`${web.url}/#/satisfaction`);
    const body = page.getByTestId('satisfaction-page');
    await expect.poll(() => body.textContent()).toContain('Importance–performance matrix (IPA)');
    expect(await body.textContent()).toContain('Concentrate here');
    await web.screenshot(page, 'satisfaction-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await expect.poll(() => body.textContent()).toContain('重要性-满意度矩阵（IPA）');
    const text = await body.textContent();
    for (const heading of ['NPS 与 CSAT 月度趋势', '投诉类别', '流失原因', '高频问题（客户原话）', '重点改进区']) expect(text).toContain(heading);
    for (const en of ['Importance–performance', 'Complaint categories', 'Concentrate here']) expect(text).not.toContain(en);
    await context.close();
  });
});

describe('team page', () => {
  interface Team extends Period {
    reps: { repId: string; name: string; team: string | null; revenue: number; attainment: number | null; rank: number }[];
    teams: { team: string; revenue: number }[];
    targetSplit: { total: number; potentialWeight: number };
  }

  it('ranks the reps as the API does, with revenue summed in the store, and opens a rep\'s customers', async () => {
    const t = await api<Team>('/api/team');
    const { from, to } = t.period;
    const first = t.reps[0]!;
    const revenueOf = async (where: string, param: string) =>
      (await one<{ revenue: number }>(
        `SELECT CAST(sum(l.amount) AS FLOAT8) AS revenue FROM order_lines l LEFT JOIN customers c USING (customer_id) LEFT JOIN reps r ON r.rep_id = coalesce(l.rep_id, c.rep_id)
         WHERE ${where} = $1 AND l.order_date BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)`,
        [param, from, to],
      )).revenue;
    const revenue = await revenueOf('r.rep_id', first.repId);

    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/team`);
    const row = page.getByTestId(`rep-row-${first.repId}`);
    await expect.poll(() => row.getByTestId('rep-revenue').textContent()).toBe(wan(revenue));
    const board = page.getByTestId('leaderboard').locator('tbody tr.ant-table-row');
    expect(await board.first().getByTestId('rep-link').textContent()).toBe(first.name);
    expect(await board.first().getByTestId('rep-rank').textContent()).toBe('1');
    expect(await board.getByTestId('rep-rank').allTextContents()).toEqual(t.reps.map((r) => String(r.rank)));
    expect(await board.getByTestId('rep-link').allTextContents()).toEqual(t.reps.map((r) => r.name));
    expect(await row.getByTestId('attainment').textContent()).toBe(pct(first.attainment!));

    const topTeam = t.teams[0]!;
    const teamRow = page.getByTestId('team-table').locator('tbody tr.ant-table-row').first();
    expect(await teamRow.textContent()).toContain(`${topTeam.team}`);
    expect(await teamRow.textContent()).toContain(wan(await revenueOf('r.team', topTeam.team)));

    expect(await page.getByTestId('split-sum').textContent()).toBe(wan(t.targetSplit.total));
    expect(await page.getByTestId('split-method').textContent()).toContain(`α = ${t.targetSplit.potentialWeight}`);
    await web.screenshot(page, 'team-zh');
    await page.getByTestId('split-switch').getByText('按分层').click();
    await expect.poll(() => page.getByTestId('split-table').textContent()).toContain('战略客户');
    expect(await page.getByTestId('split-sum').textContent()).toBe(wan(t.targetSplit.total));

    const owned = await ownedBy(first.repId, t.snapshotId);
    await row.getByTestId('rep-link').click();
    await expect.poll(() => page.url()).toContain(`#/customers?rep=${first.repId}`);
    await expect.poll(() => customersTotal(page)).toBe(`共 ${owned} 位客户`);
    await context.close();
  });

  it('filtered by region, lists only the reps with results among that region\'s customers, with their revenue there', async () => {
    const t = await api<Team>('/api/team');
    const [r] = await rows<{ region: string }>('SELECT region, count(*) AS n FROM customers GROUP BY region ORDER BY n DESC, region LIMIT 1');
    const byRep = await rows<{ rep: string; revenue: number }>(
      `SELECT coalesce(l.rep_id, c.rep_id) AS rep, CAST(sum(l.amount) AS FLOAT8) AS revenue FROM order_lines l JOIN customers c USING (customer_id)
       WHERE c.region = $1 AND l.order_date BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE) GROUP BY 1`,
      [r!.region, t.period.from, t.period.to],
    );
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/team?region=${encodeURIComponent(r!.region)}`);
    await page.getByTestId('team-scoped-note').waitFor({ timeout: 60_000 });
    const board = page.getByTestId('leaderboard').locator('tbody tr.ant-table-row');
    const shown = await board.count();
    expect(shown).toBeLessThan(t.reps.length);
    expect(shown).toBeGreaterThanOrEqual(byRep.length);
    for (const x of byRep) expect(await page.getByTestId(`rep-row-${x.rep}`).getByTestId('rep-revenue').textContent()).toBe(wan(x.revenue));
    await context.close();
  });

  it('changes its headings with the language', async () => {
    const { context, page } = await web.newPage({ locale: 'zh-CN' });
    await page.goto(`${web.url}/#/team`);
    const body = page.getByTestId('team-page');
    await expect.poll(() => body.textContent()).toContain('销售排行榜');
    await page.getByTestId('lang-switch').getByText('English').click();
    await expect.poll(() => body.textContent()).toContain('Leaderboard');
    const text = await body.textContent();
    for (const heading of ['Teams', 'Target decomposition', 'Attainment', 'largest remainder']) expect(text).toContain(heading);
    for (const zh of ['销售排行榜', '团队汇总', '目标分解']) expect(text).not.toContain(zh);
    await web.screenshot(page, 'team-en');
    await context.close();
  });
});
