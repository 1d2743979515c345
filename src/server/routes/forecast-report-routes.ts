/** Forecast and the customer analysis report over HTTP: the same functions as `salescope forecast` and `salescope report`. */
import { z } from 'zod';
import { parseScope } from '../../analytics/analysis-scope.js';
import { NoDataError } from '../../analytics/analysis-period.js';
import { latestConfig } from '../../analytics/snapshot/config-versions.js';
import { runForecast } from '../../analytics/forecast/forecast.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { prepareReport } from '../../report/build-report.js';
import { renderReportHtml } from '../../report/report-html.js';
import { htmlToPdf } from '../../report/report-pdf.js';
import { reportSheets } from '../../report/report-xlsx.js';
import { renderSvg } from '../../report/svg-chart.js';
import { writeXlsx } from '../../xlsx/xlsx-writer.js';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../api-error.js';
import { FileResult, noInput, route } from '../route-spec.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date written YYYY-MM-DD');

async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'salescope-http-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export const forecastReportRoutes = [
  route({
    method: 'GET',
    url: '/api/forecast',
    summary: 'Monthly revenue forecast (ETS by AICc, 80/95% intervals, backtest), pipeline-weighted and CLV bottom-up views',
    query: z
      .object({ by: z.enum(['none', 'category', 'region']).default('none'), horizon: z.coerce.number().int().min(1).max(60).default(12), asOf: isoDate.optional(), lang: z.enum(['zh-CN', 'en']).optional() })
      .strict(),
    params: noInput,
    handler: async ({ query, deps }) => {
      const config = (await latestConfig(deps.store.engine))?.config ?? defaultAnalysisConfig();
      try {
        return await runForecast(deps.store.engine, config, { by: query.by, horizon: query.horizon, ...(query.asOf ? { asOf: query.asOf } : {}) });
      } catch (error) {
        if (error instanceof NoDataError) throw new ApiError(404, 'no_snapshot');
        throw error;
      }
    },
  }),
  route({
    method: 'GET',
    url: '/api/report',
    summary: 'The customer analysis report for a period and scope, as HTML, PDF or the four tables as XLSX, in the caller\'s language',
    query: z
      .object({
        format: z.enum(['html', 'pdf', 'xlsx']).default('html'),
        asOf: isoDate.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        scope: z.string().min(1).optional(),
        goal: z.string().min(1).max(500).optional(),
        lang: z.enum(['zh-CN', 'en']).optional(),
      })
      .strict(),
    params: noInput,
    handler: async ({ query, lang, deps }) => {
      const scope = query.scope === undefined ? undefined : parseScope(query.scope);
      if (scope && !scope.ok) throw new ApiError(400, 'bad_request', { field: 'scope', problem: scope.part });
      let model;
      try {
        model = await prepareReport(
          deps.store.engine,
          { lang, ...(query.asOf ? { asOf: query.asOf } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}), ...(query.goal ? { goal: query.goal } : {}), ...(scope?.ok ? { scope: scope.scope } : {}) },
          deps.now,
        );
      } catch (error) {
        if (error instanceof NoDataError) throw new ApiError(404, 'no_snapshot');
        throw error;
      }
      const name = `customer-report-${model.period.asOf}`;
      if (query.format === 'xlsx') {
        const body = await inTempDir(async (dir) => {
          await writeXlsx(path.join(dir, 'r.xlsx'), reportSheets(model), { date: deps.now() });
          return readFile(path.join(dir, 'r.xlsx'));
        });
        return new FileResult(body, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `${name}.xlsx`);
      }
      const html = renderReportHtml(model, (c) => renderSvg(c.option, c.width, c.height));
      if (query.format === 'html') return new FileResult(html, 'text/html; charset=utf-8', `${name}.html`);
      const pdf = await inTempDir(async (dir) => {
        await htmlToPdf(html, path.join(dir, 'r.pdf'), { lang });
        return readFile(path.join(dir, 'r.pdf'));
      });
      return new FileResult(pdf, 'application/pdf', `${name}.pdf`);
    },
  }),
];
