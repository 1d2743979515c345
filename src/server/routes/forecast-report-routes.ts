/** Forecast and the customer analysis report over HTTP: the same functions as `salescope forecast` and `salescope report`. */
import { perStore } from '../per-store.js';
import { everyone } from '../../access/roles.js';
import { z } from 'zod';
import { parseScope } from '../../analytics/analysis-scope.js';
import { inputProblems } from '../../i18n/input-problems.js';
import { NoDataError } from '../../analytics/analysis-period.js';
import { latestConfig } from '../../analytics/snapshot/config-versions.js';
import { runForecast } from '../../analytics/forecast/forecast.js';
import { defaultAnalysisConfig } from '../../config/analysis-config.js';
import { prepareReport } from '../../report/build-report.js';
import { renderReportHtml } from '../../report/report-html.js';
import { htmlToPdf } from '../../report/report-pdf.js';
import { reportSheets } from '../../report/report-xlsx.js';
import { svgRenderer } from '../../report/svg-chart.js';
import { writeXlsx } from '../../xlsx/xlsx-writer.js';
import { ApiError } from '../api-error.js';
import { DataVersionCache } from '../data-version-cache.js';
import { withinScope } from '../caller-scope.js';
import { FileResult, isoDate, noInput, route } from '../route-spec.js';
import { writtenFile, XLSX_TYPE } from '../written-file.js';


// Fitting takes seconds and holds the process while it runs: a forecast is
// made once per data version, settings and question, then read.
const forecastCache = perStore(() => new DataVersionCache<Awaited<ReturnType<typeof runForecast>>>(16));

export const forecastReportRoutes = [
  route({
    method: 'GET',
    url: '/api/forecast',
    summary: 'Monthly revenue forecast (ETS by AICc, 80/95% intervals, backtest), pipeline-weighted and CLV bottom-up views',
    access: ['admin', 'analyst', 'auditor'],
    query: z
      .object({ by: z.enum(['none', 'category', 'region']).default('none'), horizon: z.coerce.number().int().min(1).max(60).default(12), asOf: isoDate.optional(), lang: z.enum(['zh-CN', 'en']).optional() })
      .strict(),
    params: noInput,
    handler: async ({ query, deps }) => {
      const config = (await latestConfig(deps.store.engine))?.config ?? defaultAnalysisConfig();
      try {
        const ask = { by: query.by, horizon: query.horizon, ...(query.asOf ? { asOf: query.asOf } : {}) };
        const [clv] = await deps.store.engine.query<{ id: number | null }>('SELECT max(clv_run_id) AS id FROM clv_runs');
        const key = JSON.stringify({ ask, config, clv: clv?.id ?? null });
        return await forecastCache(deps.store).get(deps.store.engine, key, () => runForecast(deps.store.engine, config, ask));
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
    access: everyone,
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
    handler: async ({ query, lang, deps, principal }) => {
      const parsed = query.scope === undefined ? undefined : parseScope(query.scope);
      if (parsed && !parsed.ok) throw new ApiError(400, 'bad_scope', { part: parsed.part, how: inputProblems[lang].scope_format });
      // A rep's or manager's report covers their customers only, whatever scope they asked for.
      const chosen = withinScope(principal, parsed?.ok ? parsed.scope : {});
      const scope = Object.keys(chosen).length > 0 ? { ok: true as const, scope: chosen } : undefined;
      let model;
      try {
        model = await prepareReport(
          deps.store.engine,
          { lang, ...(query.asOf ? { asOf: query.asOf } : {}), ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}), ...(query.goal ? { goal: query.goal } : {}), ...(scope?.ok ? { scope: scope.scope } : {}) },
          deps.now,
          deps.store.cipher.open,
        );
      } catch (error) {
        if (error instanceof NoDataError) throw new ApiError(404, 'no_snapshot');
        throw error;
      }
      const name = `customer-report-${model.period.asOf}`;
      if (query.format === 'xlsx') return writtenFile(`${name}.xlsx`, XLSX_TYPE, (file) => writeXlsx(file, reportSheets(model), { date: deps.now() }));
      const renderSvg = await svgRenderer();
      const html = renderReportHtml(model, (c) => renderSvg(c.option, c.width, c.height));
      if (query.format === 'html') return new FileResult(html, 'text/html; charset=utf-8', `${name}.html`);
      return writtenFile(`${name}.pdf`, 'application/pdf', (file) => htmlToPdf(html, file, { lang }));
    },
  }),
];
