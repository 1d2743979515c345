import { writeFileSync } from 'node:fs';
import { metricsMarkdown } from '../src/analytics/metrics-doc.js';

writeFileSync(new URL('../docs/metrics.md', import.meta.url), metricsMarkdown());
