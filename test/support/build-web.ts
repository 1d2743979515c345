/** Vitest global setup: builds the browser app once, so browser tests drive what `npm start` serves. */
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname, logLevel: 'error' });
}
