/** NPS and CSAT month by month over the period; months without answers stay gaps on a regular axis. */
import { Card, Empty, Typography } from 'antd';
import { useT } from '../../app/i18n.js';
import { EChart } from '../../charts/echart.js';
import { monthsBetween, npsTrendOption } from '../../charts/nps-trend-option.js';
import type { SatisfactionData } from './satisfaction-types.js';

const m = {
  'zh-CN': { title: 'NPS 与 CSAT 月度趋势', nps: 'NPS', csat: 'CSAT 满意率', responses: '回答数', note: '点越大，当月回答越多；回答很少的月份波动大，仅供参考。', empty: '该期间没有 NPS 或满意度回答：导入 NPS 调查和满意度问卷后可见。' },
  en: { title: 'NPS and CSAT by month', nps: 'NPS', csat: 'CSAT', responses: 'Answers', note: 'Bigger dots mean more answers that month; months with few answers swing widely.', empty: 'No NPS or survey answers in this period: import the NPS and satisfaction surveys to see the trend.' },
} as const;

export function NpsTrend({ d }: { d: SatisfactionData }) {
  const t = useT(m);
  const byMonth = new Map(d.byMonth.map((p) => [p.group, p]));
  const points = monthsBetween(d.period.from, d.period.to).map((month) => {
    const p = byMonth.get(month);
    return { month, nps: p?.nps ?? null, npsResponses: p?.npsResponses ?? 0, csat: p?.csat ?? null, surveyResponses: p?.surveyResponses ?? 0 };
  });
  return (
    <Card size="small" title={t('title')} style={{ height: '100%' }}>
      {d.byMonth.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <>
          <EChart testId="nps-trend-chart" height={300} option={npsTrendOption(points, { nps: t('nps'), csat: t('csat'), responses: t('responses') })} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('note')}</Typography.Text>
        </>
      )}
    </Card>
  );
}
