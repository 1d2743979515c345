/** The funnel measures' definitions: docs/metrics.md is generated from these. */
import { metricsOf, type MetricDefinition } from '../metric-definition.js';

const m = metricsOf('funnel');

export const funnelMetrics: readonly MetricDefinition[] = [
  m('stage_reached', 'Opportunities reaching a stage', '阶段到达数', 'opportunities created in the period whose furthest stage (from the stage history, the current stage, or won = the last stage) is this stage or a later one; stage names match the configured stages or their aliases, ignoring case', 'opportunities', 'Skipped stages count as passed. An opportunity with no recognisable stage counts at the first stage. 输单/Lost rows are not stages.'),
  m('stage_conversion', 'Stage conversion', '阶段转化率', 'reached(stage) ÷ reached(previous stage); from first = reached(stage) ÷ reached(first stage)', 'ratio', 'Nothing reached the previous stage: null. Open deals count where they stand, so recent periods convert lower until they close.'),
  m('stage_dwell', 'Stage dwell time', '阶段停留时长', 'days from entering a stage to the next row of the same opportunity\'s stage history (any stage, or lost); median and mean over opportunities with both rows', 'days', 'A stage with no following row (still there, or the last) has no dwell; null when none.'),
  m('funnel_bottleneck', 'Funnel bottleneck', '漏斗瓶颈', 'the transition with the lowest stage conversion, with the dwell in the stage before it and the top reasons of deals lost there (furthest stage = that stage)', 'stage', 'Ties: the earlier transition. No opportunities: none.'),
  m('funnel_decline', 'Conversion against history', '转化率同历史对比', 'for each transition, the conversion over every opportunity created before the period (historical) beside the period\'s; the decline is the transition with the largest fall (period − historical < 0)', 'ratio, points', 'No earlier opportunities: no historical rate and no decline.'),
  m('funnel_win_rate', 'Win rate (funnel)', '赢单率（漏斗）', 'won ÷ (won + lost) over opportunities created in the period; won amount = Σ won amount (expected amount when missing); cycle = median days created → closed of the won', 'ratio, 元, days', 'Nothing closed: null. The KPI win rate counts deals closed in the period instead.'),
  m('funnel_slices', 'Funnel by source, rep, region and quarter', '分维度漏斗', 'the reached counts, won, lost, win rate and overall conversion (reached last ÷ reached first) per lead source, rep (name from reps), region (the deal\'s, else the customer\'s, else the rep\'s) or quarter of creation', 'as above', 'Missing values form an "unknown" group.'),
  m('lost_reasons', 'Lost reasons', '输单原因', 'lost opportunities created in the period by reason: count, share of lost deals and expected amount', 'opportunities, ratio, 元', 'A blank reason is "unknown".'),
  m('stalled_deals', 'Stalled deals', '停滞商机', 'open opportunities created by the as-of date whose last movement (latest of creation, current-stage date and stage-history rows) is at least stalledDays (default 60) before the as-of date; listed by expected amount', 'opportunities, 元', 'Any creation date counts: a deal stalled since last year is still stalled.'),
];
