/**
 * A browser test's world: the demo company imported and analysed in a fresh
 * store, the real server (API + built app) on a free loopback port, and the
 * system's headless Chromium driven by playwright-core.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { runAnalysis } from '../../src/analytics/snapshot/run-analysis.js';
import { chromiumArgs, findChromium } from '../../src/report/report-pdf.js';
import { createApp } from '../../src/server/create-app.js';
import { demoStore, type DemoStore } from './demo-store.js';
import { signIn, type SignedIn } from './signed-in.js';

export const screenshotDir = path.resolve(import.meta.dirname, '../../.tmp/screenshots');

export interface WebApp {
  readonly demo: DemoStore;
  readonly app: FastifyInstance;
  readonly url: string;
  readonly browser: Browser;
  /** The admin the tests act as: their session headers, for API calls from the test. */
  readonly admin: SignedIn;
  /** GET an API path as the signed-in admin, parsed. */
  api<T>(path: string): Promise<T>;
  /** A fresh browser context (own storage) with the given language, signed in as the admin unless told otherwise. */
  /**
   * The browser asks for reduced motion unless `motion` says otherwise: popups then open without
   * their zoom, so a click never lands on a button that is still moving in.
   */
  newPage(options?: { locale?: 'zh-CN' | 'en'; downloads?: boolean; signedIn?: boolean; motion?: 'reduce' | 'no-preference' }): Promise<{ context: BrowserContext; page: Page }>;
  /** Saves a full-page screenshot in .tmp/screenshots, for people to look at. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWebApp(options: { seed?: number; customers?: number; analyse?: boolean } = {}): Promise<WebApp> {
  const demo = await demoStore({ seed: options.seed ?? 7, customers: options.customers ?? 300 });
  const now = () => new Date('2026-01-05T08:00:00Z');
  if (options.analyse !== false) await runAnalysis(demo.store.engine, {}, now);
  const app = createApp({ store: demo.store, now, defaultLang: 'zh-CN' }, { webRoot: inject('webRoot') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const admin = await signIn(app, demo.store.engine, 'admin');
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    demo,
    app,
    url,
    browser,
    admin,
    async api<T>(path: string): Promise<T> {
      return (await fetch(`${url}${path}`, { headers: admin.headers })).json() as Promise<T>;
    },
    async newPage({ locale = 'zh-CN', downloads = false, signedIn = true, motion = 'reduce' } = {}) {
      const context = await browser.newContext({ locale, acceptDownloads: downloads, viewport: { width: 1440, height: 900 }, reducedMotion: motion });
      if (signedIn) await context.addCookies([{ name: 'salescope_session', value: admin.headers.cookie!.split('=')[1]!, url }]);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return { context, page };
    },
    async screenshot(page, name) {
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await app.close();
      await demo.store.dispose();
    },
  };
}
