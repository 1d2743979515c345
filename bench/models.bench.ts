/**
 * Churn scoring, forecast and report on a scaled dataset (default M), each
 * against the raw SQL that reads its input, in the same run and store:
 *   churn scoring  baseline: the churn feature query at the as-of date, into a table
 *                  measured: the churn section (features at five past dates
 *                  for the model, its fit, P(alive), every customer scored and stored)
 *   forecast       baseline: the monthly revenue query per category
 *                  measured: runForecast by category, 12 months (model selection,
 *                  simulated intervals, backtest, pipeline, CLV)
 *   report         baseline: the report's data read and its model built (the stored analysis reused)
 *                  measured: that, then its HTML (charts as SVG) and XLSX; the PDF
 *                  too when Chromium is found
 * Best of `runs` for each.
 *
 *   npx tsx bench/models.bench.ts [size] [runs]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPeriod } from '../src/analytics/analysis-period.js';
import { churnFeaturesSql } from '../src/analytics/churn/churn-features-sql.js';
import { churnSection } from '../src/analytics/churn/churn.js';
import { monthlyRevenueSql } from '../src/analytics/forecast/forecast-sql.js';
import { runForecast } from '../src/analytics/forecast/forecast.js';
import { runAnalysis } from '../src/analytics/snapshot/run-analysis.js';
import { defaultAnalysisConfig } from '../src/config/analysis-config.js';
import { prepareReport } from '../src/report/build-report.js';
import { renderReportHtml } from '../src/report/report-html.js';
import { findChromium, htmlToPdf } from '../src/report/report-pdf.js';
import { writeReportXlsx } from '../src/report/report-xlsx.js';
import { svgRenderer } from '../src/report/svg-chart.js';
import { openStore } from '../src/store/open-store.js';
import { bestOf } from './bench-runs.js';
import { generateScaled, sizes } from './scaled-data.js';

export interface ModelTiming {
  readonly name: string;
  readonly baseline: string;
  readonly baselineMs: number;
  readonly ms: number;
  readonly ratio: number;
}

export interface ModelsBenchResult {
  readonly size: string;
  readonly customers: number;
  readonly lines: number;
  readonly timings: readonly ModelTiming[];
  readonly pdf: boolean;
  readonly peakRssMb: number;
}

function chromiumOrNull(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

const timing = (name: string, baseline: string, baselineMs: number, ms: number): ModelTiming => ({
  name,
  baseline,
  baselineMs,
  ms,
  ratio: Math.round((ms / Math.max(1, baselineMs)) * 10) / 10,
});

export async function benchModels(sizeName: keyof typeof sizes = 'M', runs = 3): Promise<ModelsBenchResult> {
  const size = sizes[sizeName];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'salescope-bench-models-'));
  const store = await openStore({ db: path.join(dir, 'bench.duckdb') });
  try {
    const db = store.engine;
    await generateScaled(db, size);
    const asOf = '2025-12-31';
    const config = defaultAnalysisConfig();
    await runAnalysis(db, { asOf }, () => new Date());
    const ctx = { db, period: defaultPeriod(asOf), config, tiers: null, scope: null };

    const churnBase = await bestOf(runs, () => db.run(`CREATE OR REPLACE TEMP TABLE bench_features AS ${churnFeaturesSql(asOf, config, '', db.dialect)}`));
    let snapshot = 1_000_000;
    const churn = await bestOf(runs, () => churnSection(ctx, ++snapshot));

    const forecastBase = await bestOf(runs, () => db.query(monthlyRevenueSql('category', '2025-11-30')));
    const forecast = await bestOf(runs, () => runForecast(db, config, { by: 'category', horizon: 12, asOf }));

    const prepare = () => prepareReport(db, { asOf, lang: 'zh-CN' }, () => new Date(), () => null);
    const reportBase = await bestOf(runs, prepare);
    const chromium = chromiumOrNull();
    const renderSvg = await svgRenderer();
    const report = await bestOf(runs, async () => {
      const model = await prepare();
      const html = renderReportHtml(model, (c) => renderSvg(c.option, c.width, c.height));
      await writeReportXlsx(model, path.join(dir, 'report.xlsx'));
      if (chromium !== null) await htmlToPdf(html, path.join(dir, 'report.pdf'), { chromiumPath: chromium, lang: 'zh-CN' });
    });

    return {
      size: sizeName,
      customers: size.customers,
      lines: size.lines,
      timings: [
        timing('churn scoring', 'feature query', churnBase, churn),
        timing('forecast (by category, 12 months)', 'monthly revenue query', forecastBase, forecast),
        timing(chromium === null ? 'report (HTML + XLSX)' : 'report (HTML + XLSX + PDF)', 'report data and model only', reportBase, report),
      ],
      pdf: chromium !== null,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchModels((process.argv[2] ?? 'M') as keyof typeof sizes, Number(process.argv[3] ?? 3))));
}
