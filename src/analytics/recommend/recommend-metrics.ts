/** The recommendation measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('recommend');

export const recommendMetrics: readonly MetricDefinition[] = [
  m('next_best_product', 'Next-best products', '推荐产品', "for customer c and a product j c has not bought: score = Σ over products i c bought of (shared buyers of i and j ÷ √(buyers of i × buyers of j) + orders with both ÷ orders with i); pairs with fewer than recommend.minShared (2) shared buyers or orders count 0; the k (5) best per customer, ties by product id; 'because' = the i contributing most", 'score', 'Returns are not purchases; lines without a product id are ignored. A customer who bought every related product gets none.'),
  m('recommend_holdout', 'Recommendation hit rate', '推荐命中率', 'the same method as of holdoutDays (180) before the as-of date; among customers who bought before that date and then bought a product new to them by the as-of date: hit rate = share with at least one such product among their k recommendations; precision = hits ÷ recommendations shown to them; the baseline recommends the most-bought products each customer lacks', 'ratio', 'No new purchases after the cutoff: null.'),
];
