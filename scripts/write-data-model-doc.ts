import { writeFileSync } from 'node:fs';
import { dataModelMarkdown } from '../src/store/schema/data-model-doc.js';

writeFileSync(new URL('../docs/data-model.md', import.meta.url), dataModelMarkdown());
