/** The satisfaction measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('satisfaction');

export const satisfactionMetrics: readonly MetricDefinition[] = [
  m('ipa', 'Importance-performance analysis (IPA)', '重要性-满意度分析（IPA）', "per survey item in the period: mean score and mean importance; cut lines at the means of the item means; high importance + low score = concentrate here (重点改进), high + high = keep up the good work (继续保持), low + low = low priority (次要改进), low + high = possible overkill (过度投入); improve first = concentrate-here items by gap = importance − score, largest first", 'score (survey scale)', 'An item on a cut line counts as high. Answers without a score or importance are left out. No answers: no quadrants.'),
  m('nps_trend', 'NPS by month and tier', '分月/分层 NPS', '100 × (answers 9–10 − answers 0–6) ÷ answers, per calendar month of the period and per value tier', 'points −100..100', 'A month or tier without answers has null NPS; customers without a tier are "unknown".'),
  m('csat_trend', 'CSAT by month and tier', '分月/分层满意度', 'survey answers with score ≥ csatSatisfied ÷ answers, and the mean score, per month and per tier', 'ratio, score', 'No answers: null.'),
  m('complaint_categories', 'Complaint categories', '投诉类别分布', 'complaints dated in the period by category: count, share, unresolved (no resolved date and a status other than resolved/closed/已解决/已关闭), median days to the resolved date', 'complaints, ratio, days', 'A blank category is "unknown"; complaints closed without a date count as resolved but have no resolution time.'),
  m('churn_reasons', 'Recorded churn reasons', '流失原因', 'customers with a churn record dated in the period, by reason category, and their share', 'customers, ratio', 'A customer with two reasons counts under each.'),
  m('top_issues', 'Top issues in customers\' words', '高频问题（文本挖掘）', "texts = complaint texts and comments of NPS answers 0–8 in the period; words from the Unicode word breaker (runs of single Han characters joined), minus function words and the configured stop words, plus adjacent word pairs; each term counted once per text; terms in fewer than minIssueTexts texts dropped; ranked by texts; a word that mostly (≥ 60%) appears inside a listed pair is not listed; two example texts each, newest first", 'texts, ratio', 'No texts: no issues. Word breaking is statistical: treat terms as pointers to the examples, not as categories.'),
];
