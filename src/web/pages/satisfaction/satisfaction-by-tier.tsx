/** NPS, CSAT and mean score per value tier; a tier opens its customers. */
import { Card, Empty, Table } from 'antd';
import type { HTMLAttributes } from 'react';
import { href } from '../../app/hash-route.js';
import { useLang, useT, useTierLabel } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';
import type { SatisfactionPoint } from './satisfaction-types.js';

const m = {
  'zh-CN': { title: '各分层满意度', tier: '价值分层', nps: 'NPS', npsAnswers: 'NPS 回答', csat: 'CSAT', mean: '均分', surveyAnswers: '问卷回答', unknown: '未分层', empty: '该期间没有回答。' },
  en: { title: 'Satisfaction by tier', tier: 'Value tier', nps: 'NPS', npsAnswers: 'NPS answers', csat: 'CSAT', mean: 'Mean score', surveyAnswers: 'Survey answers', unknown: 'No tier', empty: 'No answers in this period.' },
} as const;

const tierOrder = ['strategic', 'high_value', 'potential', 'long_tail'];

export function SatisfactionByTier({ rows, scope }: { rows: readonly SatisfactionPoint[]; scope: Readonly<Record<string, string | undefined>> }) {
  const t = useT(m);
  const { lang } = useLang();
  const tierLabel = useTierLabel();
  // Tiers in their value order rather than alphabetically as the API sorts them.
  const rank = (g: string) => (tierOrder.includes(g) ? tierOrder.indexOf(g) : tierOrder.length);
  const sorted = [...rows].sort((a, b) => rank(a.group) - rank(b.group));
  return (
    <Card size="small" title={t('title')} style={{ height: '100%' }}>
      {rows.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Table<SatisfactionPoint>
          size="small"
          rowKey="group"
          pagination={false}
          dataSource={sorted}
          data-testid="sat-by-tier"
          onRow={(r) => ({ 'data-testid': `tier-row-${r.group}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('tier'), key: 'tier', render: (_, r) => (r.group === 'unknown' ? t('unknown') : <a href={href('/customers', { ...scope, tier: r.group })} style={{ whiteSpace: 'nowrap' }}>{tierLabel(r.group)}</a>) },
            { title: t('nps'), key: 'nps', align: 'right', render: (_, r) => formatNumber(r.nps, lang, 1) },
            { title: t('npsAnswers'), key: 'npsResponses', align: 'right', render: (_, r) => formatNumber(r.npsResponses, lang) },
            { title: t('csat'), key: 'csat', align: 'right', render: (_, r) => formatPercent(r.csat, lang) },
            { title: t('mean'), key: 'mean', align: 'right', render: (_, r) => formatNumber(r.meanScore, lang, 2) },
            { title: t('surveyAnswers'), key: 'surveyResponses', align: 'right', render: (_, r) => formatNumber(r.surveyResponses, lang) },
          ]}
        />
      )}
    </Card>
  );
}
