/** RFM, tier and segment definitions: docs/metrics.md is generated from these. */
import type { MetricDefinition } from '../metric-definition.js';

type Area = MetricDefinition['area'];
const def = (area: Area, id: string, en: string, zh: string, formula: string, unit: string, edgeCases: string): MetricDefinition => ({
  id,
  area,
  name: { en, 'zh-CN': zh },
  formula,
  unit,
  edgeCases,
});

export const rfmMetrics: readonly MetricDefinition[] = [
  def('rfm', 'recency', 'Recency', '最近购买间隔 R', 'as-of date − date of the last purchase (any time up to the as-of date)', 'days', 'A customer with only returns uses the last return date.'),
  def('rfm', 'frequency', 'Frequency', '购买频次 F', 'distinct orders in the RFM window (windowDays before the as-of date, default 365)', 'orders', 'Returns are not orders; 0 when the customer bought only before the window.'),
  def('rfm', 'monetary', 'Monetary', '消费金额 M', 'net revenue in the RFM window (returns subtract)', '元', 'Can be 0 or negative when returns exceed purchases.'),
  def('rfm', 'rfm_scores', 'R, F and M scores', 'R/F/M 评分', "quintile: cut points = the customers' own 20/40/60/80% quantiles (type 7) + 1; fixed: four configured cut points; score = 1 + number of cut points ≤ value (recency: 5 − that number)", '1..5', 'Equal values always get equal scores (ties never split). One customer: R5 F1 M1. This is the rfm R package rule; its published segments are reproduced exactly.'),
  def('rfm', 'rfm_code', 'RFM code', 'RFM 编码', 'R, F and M scores written as three digits', 'e.g. 555', '—'),
  def('rfm', 'rfm_weighted', 'Weighted RFM score', '加权 RFM 得分', 'wR·R + wF·F + wM·M with weights normalised to sum 1: balanced ⅓ each; FMCG .3/.5/.2; industrial .25/.15/.6; or custom', '1..5', 'Custom weights that sum to 0 fall back to balanced.'),
  def('tiers', 'value_score', 'Value score', '客户价值得分', '100 × (wRFM·(weighted RFM − 1)/4 + wProfit·profit percentile + wPotential·potential) ÷ Σw; defaults .6/.25/.15', '0..100', 'Profit percentile = percent rank of window profit (a single customer: 1).'),
  def('tiers', 'potential', 'Potential', '发展潜力', '(industry outlook + company-size score) ÷ 2, both 0..1 from the settings', '0..1', 'Unknown industry or size uses the default (0.5).'),
  def('tiers', 'value_tier', 'Value tier (scheme a)', '价值分层（方案一）', 'strategic if value ≥ 80; high value if ≥ 60; else potential if potential ≥ 0.6; else long tail (thresholds configurable, versioned)', 'tier', 'Every scored customer gets exactly one tier.'),
  def('tiers', 'rfm_tier', 'RFM tier (scheme b)', 'RFM 分层（方案二）', 'high = score ≥ 3; R high and F, M high: high value; R high otherwise: potential; R low and F or M high: churn risk; else low value', 'tier', 'Every scored customer gets exactly one tier.'),
  def('tiers', 'rfm_segment', 'Named RFM segment (scheme c)', 'RFM 命名细分（方案三）', 'the rfm R package rules on (R, F, M) score ranges, first match wins, in this order: Champions, Potential Loyalist, Loyal Customers, Promising, New Customers, Can\'t Lose Them, At Risk, Need Attention, About To Sleep, Lost; none: Others', 'segment', 'Matches the package output on its published example exactly.'),
  def('tiers', 'tier_traits', 'Tier traits', '分层特征', 'per tier: customers and their share, revenue and profit and their shares of the positive totals, mean recency, frequency and monetary, the three most common industries', 'mixed', 'Negative revenue counts as 0 in shares, as itself in sums.'),
  def('tiers', 'tier_migration', 'Tier migration', '分层迁移', 'customers counted by (tier in the previous snapshot, tier now); a customer in only one snapshot moves from or to "none"', 'customers', 'No earlier snapshot: no matrix.'),
  def('value', 'pareto_top_share', 'Top-20% share', '前 20% 客户贡献', 'revenue (profit) of the ⌈20% × customers⌉ largest customers by revenue ÷ total positive revenue (profit)', 'ratio', 'No positive revenue: null.'),
  def('value', 'abc_class', 'ABC class', 'ABC 分类', 'customers sorted by revenue, descending: A while the revenue before them is < 70% of the total, B while < 90%, else C', 'class', 'Customers with no positive revenue are C.'),
  def('value', 'gini', 'Gini coefficient of customer revenue', '客户收入基尼系数', '2 Σ i·x(i) ÷ (n Σx) − (n + 1) ÷ n, x ascending, negatives as 0', '0..1', 'No positive revenue: null; one customer: 0.'),
  def('value', 'hhi', 'Herfindahl–Hirschman index', '赫芬达尔指数 HHI', '10,000 × Σ (customer revenue ÷ total)²', '0..10,000', 'No positive revenue: null.'),
  def('value', 'health_score', 'Customer health score', '客户健康度', '30 × recency part (1 up to one own purchase cycle since the last order, falling to 0 at three) + 20 × order trend + 20 × revenue trend (second half of the window vs the first: 0.5 + (b − a) ÷ 2·max(a, b)) + 15 × satisfaction ((survey mean − 1)/4 and NPS/10, averaged) + 15 × service (1 − complaints ÷ 3)', '0..100', 'No own cycle: median cycle of all customers (none: 90 days); no orders in either half: trend 0; no answers: satisfaction 0.5.'),
  def('value', 'purchase_cycle', 'Purchase cycle', '采购周期', 'median days between consecutive distinct purchase days, all history up to the as-of date', 'days', 'One purchase day: null. Returns are not purchases.'),
  def('segments', 'segments', 'Segments by attribute', '客户细分', 'customers, their share, revenue, revenue share and mean revenue by industry, size, region, age band (<25, 25–34, 35–44, 45–54, 55+ whole years at the as-of date), gender, or demand type (the type with most of the customer\'s window revenue)', 'mixed', 'Missing values form an "unknown" segment.'),
  def('segments', 'kmeans', 'k-means clusters', 'K 均值聚类', 'k-means++ on log-scaled, standardised (recency, frequency, monetary); k from 2 to maxK with the best mean silhouette on a sample of ≤ 1,500 customers unless k is set; clusters numbered by revenue', 'cluster', 'Fewer than 3 customers: no clustering (k null).'),
];
