/** The reps' results per team: revenue against the team's targets, deals and activity. */
import { Card, Col, Empty, Row, Table } from 'antd';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { barOption } from '../../charts/bar-option.js';
import { EChart } from '../../charts/echart.js';
import { AttainmentProgress } from './attainment-progress.js';
import { attainmentBand, bandColor } from './team-shape.js';
import type { TeamPerformance } from './team-types.js';

const m = {
  'zh-CN': {
    title: '团队汇总', team: '团队', reps: '人数', revenue: '销售额', target: '目标', attainment: '目标达成', won: '赢单', lost: '输单', winRate: '赢单率', activities: '活动',
    noTarget: '无目标', unknown: '未分组', full: '目标 100%', empty: '没有团队数据。',
  },
  en: {
    title: 'Teams', team: 'Team', reps: 'Reps', revenue: 'Revenue', target: 'Target', attainment: 'Attainment', won: 'Won', lost: 'Lost', winRate: 'Win rate', activities: 'Activities',
    noTarget: 'No target', unknown: 'No team', full: 'Target 100%', empty: 'No teams.',
  },
} as const;

export function TeamRollup({ teams }: { teams: readonly TeamPerformance[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const name = (team: string) => (team === 'unknown' ? t('unknown') : team);
  const withTarget = teams.filter((x) => x.attainment !== null);
  return (
    <Card size="small" title={t('title')}>
      {teams.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Row gutter={16}>
          {withTarget.length > 0 && (
            <Col xs={24} xl={8}>
              <EChart
                testId="team-chart"
                height={Math.max(180, 34 * withTarget.length + 50)}
                option={barOption(
                  withTarget.map((x) => ({ name: name(x.team), value: (x.attainment ?? 0) * 100, label: formatPercent(x.attainment, lang), color: bandColor(attainmentBand(x.attainment)) })),
                  { axisLabel: (v) => `${v}%`, reference: { value: 100, label: t('full') } },
                )}
              />
            </Col>
          )}
          <Col xs={24} xl={withTarget.length > 0 ? 16 : 24}>
            <Table
              size="small"
              rowKey="team"
              pagination={false}
              dataSource={teams as TeamPerformance[]}
              scroll={{ x: 720 }}
              data-testid="team-table"
              columns={[
                { title: t('team'), key: 'team', render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{name(x.team)}</span> },
                { title: t('reps'), key: 'reps', align: 'right', render: (_, x) => formatNumber(x.reps, lang) },
                { title: t('revenue'), key: 'revenue', align: 'right', render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(x.revenue, unit, lang)}</span> },
                { title: t('target'), key: 'target', align: 'right', render: (_, x) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(x.target, unit, lang)}</span> },
                { title: t('attainment'), key: 'attainment', width: 170, render: (_, x) => <AttainmentProgress attainment={x.attainment} noTarget={t('noTarget')} /> },
                { title: t('won'), key: 'won', align: 'right', render: (_, x) => formatNumber(x.won, lang) },
                { title: t('lost'), key: 'lost', align: 'right', render: (_, x) => formatNumber(x.lost, lang) },
                { title: t('winRate'), key: 'winRate', align: 'right', render: (_, x) => formatPercent(x.winRate, lang) },
                { title: t('activities'), key: 'activities', align: 'right', render: (_, x) => formatNumber(x.activities, lang) },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}
