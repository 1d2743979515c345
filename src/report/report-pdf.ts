/**
 * HTML → PDF by headless Chromium (the system's browser; none is
 * downloaded). The only file that imports playwright-core. Page numbers in
 * the footer; the report's CSS repeats table headers on every page.
 */
import { existsSync } from 'node:fs';

export class ChromiumMissingError extends Error {
  constructor(readonly tried: readonly string[]) {
    super(`no Chromium found (looked for ${tried.join(', ')})`);
    this.name = 'ChromiumMissingError';
  }
}

const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const configured = env.SALESCOPE_CHROMIUM;
  const tried = configured ? [configured] : candidates;
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new ChromiumMissingError(tried);
  return found;
}

// Without these, Chromium reaches out to the network at start-up (updates, sync, safe browsing).
export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function htmlToPdf(html: string, outPath: string, options: { readonly chromiumPath?: string; readonly lang: string }): Promise<void> {
  // Loaded on first use: most commands never print a PDF, and it is the heaviest module.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: options.chromiumPath ?? findChromium(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({
      path: outPath,
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<div></div>',
      footerTemplate: `<div style="font-size:8px;width:100%;text-align:center;color:#666;font-family:'Noto Sans CJK SC',sans-serif">${options.lang === 'zh-CN' ? '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页' : 'Page <span class="pageNumber"></span> of <span class="totalPages"></span>'}</div>`,
      margin: { top: '16mm', bottom: '18mm', left: '14mm', right: '14mm' },
    });
  } finally {
    await browser.close();
  }
}
