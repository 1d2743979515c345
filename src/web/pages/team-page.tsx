/**
 * The sales team in the period: totals, the leaderboard (with attainment),
 * the roll-up per team and the period's target split by region, industry,
 * tier and rep.
 */
import { Alert, Col, Row, Typography } from 'antd';
import { analysisQuery, FilterBar, filtersOf } from '../app/filter-bar.js';
import { navigate, type Route } from '../app/hash-route.js';
import { useLang, useT } from '../app/i18n.js';
import { formatDate } from '../app/money.js';
import { Loading } from '../app/page-state.js';
import { useApi } from '../app/use-api.js';
import { Leaderboard } from './team/leaderboard.js';
import { isSplitDimension, TargetSplitCard } from './team/target-split-card.js';
import { TeamRollup } from './team/team-rollup.js';
import { activeReps, activeTeams, teamTotals } from './team/team-shape.js';
import { TeamSummary } from './team/team-summary.js';
import type { TeamData } from './team/team-types.js';

const m = {
  'zh-CN': {
    period: '{from} 至 {to} 的业绩', scope: '范围：{scope}',
    scopedNote: '按范围筛选时只列出在范围内有业绩、商机或活动的销售和团队；目标仍是各销售的完整目标（不按范围拆分），达成率和目标分解请结合范围理解。',
  },
  en: {
    period: 'Results from {from} to {to}', scope: 'Scope: {scope}',
    scopedNote: 'With a filter, only reps and teams with sales, deals or activity among the filtered customers are listed; targets are still each rep\'s whole target (not split by the filter), so read attainment and the decomposition with that in mind.',
  },
} as const;

export function TeamPage({ route }: { route: Route }) {
  const filters = filtersOf(route);
  const team = useApi<TeamData>('/api/team', analysisQuery(filters));
  return (
    <div data-testid="team-page">
      <FilterBar route={route} showTier={false} />
      <Loading state={team}>{(d) => <TeamBody d={d} route={route} />}</Loading>
    </div>
  );
}

function TeamBody({ d, route }: { d: TeamData; route: Route }) {
  const t = useT(m);
  const { lang } = useLang();
  const f = filtersOf(route);
  const split = isSplitDimension(route.params.split) ? route.params.split : 'region';
  const scoped = d.scope !== null;
  const reps = activeReps(d.reps, scoped);
  return (
    <>
      <Typography.Paragraph type="secondary" data-testid="team-period">
        {t('period', { from: formatDate(d.period.from, lang), to: formatDate(d.period.to, lang) })}
        {d.scope && ` · ${t('scope', { scope: d.scope })}`}
      </Typography.Paragraph>
      {scoped && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('scopedNote')} data-testid="team-scoped-note" />}
      <TeamSummary totals={teamTotals(reps)} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col span={24}>
          <Leaderboard reps={reps} scope={{ region: f.region, industry: f.industry }} />
        </Col>
        <Col span={24}>
          <TeamRollup teams={activeTeams(d.teams, scoped)} />
        </Col>
        <Col span={24}>
          <TargetSplitCard split={d.targetSplit} dimension={split} reps={d.reps} onDimension={(dim) => navigate(route.path, { ...route.params, split: dim })} />
        </Col>
      </Row>
    </>
  );
}
