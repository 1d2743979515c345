/** The churn reasons recorded up to the as-of date: how many customers gave each, and its share. Shown on the churn and satisfaction pages. */
import { Empty, Progress, Table } from 'antd';
import type { ChurnReasonRow } from '../../../analytics/satisfaction/complaint-summary.js';
import { useLang, useT } from '../../app/i18n.js';
import { formatNumber, formatPercent } from '../../app/money.js';

const m = {
  'zh-CN': { reason: '原因', customers: '客户数', share: '占比', unknown: '未注明原因', none: '还没有记录的流失原因', noneHint: '导入流失记录（流失日期、原因）后，这里会显示客户为何流失。' },
  en: { reason: 'Reason', customers: 'Customers', share: 'Share', unknown: 'No reason given', none: 'No churn reasons recorded yet', noneHint: 'Import churn records (date, reason) to see why customers leave.' },
} as const;

export function useReasonName(): (reason: string) => string {
  const t = useT(m);
  return (reason) => (reason === 'unknown' ? t('unknown') : reason);
}

export function ChurnReasons({ reasons }: { reasons: readonly ChurnReasonRow[] }) {
  const t = useT(m);
  const { lang } = useLang();
  const name = useReasonName();
  if (reasons.length === 0) return <Empty description={<>{t('none')}<br />{t('noneHint')}</>} />;
  return (
    <Table<ChurnReasonRow>
      size="small"
      rowKey="reason"
      pagination={false}
      dataSource={[...reasons]}
      data-testid="churn-reasons"
      columns={[
        { title: t('reason'), key: 'reason', render: (_, r) => name(r.reason) },
        { title: t('customers'), key: 'customers', align: 'right', width: 90, render: (_, r) => formatNumber(r.customers, lang) },
        {
          title: t('share'),
          key: 'share',
          width: 200,
          render: (_, r) => (
            <span style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Progress percent={r.share * 100} showInfo={false} size="small" style={{ flex: 1, margin: 0 }} />
              <span data-testid="reason-share" style={{ width: 52, textAlign: 'right' }}>{formatPercent(r.share, lang)}</span>
            </span>
          ),
        },
      ]}
    />
  );
}
