/**
 * The reps ranked (by target attainment, then revenue, as the analysis
 * ranks them): sales, deals, activity, their customers' satisfaction and
 * attainment. A rep opens the customers they own.
 */
import { Card, Empty, Table, Typography, type TableProps } from 'antd';
import type { HTMLAttributes } from 'react';
import { href } from '../../app/hash-route.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatMoney, formatNumber, formatPercent, useMoney } from '../../app/money.js';
import { AttainmentProgress } from './attainment-progress.js';
import type { RepPerformance } from './team-types.js';

const m = {
  'zh-CN': {
    title: '销售排行榜', note: '按目标达成率排名，无目标的销售按销售额排在后面。点击姓名查看其负责的客户。',
    rank: '排名', meanScore: '满意度均分 {n}', ofTarget: '目标 {target}', rep: '销售', team: '团队', revenue: '销售额', orders: '订单', customers: '成交客户（新客户）', winRate: '赢单率',
    conversion: '商机转化率', dealSize: '平均成交额', cycle: '周期（天）', activities: '活动（拜访）', satisfaction: '负责客户满意度', csat: 'CSAT', nps: 'NPS',
    target: '目标', attainment: '目标达成', noTarget: '无目标', wonLost: '赢 {won} / 输 {lost}', unknown: '未分组', empty: '该期间没有销售业绩数据：导入销售人员、订单和商机后可见。',
  },
  en: {
    title: 'Leaderboard', note: 'Ranked by target attainment; reps without a target follow, by revenue. Click a name to see the customers they own.',
    rank: 'Rank', meanScore: 'Mean score {n}', ofTarget: 'Target {target}', rep: 'Rep', team: 'Team', revenue: 'Revenue', orders: 'Orders', customers: 'Customers (new)', winRate: 'Win rate',
    conversion: 'Conversion', dealSize: 'Avg deal size', cycle: 'Cycle (days)', activities: 'Activities (visits)', satisfaction: 'Customer satisfaction', csat: 'CSAT', nps: 'NPS',
    target: 'Target', attainment: 'Attainment', noTarget: 'No target', wonLost: 'won {won} / lost {lost}', unknown: 'No team', empty: 'No sales results in this period: import reps, orders and opportunities to see them.',
  },
} as const;

type Column = NonNullable<TableProps<RepPerformance>['columns']>[number];

/** Headers wrap between words, never inside one ("Reven|ue"), whatever width the table gives a column. */
function keepWords(columns: Column[]): Column[] {
  return columns.map((c) => ({
    ...c,
    onHeaderCell: () => ({ style: { overflowWrap: 'normal', wordBreak: 'normal' } }),
    ...('children' in c && c.children ? { children: keepWords(c.children) } : {}),
  }));
}

export function Leaderboard({ reps, scope }: { reps: readonly RepPerformance[]; scope: Readonly<Record<string, string | undefined>> }) {
  const t = useT(m);
  const { lang } = useLang();
  const { unit } = useMoney();
  const money = (v: number | null) => formatMoney(v, unit, lang);
  const num = (v: number | null, digits = 0) => formatNumber(v, lang, digits);
  const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;
  const by = (f: (r: RepPerformance) => number | null) => (a: RepPerformance, b: RepPerformance) => (f(a) ?? -Infinity) - (f(b) ?? -Infinity);
  return (
    <Card size="small" title={t('title')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('note')}</Typography.Paragraph>
      {reps.length === 0 ? (
        <Empty description={t('empty')} />
      ) : (
        <Table<RepPerformance>
          size="small"
          rowKey="repId"
          pagination={false}
          dataSource={reps as RepPerformance[]}
          // Long headers wrap at spaces rather than widen the table; rank, rep and attainment stay in view when it scrolls.
          scroll={{ x: 1100 }}
          tableLayout="auto"
          data-testid="leaderboard"
          onRow={(r) => ({ 'data-testid': `rep-row-${r.repId}` }) as HTMLAttributes<HTMLElement>}
          columns={keepWords([
            { title: t('rank'), key: 'rank', fixed: 'left', align: 'center', width: 56, render: (_, r) => <span data-testid="rep-rank">{r.rank}</span> },
            {
              title: t('rep'),
              key: 'rep',
              fixed: 'left',
              render: (_, r) => (
                <div style={{ whiteSpace: 'nowrap' }}>
                  <a href={href('/customers', { ...scope, rep: r.repId })} data-testid="rep-link">{r.name ?? r.repId}</a>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{r.team ?? t('unknown')}</div>
                </div>
              ),
            },
            { title: t('revenue'), key: 'revenue', align: 'right', render: (_, r) => <span data-testid="rep-revenue" style={{ whiteSpace: 'nowrap' }}>{money(r.revenue)}</span>, sorter: by((r) => r.revenue) },
            { title: t('orders'), key: 'orders', align: 'right', render: (_, r) => num(r.orders) },
            { title: t('customers'), key: 'customers', align: 'right', render: (_, r) => nowrap(`${num(r.customers)} (${num(r.newCustomers)})`) },
            {
              title: t('winRate'),
              key: 'winRate',
              align: 'right',
              render: (_, r) => <span title={t('wonLost', { won: r.won, lost: r.lost })}>{formatPercent(r.winRate, lang)}</span>,
              sorter: by((r) => r.winRate),
            },
            { title: t('conversion'), key: 'conversion', align: 'right', render: (_, r) => formatPercent(r.conversion, lang) },
            { title: t('dealSize'), key: 'dealSize', align: 'right', render: (_, r) => nowrap(money(r.averageDealSize)) },
            { title: t('cycle'), key: 'cycle', align: 'right', render: (_, r) => num(r.medianCycleDays, 1) },
            { title: t('activities'), key: 'activities', align: 'right', render: (_, r) => nowrap(`${num(r.activities)} (${num(r.visits)})`) },
            {
              title: t('satisfaction'),
              children: [
                { title: t('csat'), key: 'csat', align: 'right', render: (_, r) => <span title={t('meanScore', { n: num(r.meanSatisfaction, 2) })}>{formatPercent(r.csat, lang)}</span> },
                { title: t('nps'), key: 'nps', align: 'right', render: (_, r) => num(r.nps, 1) },
              ],
            },
            {
              title: t('attainment'),
              key: 'attainment',
              width: 170,
              fixed: 'right',
              sorter: by((r) => r.attainment),
              render: (_, r) => (
                <>
                  <AttainmentProgress attainment={r.attainment} noTarget={t('noTarget')} />
                  {r.target !== null && <div style={{ fontSize: 12, color: '#8c8c8c', whiteSpace: 'nowrap' }}>{t('ofTarget', { target: money(r.target) })}</div>}
                </>
              ),
            },
          ])}
        />
      )}
    </Card>
  );
}
