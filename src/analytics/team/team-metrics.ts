/** The team measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('team');

export const teamMetrics: readonly MetricDefinition[] = [
  m('rep_revenue', 'Rep revenue, orders and customers', '销售个人业绩', "net revenue of the lines credited to the rep (the line's rep, else the customer's owner); orders dated in the period, credited with their first purchase line, and the customers who placed them; new customers = those of them whose first order ever is in the period", '元, orders, customers', 'Returns subtract from the rep credited with the return line. Reps with no sales show 0.'),
  m('rep_deals', 'Rep deals, win rate, deal size and cycle', '个人赢单率与客单', "opportunities the rep owns closed in the period: won, lost, win rate = won ÷ (won + lost), average deal size = won amount (expected when missing) ÷ won, median days created → closed of the won", 'count, ratio, 元, days', 'Nothing closed: null rates.'),
  m('rep_activities', 'Rep activities', '个人拜访/跟进量', 'interactions logged by the rep in the period, and the visits among them', 'count', '—'),
  m('rep_satisfaction', "Rep's customers' satisfaction", '负责客户满意度', "survey answers and NPS answers in the period of the customers the rep owns: mean score, CSAT share (score ≥ csatSatisfied) and NPS", 'score, ratio, points', 'No answers: null.'),
  m('rep_attainment', 'Target attainment', '目标达成率', "rep revenue ÷ the rep's targets overlapping the period, each prorated by the share of its days inside the period", 'ratio', 'No target (or 0): null, and the rep ranks after every rep with a target.'),
  m('rep_rank', 'Leaderboard rank', '业绩排名', 'attainment descending; reps without a target after, by revenue descending; then rep id', 'rank', 'Ties keep the id order.'),
  m('team_rollup', 'Team performance', '团队业绩', "sums of the team's reps' revenue, targets, won and lost deals and activities; attainment and win rate from those sums", 'as above', 'Reps without a team form "unknown". A team with no target has null attainment.'),
  m('rep_conversion', 'Rep opportunity conversion', '个人商机转化率', 'opportunities the rep created in the period and won by the as-of date ÷ opportunities the rep created in the period', 'ratio', 'None created: null. Recent deals may still be open, so a late period converts lower.'),
  m('target_split', 'Target decomposition', '目标分解', "the period's target (company targets overlapping it, prorated by days; else the sum of rep targets) split across regions, industries, tiers and owners (the customer's own attributes) with weight = (1 − α) × share of last period's net revenue (each customer ≥ 0) + α × share of the customers' potential scores, α = team.potentialWeight (default 0.3); whole 元 by the largest-remainder method, so each split adds up to the total exactly", '元', 'No targets: none. A basis that is all zero drops out (weight from the other alone); with neither, an even split. Ties in the remainder: larger weight, then list order.'),
];
