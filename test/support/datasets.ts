import path from 'node:path';

/** The shared public datasets, beside the checkout (see the README). */
export const datasets = path.resolve(import.meta.dirname, '../../../shared/datasets');
