/** The KPIs' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const kpi = metricsOf('kpi');

export const kpiMetrics: readonly MetricDefinition[] = [
  kpi('revenue', 'Revenue (net sales)', '销售额（净额）', 'Σ amount of every order line dated in the period, returns negative, guest sales included', '元', 'No lines: 0. Returns dated in the period subtract even when the sale was earlier.'),
  kpi('gross_sales', 'Gross sales', '销售总额', 'Σ amount of lines with amount > 0 in the period', '元', 'No lines: 0.'),
  kpi('profit', 'Gross profit', '毛利', 'Σ profit of lines in the period', '元', 'Lines without a profit count as 0; a file without profit gives 0, not an estimate.'),
  kpi('orders', 'Orders', '订单数', 'orders dated in the period; an order is an order id of one customer (the same id on two customers\' lines is two orders), dated by its first purchase line (by date, then line number)', 'orders', 'Return-only orders are not orders (they count in the refund rate). An order whose lines span the period\'s start counts in the period of its first line; its later lines\' amounts still count in this period\'s revenue.'),
  kpi('customers', 'Buying customers', '购买客户数', 'distinct known customers with an order dated in the period', 'customers', 'Guest sales (no customer id) are not customers.'),
  kpi('new_customers', 'New customers', '新客户数', "customers whose first order ever (up to the period's end) falls in the period", 'customers', 'A customer whose first line is a return is new at their first real order.'),
  kpi('average_order_value', 'Average order value (客单价)', '客单价', 'revenue ÷ orders', '元 per order', 'No orders: null.'),
  kpi('repeat_purchase_rate', 'Repeat-purchase rate', '复购率', 'customers with ≥ 2 orders in the period ÷ buying customers', 'ratio', 'No customers: null.'),
  kpi('retention_rate', 'Retention rate', '留存率', 'of the customers active at the period start (an order in the activeDays days before it, default 365), the share who order in the period', 'ratio', 'No active customers at the start: null. The active window is a setting (activeDays).'),
  kpi('churn_rate', 'Churn rate', '流失率', '1 − retention rate', 'ratio', 'Null when retention is null.'),
  kpi('renewal_rate', 'Renewal rate', '续约率', 'of the (customer, product category) pairs bought in the period before (as for 环比), the share bought again in the period', 'ratio', 'No pairs before: null. Lines without a category do not count.'),
  kpi('refund_rate', 'Refund / cancellation rate (退单率)', '退单率', 'orders with a return line in the period ÷ (orders dated in the period + the return orders among them not dated in it)', 'ratio', 'No orders: null. An order with both purchases and returns counts once. The amount-based rate (returned ÷ gross sales) is reported beside it.'),
  kpi('refund_amount_rate', 'Returned share of sales', '退货金额占比', 'returned amount ÷ gross sales', 'ratio', 'No gross sales: null.'),
  kpi('historical_clv', 'Historical customer lifetime value', '历史客户终身价值', 'mean over customers of their net revenue from the first order up to the period end', '元 per customer', 'No customers: null. The predictive CLV (BG/NBD + Gamma-Gamma) is a separate measure.'),
  kpi('cac', 'Customer acquisition cost by channel', '获客成本（按渠道）', "campaign cost falling in the period (a campaign's cost spread evenly over its days) ÷ customers acquired through the channel whose first order is in the period", '元 per customer', 'No customers acquired: null; customers without a channel count under "unknown".'),
  kpi('nps', 'Net Promoter Score', '净推荐值 NPS', '100 × (promoters (9–10) − detractors (0–6)) ÷ responses in the period', 'points −100..100', 'No responses: null.'),
  kpi('csat', 'Customer satisfaction (CSAT)', '客户满意度 CSAT', 'survey answers with a score ≥ csatSatisfied (default 4 of 5) ÷ answers in the period; the mean score is reported beside it', 'ratio', 'No answers: null.'),
  kpi('period_over_period', 'Period-over-period change (环比)', '环比', 'amounts: (current − previous) ÷ |previous| with the period just before: as many whole months before a period of whole months (calendar months, or months ending on its last day like the default 12 months), else as many days; rates: current − previous, in points', 'ratio or points', 'Either value null: null. An amount whose previous value is 0: null (no ratio); a rate from 0 is a change in points as usual.'),
  kpi('year_over_year', 'Year-over-year change (同比)', '同比', 'as 环比, against the same period a year earlier (the same months for a period of whole months, so February 2024 runs to the 29th; else the same dates)', 'ratio or points', 'Either value null: null. An amount whose previous value is 0: null (no ratio); a rate from 0 is a change in points as usual.'),
  kpi('slices', 'KPI slices', '分维度指标', 'revenue, orders, customers, average order value and refund rate grouped by region, industry, size, tier, rep, channel or product category; a line\'s region, rep and channel are its own, else its customer\'s; an order falls in the slice of its first purchase line, a return order in the slice of its return lines', 'as the KPI', 'Missing attribute values form an "unknown" slice; guest sales fall under "unknown". Product category: an order counts in every category it has a purchase line of in the period, so category orders can add up to more than all orders. Revenue is by line, so a slice can have revenue and no orders.'),
  kpi('pre_sale', 'Pre-sale (售前) metrics', '售前指标', 'leads created in the period; visits, calls and quotes; mean quote response hours; lead win rate = leads created in the period and won by the as-of date ÷ leads created', 'count, hours, ratio', 'No leads or quotes: null rates.'),
  kpi('in_sale', 'In-sale (售中) metrics', '售中指标', 'opportunities won and lost with a close date in the period; win rate = won ÷ (won + lost); average deal size = won amount (expected amount when the won amount is missing) ÷ won; median cycle = median days created → closed of won deals; open pipeline = expected amount of open opportunities created by the period end', 'count, 元, days, ratio', 'Nothing closed: null rates and sizes.'),
  kpi('after_sale', 'After-sale (售后) metrics', '售后指标', 'service tickets opened in the period; median days to close (closed tickets); mean ticket rating; complaints in the period; resolution rate = complaints with a resolved date or status resolved/closed ÷ complaints', 'count, days, ratio', 'No tickets or complaints: null rates.'),
  {
    id: 'cohort_retention',
    area: 'cohort',
    name: { en: 'Cohort retention', 'zh-CN': '同期群留存' },
    formula: 'customers grouped by the month of their first order; for month k after it, the share of the cohort with an order in that month (k = 0 is 1); an order is in the month of its first purchase line',
    unit: 'ratio',
    edgeCases: 'Months after the as-of date are null, not 0. Only cohorts whose first month lies in the period are shown.',
  },
];
