/** The whole team in the period: revenue against target, deals, new customers and activity. */
import { Card, Col, Statistic } from 'antd';
import { StatCards } from '../../app/stat-cards.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { AttainmentProgress } from './attainment-progress.js';
import type { TeamTotals } from './team-shape.js';

const m = {
  'zh-CN': { revenue: '团队销售额', target: '团队目标', attainment: '目标达成', reps: '销售人数', winRate: '赢单率', newCustomers: '新客户', activities: '活动数', noTarget: '无目标' },
  en: { revenue: 'Team revenue', target: 'Team target', attainment: 'Attainment', reps: 'Reps', winRate: 'Win rate', newCustomers: 'New customers', activities: 'Activities', noTarget: 'No target' },
} as const;

export function TeamSummary({ totals }: { totals: TeamTotals }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const cards = [
    { key: 'revenue', title: t('revenue'), value: formatMoney(totals.revenue, unit, lang) },
    { key: 'target', title: t('target'), value: formatMoney(totals.target, unit, lang) },
    { key: 'reps', title: t('reps'), value: formatNumber(totals.reps, lang) },
    { key: 'win-rate', title: t('winRate'), value: formatPercent(totals.winRate, lang) },
    { key: 'new-customers', title: t('newCustomers'), value: formatNumber(totals.newCustomers, lang) },
    { key: 'activities', title: t('activities'), value: formatNumber(totals.activities, lang) },
  ];
  return (
    <StatCards cards={cards} prefix="team">
      <Col xs={24} md={16} xl={12} xxl={6}>
        <Card size="small" data-testid="team-attainment" style={{ height: '100%' }}>
          <Statistic title={t('attainment')} value={formatPercent(totals.attainment, lang)} />
          <AttainmentProgress attainment={totals.attainment} noTarget={t('noTarget')} />
        </Card>
      </Col>
    </StatCards>
  );
}
