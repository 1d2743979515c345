/**
 * Turns an order's value into product lines: categories the customer's
 * industry prefers, products that fit the budget, and the planted basket
 * pairs (a PLC sells with its HMI, inverters with sensors, robots with their
 * programming software).
 */
import type { Industry } from './industries.js';
import { categories, categorySpecs, type Category, type Product } from './products.js';
import type { Rng } from '../domain/rng.js';

export interface BasketPair {
  readonly from: Category;
  readonly to: Category;
  /** Probability that an order with `from` also gets a `to` line. */
  readonly probability: number;
}

export const basketPairs: readonly BasketPair[] = [
  { from: 'PLC控制器', to: 'HMI触摸屏', probability: 0.65 },
  { from: '变频器', to: '传感器', probability: 0.45 },
  { from: '工业机器人', to: '工控软件', probability: 0.4 },
];

export interface DraftLine {
  readonly product: Product;
  readonly quantity: number;
}

export type LineContext = 'replenish' | 'project';

export class Catalogue {
  private readonly byCategory: ReadonlyMap<Category, readonly Product[]>;
  private readonly cheapest: ReadonlyMap<Category, number>;

  constructor(readonly products: readonly Product[]) {
    const by = new Map<Category, Product[]>();
    for (const p of products) by.set(p.category, [...(by.get(p.category) ?? []), p]);
    this.byCategory = by;
    this.cheapest = new Map(categories.map((c) => [c, Math.min(...(by.get(c) ?? []).map((p) => p.listPrice))]));
  }

  inCategory(category: Category): readonly Product[] {
    return this.byCategory.get(category) ?? [];
  }

  minPrice(category: Category): number {
    return this.cheapest.get(category) ?? Infinity;
  }

  /** A category the industry buys and the budget can pay for. */
  pickCategory(rng: Rng, industry: Industry, context: LineContext, budget: number, exclude: ReadonlySet<Category> = new Set()): Category {
    const weights = categories.map((c) => {
      if (exclude.has(c) || this.minPrice(c) > budget) return 0;
      const spec = categorySpecs[c];
      const lean = context === 'replenish' ? spec.replenishment : 1 / Math.sqrt(spec.replenishment);
      return industry.preferences[c] * lean;
    });
    if (weights.every((w) => w <= 0)) return exclude.has('备品备件') ? '传感器' : '备品备件';
    return rng.weighted(categories, weights);
  }

  buildLines(rng: Rng, amount: number, industry: Industry, context: LineContext, primary: Category | null): DraftLine[] {
    const wanted = context === 'replenish' ? Math.min(4, 1 + rng.poisson(0.8)) : Math.min(6, 2 + rng.poisson(1.5));
    const chosen: Category[] = [];
    const taken = new Set<Category>();
    const take = (c: Category) => {
      if (taken.has(c)) return;
      taken.add(c);
      chosen.push(c);
    };
    if (primary !== null) take(primary);
    for (let guard = 0; chosen.length < wanted && guard < 12; guard++) {
      const c = this.pickCategory(rng, industry, context, (amount / wanted) * 1.2, taken);
      take(c);
      for (const pair of basketPairs) if (pair.from === c && rng.chance(pair.probability)) take(pair.to);
    }
    if (primary !== null) for (const pair of basketPairs) if (pair.from === primary && rng.chance(pair.probability)) take(pair.to);

    const weights = chosen.map((c) => (c === primary ? 2.5 : 1) * rng.uniform(0.5, 1.5));
    const total = weights.reduce((a, b) => a + b, 0);
    return chosen.map((category, i) => this.lineFor(rng, category, (amount * weights[i]!) / total));
  }

  private lineFor(rng: Rng, category: Category, budget: number): DraftLine {
    const products = this.inCategory(category);
    const affordable = products.filter((p) => p.listPrice <= budget);
    const product =
      affordable.length > 0
        ? rng.weighted(affordable, affordable.map((p) => Math.sqrt(p.listPrice)))
        : products.reduce((a, b) => (b.listPrice < a.listPrice ? b : a));
    const quantity = Math.max(1, Math.min(categorySpecs[category].maxQuantity, Math.round(budget / product.listPrice)));
    return { product, quantity };
  }
}
