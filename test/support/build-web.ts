/**
 * Vitest global setup: builds the browser app once per run, so browser tests
 * drive what `npm start` serves. Each run builds into its own directory: two
 * runs side by side (a developer's and an editor's) never serve a half-written app.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const tmp = path.resolve(import.meta.dirname, '../../.tmp');
  mkdirSync(tmp, { recursive: true });
  const outDir = mkdtempSync(path.join(tmp, 'web-'));
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  project.provide('webRoot', outDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
