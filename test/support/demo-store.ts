/**
 * The demo company imported through the normal intake into a fresh store,
 * with its planted truth: what analytics tests recover.
 */
import type { DemoCompany } from '../../src/demo/demo-company.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { writeDemoFiles } from '../../src/demo/write-demo-files.js';
import { testStore, type TestStore } from './test-store.js';

export interface DemoStore {
  readonly store: TestStore;
  readonly company: DemoCompany;
}

export async function demoStore(options: { seed?: number; customers?: number } = {}): Promise<DemoStore> {
  const company = generateDemo({ seed: options.seed ?? 42, ...(options.customers !== undefined ? { customers: options.customers } : {}) });
  const store = await testStore();
  try {
    for (const file of await writeDemoFiles(company, store.dir)) await store.import(file.path, { entity: file.entity });
  } catch (error) {
    await store.dispose();
    throw error;
  }
  return { store, company };
}
