/** The behaviour measures' definitions: docs/metrics.md is generated from these. */
import type { MetricDefinition } from '../metric-definition.js';

const m = (id: string, en: string, zh: string, formula: string, unit: string, edgeCases: string): MetricDefinition => ({
  id,
  area: 'behaviour',
  name: { en, 'zh-CN': zh },
  formula,
  unit,
  edgeCases,
});

export const behaviourMetrics: readonly MetricDefinition[] = [
  m('cycle_by_group', 'Purchase cycle by tier and industry', '分层/行业采购周期', "median, 25th and 75th percentile (linear interpolation) of the customers' purchase cycles in the group", 'days', 'Customers with fewer than two purchase days have no cycle and are left out; a group with none is not listed.'),
  m('order_timing', 'Orders by weekday, month and hour', '下单时间分布', 'orders (distinct order ids with a purchase line in the period, dated by their first line) and their sales by ISO weekday (1 = Monday), calendar month and hour of day; share = orders ÷ all orders', 'orders, 元, ratio', 'Hour and the weekday × hour grid are shown only when some line has an order time, and count only the orders that have one. Returns are not orders.'),
  m('category_preference', 'Category preference and lift', '品类偏好（提升度）', "line share = the group's purchase lines in the category ÷ the group's purchase lines; lift = line share ÷ the category's share of all purchase lines; the sales share is shown beside it", 'ratio', 'Lines without a category count as "unknown". Lift > 1: the group prefers the category.'),
  m('basket_rule', 'Basket rules (bought together)', '关联购买规则', 'over orders in the period, for categories A ≠ B: support = orders with both ÷ orders; confidence = orders with both ÷ orders with A; lift = confidence ÷ (orders with B ÷ orders)', 'ratio', 'Pairs seen in fewer than basketMinOrders orders (default 5) make no rule; no orders: no rules.'),
  m('cross_sell', 'Cross-sell suggestion', '交叉销售建议', "for each customer, the category B they did not buy in the period with the most confident rule A → B from a category A they did buy (lift > 1, confidence ≥ crossSellMinConfidence, default 0.2); the largest buyers are listed first", 'category', 'Ties: higher lift, then alphabetical. A customer who already buys every suggested category gets none.'),
  m('promotion_share', 'Promotion share', '促销订单占比', 'orders with a line naming a promotion ÷ orders (and the same for sales); a file with no promotion column uses discount > 0 instead', 'ratio', 'No orders: null. The basis used (promotion or discount) is reported.'),
  m('promotion_sensitive', 'Promotion-sensitive customers', '促销敏感客户', 'customers with ≥ promoMinOrders orders (default 3) in the period of which a share ≥ promoSensitiveShare (default 0.5) are promotional', 'customers', 'Customers with fewer orders are never flagged: two orders are not a pattern.'),
  m('wallet_share', 'Share of wallet', '钱包份额', "Σ our net sales to the customers in the latest estimate year (up to the as-of date) ÷ Σ their estimated spend in our categories that year; competitors' shares = Σ competitor amounts ÷ Σ spend", 'ratio', 'No estimates: the section is empty. A customer whose net sales are negative counts 0; estimates ≤ 0 are ignored. Customers are listed by headroom = spend − our sales, with the competitor holding most of the rest.'),
  m('decision_complexity', 'Decision complexity profile', '决策复杂度', 'customers by decision complexity (simple / normal / complex) with their share, mean order value in the period and the median days from creation to close of their won deals', 'customers, 元, days', 'Missing complexity is "unknown"; a group without orders or won deals has null values.'),
];
